"""Hypothesis strategies derived from generator/core/schema.py: valid frontmatter for every field
kind,
mutations of it (wrong types, missing and extra keys, odd Unicode, huge values), and random
Markdown with HTML. Changing the schema changes what is generated; nothing is listed twice."""

from __future__ import annotations

import copy
import datetime as dt

from hypothesis import strategies as st

from generator.check.validate_fields import MAX_TEXT, PLACEHOLDER
from generator.core import schema
from generator.core.schema import FIELDS, REQUIRED_SECTIONS, Field
from tests.reliability.documents import TODAY, document, vocabularies

# Printable text without the control characters the loader rejects (they have their own test).
_CHARS = st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn"))
ODD_TEXT = st.sampled_from([
    "\u202e\u200b\u200d\ufeff", "Ｓｃｒｉｐｔ", "\U0001F600\U0001F469\u200d\U0001F4BB", "﷽",
    "é" * 3,
    "a\u0301\u0301\u0301", "\u2028\u2029", "\\", "'\"", "{{ x }}", "{% x %}", "---", "...",
    "&amp;", "<b>", "*_`#|", "x: y", "- a", "[a](b)", "null", "~", "yes", "0x1F", "1e400",
    "2023-02-30", "\t", "İı", "\U000e0041",
])


def text(max_size: int = 60) -> st.SearchStrategy[str]:
    return st.text(_CHARS, min_size=1, max_size=max_size).filter(_valid_text)


def _valid_text(value: str) -> bool:
    """Not blank, and not the scaffold's placeholder ('VUL IN …'), which the check rejects."""
    words = " ".join(value.split())
    return bool(words) and not words.upper().startswith(PLACEHOLDER)


# Prose for a valid body: letters, digits, spaces and punctuation that Markdown leaves alone.
PROSE = st.text(st.characters(whitelist_categories=("L", "N", "Zs"))
                | st.sampled_from(".,;:!?'()-€%"), min_size=1, max_size=200) \
    .filter(lambda s: s.strip())


_HOST = st.from_regex(r"[a-z][a-z0-9-]{0,10}\.(nl|org|example)", fullmatch=True)
_URL = st.builds(lambda host, path: f"https://www.{host}/{path}", _HOST,
                 st.from_regex(r"[a-z0-9/_-]{0,20}", fullmatch=True))
_EMAIL = st.builds(lambda user, host: f"{user}@{host}",
                   st.from_regex(r"[a-z][a-z0-9.]{0,10}", fullmatch=True), _HOST)


def _kind(spec: Field, slugs: tuple[str, ...]) -> st.SearchStrategy:
    vocab = vocabularies()
    kinds = {
        schema.TEXT: text(80), schema.SUMMARY: text(schema.SUMMARY_MAX // 2),
        schema.DATE: st.dates(dt.date(1990, 1, 1), TODAY), schema.BOOL: st.booleans(),
        schema.YEAR: st.integers(1900, TODAY.year), schema.COUNT: st.integers(0, 10**6),
        schema.URL: _URL, schema.EMAIL: _EMAIL,
        schema.CHOICE: st.sampled_from(spec.choices or ("-",)),
        # References name existing entries; other slug lists (earlier names) new ones.
        schema.SLUG_LIST: st.lists(st.sampled_from(slugs or ("x",)) if spec.refers_to
                                   else st.from_regex(r"oud-[a-z0-9]{1,8}", fullmatch=True),
                                   unique=True, max_size=3),
        schema.TEXT_LIST: st.lists(text(40), min_size=max(spec.min_items, 1), max_size=4,
                                   unique=True),
    }
    if spec.vocab:
        ids = st.sampled_from(vocab.ids(spec.vocab))
        kinds[schema.VOCAB] = ids
        kinds[schema.VOCAB_LIST] = st.lists(ids, min_size=max(spec.min_items, 1), max_size=3,
                                            unique=True)
    if spec.kind == schema.OBJECT:
        return mapping(spec.fields, slugs)
    if spec.kind == schema.OBJECT_LIST:
        return st.lists(mapping(spec.fields, slugs), min_size=1, max_size=3)
    return kinds[spec.kind]


def mapping(fields: tuple[Field, ...], slugs: tuple[str, ...] = ()) -> st.SearchStrategy[dict]:
    """Every required field, and any optional ones, each with a value of its kind."""
    required = {f.name: _kind(f, slugs) for f in fields if f.required}
    optional = {f.name: _kind(f, slugs) for f in fields if not f.required}
    return st.fixed_dictionaries(required, optional=optional)


def _fix_intervention(data: dict) -> dict:
    """The rules across fields that a kind alone does not express (the inclusion criteria,
    the default status)."""
    criteria = data["criteria"]
    criteria["handbook"] = True
    criteria["in_practice_since"] = min(criteria["in_practice_since"], TODAY.year - 2)
    criteria["organisations"] = max(criteria["organisations"], 2)
    recognition = data.get("recognition")
    if recognition and recognition.get("valid_until", TODAY) < recognition["assessed_on"]:
        del recognition["valid_until"]
    return data


def _fix_dossier(data: dict) -> dict:
    if "updated" in data and data["updated"] < data["published"]:
        data["updated"] = data["published"]
    return data


def frontmatter(kind: str, slugs: tuple[str, ...] = ()) -> st.SearchStrategy[dict]:
    """Valid frontmatter of an intervention or a dossier, straight from the schema."""
    fix = _fix_intervention if kind == "intervention" else _fix_dossier
    return mapping(FIELDS[kind], slugs).map(fix)


def sections(kind: str, extra: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[str]:
    """A body with every required section (shuffled, in any letter case) and text under each."""
    titles = st.permutations(REQUIRED_SECTIONS[kind])
    return st.builds(
        lambda order, upper, words, more: "\n".join(
            f"## {t.upper() if upper else t}\n\n{words}\n\n{more if i == 0 else ''}\n"
            for i, t in enumerate(order)),
        titles, st.booleans(), PROSE,
        extra if extra is not None else st.just(""))


# ------------------------------------------------------------------------------- mutations

def _any_value() -> st.SearchStrategy:
    scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
               | st.dates() | text(30) | ODD_TEXT | st.just(""))
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                        | st.dictionaries(text(10), inner, max_size=4), max_leaves=12)


