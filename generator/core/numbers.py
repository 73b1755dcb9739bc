"""Numbers and counts in Dutch: a point between thousands, a comma before decimals ("1.234,5"),
as the finder's `toLocaleString("nl-NL")` writes them, and the singular for exactly one."""

from __future__ import annotations


def number_nl(value: float, decimals: int = 0) -> str:
    """'1.234' or, with decimals, '1.234,5'; a negative number keeps its minus sign."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def count_nl(number: int, singular: str, plural: str) -> str:
    """'1 pagina', '2 pagina's', '1.200 pagina's'."""
    return f"{number_nl(number)} {singular if number == 1 else plural}"
