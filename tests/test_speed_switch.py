"""One switch turns every speed device off (generator/core/work.py, generator/speed/): the site
and the offline export are the same to the byte with the devices on and off. The devices'
own tests compare each one alone; this compares all of them at once, as a user switches them."""

from __future__ import annotations

import zipfile

import pytest
from conftest import REPO, TODAY, files_below, run_cli

from generator.core.work import SPEED_VARIABLE


def built(root, out, speed: bool, *command: str) -> dict[str, bytes]:
    done = run_cli(*(command or ("build",)), "--root", str(root), "--out", str(out), "--today",
                   TODAY, env={SPEED_VARIABLE: "1" if speed else "0"})
    assert done.returncode == 0, done.stderr[-3000:]
    if out.suffix == ".zip":
        with zipfile.ZipFile(out) as archive:
            return {name: archive.read(name) for name in sorted(archive.namelist())}
    return files_below(out)


def assert_same(fast: dict[str, bytes], plain: dict[str, bytes]) -> None:
    assert sum(name.endswith(".html") for name in plain) > 50
    assert list(fast) == list(plain)
    assert [name for name in plain if fast[name] != plain[name]] == []


@pytest.mark.parametrize("which", ["shipped", "corpus"])
def test_the_site_is_the_same_with_every_speed_device_on_and_off(which, shipped_copies,
                                                                  tmp_path):
    root = REPO if which == "shipped" else shipped_copies
    assert_same(built(root, tmp_path / "on", True), built(root, tmp_path / "off", False))


def test_the_offline_export_is_the_same_with_every_speed_device_on_and_off(tmp_path):
    # The export links files (…/index.html), not folders: other relative links per page.
    assert_same(built(REPO, tmp_path / "on.zip", True, "export", "offline"),
                built(REPO, tmp_path / "off.zip", False, "export", "offline"))
