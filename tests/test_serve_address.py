"""A newcomer's first commands: `watwerkt serve` on a taken or malformed address answers in Dutch
and names the option to change; every --help, `scripts/start.py`'s included, is Dutch."""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import site_project
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config.base import ValidationError
from mkdocs.config.config_options import IpAddress

from generator.cli import COMMANDS
from generator.commands.serve import dev_address

ROOT = Path(__file__).resolve().parents[1]
# argparse's English words, as they appear when a text escapes the translation.
ENGLISH = re.compile(r"\b(usage|options|positional arguments|show this help|error|invalid|"
                     r"required|unrecognized|expected|choose from)\b", re.IGNORECASE)


def run(*args: str, env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})}, cwd=ROOT)


def mkdocs_accepts(text: str) -> bool:
    try:
        IpAddress().run_validation(text)
    except ValidationError:
        return False
    return True


@settings(deadline=None, max_examples=300)
@given(st.one_of(
    st.text(max_size=25),
    st.builds(lambda host, port: f"{host}:{port}",
              st.sampled_from(["127.0.0.1", "localhost", "[::1]", "0.0.0.0", "::1", "host",
                               "", "256.1.1.1", "localhost "]),
              st.one_of(st.integers(-5, 70000).map(str), st.text("0123456789x ", max_size=6)))))
def test_dev_address_accepts_what_the_server_accepts_and_explains_the_rest(text):
    """Reference: MkDocs' own IpAddress check (which ends in an English message about mkdocs.yml).
    Whatever we accept, it accepts; whatever we refuse gets a Dutch reason with an example."""
    try:
        host, port = dev_address(text)
    except argparse.ArgumentTypeError as exc:
        message = str(exc)
        assert "bijvoorbeeld 127.0.0.1:8000" in message and not ENGLISH.search(message)
        return
    assert mkdocs_accepts(f"{host}:{port}")
    assert 1 <= port <= 65535


@pytest.mark.parametrize("text", ["127.0.0.1:8000", "localhost:8001", "[::1]:9000"])
def test_dev_address_examples_accepted(text):
    assert f"{dev_address(text)[0]}:{dev_address(text)[1]}" == text


def test_serve_on_a_taken_port_says_so_in_dutch_with_a_free_one(tmp_path):
    project = site_project(tmp_path / "project")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(sys.executable, "-m", "generator", "serve", "--root", str(project),
                     "--dev-addr", f"127.0.0.1:{port}")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    message = result.stderr.strip()
    assert message.startswith(f"watwerkt serve: het adres 127.0.0.1:{port} is al in gebruik")
    suggested = re.search(r"--dev-addr 127\.0\.0\.1:(\d+)", message)
    assert suggested and int(suggested[1]) != port
    with socket.socket() as check:  # the suggestion is free
        check.bind(("127.0.0.1", int(suggested[1])))
    assert "WATWERKT_DEV_ADDR=" in message


@pytest.mark.parametrize(("args", "env", "names"), [
    (["--dev-addr", "8000"], {}, "argument --dev-addr: '8000' is geen adres van de vorm"),
    (["--dev-addr", "127.0.0.1:99999"], {}, "argument --dev-addr: '99999' in"),
    ([], {"WATWERKT_DEV_ADDR": "localhost"}, "fout in de omgevingsvariabele WATWERKT_DEV_ADDR"),
])
def test_bad_address_names_the_option_not_mkdocs_yml(tmp_path, args, env, names):
    project = site_project(tmp_path / "project")
    result = run(sys.executable, "-m", "generator", "serve", "--root", str(project), *args,
                 env=env)
    assert result.returncode == 2
    assert names in result.stderr
    assert "mkdocs.yml" not in result.stderr and "Traceback" not in result.stderr


def help_texts() -> list[tuple[str, list[str]]]:
    cases = [("start.py", [sys.executable, "scripts/start.py", "--help"]),
             ("watwerkt", [sys.executable, "-m", "generator", "--help"]),
             ("export offline", [sys.executable, "-m", "generator", "export", "offline", "-h"])]
    cases += [(name, [sys.executable, "-m", "generator", name, "--help"]) for name in COMMANDS]
    return cases


@pytest.mark.parametrize(("name", "command"), help_texts(), ids=[n for n, _ in help_texts()])
def test_every_help_is_dutch(name, command):
    result = run(*command)
    assert result.returncode == 0
    assert result.stdout.startswith("gebruik: ")
    assert not ENGLISH.search(result.stdout), ENGLISH.search(result.stdout)
    # metavars too: no upper-case English placeholder such as ROOT, OUT, TODAY
    assert not re.search(r"\b(ROOT|OUT|TODAY|TITLE|SUMMARY|EXTRA|COMMAND)\b", result.stdout)


def test_start_py_usage_error_is_dutch():
    result = run(sys.executable, "scripts/start.py", "--onbekend")
    assert result.returncode == 2
    assert "fout in de opdracht: onbekende argumenten: --onbekend" in result.stderr
