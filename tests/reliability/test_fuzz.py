"""No crash, ever: schema-driven property tests through load -> validate -> catalog -> render
-> Python-Markdown -> sanitizer (properties in fuzzing.py). The normal suite runs a modest
number of examples; `python -m pytest -m slow tests/reliability` runs the long fuzz, and
`python bench/fuzz.py --examples N` prints how many examples ran and what they did."""

from __future__ import annotations

import pytest

from tests.reliability.fuzzing import PROPERTIES, STATS, run_property

NORMAL, LONG = 25, 2000


@pytest.mark.parametrize("name", PROPERTIES)
def test_property(name):
    before = sum(STATS.values())
    run_property(name, NORMAL)
    assert sum(STATS.values()) > before  # the examples really went through the check


@pytest.mark.slow
@pytest.mark.parametrize("name", PROPERTIES)
def test_property_long(name):
    run_property(name, LONG)
