"""Does the trail vouch for the tables? Each audited entity's current row must equal the
state after its latest audit entries (each field as the newest entry that records it left
it): users (role, active, unit), tickets (status, service, counter), loans (status,
approver role, who decided), assets (status, quantity: from the asset's own entries and
the asset states every loan entry records), settings (value).

A row changed behind the program's back, a row no entry made (an admin inserted with
SQL), or a row deleted, is a :class:`~db.audit.Mismatch`.

Everything is read raw (``text()`` queries, no ORM types), so no stored value can make the
comparison fail, and streamed (each entity's newest entries joined with their rows in one
query), so memory stays flat however long the trail is — except for assets, whose states
are gathered in one pass (the register holds thousands, not millions).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, bindparam, text

from db.audit import Mismatch, streamed

CHUNK = 900  # ids per IN (...) lookup: under SQLite's 999 bound parameters
FIELDS: dict[str, tuple[str, ...]] = {
    "user": ("role", "active", "unit"),
    "ticket": ("status", "service", "counter"),
    "loan": ("status", "approver_role", "approved_by"),
    "setting": ("value",),
}
LOGO = ("office", "office.logo")
SERVICES_ORDER = ("office", "services.order")
DECISIONS = frozenset({"loan.approve", "loan.reject"})

State = dict[str, Any]


_AS_IS = frozenset({str, int, bool, type(None)})


def _plain(value: Any) -> Any:
    """A stored value as JSON can carry it (a report must never fail on what it reports)."""
    if type(value) in _AS_IS or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float | Decimal):
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    return repr(value)


def _as_bool(value: Any) -> Any:
    if value in (0, 1) and not isinstance(value, float):
        return bool(value)
    return _plain(value)


_decode = json.JSONDecoder().decode  # json.loads of a str, without its argument checks


def _loads(raw: Any) -> Any:
    if not isinstance(raw, str):
        return None
    try:
        return _decode(raw)
    except (ValueError, RecursionError):  # not JSON; nested deeper than the parser goes
        return None


def _chunks(rows: Iterable[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _stream(conn: Connection, sql: str, **params: Any) -> Iterator[Any]:
    return streamed(conn, text(sql), params)


# ---------------------------------------------------------------- the trail's states


def _fold(entity: str, entries: list[tuple[Any, Any, Any]]) -> State:
    """The state after an entity's entries (oldest first): (actor, action, after_json)."""
    state: State = {}
    for actor, action, after_json in entries:
        state.update(_entry_state(entity, actor, action, after_json))
    return state


def _entry_state(entity: str, actor: Any, action: Any, after_json: Any) -> State:
    """The fields one entry records (each field as the newest entry that records it left
    it: :func:`_fold` lays the entries' states over each other, oldest first)."""
    after = _loads(after_json)
    if entity == "setting":
        return {"value": after}
    state: State = {}
    if isinstance(after, dict):
        for f in FIELDS[entity]:
            if f in after:
                state[f] = after[f]
    if entity == "loan" and action in DECISIONS:
        state["approved_by"] = actor
    return state


def _older(conn: Connection, entity: str, ids: list[Any]) -> dict[Any, State]:
    """The folded states of the entities ``ids`` from all their entries."""
    rows = conn.execute(
        _in(
            "SELECT entity_id, actor, action, after_json FROM audit_log "
            "WHERE entity = :e AND entity_id IN :ids ORDER BY entity_id, id",
            "ids",
        ),
        {"e": entity, "ids": ids},
    )
    entries: dict[Any, list[tuple[Any, Any, Any]]] = {}
    for entity_id, actor, action, after_json in rows:
        entries.setdefault(entity_id, []).append((actor, action, after_json))
    return {entity_id: _fold(entity, group) for entity_id, group in entries.items()}


# ---------------------------------------------------------------- the tables' rows


def _in(sql: str, name: str) -> Any:
    return text(sql).bindparams(bindparam(name, expanding=True))


def _logo_digest(value: Any) -> Any:
    if not isinstance(value, str):
        return _plain(value)
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return value[:80]
    return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def _setting_value(scope: str, key: str, value: Any) -> Any:
    if (scope, key) == LOGO:
        return _logo_digest(value)
    if (scope, key) == SERVICES_ORDER:
        return value.split(",") if isinstance(value, str) else _plain(value)
    return _plain(value)


