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


# canonical_json of the hashed content, spelled out: its keys in sorted order, each string
# value through the json module's own escaping (the C encoder json.dumps uses with
# ensure_ascii=False). One format instead of a dict, a sort and an encoder per entry; the
# same characters (tests/unit/test_audit_chain.py holds the two spellings equal).
_CONTENT = (
    '{"action":%s,"actor":%s,"after":%s,"at":%s,"before":%s,"entity":%s,"entity_id":%s,"seq":%d}'
)
_json_str = json.encoder.encode_basestring
_sha256 = hashlib.sha256


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
    """SHA-256 (hex) of the previous entry's hash followed by the canonical JSON of this
    entry's content: {"action", "actor", "after", "at", "before", "entity", "entity_id",
    "seq"}."""
    if (
        type(seq) is int
        and type(at_iso) is str
        and type(actor) is str
        and type(action) is str
        and type(entity) is str
        and type(entity_id) is str
        and type(before_json) is str
        and type(after_json) is str
    ):
        content = _CONTENT % (
            _json_str(action),
            _json_str(actor),
            _json_str(after_json),
            _json_str(at_iso),
            _json_str(before_json),
            _json_str(entity),
            _json_str(entity_id),
            seq,
        )
    else:  # anything else as canonical_json spells it
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
    return _sha256((prev_hash + content).encode("utf-8")).hexdigest()


# The stored spelling, in ASCII digits; the calendar (month lengths, leap years, hours
# 0-23) is then the datetime parser's to check.
_STORED_AT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}")
_stored_shape = _STORED_AT.fullmatch
_from_iso = dt.datetime.fromisoformat


def stored_at_iso(raw: object) -> str | None:
    """The hashed spelling of an entry's time from its stored text
    (``YYYY-MM-DD HH:MM:SS.ffffff``, naive UTC, as both engines are read), or None when the
    stored value is not exactly that: another type, NULL, garbage or an impossible date."""
    if type(raw) is not str or _stored_shape(raw) is None or raw[11:13] == "24":
        return None  # (hour 24: newer Pythons read "24:00:00" as the next midnight)
    try:
        _from_iso(raw)
    except ValueError:
        return None
    return f"{raw[:10]}T{raw[11:]}Z"