HUGE = st.sampled_from([
    "x" * (MAX_TEXT + 1), "lang " * 20_000, 10**30, -(10**30), 1e308, list(range(500)),
    ["a"] * 10_000, {f"k{i}": i for i in range(300)}, "\U0001F600" * 5000,
])


@st.composite
def mutated(draw, kind: str, slugs: tuple[str, ...] = ()) -> dict:
    """A valid frontmatter with one to three things wrong. Copies: hypothesis hands out the same
    sampled objects again, so they must never be changed in place."""
    data = copy.deepcopy(draw(frontmatter(kind, slugs)))
    for _ in range(draw(st.integers(1, 3))):
        target = data
        if draw(st.booleans()):
            nested = [k for k, v in data.items() if isinstance(v, dict)]
            if nested:
                target = data[draw(st.sampled_from(sorted(nested)))]
        action = draw(st.sampled_from(["delete", "extra", "retype", "odd", "huge"]))
        keys = sorted(target)
        if action == "extra" or not keys:
            target[draw(text(12) | st.sampled_from(["titel", "tags", "descripton", ""]))] = \
                copy.deepcopy(draw(_any_value()))
            continue
        key = draw(st.sampled_from(keys))
        if action == "delete":
            del target[key]
        else:
            target[key] = copy.deepcopy(draw({"retype": _any_value(), "odd": ODD_TEXT,
                                              "huge": HUGE}[action]))
    return data


def content_file(kind: str, data: object, text_body: str) -> bytes:
    return document(data, text_body)


# ----------------------------------------------------------------- Markdown with HTML pieces

PIECES = [
    "# ", "## ", "### Kop", "\n- ", "\n1. ", "\n> ", "\n    ", "\n```\n", "`", "``", "*", "_",
    "**", "[tekst](", ")", "![alt](", "](", "<", ">", "[^1]", "\n[^1]: ", "\n!!! note\n",
    "\n", "\n\n", "|", "\n|---|\n", "\n---\n", "\n*[HTML]: ", "\n:   ", "&amp;", "&#106;",
    "&#x6A;", "&lt;", "&colon;", "\\", "<p>", "</p>", '<a href="', '">', "</a>", "<img src=",
    " onerror=", "<script>", "</script>", "<div>", "</div>", "<details>", "<summary>",
    "<!--", "-->", "--!>", "<!-->", "<svg", " onload=", "<iframe srcdoc=", "javascript:",
    "data:", "JaVaScRiPt:", "java\tscript:", " style=", '"', "'", "=", " ", "window.__xss=1",
    "alert(1)", '<abbr title="', "<table><tr><td>", "<math>", "<style>", "<![CDATA[", "<?",
    "<!DOCTYPE x>", "<br/>", "<b", "<u>", "https://example.org/", "mailto:a@example.org",
    "#doel", "../", "<noscript>", "<template>", "<object data=", "<form action=", "<base href=",
]
MARKDOWN_HTML = st.lists(st.sampled_from(PIECES) | text(8), max_size=40).map("".join)