def _compare(entity: str, eid: str, table: State | None, trail: State) -> Iterator[Mismatch]:
    if entity == "setting" and trail.get("value") is None and table is None:
        return  # removed (the office logo), and gone
    for field in FIELDS[entity]:
        if field not in trail:
            continue
        have = None if table is None else table.get(field)
        want = trail[field]
        if table is None or have != want:
            yield Mismatch(
                entity,
                eid,
                field,
                have,
                _plain(want) if not isinstance(want, dict | list) else want,
            )


# Each entity's newest entry with its row (LEFT JOIN: none when the row is gone), in
# entity-id order, in one streamed query: the database matches the trail's ids with the
# table's keys (as the lookups by id it replaces did: the same equality on the same
# values) instead of a lookup query per chunk of ids and a dict per chunk in Python.
# Columns: entity_id, actor, action, after_json, a column never NULL in a row (NULL: no
# row), then the row's audited values as _KEYS reads them (what _row_key takes).
_TRAIL = (
    "SELECT m.entity_id, a.actor, a.action, a.after_json, {present}, {values} FROM "
    "(SELECT entity_id, max(id) AS id FROM audit_log WHERE entity = :e GROUP BY entity_id) m "
    "JOIN audit_log a ON a.id = m.id {joins} ORDER BY m.entity_id"
)
# A ticket's id is "<business date>/<code>", split at its first "/" (str.partition).
# SQLite compares the day as the lookup by day did (the stored text against the id's).
# PostgreSQL cannot cast an id's day that is not a date without failing the query, so it
# compares the other way: the ticket's date spelled YYYY-MM-DD (years 1 to 9999, the only
# ones Python's date reads in that spelling) and its code, against the id.
_TICKET_KEY = {
    "sqlite": "t.business_date = CASE WHEN instr(m.entity_id, '/') > 0 "
    "THEN substr(m.entity_id, 1, instr(m.entity_id, '/') - 1) ELSE m.entity_id END "
    "AND t.code = CASE WHEN instr(m.entity_id, '/') > 0 "
    "THEN substr(m.entity_id, instr(m.entity_id, '/') + 1) ELSE '' END",
    "postgresql": "t.business_date BETWEEN DATE '0001-01-01' AND DATE '9999-12-31' "
    "AND to_char(t.business_date, 'YYYY-MM-DD') || '/' || t.code = m.entity_id",
}


def _trail_sql(dialect: str, entity: str) -> str:
    if entity == "user":
        return _TRAIL.format(
            present="u.id",
            values="u.role, u.active, u.unit",
            joins="LEFT JOIN users u ON u.username = m.entity_id",
        )
    if entity == "ticket":
        return _TRAIL.format(
            present="t.id",
            values="t.status, s.code, c.number",
            joins=f"LEFT JOIN tickets t ON {_TICKET_KEY[dialect]} "
            "LEFT JOIN services s ON s.id = t.service_id "
            "LEFT JOIN counters c ON c.id = t.counter_id",
        )
    if entity == "loan":
        return _TRAIL.format(
            present="l.id",
            values="l.status, l.approver_role, d.username",
            joins="LEFT JOIN loans l ON l.loan_no = m.entity_id "
            "LEFT JOIN users d ON d.id = l.decided_by_id",
        )
    return _TRAIL.format(
        present="st.scope",
        values="st.scope, st.key, st.value",
        joins="LEFT JOIN settings st ON st.scope || '/' || st.key = m.entity_id",
    )


def _trail_side(conn: Connection, entity: str, found: list[int]) -> Iterator[Mismatch]:
    """Each entity of the trail against its row; ``found[0]`` counts the trail's entities
    that have a row.

    Each field is as the newest entry that records it left it, so when an entity's newest
    entry records every field (a ticket's call, completion or transfer does; a setting's
    always does) its state is that entry's alone: older entries are read only for the
    entities whose newest entry leaves a field out, a chunk at a time."""
    width = len(FIELDS[entity])
    sql = _trail_sql(conn.dialect.name, entity)
    for chunk in _chunks(_stream(conn, sql, e=entity)):
        states: list[tuple[Any, State, Any]] = []
        partial: list[Any] = []
        for row in chunk:
            entity_id = row[0]
            state = _entry_state(entity, row[1], row[2], row[3])
            if entity != "setting" and len(state) < width:
                partial.append(entity_id)
            states.append((entity_id, state, None if row[4] is None else row[5:]))
        if partial:
            folded = _older(conn, entity, partial)
            states = [(k, folded.get(k, s), v) for k, s, v in states]
        for entity_id, state, values in states:
            table = None
            if values is not None:
                found[0] += 1
                table = _row_state(entity, values)
                if _agrees(table, state):  # the common case, without a generator
                    continue
            if state:
                yield from _compare(entity, str(entity_id), table, state)


