"""A synthetic Wat Werkt project for the benchmark: N interventions and the dossiers that link
them, reproducible from a seed, that passes `watwerkt check --strict`.

    python bench/corpus.py OUT --n 1000 [--seed 1] [--today 2026-11-22]

OUT becomes a full project folder: the repository's mkdocs.yml, theme/, pages/ and
vocabularies.yml, plus interventions/ and dossiers/. Bodies are built from the Dutch sentence
pools in corpus_text.py with the six required sections (and optional ones), lists, subheadings
and the odd table, about the size of the shipped entries (6-9 kB). Frontmatter is spread over
every vocabulary term and over every recognition state: each level, not assessed, expired and
withdrawn.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
import sys
import unicodedata
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from corpus_text import (  # noqa: E402
    DOSSIER_POOLS,
    FIRST_NAMES,
    INDICATORS,
    ORG_KINDS,
    ORG_NAMES,
    PLACES,
    POOLS,
    SURNAMES,
    TITLE_CORES,
    TITLE_QUALIFIERS,
)

PROJECT_FILES = ("mkdocs.yml", "vocabularies.yml", "theme", "pages")
LINKED = ("node_modules", "package.json")  # build-time assets some features copy from npm
REQUIRED = ("Doel", "Doelgroep", "Aanpak", "Onderbouwing", "Effectiviteit",
            "Ervaringen in de praktijk")
OPTIONAL = {"Uitvoering": 0.5, "Kosten": 0.4}
# Shares of the recognition states; the rest is spread evenly over the five levels.
NOT_ASSESSED_SHARE, EXPIRED_SHARE, WITHDRAWN_SHARE = 0.25, 0.06, 0.03


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class Corpus:
    """Everything drawn from one seeded random generator, so a seed gives the same files."""

    def __init__(self, n: int, seed: int, today: dt.date, vocab: dict) -> None:
        self.n, self.today, self.rng = n, today, random.Random(seed)
        self.vocab = {name: [t["id"] for t in terms] for name, terms in vocab.items()}
        self.labels = {t["id"]: t["label"] for terms in vocab.values() for t in terms}
        self.years = {t["id"]: t["valid_years"] for t in vocab["recognition_levels"]}
        self.titles: set[str] = set()

    # -- helpers -----------------------------------------------------------------------------
    def date_between(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.rng.randint(0, max(0, (end - start).days)))

    def pick(self, name: str, first: int, low: int, high: int) -> list[str]:
        """`first` picks the first term round-robin, so every term is used."""
        ids = self.vocab[name]
        chosen = [ids[first % len(ids)]]
        for term in self.rng.sample(ids, k=min(len(ids), self.rng.randint(low, high))):
            if term not in chosen:
                chosen.append(term)
        return chosen[:max(1, high)]

    def title(self) -> str:
        core, qualifier = self.rng.choice(TITLE_CORES), self.rng.choice(TITLE_QUALIFIERS)
        title = f"{core} {qualifier}"
        while slugify(title) in self.titles:  # the slug is the file name: it must be unique
            title = f"{core} {qualifier} {self.rng.choice(PLACES)} {self.rng.randint(2, 999)}"
        self.titles.add(slugify(title))
        return title

    def organisation(self) -> str:
        return f"{self.rng.choice(ORG_KINDS)} {self.rng.choice(ORG_NAMES)}"

    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(SURNAMES)}"

    def fill(self, sentence: str, slots: dict) -> str:
        return sentence.format(**slots, aantal=self.rng.randint(12, 1400),
                               procent=self.rng.randint(8, 85), weken=self.rng.randint(6, 40),
                               uren=self.rng.choice(("een", "anderhalf", "twee")),
                               jaar=self.rng.randint(1995, self.today.year - 3),
                               plaats=self.rng.choice(PLACES))

    def paragraphs(self, pool: tuple[str, ...], slots: dict, low: int, high: int) -> list[str]:
        sentences = self.rng.sample(pool, k=min(len(pool), self.rng.randint(low, high) * 3))
        count = self.rng.randint(low, high)
        chunks = [sentences[i::count] for i in range(count)]
        return [_wrap(" ".join(self.fill(s, slots) for s in chunk)) for chunk in chunks if chunk]

    def section(self, heading: str, pool: tuple[str, ...], slots: dict) -> str:
        parts = self.paragraphs(pool, slots, 2, 3)
        roll = self.rng.random()
        if heading in ("Aanpak", "Doel", "Wat werkt") and roll < 0.5:
            items = self.rng.sample(pool, k=min(4, len(pool)))
            marker = "1." if heading == "Aanpak" else "-"
            parts.append("\n".join(f"{marker} {self.fill(s, slots)}" for s in items))
        if heading == "Aanpak" and roll > 0.6:
            parts.insert(1, "### Training en begeleiding")
        if heading == "Effectiviteit" and roll < 0.2:
            parts.append(_table(self.rng))
        if heading in ("Onderbouwing", "Effectiviteit") and roll > 0.7:
            parts[0] = parts[0].replace(" de aanpak ", " **de aanpak** ", 1)
        return f"## {heading}\n\n" + "\n\n".join(parts) + "\n"

    # -- entries -----------------------------------------------------------------------------
    def intervention(self, index: int) -> dict:
        title = self.title()
        roll = self.rng.random()
        group = self.labels[self.vocab["target_groups"][index % len(self.vocab["target_groups"])]]
        data: dict = {
            "title": title,
            "summary": (f"{title} ondersteunt {group.lower()} "
                        "met een vaste begeleider en een duidelijke werkwijze uit een handboek. "
                        "De aanpak versterkt zelfredzaamheid en het sociale netwerk."),
            "themes": self.pick("themes", index, 1, 3),
            "target_groups": self.pick("target_groups", index, 1, 3),
        }
        if self.rng.random() < 0.6:
            data["intermediate_target_groups"] = self.pick("target_groups", index + 5, 0, 2)
        if roll >= NOT_ASSESSED_SHARE:
            expired = roll < NOT_ASSESSED_SHARE + EXPIRED_SHARE
            data["recognition"] = self.recognition(expired)
        slug = slugify(title)
        data["owner"] = {"organisation": self.organisation(),
                         "website": f"https://www.{slug}.example.org",
                         "email": f"info@{slug}.example.org"}
        data["criteria"] = {"handbook": True,
                            "in_practice_since": self.rng.randint(1990, self.today.year - 2),
                            "organisations": self.rng.randint(2, 180)}
        data["delivered_by"] = self.pick("delivered_by", index, 0, 2)
        if self.rng.random() < 0.7:
            data["costs"] = f"Circa € {self.rng.randint(2, 40) * 50} per traject"
        for key in ("outcomes", "outputs", "working_elements"):
            if self.rng.random() < 0.8:
                data[key] = self.rng.sample(INDICATORS[key], k=self.rng.randint(2, 5))
        data["last_reviewed"] = self.date_between(self.today - dt.timedelta(days=700), self.today)
        if self.rng.random() < WITHDRAWN_SHARE:
            data["status"] = "ingetrokken"
        return data

    def recognition(self, expired: bool) -> dict:
        level = self.rng.choice(self.vocab["recognition_levels"])
        years = self.years[level]
        if expired:
            start = add_years(self.today, -years - 3)
            assessed = self.date_between(start, add_years(self.today, -years) - dt.timedelta(2))
        else:
            assessed = self.date_between(add_years(self.today, -years) + dt.timedelta(2),
                                         self.today)
        result = {"level": level, "assessed_on": assessed}
        if expired and self.rng.random() < 0.5:
            # Editors normally leave valid_until out; half of the expired ones spell it out.
            result["valid_until"] = add_years(assessed, years)
        if self.rng.random() < 0.8:
            result["assessed_by"] = "praktijkpanel" if level == "goed-beschreven" \
                else "erkenningscommissie"
        return result

    def intervention_body(self, data: dict) -> str:
        slots = {"titel": data["title"], "thema": self.labels[data["themes"][0]].lower(),
                 "doelgroep": self.labels[data["target_groups"][0]].lower()}
        headings = list(REQUIRED) + [h for h, p in OPTIONAL.items() if self.rng.random() < p]
        parts = [self.section(h, POOLS[h], slots) for h in headings]
        if self.rng.random() < 0.6:
            parts.append("## Literatuur\n\n" + self.literature(data["title"]))
        return "\n".join(parts)

    def literature(self, title: str) -> str:
        lines = [f"- Handboek {title} ({self.organisation()}, {self.rng.randint(2005, 2024)})."]
        for _ in range(self.rng.randint(1, 3)):
            year = self.rng.randint(1998, self.today.year - 1)
            lines.append(f"- {self.person()} ({year}). [Evaluatie van {title.lower()}]"
                         f"(https://www.example.org/publicaties/{slugify(title)}-{year}).")
        return "\n".join(lines) + "\n"

    def dossier(self, index: int, active: list[dict]) -> tuple[dict, str]:
        theme = self.vocab["themes"][index % len(self.vocab["themes"])]
        group = self.vocab["target_groups"][(index // 11) % len(self.vocab["target_groups"])]
        label = self.labels[theme].lower()
        title = f"Wat werkt bij {label} ({self.labels[group].lower()})"
        if index >= len(self.vocab["themes"]) * len(self.vocab["target_groups"]):
            title += f" {index}"
        fitting = [i for i in active if theme in i["themes"]] or active
        chosen = self.rng.sample(fitting, k=min(len(fitting), self.rng.randint(8, 40)))
        published = self.date_between(dt.date(2012, 1, 1), self.today)
        data = {"title": title,
                "summary": (f"Wat bekend is over {label}: feiten en cijfers, werkzame elementen, "
                            "ervaringskennis en de interventies die erbij passen."),
                "themes": [theme], "published": published,
                "authors": [self.person() for _ in range(self.rng.randint(1, 3))],
                "interventions": [slugify(i["title"]) for i in chosen],
                "sources": [{"title": f"Onderzoek naar {label} {year}", "author": self.person(),
                             "year": year, "url": f"https://www.example.org/bron/{index}-{year}"}
                            for year in sorted(self.rng.sample(range(1995, self.today.year), 3))]}
        if self.rng.random() < 0.6:
            data["updated"] = self.date_between(published, self.today)
        slots = {"titel": title, "thema": label, "doelgroep": self.labels[group].lower()}
        body = [self.section(h, DOSSIER_POOLS[h], slots) for h in DOSSIER_POOLS]
        body.append("## Literatuur\n\n" + self.literature(title))
        return data, "\n".join(body)


def _wrap(text: str, width: int = 96) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join(lines + [line])


def _table(rng: random.Random) -> str:
    rows = [f"| {moment} | {rng.randint(20, 400)} | {rng.randint(10, 90)}% |"
            for moment in ("Voormeting", "Nameting", "Follow-up na zes maanden")]
    return "| Meting | Deelnemers | Doel bereikt |\n|---|---|---|\n" + "\n".join(rows)


def _document(data: dict, body: str) -> str:
    header = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=96)
    return f"---\n{header}---\n{body}"


def new_project(out: Path) -> None:
    """`out` (replaced) with the repository's mkdocs.yml, theme, pages and vocabularies, and
    links to its front-end packages: everything but the content."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, out / name)
    for name in LINKED:
        if (REPO / name).exists():
            (out / name).symlink_to(REPO / name)


