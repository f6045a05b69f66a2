"""A plain file path given as --db or $KHETDESK_DB names exactly that SQLite file, whatever
characters its name holds (a '?' or '#' would otherwise start the URL's query or fragment)."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.engine import as_url, sqlite_path


@pytest.mark.parametrize("name", ["k.db", "a?b.db", "a#b.db", "100%.db", "สำรอง ๒๕๖๙.db"])
def test_a_plain_path_is_that_file(tmp_path: Path, name: str):
    path = tmp_path / name
    assert sqlite_path(as_url(str(path))) == path


def test_a_url_is_taken_as_it_is():
    assert as_url("postgresql+psycopg://kd@db.local/khetdesk") == (
        "postgresql+psycopg://kd@db.local/khetdesk"
    )
