"""Thai source strings, English translations: every string the windows show has its
English, the shipped .qm matches its .ts, a newer .ts is compiled at start-up, and Qt's own
translation is loaded with ours."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop_app.ui import i18n

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "khetdesk_en.ts"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            out[(name, message.findtext("source"))] = message.find("translation")
    return out


def _tool(name: str) -> str:
    import PySide6

    found = shutil.which(f"pyside6-{name}") or str(Path(PySide6.__file__).parent / name)
    assert Path(found).exists(), f"{name} is shipped with PySide6-Essentials"
    return found


def test_every_string_of_the_windows_has_an_english_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "desktop_app" / "ui").glob("*.py"))
    subprocess.run(
        [_tool("lupdate"), *sources, "-ts", str(fresh), "-source-language", "th_TH",
         "-target-language", "en", "-no-obsolete", "-locations", "none", "-silent"],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    wanted, shipped = set(_messages(fresh)), _messages(TS)
    assert wanted - set(shipped) == set(), "run pyside6-lupdate (resources/translations/README)"
    assert set(shipped) - wanted == set(), "obsolete entries: lupdate -no-obsolete"
    unfinished = [k for k, t in shipped.items() if not (t.text or "").strip()
                  or t.get("type") == "unfinished"]  # fmt: skip
    assert unfinished == []
    # Placeholders survive translation.
    for (_, source), translation in shipped.items():
        for n in ("%1", "%2", "%3"):
            assert (n in source) == (n in (translation.text or "")), source


def test_the_shipped_qm_says_what_the_ts_says(qapp):
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    for (context, source), translation in _messages(TS).items():
        assert translator.translate(context, source) == translation.text, source


def test_a_ts_newer_than_its_qm_is_compiled_at_start_up(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "_cache_dir", lambda: tmp_path / "cache")
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(TS, folder / TS.name)
    assert i18n.compiled("en", folder) == folder / "khetdesk_en.qm"  # missing: made
    qm = folder / "khetdesk_en.qm"
    assert qm.stat().st_size > 1000
    old = qm.stat().st_mtime - 100
    os.utime(qm, (old, old))
    assert i18n.compiled("en", folder) == qm
    assert qm.stat().st_mtime > old  # rebuilt
    # A .qm written a moment before its .ts (a fresh clone) is not compiled again.
    moment = os.stat(folder / TS.name).st_mtime - 1
    os.utime(qm, (moment, moment))
    assert i18n.compiled("en", folder) == qm
    assert qm.stat().st_mtime == moment
    assert i18n.compiled("fr", folder) is None


def test_qt_base_translation_is_loaded_too(qapp):
    translations = i18n.Translations(qapp)
    try:
        translations.set_language("en")
        names = [p.name for p in translations.files]
        assert names[0] == "khetdesk_en.qm"
        # Qt ships qtbase_en (and no qtbase_th): loaded when there is one.
        from PySide6.QtCore import QLibraryInfo

        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        assert ("qtbase_en.qm" in names) == (qt_dir / "qtbase_en.qm").exists()
        assert qapp.translate("KioskWindow", "ตกลง") == "OK"
    finally:
        translations.set_language("th")
    assert qapp.translate("KioskWindow", "ตกลง") == "ตกลง"
