"""Turns the measurements of bench/run.py into bench/RESULTS.md."""

from __future__ import annotations

import shlex
import statistics

from measure import PYTHON, REPO, Run, versions

GOALS = {"build": 0.3, "floor": 1.3, "scaling": 1.25, "check": 2.0, "memory_mb": 1536,
         "preview": 0.25}
# What each verdict is judged on. The builds use every core (issue 18: "use both cores where
# work is independent"), which only wall-clock time shows; CPU time, the sum over all
# processes, stays in the table beside it. The check and the preview run in one process,
# where CPU time is the steadier figure on a shared machine.
WALL_CLOCK = {"build", "floor", "scaling"}
CORPUS_NAMES = {"shipped": "kopieën van de meegeleverde inhoud (`corpus_shipped.py`)",
                "synthetic": "synthetisch proza (`corpus.py`)"}


def _best(runs: list[Run], cpu: bool) -> float | None:
    """The median of interleaved runs (ours and the floor take turns: A B A B), so that one
    quiet or one disturbed moment of a shared machine decides nothing."""
    if not runs:
        return None
    return statistics.median(r.cpu_seconds if cpu else r.seconds for r in runs)


def _verdict(value: float | None, goal: float) -> str:
    if value is None:
        return "niet gemeten"
    return "gehaald" if value <= goal else "**niet gehaald**"


def _kb(size: float) -> str:
    return f"{size / 1000:,.1f} kB".replace(",", " ")


def _command(run: Run) -> str:
    parts = [("python" if part == PYTHON else part) for part in run.command]
    return shlex.join(parts).replace(str(REPO) + "/", "")


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def ratios(results: dict, cpu: bool) -> dict[str, float | None]:
    """The five figures, from CPU time (cpu=True) or from wall-clock time."""
    ours = _best(results.get("ours", []), cpu)
    large = results.get("large")
    large_time = (large.cpu_seconds if cpu else large.seconds) if large else None
    view = results.get("preview")
    reload = (view.best_cpu if cpu else view.best) if view else None
    per_page = _ratio(ours, results.get("pages_small"))
    return {
        "build": _ratio(ours, _best(results.get("navs", []), cpu)),
        "floor": _ratio(ours, _best(results.get("floors", []), cpu)),
        "rendered_floor": _ratio(ours, _best(results.get("rendered_floors", []), cpu)),
        "nav_floor": _ratio(_best(results.get("navs", []), cpu),
                            _best(results.get("floors", []), cpu)),
        "scaling": _ratio(_ratio(large_time, results.get("pages_big")), per_page),
        "check": _ratio(_best(results.get("checks", []), cpu),
                        _best(results.get("check_floors", []), cpu)),
        "preview": _ratio(reload, ours),
    }


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def figures(results: dict) -> list[tuple[str, str, str, str, str]]:
    """(figure, CPU-time ratio, wall-clock ratio, goal, verdict) rows; the verdict is on the
    basis WALL_CLOCK names."""
    cpu, wall = ratios(results, True), ratios(results, False)
    n, big = results["args"].n, results["corpus_big"]["interventions"]
    files = big + results["corpus_big"]["dossiers"]
    rows = []
    for key, text in (
            ("build", f"1. `watwerkt build` / gewone Material-bouw met elke pagina in nav (N={n})"),
            ("floor", "1b. `watwerkt build` / de vloer (dezelfde titels en teksten, "
                      "Material, alleen de hoofdpagina's in nav)"),
            ("rendered_floor", "   ter vergelijking: `watwerkt build` / Material met onze "
                               "gerenderde pagina's (feitenkaarten, overzichten), alleen de "
                               "hoofdpagina's in nav"),
            ("nav_floor", "   ter vergelijking: Material met elke pagina in nav / de vloer"),
            ("scaling", f"2. Schaal: tijd per pagina bij N={big} / bij N={n}"),
            ("check", f"3. `watwerkt check` / vloer (lezen, YAML C-loader, markdown-it) op "
                      f"{files} bestanden"),
            ("preview", f"5. Voorvertoning (N={n}): opslaan → herladen pagina / volledige bouw")):
        goal = GOALS.get(key)
        judged = wall[key] if key in WALL_CLOCK else cpu[key]
        basis = " (wandklok)" if key in WALL_CLOCK else " (CPU)"
        rows.append((text, _fmt(cpu[key]), _fmt(wall[key]), f"≤ {goal}{basis}" if goal else "–",
                     _verdict(judged, goal) if goal else "–"))
    large = results.get("large")
    memory = large.max_rss_mb if large else None
    shared = f" (PSS, gedeelde pagina's één keer geteld: {large.max_pss_mb:,.0f} MB)" \
        if large and large.max_pss_mb else ""
    rows.insert(5, (f"4. Piekgeheugen van de bouw bij N={big}: RSS opgeteld over alle "
                    f"processen{shared}",
                    f"{memory:,.0f} MB" if memory else "–", "", "≤ 1 536 MB",
                    _verdict(memory, GOALS["memory_mb"])))
    return rows


