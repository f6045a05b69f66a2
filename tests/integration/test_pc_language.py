"""This PC's window language chosen from View › Language (services.settings.set_pc_language)
on SQLite and PostgreSQL: any user may choose it, it is the per-PC ``ui.language`` setting
(another PC keeps its own), audited once per change; a language that does not exist is
refused and the database is as it was."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.models import AuditEntry
from desktop_app.domain.errors import InvalidInput
from desktop_app.services.settings import get_setting, set_pc_language
from tests.support.db import actor, snapshot


def _entries(office) -> list[AuditEntry]:
    with office.read() as tx:
        return list(tx.session.execute(
            select(AuditEntry).where(
                AuditEntry.action == "settings.set", AuditEntry.entity_id.endswith("/ui.language")
            )
        ).scalars())  # fmt: skip


def test_any_user_chooses_this_pcs_language(office, monkeypatch):
    monkeypatch.setenv("KHETDESK_PC", "counter-3")
    view = set_pc_language(office, actor(office, "clerk1"), "en")
    assert (view.value, view.scope) == ("en", "pc:counter-3")
    assert get_setting(office, "ui.language").value == "en"
    set_pc_language(office, actor(office, "staff1"), "en")  # already so: no second entry
    [entry] = _entries(office)
    assert (entry.actor, entry.entity_id) == ("clerk1", "pc:counter-3/ui.language")
    monkeypatch.setenv("KHETDESK_PC", "counter-4")  # another PC keeps its own
    assert get_setting(office, "ui.language").value == "th"


def test_an_unknown_language_is_refused_and_nothing_changes(office):
    before = snapshot(office.engine)
    with pytest.raises(InvalidInput):
        set_pc_language(office, actor(office, "clerk1"), "fr")
    assert snapshot(office.engine) == before
