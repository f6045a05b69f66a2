"""The chain's hash and time spellings (desktop_app/domain/audit_chain.py), held against the
plain definitions they were made faster than: the canonical JSON of a dict, and a parse of
each field of ``YYYY-MM-DD HH:MM:SS.ffffff`` into a datetime. A difference here would make
every trail written before the change fail to verify, or let a malformed time through."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain import audit_chain
from desktop_app.domain.audit_chain import (
    canonical_json,
    entry_hash,
    stored_at_iso,
    text_entry_hash,
)


def reference_hash(prev: str, seq: int, at: str, actor: str, action: str, entity: str,
                   entity_id: str, before: str, after: str) -> str:  # fmt: skip
    content = canonical_json({"seq": seq, "at": at, "actor": actor, "action": action,
                              "entity": entity, "entity_id": entity_id, "before": before,
                              "after": after})  # fmt: skip
    return hashlib.sha256((prev + content).encode("utf-8")).hexdigest()


# Every character a stored text can hold: quotes, backslashes, control characters, Thai,
# characters outside the BMP, U+2028 (which some JSON encoders escape).
TEXTS = st.text(
    st.characters(blacklist_categories=("Cs",))
    | st.sampled_from('"\\/\x00\x1f\x7f\u2028\u2029กข🙂'),
    max_size=40,
)


@settings(max_examples=400, deadline=None)
@given(prev=TEXTS, seq=st.integers(-(10**20), 10**20), at=TEXTS, actor=TEXTS, action=TEXTS,
       entity=TEXTS, entity_id=TEXTS, before=TEXTS, after=TEXTS)  # fmt: skip
def test_entry_hash_is_the_canonical_json_hash(prev, seq, at, actor, action, entity, entity_id,
                                               before, after):  # fmt: skip
    args = (prev, seq, at, actor, action, entity, entity_id, before, after)
    assert entry_hash(*args) == reference_hash(*args)
    assert text_entry_hash(*args) == reference_hash(*args)  # the chain scan's, unchecked


def test_entry_hash_of_a_real_entry_is_unchanged() -> None:
    """A fixed entry's hash, as the first version of the chain computed it."""
    args = ("0" * 64, 7, "2026-12-01T21:15:00.627101Z", "clerk1", "ticket.issue", "ticket",
            "2026-12-01/A001", "null", '{"code":"A001","note":"ผู้สูงอายุ \\"VIP\\""}')  # fmt: skip
    assert entry_hash(*args) == reference_hash(*args)


@given(value=st.one_of(st.booleans(), st.floats(allow_nan=False), st.none()))
def test_entry_hash_of_other_types_is_still_the_canonical_one(value) -> None:
    """Values of other types (none that the program writes) take canonical_json's way."""
    args = ("0" * 64, value, "t", "a", "b", "c", "d", "e", "f")
    assert entry_hash(*args) == reference_hash(*args)


_REFERENCE_AT = re.compile(r"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{6})")


def reference_at(raw: object) -> str | None:
    if not isinstance(raw, str) or not raw.isascii():
        return None
    m = _REFERENCE_AT.fullmatch(raw)
    if m is None:
        return None
    try:
        dt.datetime(*(int(g) for g in m.groups()))
    except ValueError:
        return None
    return f"{raw[:10]}T{raw[11:26]}Z"


def _mutations(text: str) -> st.SearchStrategy[str]:
    """The text with one character replaced, removed or added."""
    i = st.integers(0, len(text))
    ch = st.sampled_from("0123456789 -:.T+Z,x\n๑")
    return st.one_of(
        st.tuples(i, ch).map(lambda p: text[: p[0]] + p[1] + text[p[0] + 1 :]),
        i.map(lambda k: text[:k] + text[k + 1 :]),
        st.tuples(i, ch).map(lambda p: text[: p[0]] + p[1] + text[p[0] :]),
    )


STORED_TIMES = st.datetimes(dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31)).map(
    lambda d: d.strftime("%Y-%m-%d %H:%M:%S.%f")
)


@settings(max_examples=600, deadline=None)
@given(raw=st.one_of(
    STORED_TIMES,
    STORED_TIMES.flatmap(_mutations),
    st.tuples(st.integers(0, 9999), *(st.integers(0, 99) for _ in range(5)),
              st.integers(0, 999999)).map(
        lambda f: "{:04d}-{:02d}-{:02d} {:02d}:{:02d}:{:02d}.{:06d}".format(*f)),
    st.text(max_size=30),
    st.sampled_from([None, 42, 1.5, b"2026-12-01 21:15:00.627101",
                     "2026-12-01 24:00:00.000000", "2026-12-01T21:15:00.627101",
                     "2026-12-01 21:15:00,627101", "2026-W48-2 21:15:00.627101",
                     "2026-12-01 21:15:00.627+07", "๒๐๒๖-12-01 21:15:00.627101"]),
))  # fmt: skip
def test_stored_time_is_accepted_exactly_when_every_field_parses(raw) -> None:
    assert stored_at_iso(raw) == reference_at(raw)
    assert stored_at_iso(raw) == reference_at(raw)  # again: the day's verdict remembered


def test_the_remembered_days_stay_few() -> None:
    """A trail of many days (or garbage days) does not grow the day cache without bound."""
    day = dt.date(2000, 1, 1)
    for k in range(10_000):
        raw = f"{day + dt.timedelta(days=k)} 12:00:00.000000"
        assert stored_at_iso(raw) == f"{raw[:10]}T{raw[11:]}Z"
    assert stored_at_iso("2023-02-29 12:00:00.000000") is None
    assert stored_at_iso("2024-02-29 12:00:00.000000") == "2024-02-29T12:00:00.000000Z"
    assert len(audit_chain._DAYS) <= audit_chain._DAYS_MAX