def reader_rows(results: dict) -> list[str]:
    lines = []
    visit = results.get("visit")
    if visit:
        kinds = ", ".join(f"{k} {_kb(v)}" for k, v in sorted(visit.by_type.items(),
                                                             key=lambda kv: -kv[1]))
        lines.append(f"- **Eerste bezoek aan een interventiepagina** (`/{visit.page}`, lege cache, "
                     f"Chromium): {visit.requests} verzoeken, {_kb(visit.bytes)} zoals "
                     f"geserveerd (ongecomprimeerd), {_kb(visit.gzip_bytes)} met gzip (doel "
                     f"≤ 150 kB). Per "
                     f"soort: {kinds}. Verzoeken buiten de machine: {len(visit.outside)}. "
                     "Grootste: "
                     + ", ".join(f"`{path}` {_kb(size)}" for size, path in visit.largest) + ".")
        paths = {path for _, path in visit.largest}
        if "/search/search_index.json" in paths:
            lines.append("  - De kleine zoekindex (titels en samenvattingen) komt bij het eerste "
                         "bezoek mee: onze zoekworker leest hem zodra de pagina stil is, zodat "
                         "het eerste resultaat er direct is. Hij groeit lineair met N.")
        if "/sitemap.xml" in paths:
            lines.append("  - `sitemap.xml` komt mee omdat Material's script voor elke "
                         "`<link rel=\"alternate\">` in de kop (hier: de Atom-feed) de sitemap "
                         "van die 'taalversie' ophaalt; zonder die link blijft hij weg. Ook "
                         "die groeit lineair met N.")
    search = results.get("first_search")
    if search:
        lines.append(f"- **Eerste zoekopdracht** ('{search.word}', vanaf de eerste toetsaanslag "
                     f"tot het eerste resultaat): {search.right_away:.2f} s als de "
                     f"lezer meteen na het laden typt, {search.after_idle:.2f} s als de pagina "
                     f"al stil was (kleine zoekindex al gelezen); {search.goals()}.")
    if not visit and results.get("visit_error"):
        lines.append(f"- Eerste bezoek: niet gemeten ({results['visit_error']}).")
    search = results.get("search")
    if search:
        lines.append(f"- **Zoekindex**: {_kb(search['bytes'])} ({_kb(search['gzip_bytes'])} gzip) "
                     f"voor {search['docs']} zoekdocumenten; per interventie "
                     f"{_kb(search['per_intervention'])} ({_kb(search['gzip_per_intervention'])} "
                     "gzip). Geladen zodra de pagina stil is.")
        if "full_bytes" in search:
            lines.append(f"  - **Volledige zoekindex** (elke sectie, geladen als de lezer gaat "
                         "zoeken): "
                         f"{_kb(search['full_bytes'])} ({_kb(search['full_gzip_bytes'])} gzip) "
                         f"voor {search['full_docs']} zoekdocumenten; per interventie "
                         f"{_kb(search['full_per_intervention'])} "
                         f"({_kb(search['full_gzip_per_intervention'])} gzip).")
    if "offline" in results:
        offline = results["offline"]
        if offline is None:
            lines.append("- **Offline zip**: `watwerkt export offline` bestond nog niet bij deze "
                         "meting: niet gemeten.")
        else:
            run, info = offline
            if info:
                lines.append(f"- **Offline zip** (N={results['args'].n}): {_kb(info['bytes'])} "
                             f"({info['files']} bestanden, uitgepakt {_kb(info['unpacked'])}); "
                             f"export in {run.seconds:.1f} s.")
            else:
                lines.append(f"- **Offline zip**: de export mislukte (code {run.returncode}): "
                             f"`{run.output.strip().splitlines()[-1] if run.output else ''}`")
    if "finder" in results:
        run, text = results["finder"]
        if run is None:
            lines.append(f"- **Zoeker (5 000 interventies)**: {text}")
        else:
            lines.append(f"- **Zoeker (5 000 interventies)**, uitvoer van `bench/finder_bench.py` "
                         f"(code {run.returncode}, {run.seconds:.0f} s):\n\n```\n"
                         + "\n".join(text.splitlines()[-15:]) + "\n```")
    return lines


