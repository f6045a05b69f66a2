"""The board's chime and spoken announcement.

The chime (resources/sounds/chime.wav) plays with QSoundEffect from PySide6-Addons (a
dependency; on Linux QtMultimedia also needs libpulse0). Where QtMultimedia cannot be
loaded it falls back to Windows' own ``winsound``, a command-line player on Linux/macOS
(``paplay``, ``pw-play``, ``aplay``, ``afplay``, started detached), else the system beep.
The announcement "เชิญหมายเลข A012 ที่ช่องบริการ 3" is spoken with QtTextToSpeech when the
operating system offers a Thai voice; otherwise the board shows it and chimes.
"""

from __future__ import annotations

import shutil
import sys
from typing import Any

from PySide6.QtCore import QLocale, QObject, QProcess, Signal
from PySide6.QtWidgets import QApplication

import resources

CHIME = resources.ROOT / "sounds" / "chime.wav"
_PLAYERS = ("paplay", "pw-play", "aplay", "afplay")


class Chime(QObject):
    """``rang`` is emitted on every chime, after the attempt, with whether a sound went out
    (False when the sound is switched off, or no audio output or player could take it)."""

    rang = Signal(bool)

    def __init__(self, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self._effect: Any = None
        self._player: str | None = None
        self.backend = self._choose()

    def _choose(self) -> str:
        try:
            from PySide6.QtCore import QUrl
            from PySide6.QtMultimedia import QSoundEffect  # type: ignore[import-not-found]
        except ImportError:
            pass
        else:
            self._effect = QSoundEffect(self)
            self._effect.setSource(QUrl.fromLocalFile(str(CHIME)))
            return "QSoundEffect"
        if sys.platform == "win32":
            return "winsound"
        for name in _PLAYERS:
            found = shutil.which(name)
            if found:
                self._player = found
                return name
        return "beep"

    @property
    def source(self) -> str:
        """The file QSoundEffect was given ("" when another backend plays the chime)."""
        return self._effect.source().toLocalFile() if self._effect is not None else ""

    def play(self) -> None:
        self.rang.emit(self._attempt())

    def _attempt(self) -> bool:
        if not self.enabled:
            return False
        if self._effect is not None:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

            self._effect.play()
            broken = self._effect.status() == QSoundEffect.Status.Error
            return not broken and bool(QMediaDevices.audioOutputs())
        if self.backend == "winsound":
            import winsound  # type: ignore[import-not-found,unused-ignore]

            flags = winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT
            try:
                winsound.PlaySound(str(CHIME), flags)
            except RuntimeError:
                return False
            return True
        if self._player is not None:
            started = QProcess.startDetached(self._player, [str(CHIME)])
            return bool(started[0] if isinstance(started, tuple) else started)
        QApplication.beep()
        return True


class Announcer(QObject):
    """Says "เชิญหมายเลข … ที่ช่องบริการ …" when a Thai voice is installed. ``said`` carries,
    after every announcement, its text for the board and the phrase the voice was given
    ("" when nothing was spoken). ``speech``: a QTextToSpeech chosen by the caller instead
    of the system's Thai voice."""

    said = Signal(str, str)

    def __init__(
        self, enabled: bool = True, parent: QObject | None = None, speech: Any = None
    ) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self._speech: Any = speech
        if speech is not None:
            return
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech  # type: ignore[import-not-found]
        except ImportError:
            return
        speech = QTextToSpeech(self)
        thai = [loc for loc in speech.availableLocales() if loc.language() == QLocale.Language.Thai]
        if thai:
            speech.setLocale(thai[0])
            self._speech = speech

    def announce(self, code: str, counter: int) -> None:
        spoken = ""
        if self.enabled and self._speech is not None:
            from PySide6.QtTextToSpeech import QTextToSpeech

            phrase = spoken_phrase(code, counter)
            self._speech.say(phrase)
            if self._speech.state() != QTextToSpeech.State.Error:
                spoken = phrase
        self.said.emit(announcement(code, counter), spoken)


def announcement(code: str, counter: int) -> str:
    """Always Thai: the board speaks to the waiting room."""
    return f"เชิญหมายเลข {code} ที่ช่องบริการ {counter}"


def spoken_phrase(code: str, counter: int) -> str:
    """What the voice is given: the code character by character ("A 0 1 2"), as staff call
    numbers aloud."""
    return announcement(" ".join(code), counter)
