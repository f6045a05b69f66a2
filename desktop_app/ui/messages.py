"""A service's message in the window's language only.

The services speak both languages at once — "ไม่พบพัสดุเลขที่ X (no such asset)" — which
suits the command line and the log. A window shows the part in its own language, and in
Thai the role codes a rule names (``supply_head``) become their Thai titles."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale

from desktop_app.domain.errors import KhetDeskError
from desktop_app.ui import texts

# The English is the last parenthesised part, which may hold one level of parentheses of
# its own: "(clause 208(3): role 'supply_head' may not decide it)".
_TAIL = re.compile(r"\s*\(((?:[^()]|\([^()]*\))*)\)\s*$")
_ROLE = re.compile(r"'?\b(" + "|".join(sorted(texts.ROLES, key=len, reverse=True)) + r")\b'?")


def current_language() -> str:
    return "en" if QLocale().language() == QLocale.Language.English else "th"


def _english(part: str) -> bool:
    """A phrase in English (not a key such as printer.connection, not Thai)."""
    letters = [c for c in part if c.isalpha()]
    latin = sum(1 for c in letters if c.isascii())
    return " " in part.strip() and bool(letters) and latin >= 0.8 * len(letters)


def one_language(text: str, language: str | None = None) -> str:
    lang = language or current_language()
    out: list[str] = []
    for line in text.split("\n"):
        m = _TAIL.search(line)
        if m is not None and m.start() > 0 and _english(m.group(1)):
            line = m.group(1) if lang == "en" else line[: m.start()]
        if lang == "th":
            line = _ROLE.sub(lambda r: texts.role(r.group(1)), line)
        out.append(line)
    return "\n".join(out)


def error_text(error: Exception, language: str | None = None) -> str:
    """What a window says when a worker's call fails: a refusal's own words in the window's
    language, or that something went wrong inside (its kind, never a traceback)."""
    if isinstance(error, KhetDeskError):
        return one_language(error.message, language)
    return QCoreApplication.translate("LoanTexts", "ข้อผิดพลาดภายใน: %1").replace(
        "%1", type(error).__name__
    )
