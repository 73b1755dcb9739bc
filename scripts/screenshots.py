"""Screenshots of built pages at desktop and phone width, for looking at what we build.

    python scripts/screenshots.py site /tmp/shots index.html
    interventies/buurtbemiddeling/index.html

Serves the folder on localhost, opens each page in Debian's chromium (headless, no background
networking) and writes <name>-desktop.png, <name>-phone.png (390 px) and <name>-small.png
(320 px).
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--disable-sync", "--disable-gpu", "--no-sandbox"]
SIZES = {"desktop": (1280, 900), "phone": (390, 844), "small": (320, 640)}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main(site: str, out: str, pages: list[str], full: bool = True) -> None:
    handler = functools.partial(_QuietHandler, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Path(out).mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for path in pages:
                page.goto(f"http://127.0.0.1:{server.server_port}/{path}")
                page.wait_for_load_state("networkidle")
                stem = path.strip("/").replace("/", "_").replace(".html", "") or "index"
                page.screenshot(path=f"{out}/{stem}-{name}.png", full_page=full)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    # FULL=0 in the environment: only the first screen, which is what a reader sees first.
    import os

    main(sys.argv[1], sys.argv[2], sys.argv[3:], full=os.environ.get("FULL", "1") != "0")
