"""Screenshots for docs/devices.md (issue 17): the devices page, a new token shown once, the
"this PC" page with its token, the change-password dialog and the login's note on ``demo``.

    QT_QPA_PLATFORM=offscreen python -m desktop_app.ui.device_shots [--out docs]

The token in the pictures belongs to a throwaway database.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from db.engine import make_engine
from db.uow import UnitOfWork
from desktop_app.services import devices
from desktop_app.services.auth import authenticate
from desktop_app.services.setup import init_database
from desktop_app.ui.app import make_env
from desktop_app.ui.env import LocalSettings
from desktop_app.ui.fonts import load_fonts
from desktop_app.ui.screenshots import Clock, _grab, settle


def take(out: Path) -> list[Path]:
    from desktop_app.ui.admin import SettingsWindow
    from desktop_app.ui.devices_page import TokenDialog
    from desktop_app.ui.login import LoginDialog
    from desktop_app.ui.password_dialog import ChangePasswordDialog

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    load_fonts(app)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/shots.db")
        init_database(engine, demo=True)
        clock = Clock()
        uow = UnitOfWork(engine, clock=clock)
        admin = authenticate(uow, "admin", "demo")
        devices.add_device(uow, admin, "kiosk-lobby", "kiosk")
        devices.add_device(uow, admin, "board-hall", "board")
        old = devices.add_device(uow, admin, "kiosk-2568", "kiosk")
        devices.revoke_device(uow, admin, old.device)
        new = devices.add_device(uow, admin, "kiosk-floor2", "kiosk")
        local = LocalSettings(QSettings(f"{tmp}/local.ini", QSettings.Format.IniFormat))
        local.board_sound = False
        local.set_device_token(new.token)
        env = make_env(app, uow, local=local, clock=clock)

        settings = SettingsWindow(env, admin)
        settings.tabs.setCurrentWidget(settings.devices_page)
        settle(app, lambda: settings.devices_page.model.rowCount() == 4)
        paths.append(out / "devices-page.png")
        _grab(app, settings, (1100, 620), paths[-1])
        settings.tabs.setCurrentIndex(4)
        settle(app, lambda: bool(settings.device_state.text()))
        paths.append(out / "devices-this-pc.png")
        _grab(app, settings, (1100, 720), paths[-1])

        token = TokenDialog(env, new, settings)
        paths.append(out / "devices-token-once.png")
        _grab(app, token, (720, 230), paths[-1])
        token.close()

        login = LoginDialog(env)
        paths.append(out / "login-demo-note.png")
        _grab(app, login, (520, 330), paths[-1])
        reason = (
            "รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร ใช้วลียาว ๆ ได้ "
            "(a password needs at least 8 characters; a long passphrase is welcome)"
        )
        change = ChangePasswordDialog(env, "clerk2", "abcd", reason)
        paths.append(out / "change-password.png")
        _grab(app, change, (560, 400), paths[-1])
        for w in (settings, login, change):
            w.close()
        env.live.stop()
        engine.dispose()
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=Path("docs"))
    take(ap.parse_args().out)


if __name__ == "__main__":
    main()
