"""Our own HTML blocks kept away from Python-Markdown, and put back in its output.

The renderer marks every block of template HTML with the build's secret marker
(`render.common.html_block`). Before MkDocs converts a page, `take_out` replaces each block with
a one-word paragraph naming it; after the conversion (and after the sanitizer, which is for the
editors' part), `put_back` swaps the paragraphs for the blocks. The HTML is the same as when
Python-Markdown passed the blocks through, and a page of a thousand cards is not fed through its
raw-HTML parser.

Blocks the search index leaves out anyway (card and link lists marked data-search-exclude) are
put back one step later, into the finished page (`put_back_late`): until then they are an HTML
comment, which Material's search plugin does not have to read through.
"""

from __future__ import annotations

from dataclasses import dataclass, field

_DIGITS = "0123456789"


@dataclass
class HtmlBlocks:
    """The blocks taken out of one build's pages, per page source path: (html, late)."""

    marker: str
    blocks: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)

    def take_out(self, src_uri: str, text: str) -> str:
        """The page text with each marked block replaced by its placeholder paragraph."""
        # Plain substring searches: a lazy '.*?' up to the closing comment tried the closing
        # marker at every character of the HTML (0.14 s for the pages at N=1000; this: 0.04 s).
        opening, closing = f"<!--{self.marker}", f"<!--/{self.marker}-->\n"
        found: list[tuple[str, bool]] = []
        out: list[str] = []
        copied = search = 0
        while (start := text.find(opening, search)) >= 0:
            content, late = _after_opening(text, start + len(opening))
            if content is None:
                search = start + 1
                continue
            end = text.find(closing, content)
            if end < 0:
                break  # no block closes after this one: none after it either
            found.append((text[content:end], late))
            out += [text[copied:start], f"\n\n{self.marker}-{len(found) - 1}\n\n"]
            copied = search = end + len(closing)
        if found:
            self.blocks[src_uri] = found
        else:
            self.blocks.pop(src_uri, None)
        return "".join(out) + text[copied:]

    def put_back(self, src_uri: str, html: str) -> tuple[str, int]:
        """The converted page with its blocks back in place (late ones as a comment naming
        them), and how many placeholders were missing (0 unless the page's Markdown swallowed
        one; the caller warns)."""
        blocks = self.blocks.get(src_uri)
        if not blocks:
            return html, 0
        # Normally '<p>marker-0</p>'; bare when an editor's unclosed HTML made the rest raw.
        # Splitting on the marker is a plain substring search: a regex that may start with
        # '<p>' would try every position of the page.
        pieces = html.split(f"{self.marker}-")
        out, used = [pieces[0]], set()
        for piece in pieces[1:]:
            index, digits = _leading_index(piece, len(blocks))
            if index is None:
                out.append(f"{self.marker}-{piece}")
                continue
            used.add(index)
            if out[-1].endswith("<p>") and piece.startswith("</p>", digits):
                out[-1] = out[-1][:-3]
                digits += 4
            block, late = blocks[index]
            out.append((f"<!--{self.marker}-{index}-->" if late else block) + piece[digits:])
        return "".join(out), len(blocks) - len(used)

    def put_back_late(self, src_uri: str, html: str) -> str:
        """The finished page with the late blocks in place of their comments."""
        blocks = self.blocks.get(src_uri)
        if not blocks or not any(late for _, late in blocks):
            return html
        pieces = html.split(f"<!--{self.marker}-")
        out = [pieces[0]]
        for piece in pieces[1:]:
            index, digits = _leading_index(piece, len(blocks))
            if index is not None and piece.startswith("-->", digits):
                out.append(blocks[index][0] + piece[digits + 3:])
            else:
                out.append(f"<!--{self.marker}-{piece}")
        return "".join(out)


def _after_opening(text: str, index: int) -> tuple[int | None, bool]:
    """After '<!--marker' at `index`: where the block's HTML starts and whether it goes back
    late ('<!--marker late-->'), or (None, False) when no opening comment ends there."""
    if text.startswith("-->\n", index):
        return index + 4, False
    if text.startswith(" late-->\n", index):
        return index + 9, True
    return None, False


def _leading_index(piece: str, count: int) -> tuple[int | None, int]:
    """After a split on the marker: the number of one of the page's `count` blocks that the
    piece starts with (None when it names none), and how many characters that number takes."""
    digits = len(piece) - len(piece.lstrip(_DIGITS))
    index = int(piece[:digits]) if digits else None
    return (index if index is not None and index < count else None), digits


def swallowed_message(where: str, missing: int) -> str:
    """The Dutch warning for a page whose text swallowed `missing` of our template blocks."""
    return (f"Op de pagina van '{where}' ontbreken {missing} blokken van het sjabloon (zoals de "
            "feitenkaart): de tekst heeft ze opgeslokt. Zoek in de tekst naar een HTML-tag die "
            "niet wordt afgesloten, zoals een <div> zonder </div>, en sluit hem af.")
