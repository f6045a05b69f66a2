"""Settings: office-wide ones shared by every PC, per-PC ones stored under this PC's name."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass

from sqlalchemy import select

from db.models import Setting
from db.uow import Transaction, UnitOfWork
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.roles import require
from desktop_app.domain.settings_registry import SPECS, spec
from desktop_app.services.auth import Actor

OFFICE = "office"


def pc_name() -> str:
    """This PC's name for per-PC settings; ``$KHETDESK_PC`` overrides the host name."""
    return (os.environ.get("KHETDESK_PC") or socket.gethostname() or "pc")[:100]


def scope_of(key: str) -> str:
    return f"pc:{pc_name()}" if spec(key).per_pc else OFFICE


@dataclass(frozen=True)
class SettingView:
    key: str
    value: str
    default: str
    per_pc: bool
    scope: str
    description: str


def read_setting(tx: Transaction, key: str) -> str:
    s = spec(key)
    row = tx.session.get(Setting, (scope_of(key), key))
    return row.value if row is not None else s.default


def get_setting(uow: UnitOfWork, key: str) -> SettingView:
    s = spec(key)
    with uow.read() as tx:
        value = read_setting(tx, key)
    return SettingView(key, value, s.default, s.per_pc, scope_of(key), s.description)


def list_settings(uow: UnitOfWork) -> list[SettingView]:
    with uow.read() as tx:
        stored = {(r.scope, r.key): r.value for r in tx.session.execute(select(Setting)).scalars()}
    views = []
    for key, s in sorted(SPECS.items()):
        scope = scope_of(key)
        value = stored.get((scope, key), s.default)
        views.append(SettingView(key, value, s.default, s.per_pc, scope, s.description))
    return views


def _validated(key: str, value: str) -> str:
    """The registry's check, its refusal naming the setting (a settings page holds many)."""
    try:
        return spec(key).validate(value)
    except InvalidInput as e:
        raise InvalidInput(f"{key}: {e}") from None


def write_setting(tx: Transaction, actor: Actor, key: str, value: str) -> SettingView:
    s = spec(key)
    clean = _validated(key, value)
    scope = scope_of(key)
    row = tx.session.get(Setting, (scope, key))
    before = row.value if row is not None else None
    if row is None:
        tx.session.add(Setting(scope=scope, key=key, value=clean))
    else:
        row.value = clean
    tx.session.flush()
    tx.audit(actor.username, "settings.set", "setting", f"{scope}/{key}", before, clean)
    return SettingView(key, clean, s.default, s.per_pc, scope, s.description)


def set_setting(uow: UnitOfWork, actor: Actor, key: str, value: str) -> SettingView:
    require(actor.role, "settings.set")
    spec(key)  # an unknown key is "not found" before anything else
    with uow.write() as tx:
        view = write_setting(tx, actor, key, value)
        tx.commit()
    return view


def set_pc_language(uow: UnitOfWork, actor: Actor, language: str) -> SettingView:
    """This PC's window language (``ui.language``, per PC), as chosen by whoever works at
    it from View › Language: the same setting the settings window writes, so that the next
    start opens in it. Unlike other settings it needs no administrator: it changes nothing
    but the language of this PC's own windows. Audited; unchanged when already so."""
    with uow.write() as tx:
        if read_setting(tx, "ui.language") == _validated("ui.language", language):
            return _view(tx, "ui.language")
        view = write_setting(tx, actor, "ui.language", language)
        tx.commit()
    return view


def _view(tx: Transaction, key: str) -> SettingView:
    s = spec(key)
    return SettingView(key, read_setting(tx, key), s.default, s.per_pc, scope_of(key),
                       s.description)  # fmt: skip


def update_settings(uow: UnitOfWork, actor: Actor, values: dict[str, str]) -> list[SettingView]:
    """Save a settings page in one transaction: every value is checked first, then the ones
    that differ from what is stored are written, each with its audit entry. Per-PC keys go
    to this PC's scope, as with ``settings set``."""
    require(actor.role, "settings.set")
    clean = {key: _validated(key, value) for key, value in values.items()}
    with uow.write() as tx:
        changed = [
            write_setting(tx, actor, key, value)
            for key, value in clean.items()
            if read_setting(tx, key) != value
        ]
        if changed:
            tx.commit()
    return changed