def write_corpus(out: Path, n: int, seed: int = 1, today: dt.date = dt.date(2026, 11, 22)
                 ) -> dict:
    """Write the project to `out` (replacing it); returns counts for the report."""
    new_project(out)
    vocab = yaml.safe_load((REPO / "vocabularies.yml").read_text(encoding="utf-8"))
    corpus = Corpus(n, seed, today, vocab)
    entries = []
    for index in range(n):
        data = corpus.intervention(index)
        entries.append((data, corpus.intervention_body(data)))
    active = [data for data, _ in entries if data.get("status") != "ingetrokken"]
    active_slugs = sorted(slugify(d["title"]) for d in active)
    (out / "interventions").mkdir()
    for data, body in entries:
        # A reference to a withdrawn entry is a warning: relate active entries only.
        others = [s for s in corpus.rng.sample(active_slugs, k=min(4, len(active_slugs)))
                  if s != slugify(data["title"])]
        if others and corpus.rng.random() < 0.6:
            data["related"] = others[:corpus.rng.randint(1, 3)]
        text = _document(data, body)
        (out / "interventions" / f"{slugify(data['title'])}.md").write_text(text, "utf-8")
    (out / "dossiers").mkdir()
    dossiers = max(5, n // 25)
    for index in range(dossiers):
        data, body = corpus.dossier(index, active)
        (out / "dossiers" / f"{slugify(data['title'])}.md").write_text(_document(data, body),
                                                                         "utf-8")
    return {"interventions": n, "dossiers": dossiers}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=1000, help="number of interventions")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2026, 11, 22),
                        help="the build date the corpus is valid for")
    args = parser.parse_args(argv)
    counts = write_corpus(args.out.resolve(), args.n, args.seed, args.today)
    print(f"{counts['interventions']} interventies en {counts['dossiers']} dossiers in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