def _agrees(table: State, trail: State) -> bool:
    """No field of ``trail`` differs in ``table``: then :func:`_compare` finds nothing."""
    return not any(table.get(field) != want for field, want in trail.items())


# ---------------------------------------------------------------- rows no entry made

_KEYS = {
    "user": "SELECT username, role, active, unit FROM users",
    "ticket": "SELECT t.business_date, t.code, t.status, s.code, c.number FROM tickets t "
    "LEFT JOIN services s ON s.id = t.service_id LEFT JOIN counters c ON c.id = t.counter_id",
    "loan": "SELECT l.loan_no, l.status, l.approver_role, u.username FROM loans l "
    "LEFT JOIN users u ON u.id = l.decided_by_id",
    "setting": "SELECT scope, key, value FROM settings",
}


def _row_state(entity: str, values: Any) -> State:
    """A row's audited values (as :func:`_trail_sql` and, after the key, _KEYS select
    them), spelled as the trail records them."""
    if entity == "user":
        return {"role": _plain(values[0]), "active": _as_bool(values[1]),
                "unit": _plain(values[2])}  # fmt: skip
    if entity == "ticket":
        return {"status": _plain(values[0]), "service": _plain(values[1]),
                "counter": _plain(values[2])}  # fmt: skip
    if entity == "loan":
        return {"status": _plain(values[0]), "approver_role": _plain(values[1]),
                "approved_by": _plain(values[2])}  # fmt: skip
    return {"value": _setting_value(str(values[0]), str(values[1]), values[2])}


def _row_key(entity: str, row: Any) -> tuple[str, State]:
    if entity == "user":
        return str(row[0]), _row_state(entity, row[1:])
    if entity == "ticket":
        return f"{_plain(row[0])}/{_plain(row[1])}", _row_state(entity, row[2:])
    if entity == "loan":
        return str(row[0]), _row_state(entity, row[1:])
    return f"{row[0]}/{row[1]}", _row_state(entity, row)


def _orphans(conn: Connection, entity: str) -> Iterator[Mismatch]:
    for chunk in _chunks(_stream(conn, _KEYS[entity])):
        keyed = [_row_key(entity, r) for r in chunk]
        if entity == "setting":
            # The services' order is audited as a "service.reorder" of service "*".
            order = [k for k, _ in keyed if k == "/".join(SERVICES_ORDER)]
            keyed = [(k, s) for k, s in keyed if k not in order]
            if (
                order
                and not conn.execute(
                    text("SELECT 1 FROM audit_log WHERE entity = 'service' AND entity_id = '*'")
                ).first()
            ):
                yield Mismatch("setting", order[0], "value", None, None)
        if not keyed:
            continue
        found = {
            str(r[0])
            for r in conn.execute(
                _in(
                    "SELECT DISTINCT entity_id FROM audit_log WHERE entity = :e "
                    "AND entity_id IN :ids",
                    "ids",
                ),
                {"e": entity, "ids": [k for k, _ in keyed]},
            )
        }
        for key, state in keyed:
            if key not in found:
                for field in FIELDS[entity]:
                    yield Mismatch(entity, key, field, state[field], None)


def _services_order(conn: Connection) -> Iterator[Mismatch]:
    row = conn.execute(
        text(
            "SELECT after_json FROM audit_log WHERE entity = 'service' AND entity_id = '*' "
            "ORDER BY id DESC LIMIT 1"
        )
    ).first()
    if row is None:
        return
    want = _loads(row[0])
    stored = conn.execute(
        text("SELECT value FROM settings WHERE scope = :s AND key = :k"),
        {"s": SERVICES_ORDER[0], "k": SERVICES_ORDER[1]},
    ).first()
    have = None if stored is None else _setting_value(*SERVICES_ORDER, stored[0])
    if have != want:
        yield Mismatch("setting", "/".join(SERVICES_ORDER), "value", have, want)


