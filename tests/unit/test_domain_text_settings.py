"""Validation of typed text and of settings."""

from __future__ import annotations

import unicodedata

import pytest

from desktop_app.domain.errors import Forbidden, InvalidInput, NotFound
from desktop_app.domain.roles import PERMISSIONS, Role, parse_role, require
from desktop_app.domain.settings_registry import SPECS, spec
from desktop_app.domain.text import clean_text


def test_clean_text_trims_and_normalises_thai():
    decomposed = unicodedata.normalize("NFD", "  น้ำ ")
    assert clean_text(decomposed, "name") == unicodedata.normalize("NFC", "น้ำ")


@pytest.mark.parametrize("bad", ["", "   ", "a\x07b", "x" * 201, "\u200b\x00"])
def test_clean_text_refuses(bad):
    with pytest.raises(InvalidInput):
        clean_text(bad, "name")


def test_optional_text_may_be_empty():
    assert clean_text(None, "unit", required=False) == ""


def test_every_setting_default_passes_its_own_validation():
    for key, s in SPECS.items():
        assert s.validate(s.default) == s.default, key


@pytest.mark.parametrize(
    "key,value",
    [
        ("printer.connection", "network://192.168.1.50:9100"),
        ("printer.connection", "usb://04b8:0e15"),
        ("printer.connection", "serial:///dev/ttyS0?baudrate=9600"),
        ("printer.connection", "file:///dev/usb/lp0"),
        ("printer.connection", "win32://EPSON TM-T82"),
        ("printer.connection", "cups://thermal"),
        ("ticket.qr_template", "https://queue.example.go.th/t/{date}/{code}"),
        ("depreciation.rate.vehicle", "0.20"),
    ],
)
def test_valid_settings(key, value):
    assert spec(key).validate(value) == value


def test_unknown_setting():
    with pytest.raises(NotFound):
        spec("printer.colour")


def test_roles_and_permissions():
    assert parse_role("supply_head") is Role.SUPPLY_HEAD
    with pytest.raises(InvalidInput):
        parse_role("root")
    for action, roles in PERMISSIONS.items():
        for role in Role:
            if role in roles:
                require(role, action)
            else:
                with pytest.raises(Forbidden):
                    require(role, action)
    assert PERMISSIONS["ticket.issue"] == {Role.ADMIN, Role.CLERK}
