"""Stage 2: Sources -> typed entries + issues. Every rule of the content format, all files at once.

A file with errors is reported and left out of the entries, so bad input never reaches the
site; the rules across files still see every slug that exists, so one broken file does not
turn every reference to it into a second error.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.check.body import check_body
from generator.check.validate_aliases import alias_clashes
from generator.check.validate_comments import commented_out_keys, values_cut_by_comment
from generator.check.validate_fields import Checker, check_mapping, suggestion
from generator.content.load import SLUG_RE, Source
from generator.content.vocab import Vocabularies
from generator.content.yamlsafe import INVALID
from generator.core.dates import add_years, format_date_nl
from generator.core.issues import Issue, Severity, error, notice, warning
from generator.core.model import (
    WITHDRAWN,
    Criteria,
    Dossier,
    Intervention,
    Owner,
    Recognition,
    Reference,
)
from generator.core.schema import CRITERIA_FIELDS, FIELDS

EXPECTED_ASSESSOR = {"goed-beschreven": "praktijkpanel"}  # every other level: the commissie


@dataclass
class Validated:
    interventions: dict[str, Intervention] = field(default_factory=dict)
    dossiers: dict[str, Dossier] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)


Checked = tuple["Intervention | Dossier | None", list[Issue]]  # validate_source's result


def validate_all(sources: list[Source], vocab: Vocabularies, build_date: dt.date,
                 checked: list[Checked] | None = None) -> Validated:
    """Check every source, then the rules across files. Never raises. `checked`: each
    source's validate_source result, when the caller already has them (in the same order)."""
    if checked is None:
        checked = [validate_source(source, vocab, build_date) for source in sources]
    result = Validated()
    for source, (entry, issues) in zip(sources, checked, strict=True):
        result.issues.extend(issues)
        if entry is not None and not any(i.severity is Severity.ERROR for i in issues):
            target = result.interventions if source.kind == "intervention" else result.dossiers
            target[source.slug] = entry
    result.issues.extend(check_across_files(sources, result, build_date))
    return result


def body_is_checked(source: Source) -> bool:
    """Whether validate_source checks the body: always with usable frontmatter; with unusable
    frontmatter when it was closed, so that one run reports every problem (body_line stays 1
    when there was no frontmatter)."""
    return source.data is not None or source.body_line > 1


def validate_source(source: Source, vocab: Vocabularies, build_date: dt.date
                    ) -> tuple[Intervention | Dossier | None, list[Issue]]:
    if source.data is None:
        if body_is_checked(source):
            return None, check_body(source.path, source.kind, source.body,
                                    source.body_line).issues
        return None, []
    checker = Checker(source, vocab, build_date)
    clean = check_mapping(checker, source.data, FIELDS[source.kind], "", "de gegevens bovenaan")
    checker.issues += commented_out_keys(source) + values_cut_by_comment(source)
    if source.kind == "intervention":
        _check_intervention_rules(checker, clean)
    else:
        _check_dossier_rules(checker, clean)
    body = check_body(source.path, source.kind, source.body, source.body_line)
    issues = checker.issues + body.issues
    if source.load_errors or any(issue.severity is Severity.ERROR for issue in issues):
        # A YAML problem (tag, alias, duplicate key) may have left a required value out.
        return None, issues
    build = _build_intervention if source.kind == "intervention" else _build_dossier
    return build(source, _without_invalid(clean), vocab), issues


def _without_invalid(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_invalid(v) for k, v in value.items() if v is not INVALID}
    if isinstance(value, list):
        return [_without_invalid(v) for v in value if v is not INVALID]
    return value


def _valid(value: object) -> bool:
    return value is not None and value is not INVALID


def _check_intervention_rules(checker: Checker, clean: dict) -> None:
    criteria = clean.get("criteria")
    if isinstance(criteria, dict):
        _check_criteria(checker, criteria)
    recognition = clean.get("recognition")
    if isinstance(recognition, dict):
        _check_recognition(checker, recognition)


def _check_criteria(checker: Checker, criteria: dict) -> None:
    # The limits live in schema.py, where the CMS form reads them too.
    specs = {spec.name: spec for spec in CRITERIA_FIELDS}
    if specs["handbook"].must_be_true and criteria.get("handbook") is False:
        checker.error("criteria.handbook", "criterion-handbook",
                      "'criteria.handbook' is false, maar alleen methoden met een handboek horen "
                      "in de databank. Zet true zodra het handboek beschikbaar is.")
    since = criteria.get("in_practice_since")
    latest = checker.build_date.year - specs["in_practice_since"].years_before_build
    if isinstance(since, int) and since > latest:
        checker.error("criteria.in_practice_since", "criterion-in-practice",
                      f"'criteria.in_practice_since' is {since}, maar een methode moet minstens "
                      f"twee jaar in de praktijk worden toegepast: uiterlijk sinds {latest}. "
                      "Dien de beschrijving later opnieuw in.")
    count = criteria.get("organisations")
    if isinstance(count, int) and count < specs["organisations"].minimum:
        checker.error("criteria.organisations", "criterion-organisations",
                      f"'criteria.organisations' is {count}, maar een methode moet door "
                      "minstens twee organisaties worden toegepast om in de databank te komen. "
                      "Vul het werkelijke aantal in (2 of meer).")