# ---------------------------------------------------------------- assets


def _assets(conn: Connection) -> Iterator[Mismatch]:
    trail: dict[str, State] = {}
    rows = _stream(
        conn,
        "SELECT entity, entity_id, after_json FROM audit_log "
        "WHERE entity IN ('asset', 'loan') ORDER BY id",
    )
    for entity, entity_id, after_json in rows:
        after = _loads(after_json)
        if not isinstance(after, dict):
            continue
        states = [after] if entity == "asset" else after.get("assets")
        if not isinstance(states, list):
            continue
        for s in states:
            if isinstance(s, dict) and "asset_no" in s:
                key = str(s["asset_no"]) if entity == "loan" else str(entity_id)
                merged = trail.setdefault(key, {})
                for f in ("status", "qty"):
                    if f in s:
                        merged[f] = s[f]
    for chunk in _chunks(_stream(conn, "SELECT asset_no, status, qty_on_hand FROM assets")):
        for asset_no, status, qty in chunk:
            key = str(asset_no)
            table = {"status": _plain(status), "qty": _plain(qty)}
            want = trail.pop(key, None)
            if want is None:
                for f in ("status", "qty"):
                    yield Mismatch("asset", key, f, table[f], None)
                continue
            for f in ("status", "qty"):
                if f in want and table[f] != want[f]:
                    yield Mismatch("asset", key, f, table[f], _plain(want[f]))
    for key, want in sorted(trail.items()):
        for f in ("status", "qty"):
            if f in want:
                yield Mismatch("asset", key, f, None, _plain(want[f]))


# The tables whose rows are one per key: when every row was found from the trail's side
# (as many trail entities with a row as the table has rows: distinct trail ids name
# distinct rows), no row lacks an entry, and the search for such rows is skipped.
_TABLES = {"user": "users", "ticket": "tickets", "loan": "loans"}


def _count(conn: Connection, table: str) -> int:
    return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


# PostgreSQL, for the reconciliation's few big queries (the newest entry of 250,000
# tickets at 1,000,000 entries, joined with their rows): no JIT — the planner's estimate
# of the join is far too high, and compiling it cost 1.4 s of a 2.7 s query — and sorts
# and hashes in memory rather than in temporary files. Set for this transaction only and
# put back afterwards (the caller's transaction may go on).
_PG_PLANNER = {"jit": "off", "work_mem": "64MB"}


@contextlib.contextmanager
def _planner(conn: Connection) -> Iterator[None]:
    if conn.dialect.name != "postgresql":
        yield
        return
    names = list(_PG_PLANNER)
    was = conn.execute(
        text("SELECT " + ", ".join(f"current_setting(:n{i})" for i in range(len(names)))),
        {f"n{i}": n for i, n in enumerate(names)},
    ).one()
    _set_local(conn, dict(zip(names, [_PG_PLANNER[n] for n in names], strict=True)))
    yield
    _set_local(conn, dict(zip(names, was, strict=True)))  # not after an error: the
    # transaction is then rolled back, and its SET LOCAL with it


def _set_local(conn: Connection, values: dict[str, str]) -> None:
    names = list(values)
    conn.execute(
        text("SELECT " + ", ".join(f"set_config(:n{i}, :v{i}, true)" for i in range(len(names)))),
        {**{f"n{i}": n for i, n in enumerate(names)},
         **{f"v{i}": values[n] for i, n in enumerate(names)}},
    )  # fmt: skip


def reconcile(conn: Connection) -> list[Mismatch]:
    """Every difference between the tables and the trail, in a stable order."""
    with _planner(conn):
        return _reconcile(conn)


def _reconcile(conn: Connection) -> list[Mismatch]:
    out: list[Mismatch] = []
    for entity in FIELDS:
        found = [0]
        out.extend(_trail_side(conn, entity, found))
        if entity not in _TABLES or found[0] < _count(conn, _TABLES[entity]):
            out.extend(_orphans(conn, entity))
    out.extend(_services_order(conn))
    out.extend(_assets(conn))
    return out
