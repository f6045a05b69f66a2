"""The audit trail's hash chain: each entry hashes the previous entry's hash and its own
canonical content, so an edited, deleted or reordered entry breaks every hash after it."""

from __future__ import annotations

import hashlib
import json
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
