"""`make dist-check`: the bundle built by `make dist` runs on its own.

Every command runs with an empty environment (as `env -i`: no venv, no PYTHONPATH, only
HOME, PATH=/usr/bin:/bin, a UTF-8 locale and private XDG folders), from a temporary folder
so that the source tree cannot be imported by accident:

1. `khetdesk --version`
2. `khetdesk init --demo` on a temporary SQLite file
3. `ticket issue A` (as clerk1)
4. `ticket preview A001 --out ticket.png` — a PNG (the raster, Qt offscreen)
5. `loan request` + `loan print --out loan.pdf` — a PDF whose fonts are all embedded, which
   proves that reportlab and uharfbuzz came along
6. `gui --display` on Xvfb for 5 s with the xcb plugin: a 1366×768 window, and a screenshot

Also measures the bundle's size and its cold start (`--version`, median of 5) against the
venv's `python -m desktop_app --version`.

    python -m tests.dist_check [dist/khetdesk] [--shots DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    for var in ("CONFIG", "DATA", "STATE", "CACHE"):
        env[f"XDG_{var}_HOME"] = str(home / var.lower())
    env.update(extra)
    return env


def run(exe: Path, home: Path, cwd: Path, *args: str, **extra: str) -> str:
    started = time.perf_counter()
    out = subprocess.run([str(exe), *args], cwd=cwd, env=clean_env(home, **extra),
                         capture_output=True, text=True, timeout=180)  # fmt: skip
    took = time.perf_counter() - started
    shown = " ".join(a if "://" not in a else "sqlite:///…" for a in args)
    print(f"  khetdesk {shown}  → exit {out.returncode} ({took:.2f} s)")
    if out.returncode != 0:
        raise SystemExit(f"FAILED: khetdesk {shown}\n{out.stdout[-2000:]}\n{out.stderr[-3000:]}")
    return out.stdout


def fonts_embedded(pdf: Path) -> tuple[int, list[str]]:
    """(fonts, those not embedded), read with pypdf when it is there, else by pdffonts."""
    try:
        from pypdf import PdfReader
    except ImportError:
        lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                               check=True).stdout.splitlines()[2:]  # fmt: skip
        return len(lines), [ln.split()[0] for ln in lines if ln.split()[-5] != "yes"]
    fonts, missing = 0, []
    for page in PdfReader(pdf).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            fonts += 1
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            desc = target.get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            if not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.append(str(font.get("/BaseFont")))
    return fonts, missing


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def cold_start_ms(argv: list[str], env: dict[str, str], cwd: Path, n: int = 5) -> float:
    times = []
    for _ in range(n + 1):  # the first warms the file cache: not counted
        t0 = time.perf_counter()
        subprocess.run(argv, env=env, cwd=cwd, capture_output=True, check=True, timeout=120)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times[1:])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / "khetdesk")
    ap.add_argument("--shots", type=Path, default=None, help="keep the screenshot here")
    a = ap.parse_args()
    exe = a.bundle.resolve() / ("khetdesk.exe" if sys.platform == "win32" else "khetdesk")
    if not exe.exists():
        raise SystemExit(f"no bundle at {exe}: run make dist")
    with tempfile.TemporaryDirectory(prefix="khetdesk-dist-check-") as tmp:
        work = Path(tmp)
        home, elsewhere = work / "home", work / "elsewhere"
        home.mkdir()
        elsewhere.mkdir()
        db = f"sqlite:///{work / 'office.db'}"
        print(f"bundle {a.bundle} — run from {elsewhere}, env -i")
        version = run(exe, home, elsewhere, "--version").strip()
        assert version.startswith("khetdesk "), version
        run(exe, home, elsewhere, "--db", db, "init", "--demo")
        ticket = json.loads(run(exe, home, elsewhere, "--db", db, "--json", "--as", "clerk1",
                                "ticket", "issue", "A", KHETDESK_PASSWORD="demo"))  # fmt: skip
        code = ticket["code"]
        png = elsewhere / "ticket.png"
        run(exe, home, elsewhere, "--db", db, "ticket", "preview", code, "--out", str(png),
            QT_QPA_PLATFORM="offscreen")  # fmt: skip
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", "ticket preview: not a PNG"
        loan = json.loads(run(
            exe, home, elsewhere, "--db", db, "--json", "--as", "supply", "loan", "request",
            "--borrower-type", "agency", "--borrower", "นายสมชาย ใจงาม",
            "--agency", "สำนักงานเขตบางกอกน้อย", "--purpose", "อบรมอาสาสมัคร",
            "--official-use", "--place", "off_premises", "--start", "2026-12-01",
            "--due", "2026-12-05", "--item", "8340-001-0001/2564", KHETDESK_PASSWORD="demo",
        ))  # fmt: skip
        pdf = elsewhere / "loan.pdf"
        run(exe, home, elsewhere, "--db", db, "loan", "print", loan["loan_no"], "--out",
            str(pdf))  # fmt: skip
        fonts, missing = fonts_embedded(pdf)
        assert pdf.read_bytes()[:5] == b"%PDF-" and fonts > 0 and not missing, (fonts, missing)
        print(f"  loan record: {pdf.stat().st_size:,} bytes, {fonts} fonts, all embedded")
        geometry = gui_on_xvfb(exe, home, elsewhere, db, a.shots)
        print(f"  gui --display on Xvfb (xcb, no window manager): {geometry}")

        size = folder_size(a.bundle)
        bundle_ms = cold_start_ms([str(exe), "--version"], clean_env(home), elsewhere)
        venv_python = ROOT / ".venv" / "bin" / "python"
        venv_ms = (
            cold_start_ms(
                [str(venv_python), "-m", "desktop_app", "--version"], clean_env(home), ROOT
            )
            if venv_python.exists()
            else float("nan")
        )
        print(f"bundle: {size / 1e6:.0f} MB in {sum(1 for _ in a.bundle.rglob('*')):,} files")
        print(f"cold start (--version, median of 5): bundle {bundle_ms:.0f} ms, "
              f"venv {venv_ms:.0f} ms")  # fmt: skip
    print("dist-check: OK")
    return 0


def gui_on_xvfb(exe: Path, home: Path, cwd: Path, db: str, shots: Path | None) -> str:
    sys.path.insert(0, str(ROOT))
    from tests.support.xdisplay import HEIGHT, WIDTH, distinct_colours, missing_tools, xvfb

    lacking = missing_tools()
    if lacking:
        raise SystemExit(f"missing {lacking}: .ci/sysdeps.sh test installs them")
    with xvfb() as display:
        with open(home / "gui.log", "wb") as log:
            proc = subprocess.Popen([str(exe), "--db", db, "gui", "--display"], cwd=cwd,
                                    env=clean_env(home, DISPLAY=display.name),
                                    stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
        try:
            x, y, w, h = display.wait_window("KhetDesk", timeout=60)
            time.sleep(5)
            assert proc.poll() is None, "the board ended by itself"
            shot = display.screenshot(shots / "dist-check-display.png" if shots else None)
        except AssertionError:
            print((home / "gui.log").read_text(errors="replace")[-3000:])
            raise
        finally:
            proc.terminate()
            proc.wait(15)
    assert (w, h) == (WIDTH, HEIGHT), (x, y, w, h)
    assert distinct_colours(shot) > 50, "a blank screen"
    return f"{w}×{h} at {x},{y}"


if __name__ == "__main__":
    sys.exit(main())
