"""Writes chime.wav: a two-note "ding-dong" bell for the now-serving board.

    python resources/sounds/make_chime.py

Made here from sines (no samples, no licence to track): each note is a fundamental with
two softer partials, a 5 ms attack and an exponential decay; 22 050 Hz, 16-bit mono,
about 1.7 s. The result is deterministic, so the committed file can be checked against it.
"""

from __future__ import annotations

import array
import math
import sys
import wave
from pathlib import Path

RATE = 22_050
# (start s, frequency Hz, loudness): E5 then C5, the classic two-tone chime.
NOTES = ((0.0, 659.25, 1.0), (0.55, 523.25, 1.0))
PARTIALS = ((1.0, 1.0), (2.0, 0.35), (3.0, 0.12))  # (multiple, amplitude)
LENGTH_S = 1.7
DECAY_S = 0.45  # time constant of the fade
ATTACK_S = 0.005
PEAK = 0.6 * 32767


def samples() -> array.array[int]:
    n = int(RATE * LENGTH_S)
    norm = sum(a for _, a in PARTIALS)
    out = array.array("h", bytes(2 * n))
    for start, freq, loud in NOTES:
        first = int(start * RATE)
        for i in range(first, n):
            t = (i - first) / RATE
            envelope = min(1.0, t / ATTACK_S) * math.exp(-t / DECAY_S)
            wave_ = sum(a * math.sin(2 * math.pi * freq * m * t) for m, a in PARTIALS) / norm
            value = out[i] + int(PEAK * loud * envelope * wave_)
            out[i] = max(-32767, min(32767, value))
    fade = int(0.05 * RATE)  # no click at the end
    for k in range(fade):
        out[n - fade + k] = int(out[n - fade + k] * (fade - k) / fade)
    return out


def write(path: Path) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        data = samples()
        if sys.byteorder == "big":
            data.byteswap()  # WAV is little-endian
        w.writeframes(data.tobytes())


if __name__ == "__main__":
    write(Path(__file__).with_name("chime.wav"))
