"""The board's chime: a real, short, audible WAV that its script reproduces, and what
plays it on this machine; the announcement text."""

from __future__ import annotations

import array
import importlib.util
import wave
from pathlib import Path

import pytest

from desktop_app.ui.sound import CHIME, Announcer, Chime, announcement, spoken_phrase

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


def test_a_chime_switched_off_reports_that_nothing_played(qtbot, qapp):
    chime = Chime(enabled=False)
    assert chime.backend in ("QSoundEffect", "winsound", "paplay", "pw-play", "aplay",
                             "afplay", "beep")  # fmt: skip
    with qtbot.waitSignal(chime.rang, timeout=1000) as rang:
        chime.play()
    assert rang.args == [False]


def test_the_chime_goes_through_qsoundeffect_and_says_whether_it_played(qtbot, qapp):
    """PySide6-Addons is a dependency, so QtMultimedia is there and plays the shipped WAV.
    The result follows the machine: with no audio output (as on CI) nothing played."""
    from PySide6.QtMultimedia import QMediaDevices

    chime = Chime(enabled=True)
    assert chime.backend == "QSoundEffect"
    assert Path(chime.source) == Path(CHIME)
    with qtbot.waitSignal(chime.rang, timeout=1000) as rang:
        chime.play()  # must neither raise nor block
    assert rang.args == [bool(QMediaDevices.audioOutputs())]


def test_the_announcement_and_the_exact_phrase_spoken(qtbot, qapp):
    """The board shows "A012" and the voice spells it out; said comes after the voice was
    given the phrase, with that phrase. Qt's mock speech engine stands in for a Thai voice."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    assert announcement("A012", 3) == "เชิญหมายเลข A012 ที่ช่องบริการ 3"
    assert spoken_phrase("A012", 3) == "เชิญหมายเลข A 0 1 2 ที่ช่องบริการ 3"
    engine = QTextToSpeech("mock")
    words: list[str] = []
    engine.sayingWord.connect(lambda word, *_: words.append(word))
    announcer = Announcer(enabled=True, speech=engine)
    state_when_said: list[QTextToSpeech.State] = []
    announcer.said.connect(lambda *_: state_when_said.append(engine.state()))
    with qtbot.waitSignal(announcer.said, timeout=1000) as said:
        announcer.announce("A012", 3)
    assert said.args == ["เชิญหมายเลข A012 ที่ช่องบริการ 3", "เชิญหมายเลข A 0 1 2 ที่ช่องบริการ 3"]
    assert state_when_said == [QTextToSpeech.State.Speaking]  # emitted after say()
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Ready, timeout=10_000)
    assert [w for w in words if w.isascii() and w] == ["A", "0", "1", "2", "3"]


def test_an_announcer_switched_off_speaks_nothing(qtbot, qapp):
    from PySide6.QtTextToSpeech import QTextToSpeech

    engine = QTextToSpeech("mock")
    announcer = Announcer(enabled=False, speech=engine)
    with qtbot.waitSignal(announcer.said, timeout=1000) as said:
        announcer.announce("A012", 3)
    assert said.args == ["เชิญหมายเลข A012 ที่ช่องบริการ 3", ""]
    assert engine.state() == QTextToSpeech.State.Ready  # never asked to speak