def markdown(results: dict) -> str:
    args, start, end = results["args"], results["machine"], results.get("machine_end", {})
    out = ["# Benchmarkresultaten Wat Werkt", "",
           f"Gemeten op {results['started']} met `python bench/run.py"
           + (" --quick" if args.quick else "") + f"` (N={args.n} en {args.n * args.scale}, "
           f"seed {args.seed}, bouwdatum {args.today}); duur {results.get('minutes', 0):.1f} min.",
           f"Code: {results['git']}.", "",
           "## Machine", "",
           f"- {start['cores']} kernen, {start['ram']} RAM, {start['cpu']}, {start['os']}",
           f"- Belasting (load average 1/5/15 min) bij de start {start['load']}, aan het eind "
           f"{end.get('load', '?')}. De machine werd gedeeld met testruns van andere "
           "ontwikkelaars: absolute tijden schommelen, daarom zijn alle cijfers verhoudingen "
           "tussen metingen die direct na elkaar in deze ene run zijn gedaan.", "",
           "## Versies", ""]
    out += [f"- {name}: {version}" for name, version in versions().items()]
    out += ["", "## De cijfers", "",
            "Verhoudingen van CPU-tijd (gebruiker + systeem, opgeteld over alle processen) en van "
            "wandkloktijd. De bouwcijfers (1, 1b, 2) worden op wandklok beoordeeld: `watwerkt "
            "build` gebruikt alle kernen, en dat ziet alleen de wandklok; de CPU-tijd staat "
            "ernaast. De controle en de voorvertoning draaien in één proces en worden op "
            "CPU-tijd beoordeeld, die een drukke machine minder verstoort."]
    for kind, sub in results["corpora"].items():
        out += ["", f"### Corpus: {CORPUS_NAMES[kind]}", "",
                "| cijfer | CPU-tijd | wandklok | doel | |", "|---|---|---|---|---|"]
        out += [f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in figures(sub)]
    first = next(iter(results["corpora"]), None)
    out += ["", f"### Lezerskant ({CORPUS_NAMES.get(first, '–')})", ""] + reader_rows(results)
    for kind, sub in results["corpora"].items():
        out += analysis(sub, CORPUS_NAMES[kind])
    out += ["", "## Alle metingen", "", "In volgorde van uitvoering.", "",
            "| meting | wandklok s | CPU s | piek-RSS MB | opdracht |", "|---|---|---|---|---|"]
    for run in results["runs"]:
        out.append(f"| {run.label} | {run.seconds:.2f} | {run.cpu_seconds:.2f} | "
                   f"{run.max_rss_mb:,.0f} | `{_command(run)}` |")
    out += ["", "## Toelichting", ""]
    for kind, sub in results["corpora"].items():
        out += _details(sub, CORPUS_NAMES[kind])
    return "\n".join(out) + "\n"


def analysis(results: dict, corpus_name: str) -> list[str]:
    """Where the time goes, and what goal 1 leaves for everything on top of the floor."""
    lines = []
    phases = results.get("phases") or {}
    if phases:
        lines += ["", f"## Waar de tijd zit (één bouw, N={results['args'].n}, CPU-seconden; "
                  f"{corpus_name})", "",
                  "Gemeten met `python bench/phases.py` (de functies van elke fase getimed, in één "
                  "proces). Fasen kunnen in elkaar zitten: de zoekindex valt binnen het sjabloon.",
                  "", "| fase | CPU s |", "|---|---|"]
        lines += [f"| {label} | {seconds:.2f} |" for label, seconds in phases.items()]
    ours, floor, nav = (_best(results.get(k, []), False) for k in ("ours", "floors", "navs"))
    ours_cpu, floor_cpu = (_best(results.get(k, []), True) for k in ("ours", "floors"))
    if ours and floor and nav and ours_cpu and floor_cpu:
        budget = GOALS["build"] * nav - floor
        lines += ["", "### Wat doel 1 overlaat", "",
                  f"Op de wandklok, waarop doel 1 wordt beoordeeld: de vloer (dezelfde pagina's, "
                  f"alleen de hoofdpagina's in nav) duurt {floor:.1f} s, de bouw met elke pagina "
                  f"in nav {nav:.1f} s: de vloer is al {floor / nav:.2f} daarvan. Doel 1 (≤ "
                  f"{GOALS['build']}) laat dus {budget:.1f} s over voor alles wat Wat Werkt "
                  f"bovenop de vloer doet. `watwerkt build` duurt nu {ours - floor:+.1f} s ten "
                  f"opzichte van de vloer, met {ours_cpu - floor_cpu:+.1f} s CPU-tijd: de "
                  "controle, renderers, sanitizer, zoekindex en linkcontrole komen erbij (zie de "
                  "fasen hierboven), verdeeld over beide kernen. De HTML van onze sjablonen "
                  "(feitenkaarten, kaartenlijsten) gaat niet door Python-Markdown, en de "
                  "navigatie van een interventiepagina wordt één keer per map getekend."]
    return lines


def _details(results: dict, corpus_name: str) -> list[str]:
    lines = []
    if "pages_small" in results:
        lines.append(f"- {corpus_name}: {results['pages_small']} HTML-bestanden bij "
                     f"N={results['args'].n}, {results['pages_big']} bij "
                     f"N={results['args'].n * results['args'].scale}. "
                     f"Controle van het corpus: `{results.get('strict_summary', '')}`.")
    view = results.get("preview")
    if view:
        lines.append(f"- Voorvertoning (`/{view.page}`): eerste bouw van `watwerkt serve` "
                     f"{view.first_build_seconds:.1f} s ({view.first_build_cpu:.1f} s CPU); na "
                     "opslaan tot de gewijzigde pagina: "
                     + ", ".join(f"{s:.1f} s ({c:.1f} s CPU)"
                                 for s, c in zip(view.reload_seconds, view.reload_cpu,
                                                 strict=True)) + ".")
    return lines

