"""The bundle's windows without a console window: `khetdesk-gui [--kiosk|--display|…]`."""

import sys

from desktop_app.cli import gui_main

if __name__ == "__main__":
    sys.exit(gui_main())
