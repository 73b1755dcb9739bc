"""Large and pathological content files, shared by tests/reliability/test_large_inputs.py
(outcomes) and bench/large_inputs.py (time and peak memory). Each case returns
{relative path: bytes} for run_pipeline."""

from __future__ import annotations

from collections.abc import Callable

from tests.reliability.documents import body, document, dossier, intervention

PARAGRAPH = "Dit is een zin met wat tekst over de aanpak en de doelgroep. " * 16 + "\n\n"


def _entry(extra_body: str = "", **fields) -> dict[str, bytes]:
    return {"interventions/x.md": document(intervention(**fields),
                                           body("intervention", extra_body))}


def _raw(frontmatter: str) -> dict[str, bytes]:
    return {"interventions/x.md": f"---\n{frontmatter}---\n{body('intervention')}".encode()}


CASES: dict[str, Callable[[], dict[str, bytes]]] = {
    "klein": lambda: _entry(),
    "body-1mb": lambda: _entry(PARAGRAPH * (1_000_000 // len(PARAGRAPH))),
    "lijst-10000-outcomes": lambda: _entry(outcomes=[f"Uitkomst {i}" for i in range(10_000)]),
    "lijst-10000-auteurs": lambda: {"dossiers/y.md": document(
        dossier(authors=[f"Auteur {i}" for i in range(10_000)]), body("dossier"))},
    "tekst-100000-tekens": lambda: _entry(costs="€ " * 50_000),
    "yaml-genest-flow-10000": lambda: _raw("title: x\nowner: " + "[" * 10_000
                                           + "]" * 10_000 + "\n"),
    "yaml-genest-blok-2000": lambda: _raw("title: x\nowner:\n" + "".join(
        "  " * depth + f"k{depth}:\n" for depth in range(1, 2000))),
    "yaml-alias-bom": lambda: _raw("a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9))),
    "citaat-genest-1000": lambda: _entry("> " * 1000 + "diep"),
    "html-genest-5000": lambda: _entry("<div>" * 5000 + "diep" + "</div>" * 5000),
}

# Only in the benchmark: builds that take seconds (a 10,000-item Markdown list, 20,000
# emphasis markers), and inputs that are quadratic in Python-Markdown (the renderer) although
# the check accepts them; the benchmark runs them with a time-out.
BENCH_ONLY: dict[str, Callable[[], dict[str, bytes]]] = {
    "markdown-lijst-10000": lambda: _entry("\n".join(f"- punt {i}" for i in range(10_000))),
    "nadruk-20000": lambda: _entry("*a **b " * 20_000),
    "open-links-4000": lambda: _entry("[a](" * 4000),
    "open-tags-8000": lambda: _entry("<a " * 8000),
}