def _check_recognition(checker: Checker, recognition: dict) -> None:
    level, assessed_on = recognition.get("level"), recognition.get("assessed_on")
    term = checker.vocab.term("recognition_levels", level) if _valid(level) else None
    assessed_by = recognition.get("assessed_by")
    if term and _valid(assessed_by):
        expected = EXPECTED_ASSESSOR.get(level, "erkenningscommissie")
        if assessed_by != expected:
            checker.warning("recognition.assessed_by", "assessor-mismatch",
                            f"'recognition.assessed_by' is {assessed_by}, maar het niveau "
                            f"'{term.label}' wordt beoordeeld door het {expected}. Controleer "
                            "het niveau en wie het oordeel gaf.")
    valid_until = recognition.get("valid_until")
    if not (term and isinstance(assessed_on, dt.date) and isinstance(valid_until, dt.date)):
        return
    if valid_until < assessed_on:
        checker.error("recognition.valid_until", "valid-until-before-assessed",
                      f"'recognition.valid_until' ({format_date_nl(valid_until)}) ligt vóór "
                      f"'recognition.assessed_on' ({format_date_nl(assessed_on)}). Laat "
                      "valid_until weg: dan rekent de generator de geldigheid zelf uit.")
        return
    default = add_years(assessed_on, term.valid_years)
    if valid_until != default:
        checker.warning("recognition.valid_until", "valid-until-differs",
                        f"'recognition.valid_until' is {format_date_nl(valid_until)}, maar het "
                        f"niveau '{term.label}' geldt {term.valid_years} jaar: tot "
                        f"{format_date_nl(default)}. Laat valid_until weg, tenzij de commissie "
                        "echt een andere termijn gaf.")


def _check_dossier_rules(checker: Checker, clean: dict) -> None:
    published, updated = clean.get("published"), clean.get("updated")
    if isinstance(published, dt.date) and isinstance(updated, dt.date) and updated < published:
        checker.error("updated", "updated-before-published",
                      f"'updated' ({format_date_nl(updated)}) ligt vóór 'published' "
                      f"({format_date_nl(published)}). Een dossier kan niet bijgewerkt zijn "
                      "voordat het verscheen: controleer beide datums.")


def _build_intervention(source: Source, data: dict, vocab: Vocabularies) -> Intervention:
    recognition = None
    if "recognition" in data:
        raw = data["recognition"]
        years = vocab.term("recognition_levels", raw["level"]).valid_years
        recognition = Recognition(raw["level"], raw["assessed_on"],
                                  raw.get("valid_until") or add_years(raw["assessed_on"], years),
                                  raw.get("assessed_by"))
    return Intervention(
        slug=source.slug, path=source.path, title=data["title"], summary=data["summary"],
        themes=data["themes"], body=source.body, target_groups=data["target_groups"],
        intermediate_target_groups=data.get("intermediate_target_groups", []),
        recognition=recognition, owner=Owner(**data["owner"]),
        criteria=Criteria(**data["criteria"]), delivered_by=data.get("delivered_by", []),
        costs=data.get("costs"), outcomes=data.get("outcomes", []),
        outputs=data.get("outputs", []), working_elements=data.get("working_elements", []),
        related=data.get("related", []), last_reviewed=data["last_reviewed"],
        status=data.get("status", "actief"), aliases=data.get("aliases", []))


def _build_dossier(source: Source, data: dict, vocab: Vocabularies) -> Dossier:
    return Dossier(
        slug=source.slug, path=source.path, title=data["title"], summary=data["summary"],
        themes=data["themes"], body=source.body, published=data["published"],
        updated=data.get("updated"), authors=data["authors"],
        interventions=data.get("interventions", []),
        sources=[Reference(**item) for item in data.get("sources", [])],
        aliases=data.get("aliases", []))


def check_across_files(sources: list[Source], result: Validated, build_date: dt.date
                       ) -> list[Issue]:
    """Duplicate slugs, references to entries that do not exist, and the databank notices."""
    issues = _duplicate_slugs(sources) + _duplicate_titles(sources) + alias_clashes(sources)
    existing = {s.slug for s in sources if s.kind == "intervention"}
    withdrawn = {slug for slug, i in result.interventions.items() if i.withdrawn}
    for source in sources:
        issues.extend(_reference_issues(source, existing, withdrawn))
    issues.extend(_notices(result, build_date, {s.path: s for s in sources}))
    return issues


