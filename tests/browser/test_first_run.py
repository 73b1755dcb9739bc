"""A new user's first minutes on a stock machine (issue 14): a fresh clone, a PATH that holds
only the system Python (no Node.js, no npm, no pyenv, no virtual environment of ours), and the
README's first command exactly as the README writes it. It must install, build and serve the
site, stop cleanly on Ctrl+C, and `watwerkt export offline` must then make a zip that works from
file://. Slow (pip installs everything into a new .venv/), so the module does it once."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from tests.browser.conftest import REPO, TODAY, new_page, search_titles
from tests.conftest import fetch, free_port

pytestmark = [pytest.mark.browser, pytest.mark.stock]

SYSTEM_PYTHON = Path("/usr/bin/python3")
# What a stock machine has besides Python: a shell. Nothing else goes on the PATH.
SHELLS = ("sh", "bash")
# Variables of this machine's own Python and Node set-up, which a stock user does not have.
FOREIGN = ("PYENV", "VIRTUAL_ENV", "PYTHON", "CONDA", "NODE", "NPM")
INSTALL_SECONDS = 900


def readme_first_command() -> str:
    """The first line of the README's first sh block, without its comment."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", readme, re.DOTALL)
    assert block, "README.md has no ```sh block"
    return re.sub(r"\s+#.*$", "", block.group(1).splitlines()[0]).strip()


def stock_env(bin_dir: Path, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(FOREIGN)}
    env.update(PATH=str(bin_dir), WATWERKT_DEV_ADDR=f"127.0.0.1:{port}")
    return env


def _system_python_fits() -> bool:
    if not SYSTEM_PYTHON.is_file():
        return False
    probe = subprocess.run(
        [str(SYSTEM_PYTHON), "-c", "import sys, ensurepip; sys.exit(sys.version_info < (3, 11))"],
        capture_output=True)
    return probe.returncode == 0


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    """A fresh clone with the README's first command running in it; yields (clone, env, port,
    process, log file)."""
    if not _system_python_fits():
        pytest.skip(f"{SYSTEM_PYTHON} is not a Python >= 3.11 with venv/ensurepip")
    if not (REPO / ".git").exists() or shutil.which("git") is None:
        pytest.skip("the repository is not a git checkout, so it cannot be cloned")
    base = tmp_path_factory.mktemp("stock")
    clone = base / "wat-werkt"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True)
    bin_dir = base / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(SYSTEM_PYTHON)
    for name in SHELLS:
        (bin_dir / name).symlink_to(shutil.which(name))
    for tool in ("node", "npm", "pip", "pip3", "watwerkt", "mkdocs"):
        assert shutil.which(tool, path=str(bin_dir)) is None, tool
    port = free_port()
    env = stock_env(bin_dir, port)
    log = base / "first-command.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [str(bin_dir / "bash"), "-c", readme_first_command()], cwd=clone, env=env,
            stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            # Ctrl+C must reach it even when the test runner was started with SIGINT ignored.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    yield clone, env, port, process, log
    if process.poll() is None:
        process.kill()
        process.wait(timeout=30)


def _wait_for_home(port: int, process: subprocess.Popen, log: Path) -> str:
    deadline = time.monotonic() + INSTALL_SECONDS
    while time.monotonic() < deadline:
        page = fetch(f"http://127.0.0.1:{port}/")
        if "<h1" in page:
            return page
        if process.poll() is not None:
            pytest.fail(f"the first command stopped ({process.returncode}):\n{log.read_text()}")
        time.sleep(2)
    pytest.fail(f"no home page within {INSTALL_SECONDS} s:\n{log.read_text()}")


def test_first_command_installs_serves_and_stops_on_ctrl_c(first_run):
    clone, _env, port, process, log = first_run
    assert readme_first_command() == "python3 scripts/start.py"
    home = _wait_for_home(port, process, log)
    assert "<h1 id=\"titel\">Wat werkt bij sociale vraagstukken</h1>" in home
    assert (clone / ".venv" / "bin" / "watwerkt").is_file()
    missing = fetch(f"http://127.0.0.1:{port}/bestaat-niet/")
    assert missing == ""  # a 404 answer: urlopen raises, fetch gives ""
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=60) == 0
    output = log.read_text(encoding="utf-8")
    assert f"Klaar: de voorvertoning draait op http://127.0.0.1:{port}/" in output
    assert "source .venv/bin/activate" in output
    assert "Voorvertoning gestopt." in output
    assert "/bestaat-niet/ bestaat niet (404)." in output
    # What watwerkt says, after pip (whose own lines depend on the machine's pip set-up).
    ours = output[output.index("In een nieuwe shell"):]
    for english in ("Traceback", "KeyboardInterrupt", "WARNING", "INFO", "Serving on",
                    "Documentation built", "end of life"):
        assert english not in ours, ours


def test_export_offline_right_after_works_from_file(first_run, browser, tmp_path):
    clone, env, port, process, log = first_run
    if process.poll() is None:  # run alone: let the first command finish installing
        _wait_for_home(port, process, log)
    assert (clone / ".venv" / "bin" / "watwerkt").is_file(), log.read_text()
    result = subprocess.run(
        [env["PATH"] + "/bash", "-c", f".venv/bin/watwerkt export offline --today {TODAY}"],
        cwd=clone, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Offline versie gemaakt" in result.stdout
    assert not (clone / "node_modules").exists()
    folder = f"watwerkt-offline-{TODAY}"
    with zipfile.ZipFile(clone / "dist" / f"{folder}.zip") as archive:
        archive.extractall(tmp_path)
    page, guard = new_page(browser, ("file://",))
    try:
        page.goto((tmp_path / folder / "index.html").as_uri())
        assert search_titles(page, "Schuldhulpmaatje")[0] == "Schuldhulpmaatje"
    finally:
        page.context.close()
    assert guard.blocked == [], f"requests left the machine: {guard.blocked}"


def test_running_it_again_reuses_the_environment(first_run):
    clone, env, port, process, log = first_run
    if process.poll() is None:  # run alone: let the first command finish installing
        _wait_for_home(port, process, log)
    result = subprocess.run([env["PATH"] + "/python3", "scripts/start.py", "--install-only"],
                            cwd=clone, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "installeren" not in result.stdout  # pyproject.toml did not change: no pip run
    assert result.stdout.startswith(f"Wat Werkt staat in {clone / '.venv'}. In een nieuwe "
                                    "shell:")
