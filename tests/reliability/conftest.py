"""The reliability and security suite (issue 8): kills, races, database faults, fuzzed
arguments, the role × action matrix, passwords, live backups. Like tests/e2e, the program's
error log and default database go under a temporary directory, never the real home."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="module", autouse=True)
def _private_user_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    home = tmp_path_factory.mktemp("xdg")
    with pytest.MonkeyPatch.context() as mp:
        for var in ("XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            mp.setenv(var, str(home / var.lower()))
        mp.delenv("KHETDESK_DB", raising=False)
        mp.delenv("KHETDESK_PASSWORD", raising=False)
        mp.setenv("KHETDESK_PC", "test-pc")
        yield
