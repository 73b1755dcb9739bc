"""The body check parses inline Markdown only where a link or image can be: it must find the
same links and images as markdown-it's full parse, on any text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from generator.check.body import _MD, check_body

PIECES = ["[a](https://x.nl)", "[b][ref]", "[ref]: javascript:alert(1)\n", "![i](data:x)",
          "<javascript:x>", "<mailto:a@b.nl>", "`[c](x)`", "[d](<java script:x>)", "\\[e](y)",
          "&#91;f](z)", "**g**", "\n\n", "\n", "- ", "> ", "    ", "## Kop\n", "tekst ", "(", ")",
          "]", "[", "<", ">", "\n```\n", "<span>", "!!! note\n    [h](javascript:1)\n"]


def full_parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark")
    parser.validateLink = lambda url: True
    parser.normalizeLink = lambda url: url
    return parser


def links(parser: MarkdownIt, text: str) -> list[tuple[str, str]]:
    found = []
    for token in parser.parse(text):
        for child in token.children or []:
            if child.type == "link_open":
                found.append(("link", child.attrs.get("href", "")))
            elif child.type == "image":
                found.append(("image", child.attrs.get("src", "")))
    return found


@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
def test_lazy_inline_parse_finds_every_link_of_the_full_parse(text: str) -> None:
    assert links(_MD, text) == links(full_parser(), text)


def test_a_javascript_link_deep_in_a_list_is_still_reported() -> None:
    body = ("## Doel\n\nGewone tekst zonder haken.\n\n- punt\n  - dieper met "
            "[klik](javascript:alert(1))\n")
    report = check_body("interventions/x.md", "intervention", body, 10)
    assert [(i.code, i.line) for i in report.issues if i.code != "missing-section"] \
        == [("unsafe-url", 15)]


def test_an_unchanged_body_is_tokenized_once_and_a_changed_one_again(monkeypatch) -> None:
    import generator.check.body as body_module

    calls = []
    real = body_module._check_body
    monkeypatch.setattr(body_module, "_check_body",
                        lambda *args: calls.append(args[2]) or real(*args))
    body_module._check_body_once.cache_clear()
    first = "## Doel\n\nEen [link](javascript:x) op regel drie.\n"
    changed = first.replace("drie", "vier")
    reports = [check_body("interventions/y.md", "intervention", text, 5)
               for text in (first, first, changed)]
    assert calls == [first, changed]
    assert [[(i.code, i.line) for i in r.issues if i.code == "unsafe-url"] for r in reports] \
        == [[("unsafe-url", 7)]] * 3
    reports[0].issues.clear()  # a caller's list is its own: the cache keeps its copy
    again = check_body("interventions/y.md", "intervention", first, 5)
    assert any(i.code == "unsafe-url" for i in again.issues)
