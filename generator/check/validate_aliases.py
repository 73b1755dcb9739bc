"""The rule across files for `aliases:` (earlier slugs of a renamed entry).

Each alias becomes a redirect page at the old address, so within one folder an alias may not be
the slug of an existing file, nor an alias of another entry: two pages would claim one address.
"""

from __future__ import annotations

from generator.content.load import RESERVED_SLUGS, Source
from generator.core.issues import Issue, error
from generator.core.paths import CONTENT_FOLDERS
from generator.core.schema import KIND_NL

# Names an alias may not take: in the offline export (links ending in .html) the redirect page
# `interventies/index.html` would replace the overview itself; the same names as for slugs.
RESERVED = RESERVED_SLUGS
FOLDER = CONTENT_FOLDERS


def alias_clashes(sources: list[Source]) -> list[Issue]:
    """An `alias-clash` error at the line of every alias that another page already claims."""
    slugs = {(s.kind, s.slug): s.path for s in sources}
    claimed: dict[tuple[str, str], str] = {}
    issues = []
    for source in sources:
        values = (source.data or {}).get("aliases")
        if not isinstance(values, list):
            continue
        for index, alias in enumerate(values):
            if not isinstance(alias, str):
                continue  # the field check already reported it
            key = f"aliases[{index}]"
            problem = _clash(source, alias, slugs, claimed)
            if problem:
                line, column = source.position(key)
                issues.append(error(source.path, line, column, key, "alias-clash",
                                    f"'{key}' is '{alias}', maar {problem}"))
            else:
                claimed[(source.kind, alias)] = source.path
    return issues


def _clash(source: Source, alias: str, slugs: dict[tuple[str, str], str],
           claimed: dict[tuple[str, str], str]) -> str | None:
    """Why the alias cannot be used, as the end of a Dutch sentence; None when it is free."""
    kind = KIND_NL[source.kind]
    if alias == source.slug:
        return ("dat is de huidige naam van dit bestand. Een eerdere naam is de naam die het "
                "bestand vóór de hernoeming had: verwijder deze regel.")
    if alias in RESERVED:
        return (f"die naam is gereserveerd voor een pagina of bestand dat de site zelf maakt in "
                f"de map {FOLDER[source.kind]}. Verwijder deze regel.")
    if (source.kind, alias) in slugs:
        return (f"er bestaat al een {kind} met die naam ({slugs[(source.kind, alias)]}). Een "
                "eerdere naam mag geen bestaande pagina vervangen: verwijder deze regel of "
                "hernoem het andere bestand.")
    owner = claimed.get((source.kind, alias))
    if owner == source.path:
        return "die naam staat twee keer in 'aliases'. Verwijder een van beide regels."
    if owner:
        return (f"{owner} gebruikt die eerdere naam al. Elk oud webadres kan maar naar één "
                "pagina doorsturen: houd de naam bij één van beide bestanden.")
    return None
