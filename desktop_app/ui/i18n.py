"""Thai first, English second, switched live.

The source strings are Thai (``self.tr("เรียกคิวถัดไป")``); ``resources/translations/
khetdesk_en.ts`` holds their English. Its compiled ``.qm`` is shipped too; at start-up a
``.ts`` edited after its ``.qm`` was made is compiled again with ``pyside6-lrelease`` (shipped with
PySide6), into the package if it is writable, else into the user cache directory. Qt's own
``qtbase_*.qm`` (the Cancel/OK of standard dialogs) is loaded from Qt's translations folder
when Qt has one for the language (Qt ships ``qtbase_en`` but no ``qtbase_th``).

Installing or removing a translator makes Qt send every widget a LanguageChange event; each
window answers it by setting its texts again (the retranslateUi pattern).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

import resources

LANGUAGES = ("th", "en")
SOURCE_LANGUAGE = "th"
TRANSLATIONS = resources.ROOT / "translations"
FRESH_S = 5.0  # a .qm at most this much older than its .ts counts as up to date


def _lrelease() -> str | None:
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    try:
        import PySide6
    except ImportError:  # pragma: no cover - we are a PySide6 program
        return None
    exe = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    path = Path(PySide6.__file__).parent / exe
    return str(path) if path.exists() else None


def _cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("KhetDesk", appauthor=False)) / "translations"


def compiled(language: str, folder: Path = TRANSLATIONS) -> Path | None:
    """The ``.qm`` to load for ``language``, compiling the ``.ts`` when the ``.qm`` is missing
    or older. None when there is nothing to load."""
    ts = folder / f"khetdesk_{language}.ts"
    qm = ts.with_suffix(".qm")
    if not ts.exists():
        return qm if qm.exists() else None
    cached = _cache_dir() / qm.name
    for candidate in (qm, cached):
        # A fresh clone or unpacked archive writes both files within moments of each other,
        # in either order: only a .ts edited well after its .qm is compiled (on the UI
        # thread, ~0.1 s), not every first start.
        if candidate.exists() and candidate.stat().st_mtime + FRESH_S >= ts.stat().st_mtime:
            return candidate
    tool = _lrelease()
    if tool is not None:
        for target in (qm, cached):
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                subprocess.run(
                    [tool, "-silent", str(ts), "-qm", str(target)],
                    check=True,
                    capture_output=True,
                    timeout=60,
                )
            except (OSError, subprocess.SubprocessError):
                continue
            if target.exists():
                return target
    return qm if qm.exists() else None  # stale is better than none


class Translations(QObject):
    """The application's language. ``changed`` is emitted after the switch; widgets also
    receive Qt's LanguageChange event."""

    changed = Signal(str)

    def __init__(self, app: QCoreApplication, folder: Path = TRANSLATIONS) -> None:
        super().__init__(app)
        self.app = app
        self.folder = folder
        self.language = SOURCE_LANGUAGE
        self._installed: list[QTranslator] = []
        self.files: list[Path] = []  # the .qm files loaded for the current language

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            language = SOURCE_LANGUAGE
        if language == self.language and (self._installed or language == SOURCE_LANGUAGE):
            return
        removed = bool(self._installed)
        for old in self._installed:
            self.app.removeTranslator(old)
        self._installed = []
        self.language = language
        QLocale.setDefault(QLocale("en_GB" if language == "en" else "th_TH"))
        self.files = []
        for path in self._files(language):
            translator = QTranslator(self)
            if translator.load(str(path)):
                self.app.installTranslator(translator)
                self._installed.append(translator)
                self.files.append(path)
        if not removed and not self._installed:
            # No translator came or went, so Qt sends no LanguageChange: send one, so that
            # the windows still redraw what depends on the language (service names…).
            QCoreApplication.postEvent(self.app, QEvent(QEvent.Type.LanguageChange))
        self.changed.emit(language)

    def _files(self, language: str) -> list[Path]:
        files: list[Path] = []
        if language != SOURCE_LANGUAGE:
            ours = compiled(language, self.folder)
            if ours is not None:
                files.append(ours)
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        qtbase = qt_dir / f"qtbase_{language}.qm"
        if qtbase.exists():
            files.append(qtbase)
        return files

    def toggled(self) -> str:
        return "en" if self.language == "th" else "th"
