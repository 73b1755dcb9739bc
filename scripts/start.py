"""The README's first command: the project's own virtual environment (.venv/), the project
installed into it, then `watwerkt serve` (or the watwerkt arguments given after `--`).

It uses the standard library only, because it runs on the system Python before anything is
installed; a system Python may refuse `pip install` outside a virtual environment (PEP 668).
Running it again reuses .venv/ and installs again only when pyproject.toml changed.

    python3 scripts/start.py                      # install, build and serve
    python3 scripts/start.py --extra test --install-only   # what scripts/test.sh does
    python3 scripts/start.py -- export offline    # any watwerkt command
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import subprocess
import sys
import venv
from pathlib import Path

MINIMUM = (3, 11)
ROOT = Path(__file__).resolve().parents[1]
# argparse in Dutch: a standard-library module of the project itself, importable before install.
sys.path.insert(0, str(ROOT))
from generator.core.argparse_nl import DutchParser  # noqa: E402

VENV = ROOT / ".venv"
STAMP = VENV / ".watwerkt-installed"


def fail(message: str) -> None:
    print(f"watwerkt: {message}", file=sys.stderr)
    raise SystemExit(2)


def bin_dir(env: Path) -> Path:
    return env / ("Scripts" if os.name == "nt" else "bin")


def venv_python(env: Path) -> Path:
    return bin_dir(env) / ("python.exe" if os.name == "nt" else "python")


def ensure_venv() -> Path:
    """.venv/ with pip; created once."""
    python = venv_python(VENV)
    if python.is_file():
        return python
    if importlib.util.find_spec("ensurepip") is None:
        fail("deze Python kan geen virtuele omgeving met pip maken (de module ensurepip "
             "ontbreekt). Installeer die, op Debian of Ubuntu met: sudo apt install python3-venv")
    print(f"Virtuele omgeving maken in {VENV} …", flush=True)
    try:
        venv.EnvBuilder(with_pip=True).create(VENV)
    except (OSError, subprocess.CalledProcessError) as exc:
        fail(f"de virtuele omgeving {VENV} is niet gemaakt: {exc}")
    return python


def install(python: Path, extras: list[str]) -> None:
    """`pip install -e .[extras]` into .venv/, skipped when nothing it depends on changed."""
    target = f"{ROOT}[{','.join(extras)}]" if extras else str(ROOT)
    wanted = hashlib.sha256(
        (ROOT / "pyproject.toml").read_bytes() + f"\n{target}\n{sys.version}".encode()
    ).hexdigest()
    # One line per installed set of extras (the test command adds [test], start.py alone not).
    done = STAMP.read_text(encoding="utf-8").split() if STAMP.is_file() else []
    if wanted in done:
        return
    print(f"Wat Werkt installeren in {VENV} (pip; de eerste keer duurt dat even) …", flush=True)
    code = subprocess.call([str(python), "-m", "pip", "install", "--quiet",
                            "--disable-pip-version-check", "-e", target])
    if code != 0:
        fail("pip kon Wat Werkt niet installeren (zie de meldingen hierboven).")
    STAMP.write_text("".join(f"{line}\n" for line in [*done, wanted]), encoding="utf-8")


def again_hint() -> str:
    activate = ("source .venv/bin/activate" if os.name != "nt"
                else r".venv\Scripts\activate")
    return (f"In een nieuwe shell: cd {ROOT} && {activate}, daarna bijvoorbeeld "
            "'watwerkt serve' of 'watwerkt export offline'.")


def parse(argv: list[str]) -> argparse.Namespace:
    parser = DutchParser(
        prog="python3 scripts/start.py",
        description="Installeer Wat Werkt in .venv/ en start 'watwerkt serve' (of de "
                    "opdracht na --).")
    parser.add_argument("--extra", action="append", default=[], metavar="NAAM",
                        help="installeer ook deze extra's uit pyproject.toml, bijvoorbeeld test")
    parser.add_argument("--install-only", action="store_true",
                        help="alleen installeren, niets starten")
    parser.add_argument("command", nargs="*", metavar="opdracht",
                        help="watwerkt-opdracht met haar argumenten (standaard: serve)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    if sys.version_info < MINIMUM:
        fail(f"Wat Werkt vraagt Python {MINIMUM[0]}.{MINIMUM[1]} of nieuwer; dit is "
             f"{sys.version.split()[0]} ({sys.executable}).")
    args = parse(sys.argv[1:] if argv is None else argv)
    python = ensure_venv()
    install(python, args.extra)
    if args.install_only:
        print(f"Wat Werkt staat in {VENV}. {again_hint()}", flush=True)
        return 0
    program = bin_dir(VENV) / ("watwerkt.exe" if os.name == "nt" else "watwerkt")
    command = [str(program), *(args.command or ["serve"])]
    print(again_hint(), flush=True)
    if os.name == "nt":
        return subprocess.call(command)
    # Replace this process: Ctrl+C then reaches watwerkt alone, which stops cleanly.
    os.execv(command[0], command)
    return 0


if __name__ == "__main__":
    sys.exit(main())
