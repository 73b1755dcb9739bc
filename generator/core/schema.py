"""The one definition of the content format: keys, kinds, vocabularies and required sections.

The validator, the JSON Schema, the `watwerkt new` scaffold, CONTRIBUTING's field table and the
CMS configuration are all derived from these tuples; change the format here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

# Field kinds, each checked by one function in validate_fields.py.
TEXT, SUMMARY, DATE, BOOL, YEAR, COUNT, URL, EMAIL = (
    "text", "summary", "date", "bool", "year", "count", "url", "email")
VOCAB, VOCAB_LIST, CHOICE, SLUG_LIST, TEXT_LIST, OBJECT, OBJECT_LIST = (
    "vocab", "vocab_list", "choice", "slug_list", "text_list", "object", "object_list")

SUMMARY_MAX = 400


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    label: str  # Dutch, for editors
    help: str  # Dutch, what to write
    required: bool = False
    vocab: str | None = None  # vocabulary list for VOCAB and VOCAB_LIST
    choices: tuple[str, ...] = ()  # for CHOICE
    fields: tuple[Field, ...] = ()  # for OBJECT and OBJECT_LIST
    min_items: int = 0
    refers_to: str | None = None  # kind of entry a SLUG_LIST names
    past_only: bool = False  # DATE: may not lie after the build date
    example: object = None
    # Limits the check enforces and the CMS form repeats (generator/render/admin.py):
    minimum: int | None = None  # YEAR, COUNT: the lowest allowed number
    years_before_build: int | None = None  # YEAR: at most (build year - this)
    must_be_true: bool = False  # BOOL: false is an error
    choice_labels: tuple[str, ...] = ()  # CHOICE: Dutch labels, in the order of `choices`
    cms_help: str | None = None  # the CMS hint where its widget differs from the file


RECOGNITION_FIELDS = (
    Field("level", VOCAB, "Erkenningsniveau", "Het niveau waarop de interventie is erkend.",
          required=True, vocab="recognition_levels", example="goed-onderbouwd"),
    Field("assessed_on", DATE, "Beoordeeld op", "Datum van het oordeel van de commissie.",
          required=True, past_only=True, example="2022-05-12"),
    Field("valid_until", DATE, "Geldig tot",
          "Laat leeg: standaard de beoordelingsdatum plus de geldigheid van het niveau "
          "(3 jaar voor goed beschreven, anders 5 jaar)."),
    Field("assessed_by", CHOICE, "Beoordeeld door",
          "erkenningscommissie, of praktijkpanel voor goed beschreven.",
          choices=("erkenningscommissie", "praktijkpanel"),
          choice_labels=("Erkenningscommissie", "Praktijkpanel"),
          cms_help="De erkenningscommissie, of een praktijkpanel bij 'Goed beschreven'."),
)

OWNER_FIELDS = (
    Field("organisation", TEXT, "Organisatie", "De eigenaar of licentiehouder van de methode.",
          required=True, example="Stichting Voorbeeld"),
    Field("website", URL, "Website", "Webadres dat begint met https://.",
          example="https://www.example.org"),
    Field("email", EMAIL, "E-mail", "Contactadres voor vragen over de methode.",
          example="info@example.org"),
)

CRITERIA_FIELDS = (
    Field("handbook", BOOL, "Handboek beschikbaar",
          "Er is een handboek voor de methode (true); alleen dan hoort ze in de databank.",
          required=True, example=True, must_be_true=True,
          cms_help="Zet dit aan: alleen methoden met een handboek horen in de databank."),
    Field("in_practice_since", YEAR, "In de praktijk sinds",
          "Jaartal; de methode moet minstens twee jaar in gebruik zijn.", required=True,
          example=2012, minimum=1900, years_before_build=2),
    Field("organisations", COUNT, "Aantal organisaties",
          "Hoeveel organisaties de methode uitvoeren; minstens 2.", required=True, example=14,
          minimum=2),
)

SOURCE_FIELDS = (
    Field("title", TEXT, "Titel", "Titel van de publicatie.", required=True),
    Field("author", TEXT, "Auteur", "Auteur(s) of organisatie."),
    Field("year", YEAR, "Jaar", "Jaar van verschijnen.", minimum=1900, years_before_build=0),
    Field("url", URL, "Webadres", "Webadres dat begint met https://."),
)

# Both kinds: earlier slugs of a renamed entry; each becomes a redirect page.
ALIASES_FIELD = Field("aliases", SLUG_LIST, "Eerdere namen",
                      "Vorige bestandsnamen (zonder .md) na een hernoeming: de oude "
                      "webadressen sturen dan door naar deze pagina.",
                      cms_help="Alleen na een hernoeming: de vorige namen uit het webadres "
                      "(kleine letters, cijfers en streepjes). Oude links sturen dan door.")

INTERVENTION_FIELDS = (
    Field("title", TEXT, "Titel", "De naam van de interventie.", required=True,
          example="Buurtbemiddeling"),
    Field("summary", SUMMARY, "Samenvatting",
          f"Gewone tekst van 1 tot {SUMMARY_MAX} tekens: wat is het, voor wie, wat levert het "
          "op.", required=True),
    Field("themes", VOCAB_LIST, "Thema's", "Een of meer thema's.",
          required=True, vocab="themes", min_items=1, example=["wijkontwikkeling"]),
    Field("target_groups", VOCAB_LIST, "Doelgroepen",
          "De uiteindelijke doelgroep: voor wie de methode bedoeld is (een of meer).",
          required=True, vocab="target_groups", min_items=1, example=["buurtbewoners"]),
    Field("intermediate_target_groups", VOCAB_LIST, "Intermediaire doelgroepen",
          "Wie met de methode werkt of doorverwijst (optioneel).", vocab="target_groups"),
    Field("recognition", OBJECT, "Erkenning",
          "Alleen als de interventie erkend is; laat weg als ze niet beoordeeld is.",
          fields=RECOGNITION_FIELDS),
    Field("owner", OBJECT, "Eigenaar", "De eigenaar met contactgegevens.", required=True,
          fields=OWNER_FIELDS),
    Field("criteria", OBJECT, "Opnamecriteria", "De drie voorwaarden voor opname in de databank.",
          required=True, fields=CRITERIA_FIELDS),
    Field("delivered_by", VOCAB_LIST, "Uitgevoerd door",
          "Wie de methode uitvoert: professional, vrijwilliger, ervaringsdeskundige.",
          vocab="delivered_by"),
    Field("costs", TEXT, "Kosten", "Vrije tekst, bijvoorbeeld \"Circa € 1.200 per traject\"."),
    Field("outcomes", TEXT_LIST, "Outcome-indicatoren", "Wat de methode bij de doelgroep bereikt."),
    Field("outputs", TEXT_LIST, "Output-indicatoren", "Wat de uitvoering oplevert (aantallen)."),
    Field("working_elements", TEXT_LIST, "Werkzame elementen",
          "De elementen die de methode laten werken."),
    Field("related", SLUG_LIST, "Verwante interventies",
          "Bestandsnamen (zonder .md) van andere interventies.", refers_to="intervention",
          cms_help="Kies andere interventies die erop lijken."),
    Field("last_reviewed", DATE, "Laatst gecontroleerd",
          "Datum waarop de eigenaar bevestigde dat de beschrijving klopt.", required=True,
          past_only=True, example="2025-01-10"),
    Field("status", CHOICE, "Status", "actief (standaard) of ingetrokken.",
          choices=("actief", "ingetrokken"), choice_labels=("Actief", "Ingetrokken"),
          cms_help="Actief, of Ingetrokken als de methode niet meer wordt aangeboden."),
    ALIASES_FIELD,
)

DOSSIER_FIELDS = (
    Field("title", TEXT, "Titel", "Bijvoorbeeld: Wat werkt bij eenzaamheid.", required=True),
    Field("summary", SUMMARY, "Samenvatting", f"Gewone tekst van 1 tot {SUMMARY_MAX} tekens.",
          required=True),
    Field("themes", VOCAB_LIST, "Thema's", "Een of meer thema's.",
          required=True, vocab="themes", min_items=1, example=["eenzaamheid"]),
    Field("published", DATE, "Gepubliceerd", "Datum van de eerste publicatie.", required=True,
          past_only=True, example="2020-06-01"),
    Field("updated", DATE, "Bijgewerkt", "Datum van de laatste inhoudelijke bijwerking.",
          past_only=True),
    Field("authors", TEXT_LIST, "Auteurs", "Een of meer namen.", required=True, min_items=1,
          example=["Naam Achternaam"]),
    Field("interventions", SLUG_LIST, "Interventies",
          "Bestandsnamen (zonder .md) van interventies die het dossier noemt.",
          refers_to="intervention", cms_help="Kies de interventies die het dossier noemt."),
    Field("sources", OBJECT_LIST, "Literatuur", "Lijst van bronnen; een titel is verplicht.",
          fields=SOURCE_FIELDS),
    ALIASES_FIELD,
)

FIELDS = {"intervention": INTERVENTION_FIELDS, "dossier": DOSSIER_FIELDS}

REQUIRED_SECTIONS = {
    "intervention": ("Doel", "Doelgroep", "Aanpak", "Onderbouwing", "Effectiviteit",
                     "Ervaringen in de praktijk"),
    "dossier": ("Samenvatting", "Feiten en cijfers", "Wat werkt", "Ervaringskennis",
                "Literatuur"),
}

# Keys Material reads from page metadata: the generator sets them, editors may not.
GENERATOR_KEYS = ("description", "tags", "hide", "template", "title_template", "search",
                  "status_label", "icon", "subtitle")

KIND_NL = {"intervention": "interventie", "dossier": "dossier"}
