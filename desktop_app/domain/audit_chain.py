"""The audit trail's hash chain: each entry hashes the previous entry's hash and its own
canonical content, so an edited, deleted or reordered entry breaks every hash after it."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from typing import Any

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    """One spelling per value: sorted keys, no spaces, Unicode kept as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def entry_hash(
    prev_hash: str,
    seq: int,
    at_iso: str,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    before_json: str,
    after_json: str,
) -> str:
    content = canonical_json(
        {
            "seq": seq,
            "at": at_iso,
            "actor": actor,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "before": before_json,
            "after": after_json,
        }
    )
    return hashlib.sha256((prev_hash + content).encode("utf-8")).hexdigest()


_STORED_AT = re.compile(r"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{6})")


def stored_at_iso(raw: object) -> str | None:
    """The hashed spelling of an entry's time from its stored text
    (``YYYY-MM-DD HH:MM:SS.ffffff``, naive UTC, as both engines are read), or None when the
    stored value is not exactly that: another type, NULL, garbage or an impossible date."""
    if not isinstance(raw, str):
        return None
    m = _STORED_AT.fullmatch(raw)
    if m is None:
        return None
    y, mo, d, h, mi, s, us = (int(g) for g in m.groups())
    try:
        dt.datetime(y, mo, d, h, mi, s, us)
    except ValueError:
        return None
    return f"{raw[:10]}T{raw[11:26]}Z"
