"""Dutch numbers and counts in messages: '1.234,5' (a point between thousands, a comma before
decimals), and the singular for exactly one ('1 pagina', '1 overeenkomend document')."""

from __future__ import annotations

import json
import re
from argparse import Namespace
from decimal import ROUND_HALF_EVEN, Decimal
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.check.report import summary_line
from generator.commands import export
from generator.content.catalog import count_interventions
from generator.core.issues import notice
from generator.core.numbers import count_nl, number_nl


def reference(value: float, decimals: int) -> str:
    """Dutch notation built digit by digit from the decimal value, independently of format()."""
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_EVEN)
    sign, digits = ("-" if rounded < 0 else ""), str(abs(rounded))
    whole, _, fraction = digits.partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return sign + ".".join(groups) + ("," + fraction if fraction else "")


@settings(deadline=None, max_examples=400)
@given(st.one_of(st.integers(-10**9, 10**12),
                 st.floats(0, 10**9, allow_nan=False).map(lambda f: round(f, 3))),
       st.integers(0, 2))
def test_number_nl_matches_the_reference(value, decimals):
    # float formatting rounds the binary value; compare where the decimal value is exact
    if isinstance(value, float) and f"{value:.{decimals + 3}f}"[-3:] == "500":
        return
    assert number_nl(value, decimals) == reference(value, decimals)


@given(st.integers(0, 10**7))
def test_count_nl_uses_the_singular_for_one_only(n):
    text = count_nl(n, "pagina", "pagina's")
    assert text == f"{number_nl(n)} {'pagina' if n == 1 else 'pagina' + chr(39) + 's'}"
    assert re.fullmatch(r"\d{1,3}(\.\d{3})* pagina('s)?", text)


def test_examples():
    assert number_nl(1234.5, 1) == "1.234,5"
    assert number_nl(0.25, 1) in ("0,2", "0,3")
    assert count_nl(1, "bestand", "bestanden") == "1 bestand"
    assert count_nl(1200, "bestand", "bestanden") == "1.200 bestanden"
    assert count_interventions([]) == "0 interventies"
    one = notice("interventions/x.md", 1, 1, None, "x", "melding")
    assert summary_line([one], 1) == "0 fouten, 0 waarschuwingen en 1 melding in 1 bestand"
    assert summary_line([], 1234) == ("Geen fouten, waarschuwingen of meldingen in "
                                      "1.234 bestanden.")


def test_the_export_message_writes_dutch_numbers(monkeypatch, tmp_path, capsys):
    made = SimpleNamespace(ok=True, report="", usage_error=None, failure=None, pages=1,
                           size=12_345_678)
    monkeypatch.setattr(export, "export_offline", lambda *args: made)
    args = Namespace(out=str(tmp_path / "x.zip"))
    assert export.run(args, tmp_path, None) == 0
    line = capsys.readouterr().out
    assert line.startswith("Offline versie gemaakt: 1 pagina, 12,3 MB in ")
    assert re.search(r"\(\d+,\d s\)", line)
    assert not re.search(r"\d\.\d", line.replace(str(tmp_path), ""))


def test_material_search_texts_in_dutch_with_the_right_singular(site):
    """The search layer's texts come from Material's Dutch table; ours correct the singular."""
    html = (site / "index.html").read_text("utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)'
                                  r"</script>", html, re.S)[1])
    texts = config["translations"]
    assert texts["search.result.one"] == "1 overeenkomend document"
    assert texts["search.result.other"] == "# overeenkomende documenten"
    assert re.search(r'<html lang="nl"', html)
    assert not any("geüpdatet" in text for text in texts.values())
