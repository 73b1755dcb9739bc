"""The language of a short text, such as the title of a source: Dutch (the site's language)
unless it is plainly English, so that a screen reader reads an English title with English
pronunciation (WCAG 3.1.2, Language of Parts: `<cite lang="en">`).

Sources have no language key (the editors' format is fixed), so it is read from the words:
English when at least two of its words are common English words that are not Dutch, and none
is a common Dutch word. A title that mixes both stays Dutch: when in doubt, the page's own
language."""

from __future__ import annotations

import re

# Frequent in English titles and not words of Dutch (so not "in", "is", "over", "model").
ENGLISH = frozenset("""
    the of and for to with on from by an at are be as its their this that these what how why
    when who which into between among after within without through about towards toward
    approach approaches evidence review reviews systematic report guide effects effect
    effectiveness outcomes study studies trial randomized randomised support supported
    employment people older adults youth young children families family health mental care
    social housing homeless homelessness violence domestic community loneliness isolation
    intervention interventions program programme programs final national small great
""".split())
DUTCH = frozenset("""
    de het een en van voor met op bij door naar aan uit als dat die wat hoe waarom wie zijn
    niet ook nog over onder tussen tegen zorg werk wijk gemeente gemeenten ouderen jongeren
    aanpak onderzoek rapport advies evaluatie procesevaluatie effecten mensen samenleving
    kwaliteit beleid ondersteuning eenzaamheid armoede schulden
""".split())
WORD = re.compile(r"[a-zà-ÿ]+")


def text_language(text: str) -> str | None:
    """'en' for a plainly English text, None for Dutch (or anything not plainly English)."""
    words = WORD.findall(text.lower())
    english = sum(1 for w in words if w in ENGLISH)
    dutch = sum(1 for w in words if w in DUTCH)
    return "en" if english >= 2 and dutch == 0 else None
