"""No input makes the loader or the validator raise, hang, crash or expand a YAML alias bomb.

Property-based tests (hypothesis) feed random bytes, YAML-ish text and Markdown with HTML
fragments through parse_source + validate_all + check_body; the crash cases run in a subprocess
because libyaml would take the whole interpreter down with it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

from conftest import BUILD_DATE, INTERVENTION, REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check.body import blank_code_spans, check_body
from generator.check.validate import validate_all
from generator.content.load import parse_source
from generator.content.vocab import load_vocabularies
from generator.content.yamlsafe import is_date, parse_yaml
from generator.core.issues import Issue, Severity

VOCAB, _ = load_vocabularies(REPO)
SETTINGS = settings(deadline=None, max_examples=200,
                    suppress_health_check=[HealthCheck.too_slow])
FRONTMATTER, BODY = INTERVENTION.split("---\n")[1], INTERVENTION.split("---\n", 2)[2]


def run_everything(raw: bytes, relative: str = "interventions/x.md") -> list[Issue]:
    """The whole path a content file takes; the assertion is that it returns at all."""
    kind = "dossier" if relative.startswith("dossiers/") else "intervention"
    source, issues = parse_source(raw, relative, kind)
    assert source is not None
    result = validate_all([source], VOCAB, BUILD_DATE)
    issues = issues + result.issues
    for issue in issues:
        assert isinstance(issue, Issue) and issue.message and issue.path == relative
        assert issue.line is None or issue.line >= 1
        assert issue.column is None or issue.column >= 1
    return issues


# ---------------------------------------------------------------- random input never raises

@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes(raw: bytes) -> None:
    run_everything(raw)


@SETTINGS
@given(st.binary(max_size=500))
def test_random_bytes_after_a_valid_frontmatter(tail: bytes) -> None:
    run_everything(INTERVENTION.encode() + tail)


YAML_ATOMS = st.sampled_from([
    "title", "summary", "themes", "owner", "criteria", "recognition", "related", "sources",
    "level", "assessed_on", ":", ": ", "- ", "\n", "\n  ", "\n    ", "[", "]", "{", "}", ",", "&a ",
    "*a", "!!python/object:os.system", "!!str ", "!!binary ", "? ", "<<: ", "'", '"', "#", "|",
    ">-", "2023-02-30", "2022-05-12", "2026-11-23", "true", "null", "~", "-3", "1e9", "0x1F",
    ".inf", "wijkontwikkeling", "wijkontwikeling", "\t", "\ufeff", "\x00", "é", "---", "...",
    "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "@", "`", "\\", "\r\n", "2012", "https://x.org"])


@SETTINGS
@given(st.lists(YAML_ATOMS, max_size=60), st.text(max_size=40))
def test_random_yaml_frontmatter(atoms: list[str], noise: str) -> None:
    frontmatter = "".join(atoms) + noise
    run_everything(f"---\n{frontmatter}\n---\n{BODY}".encode("utf-8", "surrogatepass"))
    run_everything(f"---\n{frontmatter}\n---\n".encode("utf-8", "surrogatepass"),
                   "dossiers/y.md")


@SETTINGS
@given(st.lists(st.sampled_from(FRONTMATTER.splitlines(keepends=True)), max_size=30),
       st.lists(YAML_ATOMS, max_size=5), st.integers(min_value=0, max_value=29))
def test_valid_frontmatter_lines_shuffled_and_damaged(lines: list[str], atoms: list[str],
                                                      where: int) -> None:
    lines.insert(min(where, len(lines)), "".join(atoms))
    run_everything(("---\n" + "".join(lines) + "---\n" + BODY).encode("utf-8", "surrogatepass"))


@SETTINGS
@given(st.text(max_size=3000))
def test_random_text_as_yaml(text: str) -> None:
    parsed = parse_yaml(text)
    lines = sum(text.count(brk) for brk in "\n\r\x85\u2028\u2029") + 1  # YAML's line breaks
    for problem in parsed.problems:
        assert problem.code.startswith(("yaml-", "duplicate-key", "invisible-character")), problem
        assert 0 <= problem.line <= lines and problem.column >= 0 and problem.message
    for key, (line, column) in parsed.positions.items():
        assert 0 <= line <= lines and column >= 0, key
    if not parsed.problems:
        assert parsed.value is None or isinstance(parsed.value, (dict, list, str, int, float,
                                                                 bool)) or is_date(parsed.value)


MARKDOWN_ATOMS = st.sampled_from([
    "## Doel\n", "## Aanpak\n", "# Titel\n", "\n", "\n\n", "tekst ", "`", "``", "```\n", "~~~\n",
    "    ", "- ", "> ", "1. ", "| a | b |\n|---|---|\n", "[x](", ")", "![y](", "<", ">", "</",
    "<script>", "</script>", "<SCRIPT ", "<a href=\"", "<img src=", "\"", "'", "javascript:",
    "JaVaScRiPt:", "&#106;", "&#x6A;", "&#09;", "&lt;", "&amp;", "data:", "mailto:", "http://",
    "https://x.org", "onerror=", "onclick=", "style=", "<div>", "</div>", "<!--", "-->",
    "<![CDATA[", "]]>", "<?", "<!DOCTYPE", "<svg", "<math", "<iframe", "\\", "*", "_", "[ref]: ",
    "<https://x.org>", "<javascript:alert(1)>", "\t", "\x00", "\r", "é", "\u2028"])


@SETTINGS
@given(st.lists(MARKDOWN_ATOMS, max_size=80), st.text(max_size=40))
def test_random_markdown_with_html(atoms: list[str], noise: str) -> None:
    body = "".join(atoms) + noise
    report = check_body("interventions/x.md", "intervention", body, 17)
    last_line = 17 + body.count("\n") + body.count("\r") + body.count("\u2028") + 1
    for issue in report.issues:
        assert issue.line is not None and 17 <= issue.line <= last_line, issue
    run_everything((FRONTMATTER.join(["---\n", "---\n"]) + body).encode("utf-8",
                                                                       "surrogatepass"))


@SETTINGS
@given(st.lists(st.sampled_from(["`", "``", "\\`", "a", "\n", "<b>", " "]), max_size=60))
def test_code_span_blanking_keeps_lines_and_never_grows(atoms: list[str]) -> None:
    text = "".join(atoms)
    blanked = blank_code_spans(text)
    assert blanked.count("\n") == text.count("\n")
    assert len(blanked) <= len(text)


# ---------------------------------------------------------------- HTML found at its line

@SETTINGS
@given(st.integers(min_value=0, max_value=30), st.sampled_from([
    "<script>x</script>", "<IFRAME src=x></IFRAME>", '<b onclick="x">y</b>',
    "[a](javascript:x)", "[a](JAVASCRIPT:x)", "![a](&#106;avascript:x)",
    '<a href="java&#x09;script:x">a</a>', "<embed src=x>"]))
def test_dangerous_markup_is_an_error_at_its_line(blank_lines: int, markup: str) -> None:
    body = "## Doel\n\nTekst.\n" + "\n" * blank_lines + "Zin met " + markup + " erin.\n"
    report = check_body("interventions/x.md", "intervention", body, 20)
    errors = [i for i in report.issues if i.severity is Severity.ERROR
              and i.code in ("html-not-allowed", "unsafe-url")]
    assert [i.line for i in errors] == [20 + 3 + blank_lines]


@SETTINGS
@given(st.sampled_from(["<script>x</script>", '<b onclick="x">y</b>', "[a](javascript:x)",
                        "<iframe src=x></iframe>"]),
       st.sampled_from(["`{}`", "`` {} ``", "```\n{}\n```", "~~~\n{}\n~~~", "````md\n{}\n````"]))
def test_the_same_markup_as_code_is_not_an_error(markup: str, wrapper: str) -> None:
    body = "## Doel\n\nTekst:\n\n" + wrapper.format(markup) + "\n"
    report = check_body("interventions/x.md", "intervention", body, 20)
    assert not [i for i in report.issues if i.code in ("html-not-allowed", "unsafe-url")]


# ---------------------------------------------------------------- alias bombs, deep nesting

def billion_laughs(levels: int = 9, width: int = 10) -> str:
    lines = ['a0: &a0 ["lol"]']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{refs}]")
    lines.append(f"title: *a{levels}")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_rejected_quickly_without_expansion() -> None:
    started = time.perf_counter()
    raw = ("---\n" + billion_laughs() + "---\n" + BODY).encode()
    source, issues = parse_source(raw, "interventions/bom.md", "intervention")
    elapsed = time.perf_counter() - started
    assert elapsed < 2, elapsed  # 10**9 strings if it were expanded
    aliases = [i for i in issues if i.code == "yaml-alias"]
    assert len(aliases) == 1  # one message for the whole bomb, with the count in it
    assert aliases[0].line == 3 and "Er staan 91 verwijzingen" in aliases[0].message
    # Nothing was walked through an alias: no position deeper than the anchors themselves.
    assert all(key.count("[") <= 1 for key in source.positions)
    run_everything(raw)


def test_alias_bomb_in_a_dossier_through_the_whole_check() -> None:
    issues = run_everything(("---\n" + billion_laughs(12, 20) + "---\n").encode(),
                            "dossiers/bom.md")
    assert "yaml-alias" in {i.code for i in issues}


DEEP_CASES = {
    "flow-sequences": "'[' * 100_000",
    "flow-mappings": "'{a: ' * 100_000",
    "block-sequences": "'- ' * 100_000",
    "block-sequences-wide": "'-  ' * 100_000",
    "complex-keys": "'? ' * 100_000",
    "mixed-indicators": "'- ? ' * 100_000",
    "anchored-flow": "'&a [' * 100_000",
    "indented-mappings": "''.join(' ' * i + f'k{i}:\\n' for i in range(2_000))",
}


def test_deep_nesting_does_not_crash_the_interpreter() -> None:
    # libyaml recurses in C: without the pre-check some of these end in a segmentation fault,
    # which would take pytest down with it, so they run in a child interpreter.
    script = textwrap.dedent(f"""
        import sys
        from generator.content.load import parse_source
        cases = {{{", ".join(f"{name!r}: {expr}" for name, expr in DEEP_CASES.items())}}}
        for name, frontmatter in cases.items():
            raw = ("---\\n" + frontmatter + "\\n---\\n## Doel\\n").encode()
            source, issues = parse_source(raw, "interventions/diep.md", "intervention")
            codes = sorted({{i.code for i in issues}})
            print(name, ",".join(codes), flush=True)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=REPO, timeout=120)
    assert result.returncode == 0, (result.returncode, result.stdout, result.stderr[-2000:])
    reported = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    assert set(reported) == set(DEEP_CASES)
    for name, codes in reported.items():
        assert codes in ("yaml-too-deep", "yaml-syntax"), (name, codes)
    assert reported["flow-sequences"] == "yaml-too-deep"
    assert reported["block-sequences-wide"] == "yaml-too-deep"
    assert reported["complex-keys"] == "yaml-too-deep"


