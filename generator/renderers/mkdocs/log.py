"""MkDocs' own log lines, in Dutch, for `watwerkt build`, `serve` and `export`.

MkDocs (and ProperDocs, its fork, which logs under `properdocs.*`) writes its warnings and
progress in English. The `watwerkt` commands show them through this module: the lines an
editor can act on are translated, progress chatter is dropped, and a warning we do not know
yet is shown with a Dutch label that says it is MkDocs' own text. Our plugin's messages
(`<runtime>.plugins.watwerkt`) are Dutch already and pass unchanged.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable

from generator.core.budget import OVER_BUDGET_OPENING
from generator.core.numbers import number_nl

RUNTIMES = {"mkdocs": "MkDocs", "properdocs": "ProperDocs"}
LEVELS = {logging.WARNING: "waarschuwing", logging.ERROR: "fout", logging.CRITICAL: "fout"}
DROP = None  # a rule's Dutch text: the line is chatter, not shown

_Q = r"'(?P<{}>[^']*)'"


def _q(name: str) -> str:
    return _Q.format(name)


def strict_failure(counts: str) -> str:
    """Why a strict build stopped, in Dutch: `counts` as MkDocs words them ('2 warnings, 1
    errors'); also said by `watwerkt build`, which counts the warnings itself."""
    words = {"warning": ("waarschuwing", "waarschuwingen"), "error": ("fout", "fouten")}
    parts = []
    for count, kind in re.findall(r"(\d+) (warning|error)s?", counts):
        one, many = words[kind]
        parts.append(f"{count} {one if count == '1' else many}")
    listed = " en ".join(parts) or counts
    return (f"{listed} (zie hierboven), en met --strict tellen waarschuwingen als fouten.")


def _strict_counts(match: re.Match) -> str:
    """'Aborted with 2 warnings, 1 errors in strict mode!' in Dutch."""
    return strict_failure(match["counts"])


def _link_target(match: re.Match) -> str:
    target = f" ('{match['target']}')" if match["target"] else ""
    hint = f" Bedoelt u '{match['hint']}'?" if match["hint"] else ""
    return (f"de pagina '{match['page']}' linkt naar '{match['link']}', maar dat doel{target} "
            f"bestaat niet.{hint}")


def _built(match: re.Match) -> str:
    seconds = number_nl(float(match["seconds"]), 1)
    return f"Site gebouwd in {seconds} s."


def _request(match: re.Match) -> str:
    if match["code"] == "404":
        return f"{match['path']} bestaat niet (404)."
    return f"{match['method']} {match['path']}: antwoord {match['code']}."


Rule = tuple[re.Pattern[str], "str | Callable[[re.Match], str] | None"]
_RULES: list[Rule] = [(re.compile(pattern, re.DOTALL), dutch) for pattern, dutch in [
    (rf"Doc file {_q('page')} contains a link {_q('link')}, but the target"
     rf"(?: {_q('target')})? is not found among documentation files\."
     rf"(?: Did you mean {_q('hint')}\?)?$", _link_target),
    (rf"Doc file {_q('page')} contains a link {_q('link')}, but there is no such anchor on "
     r"this page\..*", "de pagina '{page}' linkt naar '{link}', maar die plek (anker) staat "
                       "niet op de pagina."),
    (rf"Doc file {_q('page')} contains a link {_q('link')}, but the doc {_q('doc')} does not "
     r"contain an anchor '#(?P<anchor>[^']*)'\.",
     "de pagina '{page}' linkt naar '{link}', maar '{doc}' heeft geen plek (anker) "
     "'#{anchor}'."),
    (rf"Doc file {_q('page')} contains an unrecognized relative link {_q('link')}, it was left "
     r"as is\.", "de pagina '{page}' heeft een link '{link}' die nergens naar wijst; hij is "
                 "ongewijzigd gelaten."),
    (rf"Doc file {_q('page')} contains an absolute link {_q('link')}, it was left as is\.",
     "de pagina '{page}' heeft een absolute link '{link}'; hij is ongewijzigd gelaten."),
    (rf"Doc file {_q('page')} contains a link to {_q('target')} which is excluded from the "
     r"built site\.", "de pagina '{page}' linkt naar '{target}', dat niet in de site komt."),
    (r"Aborted with (?P<counts>.*) in strict mode!", _strict_counts),
    (r"Aborted with a BuildError!", "de bouw is afgebroken door de fout hierboven."),
    (rf"Error reading page {_q('page')}:(?P<rest>.*)",
     "fout bij het maken van de pagina '{page}':{rest}"),
    (r"Config value {}: (?P<rest>.*)".format(_q("key")),
     "instelling '{key}' in mkdocs.yml: {rest}"),
    (r"A reference to {} is included in the 'nav' configuration, which is not found in the "
     r"documentation files\.".format(_q("ref")),
     "de navigatie (nav in mkdocs.yml) noemt '{ref}', maar dat bestand bestaat niet."),
    (r"The following pages exist in the docs directory, but are not included in the \"nav\" "
     r"configuration:(?P<rest>.*)", "deze pagina's staan niet in de navigatie (nav):{rest}"),
    (r"Template skipped: {} (?P<why>.*)".format(_q("name")),
     "sjabloon '{name}' overgeslagen ({why})."),
    (r"Documentation built in (?P<seconds>[\d.]+) seconds", _built),
    (r"Serving on (?P<url>\S+)$", "Klaar: de voorvertoning draait op {url}"),
    (r"Detected file changes", "Wijziging gezien: de site wordt opnieuw gebouwd."),
    # Our plugin's own abort (generator/core/budget.py): Dutch already.
    (rf"(?P<text>{re.escape(OVER_BUDGET_OPENING)}.*)", "{text}"),
    (r"An error happened during the rebuild\..*",
     "het opnieuw bouwen is mislukt; de voorvertoning toont de vorige versie tot de fout "
     "hierboven is opgelost."),
    (r"\"(?P<method>[A-Z]+) (?P<path>\S+) HTTP/[\d.]+\" code (?P<code>\d+)", _request),
    # Progress and notices that help no editor: the preview says where it runs itself.
    (r"A 'dirty' build is being performed.*", DROP),
    (r"(Building documentation|Cleaning site directory|Serving on .* and opening|Watching paths|"
     r"Reloading browsers|Reloading page|Browser connected|Shutting down|The directory contains "
     r"stale files|Start watching|Stop watching).*", DROP),
]]


# MkDocs' live-reload server starts its lines with the time; our formatter adds its own.
_TIME_RE = re.compile(r"^\[\d\d:\d\d:\d\d\] ")


def _bare(message: str) -> str:
    return _TIME_RE.sub("", message.strip())


def translate(message: str) -> str | None:
    """The Dutch text of a known MkDocs message, DROP (None) for chatter, or the message
    unchanged when no rule knows it. Also used for the text of MkDocs' Abort exception."""
    for pattern, dutch in _RULES:
        match = pattern.match(_bare(message))
        if match is None:
            continue
        if dutch is DROP:
            return None
        if callable(dutch):
            return dutch(match)
        return dutch.format(**{k: v or "" for k, v in match.groupdict().items()})
    return message


def is_known(message: str) -> bool:
    return any(pattern.match(_bare(message)) for pattern, _ in _RULES)


def _ours(record: logging.LogRecord) -> bool:
    """Our plugin's own lines (Dutch already)."""
    return record.name.split(".", 1)[-1].startswith("plugins.watwerkt")


class DutchFormatter(logging.Formatter):
    """'waarschuwing: <Dutch text>'; a line no rule knows keeps MkDocs' words, labelled."""

    def __init__(self, timestamps: bool = False) -> None:
        super().__init__()
        self.timestamps = timestamps

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if not _ours(record):
            if is_known(message):
                message = translate(message) or ""
            elif record.levelno >= logging.WARNING:
                runtime = RUNTIMES.get(record.name.split(".")[0], "MkDocs")
                message = f"{runtime} meldt (niet vertaald): {message}"
        label = LEVELS.get(record.levelno)
        text = f"{label}: {message}" if label else message
        if self.timestamps:
            text = f"[{time.strftime('%H:%M:%S', time.localtime(record.created))}] {text}"
        return text


class DutchHandler(logging.StreamHandler):
    """Shows warnings and errors; information only when `show_progress` (the preview) and
    only the lines we translate. Chatter is dropped whatever its level."""

    def __init__(self, show_progress: bool = False) -> None:
        super().__init__()
        self.show_progress = show_progress
        self.setFormatter(DutchFormatter(timestamps=show_progress))
        self.addFilter(self._wanted)

    def _wanted(self, record: logging.LogRecord) -> bool:
        if _ours(record):
            return record.levelno >= logging.WARNING
        message = record.getMessage()
        if is_known(message) and translate(message) is None:
            return False
        if record.levelno >= logging.WARNING:
            return True
        return self.show_progress and record.levelno == logging.INFO and is_known(message)


def install(show_progress: bool = False) -> None:
    """Route the runtimes' loggers (mkdocs.*, properdocs.*) through one Dutch handler each.
    Under ProperDocs the legacy `mkdocs` logger is a child of `properdocs`
    (generator/renderers/mkdocs/runtime.py): it gets no handler of its own, or every line would
    print twice.
    Calling it again replaces the handlers, so repeated builds in one process print once."""
    from generator.renderers.mkdocs import runtime

    runtime.activate()
    for name in RUNTIMES:
        logger = logging.getLogger(name)
        for handler in [h for h in logger.handlers if isinstance(h, DutchHandler)]:
            logger.removeHandler(handler)
        logger.setLevel(logging.INFO if show_progress else logging.WARNING)
        if not (logger.propagate and logger.parent.name in RUNTIMES):
            logger.addHandler(DutchHandler(show_progress))
