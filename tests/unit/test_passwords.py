"""The password policy of NIST SP 800-63B (desktop_app/domain/passwords.py): at least 8
characters, long passphrases welcome, common and breached passwords refused from the list
shipped in resources/passwords/, no composition rules, ``demo`` only in the demo office."""

from __future__ import annotations

import pytest

from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.passwords import (
    MAX_LENGTH,
    check_new_password,
    common_passwords,
    password_problem,
)


@pytest.mark.parametrize(
    "password",
    [
        "abcd",  # accepted until issue 17 ("password must be 4–256 characters")
        "1234567",
        "ลับมาก",
        "demo",  # outside the demo office
        "password",
        "Password1",  # case does not make a common password uncommon
        "iloveyou",
        "12345678",
        "qwertyuiop",
        "รหัสผ่าน",  # "password" in Thai: KhetDesk's own addition to the list
        "khetdesk123",
        "aaaaaaaaaa",
        "abcdefghij",
        "98765432",
        "somchai01",  # the username
        "x" * (MAX_LENGTH + 1),
    ],
)
def test_short_common_and_guessable_passwords_are_refused(password: str) -> None:
    assert password_problem(password, username="somchai01") is not None
    with pytest.raises(InvalidInput) as refused:
        check_new_password(password, username="somchai01")
    assert refused.value.exit_code == 3 and "(" in refused.value.message  # Thai (English)


@pytest.mark.parametrize(
    "password",
    [
        "correct horse battery staple",  # a passphrase, spaces and all
        "ปลาทูแม่กลองหน้างอ",  # Thai
        "tigerlily",  # all lower case: no composition rules
        "83926154",  # all digits, not a run
        "x" * 40 + " ยาวได้ " + "y" * 40,
        "z" * (MAX_LENGTH - 1) + "q",
    ],
)
def test_long_and_uncommon_passwords_are_accepted_without_composition_rules(
    password: str,
) -> None:
    assert password_problem(password, username="somchai01") is None
    assert check_new_password(password) == password


def test_demo_is_exempt_only_in_the_demo_office() -> None:
    assert password_problem("demo", demo_office=True) is None
    assert password_problem("demo", demo_office=False) is not None
    # Only the demo office's own password: anything else short stays refused there too.
    assert password_problem("demo1", demo_office=True) is not None
    assert password_problem("abcd", demo_office=True) is not None


def test_the_shipped_list_is_there_and_names_its_source() -> None:
    words = common_passwords()
    assert len(words) > 11_000
    assert {"password", "iloveyou", "sunshine", "รหัสผ่าน"} <= words
    from resources import ROOT

    head = (ROOT / "passwords" / "common-zxcvbn.txt").read_text(encoding="utf-8")[:400]
    assert "zxcvbn" in head and "MIT" in head
    assert (ROOT / "passwords" / "LICENSE-zxcvbn.txt").exists()