# ---------------------------------------------------------------- no quadratic blow-up

ADVERSARIAL_BODIES = {
    "unclosed-tags": "x <a " * 20_000,
    "unclosed-tags-then-close": "x <a " * 20_000 + ">",
    "tag-starts-without-space": "a <b x" * 20_000,
    "attributes-everywhere": '<b title="x" ' * 8_000,
    "backtick-runs-of-every-length": " ".join("`" * k for k in range(1, 450)),
    "escaped-backticks": "\\`<b>" * 20_000,
    "many-autolinks": "<https://x.org> " * 6_000,
    "many-suspicious-attributes": "<x onclick=" * 10_000,
    "entities": "&amp;" * 20_000 + "\n<b onclick=x>",
    "unclosed-comments": "<!-- " * 20_000,
}


def test_adversarial_bodies_are_checked_in_linear_time() -> None:
    # Each is ~100 kB in one paragraph; the quadratic versions took minutes at this size.
    for name, body in ADVERSARIAL_BODIES.items():
        started = time.perf_counter()
        check_body("interventions/x.md", "intervention", body, 1)
        elapsed = time.perf_counter() - started
        assert elapsed < 10, (name, elapsed)


def test_large_normal_frontmatter_is_parsed_quickly() -> None:
    frontmatter = FRONTMATTER + "outcomes:\n" + "".join(f"  - Uitkomst {i}\n" for i in range(150))
    started = time.perf_counter()
    for _ in range(20):
        parse_yaml(frontmatter)
    assert time.perf_counter() - started < 5
