"""What every window is given: the unit of work, the dialog service, the language, the live
queue, this PC's own settings. Passed explicitly — no global reached from anywhere."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from db.uow import UnitOfWork
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.thai_time import utc_now
from desktop_app.services.print_outcomes import PrintOutcome
from desktop_app.ui.dialogs import Dialogs
from desktop_app.ui.i18n import Translations
from desktop_app.ui.live import LiveQueue
from desktop_app.ui.print_status import PrintStatus
from desktop_app.ui.secrets import SecretStore, SettingsStore, best_store, owner_only_sync

PIN_ITERATIONS = 200_000


class LocalSettings:
    """Per-PC things that are not office data: which counter this PC is, the kiosk's device
    token and exit PIN, the board's sound. Kept in QSettings (the registry on Windows, an
    ini file elsewhere); the device token in the OS keyring where one exists. The printer
    and the window language are per-PC too, but live in the database under this PC's name
    (services.settings), where the printer service reads them and IT sees every PC in one
    list."""

    def __init__(self, store: QSettings | None = None, secrets: SecretStore | None = None) -> None:
        if store is None:  # this PC's own: the token goes to the OS keyring if there is one
            self.store = QSettings("KhetDesk", "KhetDesk")
            # Found on first use (a kiosk's start-up worker), not here: looking for a keyring
            # backend loads every keyring plugin, ~100 ms before the first window otherwise.
            self._secrets = secrets
        else:  # a given file (tests, a portable install): the token in it, unless told
            self.store = store
            self._secrets = secrets if secrets is not None else SettingsStore(store)

    @property
    def secrets(self) -> SecretStore:
        if self._secrets is None:
            self._secrets = best_store(self.store)
        return self._secrets

    def _str(self, key: str) -> str:
        value = self.store.value(key, "")
        return value if isinstance(value, str) else str(value or "")

    # --- which counter this PC is
    @property
    def counter(self) -> int | None:
        value = self._str("counter/number")
        return int(value) if value.isdigit() else None

    @counter.setter
    def counter(self, number: int | None) -> None:
        if number is None:
            self.store.remove("counter/number")
        else:
            self.store.setValue("counter/number", str(number))

    # --- the language the windows open in, before the database has answered
    @property
    def language(self) -> str:
        return self._str("ui/language") or "th"

    @language.setter
    def language(self, value: str) -> None:
        self.store.setValue("ui/language", value)

    # --- how the last print on this PC's thermal printer ended (the shell's status bar)
    @property
    def last_print(self) -> PrintOutcome | None:
        text = self._str("printer/last_print")
        if not text:
            return None
        try:
            return PrintOutcome.from_json(json.loads(text))
        except (ValueError, KeyError, TypeError):  # damaged by hand: as if none was kept
            return None

    @last_print.setter
    def last_print(self, outcome: PrintOutcome) -> None:
        self.store.setValue("printer/last_print", json.dumps(outcome.to_json(), ensure_ascii=False))

    # --- the device token the kiosk (or board) runs under (issue 17; ui/secrets.py)
    def device_token(self) -> str:
        """``$KHETDESK_DEVICE_TOKEN``, else the token stored on this PC, else ""."""
        return os.environ.get("KHETDESK_DEVICE_TOKEN") or self.secrets.get()

    def set_device_token(self, token: str) -> None:
        """Keep ``token`` on this PC (the keyring, else owner-only QSettings); "" forgets it."""
        if token:
            self.secrets.set(token)
        else:
            self.secrets.delete()

    @property
    def token_store(self) -> str:
        """Where this PC keeps its token: "keyring" or "settings"."""
        return self.secrets.name

    # --- the device account of old: a user and password in QSettings (before issue 17).
    # Read only to move such a kiosk to a token at its next start, then removed.
    def device_account(self) -> tuple[str, str] | None:
        """``$KHETDESK_DEVICE_USER``/``$KHETDESK_DEVICE_PASSWORD``, else what an earlier
        version saved on this PC."""
        user = os.environ.get("KHETDESK_DEVICE_USER") or self._str("device/username")
        password = os.environ.get("KHETDESK_DEVICE_PASSWORD")
        if password is None:
            password = self._str("device/password")
        return (user, password) if user and password else None

    def forget_device_account(self) -> None:
        """Remove the old user and password from QSettings (and from the disk at once)."""
        self.store.remove("device/username")
        self.store.remove("device/password")
        owner_only_sync(self.store)

    # --- the kiosk's exit PIN
    @property
    def kiosk_pin_hash(self) -> str:
        return self._str("kiosk/pin")

    @kiosk_pin_hash.setter
    def kiosk_pin_hash(self, value: str) -> None:
        """From ``hash_pin``; empty removes the PIN (the kiosk's exit then takes the password
        of the account it runs under, or, under a device token, a staff login)."""
        if value:
            self.store.setValue("kiosk/pin", value)
        else:
            self.store.remove("kiosk/pin")

    # --- the board
    @property
    def board_sound(self) -> bool:
        return self._str("board/sound") != "off"

    @board_sound.setter
    def board_sound(self, on: bool) -> None:
        self.store.setValue("board/sound", "on" if on else "off")

    @property
    def board_voice(self) -> bool:
        return self._str("board/voice") != "off"

    @board_voice.setter
    def board_voice(self, on: bool) -> None:
        self.store.setValue("board/voice", "on" if on else "off")

    def sync(self) -> None:
        self.store.sync()


def validate_pin(pin: str) -> str:
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 12):
        raise InvalidInput("PIN ต้องเป็นตัวเลข 4–12 หลัก (the PIN must be 4-12 digits)")
    return pin


def hash_pin(pin: str) -> str:
    """A salted PBKDF2 hash of a 4–12 digit PIN. Slow on purpose: run it off the UI thread."""
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", validate_pin(pin).encode(), salt, PIN_ITERATIONS)
    return f"pbkdf2_sha256${PIN_ITERATIONS}${salt.hex()}${digest.hex()}"


def verify_pin(stored: str, pin: str) -> bool:
    """Slow on purpose (PBKDF2): run it off the UI thread."""
    try:
        _, rounds, salt, digest = stored.split("$")
        got = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(rounds))
    except ValueError:
        return False
    return hmac.compare_digest(got.hex(), digest)


@dataclass
class UiEnv:
    uow: UnitOfWork
    dialogs: Dialogs
    i18n: Translations
    live: LiveQueue
    local: LocalSettings
    clock: Callable[[], dt.datetime] = utc_now  # the time shown (screenshots fix it)
    windows: list[QWidget] = field(default_factory=list)  # kept alive while open
    # Opening another workspace from a window (a loan request from the register…): the
    # application shell when there is one, else a window of its own (ui.workspaces).
    navigate: Callable[..., QWidget | None] | None = None
    # How this PC's last print ended, as it happens (ui.print_status; made by make_env).
    prints: PrintStatus | None = None

    def open_workspace(self, actor: object, key: str, **kw: object) -> QWidget | None:
        if self.navigate is not None:
            return self.navigate(key, **kw)
        from desktop_app.ui.workspaces import open_window

        return open_window(self, actor, key, **kw)  # type: ignore[arg-type]

    def keep(self, window: QWidget) -> QWidget:
        self.windows.append(window)
        window.destroyed.connect(lambda *_: self._forget(window))
        return window

    def _forget(self, window: QWidget) -> None:
        if window in self.windows:
            self.windows.remove(window)
