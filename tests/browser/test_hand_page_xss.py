"""No script injection through a hand-written page (pages/*.md), in Chromium (issue 26).

The whole body corpus of tests/reliability/payloads.py in hand-written pages, and a page whose
header holds the frontmatter payloads, built with the hand-page check switched off (as if it
had missed everything; `serve` goes on with errors), so only the page guard stands between
them and the reader. On every such page no dialog opens, `window.__xss` stays undefined, no
element carries an inline event handler, no request leaves the machine, links in the content
are http(s), mailto or within the site, and the content holds nothing active.
"""

from __future__ import annotations

import pytest

from generator.pipeline import check_project
from tests.browser.test_xss import _assert_inert
from tests.reliability.documents import TODAY, body, build, document, make_project, write_files
from tests.reliability.payloads import BODY, TEXT

pytestmark = pytest.mark.browser

GROUP = 12
HEADER = "---\ntitle: Proef\n---\n"


@pytest.fixture(scope="module")
def hand_site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("hand-xss") / "project")
    names = []
    for group in range(0, len(BODY), GROUP):
        payloads = "\n\nTussen twee payloads.\n\n".join(p for _, p in BODY[group:group + GROUP])
        names.append(f"h-groep-{group // GROUP}")
        write_files(root, {f"pages/{names[-1]}.md":
                           (HEADER + body("intervention", payloads)).encode()})
    for index, (_, payload) in enumerate(TEXT):
        names.append(f"kop-{index}")
        write_files(root, {f"pages/{names[-1]}.md": document(
            {"title": payload, "description": payload}, f"Tekst {index}.\n")})
    assert check_project(root, TODAY).failed()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("generator.pipeline.check_hand_pages", lambda root: [])
        outcome = build(root, root / "site")
    assert outcome.ok, outcome.failure + outcome.report
    return root / "site", names


def test_hand_pages_are_made_inert_by_the_page_guard(browser, hand_site):
    site, names = hand_site
    pages = [f"{name}/" for name in names]
    assert all((site / name / "index.html").is_file() for name in names)
    assert _assert_inert(browser, site, pages, entries_only=True) == len(pages)
