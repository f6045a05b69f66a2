"""Files the program ships: fonts (Sarabun, OFL 1.1), later icons, sounds, translations."""

from pathlib import Path

ROOT = Path(__file__).parent
FONTS = ROOT / "fonts"
SARABUN_REGULAR = FONTS / "Sarabun-Regular.ttf"
SARABUN_BOLD = FONTS / "Sarabun-Bold.ttf"
