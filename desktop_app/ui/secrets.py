"""Where a kiosk or board PC keeps its device token (issue 17).

- The operating system's keyring where one exists (the ``keyring`` package: Windows
  Credential Manager, macOS Keychain, the Secret Service of GNOME/KDE on Linux), under the
  service name ``KhetDesk`` and the entry ``device-token``.
- Otherwise (a Linux PC without a keyring daemon, a locked-down kiosk account): in this PC's
  QSettings file under ``device/token``, the file made owner-only (0600) every time it is
  written. On Windows QSettings is the user's own registry hive.

``$KHETDESK_DEVICE_TOKEN`` (for a shortcut or a service that starts the kiosk) comes before
both. ``where()`` says which store holds the token, for the settings page and the docs.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from typing import Any, Protocol

from PySide6.QtCore import QSettings

log = logging.getLogger(__name__)

SERVICE = "KhetDesk"
ENTRY = "device-token"
SETTINGS_KEY = "device/token"


class SecretStore(Protocol):
    name: str  # "keyring" | "settings"

    def get(self) -> str: ...

    def set(self, value: str) -> None: ...

    def delete(self) -> None: ...


class KeyringStore:
    """The OS keyring (``backend``: a keyring backend; the default one when None). A keyring
    that fails at run time (locked, its daemon gone) is logged and the owner-only settings
    file (``fallback``) takes over, so that the kiosk still starts."""

    def __init__(self, backend: Any = None, fallback: SettingsStore | None = None) -> None:
        if backend is None:
            import keyring

            backend = keyring.get_keyring()
        self.backend = backend
        self.fallback = fallback
        self.name = "keyring"

    def _fall_back(self, error: Exception) -> SettingsStore:
        if self.fallback is None:
            raise error
        log.warning("keyring unusable (%s): the device token is kept in the settings file", error)
        self.name = "settings"
        return self.fallback

    def get(self) -> str:
        if self.name == "settings" and self.fallback is not None:
            return self.fallback.get()
        try:
            value = str(self.backend.get_password(SERVICE, ENTRY) or "")
        except Exception as e:
            return self._fall_back(e).get()
        # A token kept in the file while the keyring was down is still this PC's token.
        return value or (self.fallback.get() if self.fallback is not None else "")

    def set(self, value: str) -> None:
        try:
            self.backend.set_password(SERVICE, ENTRY, value)
        except Exception as e:
            self._fall_back(e).set(value)
        else:
            self.name = "keyring"
            if self.fallback is not None:  # never two copies
                self.fallback.delete()

    def delete(self) -> None:
        with contextlib.suppress(Exception):  # nothing stored is nothing to delete
            self.backend.delete_password(SERVICE, ENTRY)
        if self.fallback is not None:
            self.fallback.delete()


class SettingsStore:
    """QSettings, its file owner-only (0600) on POSIX."""

    name = "settings"

    def __init__(self, store: QSettings) -> None:
        self.store = store

    def get(self) -> str:
        value = self.store.value(SETTINGS_KEY, "")
        return value if isinstance(value, str) else ""

    def set(self, value: str) -> None:
        self.store.setValue(SETTINGS_KEY, value)
        owner_only_sync(self.store)

    def delete(self) -> None:
        self.store.remove(SETTINGS_KEY)
        owner_only_sync(self.store)


def owner_only_sync(store: QSettings) -> None:
    """Write QSettings to disk with the file readable by its owner only: created under a
    0077 umask (QSettings writes a new file and renames it) and set to 0600 after."""
    if os.name != "posix":  # Windows: the user's own registry hive
        store.sync()
        return
    old = os.umask(0o077)
    try:
        store.sync()
    finally:
        os.umask(old)
    path = store.fileName()
    with contextlib.suppress(OSError):
        if os.path.exists(path):
            os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def keyring_usable() -> bool:
    """True when the keyring package found a real backend (not the "fail" or "null" one)."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration: fall back to the file
        return False
    if isinstance(backend, fail.Keyring):
        return False
    priority = getattr(backend, "priority", 0)
    return bool(priority and priority > 0)


def best_store(settings: QSettings) -> SecretStore:
    """The keyring where one exists, else the owner-only settings file."""
    file = SettingsStore(settings)
    return KeyringStore(fallback=file) if keyring_usable() else file
