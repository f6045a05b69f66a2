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
        and type(prev_hash) is str
        and type(at_iso) is str
        and type(actor) is str
        and type(action) is str
        and type(entity) is str
        and type(entity_id) is str
        and type(before_json) is str
        and type(after_json) is str
    ):
        return text_entry_hash(
            prev_hash, seq, at_iso, actor, action, entity, entity_id, before_json, after_json
        )
    content = canonical_json(  # anything else as canonical_json spells it
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


def text_entry_hash(
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
    """:func:`entry_hash` of a sequence number that is an ``int`` and values that are all
    ``str``, without checking that they are (the chain scan has checked them already: a
    million entries' worth of type checks made twice)."""
    return _sha256(
        (
            prev_hash
            + _CONTENT
            % (
                _json_str(action),
                _json_str(actor),
                _json_str(after_json),
                _json_str(at_iso),
                _json_str(before_json),
                _json_str(entity),
                _json_str(entity_id),
                seq,
            )
        ).encode("utf-8")
    ).hexdigest()


# The stored spelling, in ASCII digits, with the time's fields in range (hours 00-23,
# minutes and seconds 00-59: what the datetime parser accepts, without its "24:00:00" of
# newer Pythons); the date's calendar (month lengths, leap years, no year 0) is then the
# date parser's to check — once per day, not once per entry: a day's entries share it.
_STORED_AT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2} (?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]\.[0-9]{6}"
)
_stored_shape = _STORED_AT.fullmatch
_from_iso = dt.date.fromisoformat
_DAYS: dict[str, bool] = {}  # day -> a real date; cleared when full (memory stays flat)
_DAYS_MAX = 4096


def stored_at_iso(raw: object) -> str | None:
    """The hashed spelling of an entry's time from its stored text
    (``YYYY-MM-DD HH:MM:SS.ffffff``, naive UTC, as both engines are read), or None when the
    stored value is not exactly that: another type, NULL, garbage or an impossible date."""
    if type(raw) is not str or _stored_shape(raw) is None:
        return None
    day = raw[:10]
    real = _DAYS.get(day)
    if real is None:
        try:
            _from_iso(day)
            real = True
        except ValueError:
            real = False
        if len(_DAYS) >= _DAYS_MAX:
            _DAYS.clear()
        _DAYS[day] = real
    return f"{day}T{raw[11:]}Z" if real else None