def _duplicate_slugs(sources: list[Source]) -> list[Issue]:
    issues, seen = [], {}
    for source in sources:
        key = (source.kind, source.slug)
        if key in seen:
            issues.append(error(source.path, 1, 1, None, "duplicate-slug",
                                f"De naam '{source.slug}' wordt ook al gebruikt door "
                                f"{seen[key]}. Elke naam mag per map één keer voorkomen: "
                                "hernoem een van beide bestanden."))
        else:
            seen[key] = source.path
    return issues


def _duplicate_titles(sources: list[Source]) -> list[Issue]:
    """Two entries of one kind with the same title: most often a copied file whose title was
    not changed. A warning at the later file's title."""
    issues, seen = [], {}
    for source in sources:
        title = (source.data or {}).get("title")
        if not isinstance(title, str) or not title.strip():
            continue
        key = (source.kind, " ".join(title.split()).casefold())
        if key in seen:
            line, column = source.position("title")
            issues.append(warning(source.path, line, column, "title", "duplicate-title",
                                  f"De titel '{' '.join(title.split())}' staat ook al in "
                                  f"{seen[key]}. Is dit bestand een kopie? Geef het een eigen "
                                  "titel, of verwijder het als het dubbel is."))
        else:
            seen[key] = source.path
    return issues


def _reference_issues(source: Source, existing: set[str], withdrawn: set[str]) -> list[Issue]:
    key_name = "related" if source.kind == "intervention" else "interventions"
    values = (source.data or {}).get(key_name)
    if not isinstance(values, list):
        return []
    issues = []
    for index, slug in enumerate(values):
        key = f"{key_name}[{index}]"
        line, column = source.position(key)
        if not isinstance(slug, str) or not SLUG_RE.match(slug):
            continue  # not a file name at all: 'invalid-reference' said so already
        if slug not in existing:
            issues.append(error(source.path, line, column, key, "unknown-reference",
                                f"'{key}' verwijst naar '{slug}', maar er is geen interventie "
                                f"interventions/{slug}.md.{suggestion(slug, sorted(existing))} "
                                "Gebruik de bestandsnaam van een bestaande interventie, zonder "
                                ".md."))
        elif source.kind == "intervention" and slug == source.slug:
            issues.append(warning(source.path, line, column, key, "self-reference",
                                  f"'{key}' verwijst naar deze interventie zelf. Verwijder "
                                  "die verwijzing."))
        elif slug in withdrawn:
            issues.append(warning(source.path, line, column, key, "withdrawn-reference",
                                  f"'{key}' verwijst naar '{slug}', maar die interventie is "
                                  "ingetrokken. Verwijder de verwijzing of kies een actieve "
                                  "interventie."))
    return issues


def _notices(result: Validated, build_date: dt.date, by_path: dict[str, Source]
             ) -> list[Issue]:
    issues: list[Issue] = []

    def at(entry: Intervention | Dossier, key: str | None) -> tuple[int | None, int | None]:
        return by_path[entry.path].position(key)

    named = {slug for dossier in result.dossiers.values() for slug in dossier.interventions}
    for item in result.interventions.values():
        if item.status == WITHDRAWN:
            continue  # a withdrawn entry's state is final: no reminders about it
        if item.recognition and item.recognition.is_expired(build_date):
            issues.append(notice(item.path, *at(item, "recognition"), "recognition",
                                 "recognition-expired",
                                 f"De erkenning is verlopen op "
                                 f"{format_date_nl(item.recognition.valid_until)}. De pagina "
                                 "toont dat; vraag de eigenaar om her-erkenning aan te vragen."))
        if item.last_reviewed and add_years(item.last_reviewed, 1) < build_date:
            issues.append(notice(item.path, *at(item, "last_reviewed"), "last_reviewed",
                                 "review-overdue",
                                 f"De beschrijving is voor het laatst gecontroleerd op "
                                 f"{format_date_nl(item.last_reviewed)}, meer dan 12 maanden "
                                 "geleden. Vraag de eigenaar of ze nog actueel is."))
        if item.slug not in named:
            issues.append(notice(item.path, *at(item, "title"), None, "not-in-dossier",
                                 "Geen enkel dossier noemt deze interventie. Overweeg haar op te "
                                 "nemen in de lijst 'interventions' van een passend dossier."))
    for dossier in result.dossiers.values():
        changed = dossier.last_changed
        key = "updated" if dossier.updated else "published"
        if changed and add_years(changed, 3) < build_date:
            issues.append(notice(dossier.path, *at(dossier, key), key, "dossier-stale",
                                 f"Het dossier is sinds {format_date_nl(changed)} niet "
                                 "bijgewerkt, meer dan drie jaar geleden. Plan een herziening."))
    return issues

