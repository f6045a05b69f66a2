"""The board's chime: a real, short, audible WAV that its script reproduces, and what
plays it on this machine; the announcement text."""

from __future__ import annotations

import array
import importlib.util
import wave
from pathlib import Path

import pytest

from desktop_app.ui.sound import CHIME, Announcer, Chime, announcement

pytestmark = pytest.mark.gui


def test_the_chime_is_a_short_audible_wav_made_by_its_script(tmp_path):
    with wave.open(str(CHIME)) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22050)
        seconds = w.getnframes() / w.getframerate()
        samples = array.array("h", w.readframes(w.getnframes()))
    assert 1.0 <= seconds <= 2.0
    assert max(abs(s) for s in samples) > 10_000  # audible
    assert max(abs(s) for s in samples[-50:]) < 200  # no click at the end
    spec = importlib.util.spec_from_file_location("make_chime", CHIME.with_name("make_chime.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write(tmp_path / "chime.wav")
    assert (tmp_path / "chime.wav").read_bytes() == Path(CHIME).read_bytes()


def test_chime_and_announcer_report_every_use(qtbot, qapp):
    chime = Chime(enabled=False)
    assert chime.backend in ("QSoundEffect", "winsound", "paplay", "pw-play", "aplay",
                             "afplay", "beep")  # fmt: skip
    with qtbot.waitSignal(chime.rang, timeout=1000):
        chime.play()
    announcer = Announcer(enabled=False)
    with qtbot.waitSignal(announcer.said, timeout=1000) as said:
        announcer.announce("A012", 3)
    assert said.args == ["เชิญหมายเลข A012 ที่ช่องบริการ 3"]
    assert announcement("A012", 3) == "เชิญหมายเลข A012 ที่ช่องบริการ 3"


def test_the_chime_goes_through_qsoundeffect_with_the_shipped_wav(qapp):
    """PySide6-Addons is a dependency, so QtMultimedia is there and plays the chime (with no
    sound card, as here, QSoundEffect reports an error status and stays silent)."""
    chime = Chime(enabled=True)
    assert chime.backend == "QSoundEffect"
    assert Path(chime.source) == Path(CHIME)
    chime.play()  # no audio device here: must neither raise nor block
