"""The password policy, as NIST SP 800-63B (section 5.1.1.2, "memorized secret verifiers")
asks of a verifier:

- at least 8 characters, counted as Unicode characters (Thai included), after NFKC
  normalisation; up to 256, so a long passphrase with spaces is welcome;
- screened against passwords known to be common or breached, and against words of this
  context (the username, the program's name), compared without regard to case;
- a single character repeated, or a plain run such as ``abcdefgh`` or ``12345678``, refused;
- no composition rules: no demand for digits, capitals or symbols, and no expiry.

The list shipped is ``resources/passwords/``: the 11,611 entries of 8 characters or more
of zxcvbn's common-password list (PyPI ``zxcvbn`` 4.5.0, MIT licence, drawn from leaked
password sets; ``LICENSE-zxcvbn.txt`` beside it) and KhetDesk's own additions (Thai words
and Thai-keyboard rows). Reading those two package files is this module's only contact with
anything outside it; they are read once.

The demo office: ``init --demo`` gives every demo user the password ``demo``, which this
policy refuses. It is exempt only where ``demo_office`` is true, which the services decide
from a mark that only ``init --demo`` writes (services.users.is_demo_office); anywhere else
``demo`` is refused like any short password.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from importlib import resources

from desktop_app.domain.errors import InvalidInput

MIN_LENGTH = 8
MAX_LENGTH = 256
DEMO_PASSWORD = "demo"
LIST_FILES = ("common-zxcvbn.txt", "common-khetdesk.txt")
_CONTEXT_WORDS = frozenset({"khetdesk", "khet desk", "เขต", "สำนักงานเขต"})


@functools.cache
def common_passwords() -> frozenset[str]:
    """The shipped list, lower case (read once per process)."""
    folder = resources.files("resources") / "passwords"
    words: set[str] = set()
    for name in LIST_FILES:
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            word = line.strip()
            if word and not word.startswith("#"):
                words.add(unicodedata.normalize("NFKC", word).casefold())
    return frozenset(words)


def _normal(password: str) -> str:
    return unicodedata.normalize("NFKC", password)


def _is_run(text: str) -> bool:
    """One character repeated, or consecutive characters up or down (abcdefgh, 87654321)."""
    if len(set(text)) == 1:
        return True
    steps = {ord(b) - ord(a) for a, b in itertools.pairwise(text)}
    return steps in ({1}, {-1})


def password_problem(password: str, *, username: str = "", demo_office: bool = False) -> str | None:
    """Why ``password`` falls short (Thai first, English in parentheses), or None."""
    if demo_office and password == DEMO_PASSWORD:
        return None
    text = _normal(password)
    if len(text) < MIN_LENGTH:
        return (
            f"รหัสผ่านต้องยาวอย่างน้อย {MIN_LENGTH} ตัวอักษร ใช้วลียาว ๆ ได้ "
            f"(a password needs at least {MIN_LENGTH} characters; a long passphrase is welcome)"
        )
    if len(text) > MAX_LENGTH:
        return (
            f"รหัสผ่านยาวได้ไม่เกิน {MAX_LENGTH} ตัวอักษร "
            f"(a password may have at most {MAX_LENGTH} characters)"
        )
    folded = text.casefold()
    user = _normal(username).strip().casefold()
    if folded in common_passwords() or folded in _CONTEXT_WORDS or (user and folded == user):
        return (
            "รหัสผ่านนี้อยู่ในรายการรหัสผ่านที่ใช้กันทั่วไปหรือเคยรั่วไหล หรือเป็นชื่อผู้ใช้ "
            "โปรดตั้งรหัสผ่านอื่น (this password is a common or breached one, or the "
            "username: choose another)"
        )
    if _is_run(folded):
        return (
            "รหัสผ่านเป็นตัวอักษรซ้ำหรือเรียงกัน เดาได้ง่าย "
            "(a repeated or sequential run of characters is easy to guess)"
        )
    return None


def check_new_password(password: str, *, username: str = "", demo_office: bool = False) -> str:
    """The password if the policy accepts it, else InvalidInput (exit 3) saying why."""
    problem = password_problem(password, username=username, demo_office=demo_office)
    if problem is not None:
        raise InvalidInput(problem, field="password")
    return password
