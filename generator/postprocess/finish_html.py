"""The last pass over a finished HTML page, for readers rather than for the search index
(the MkDocs adapter runs it after the search plugin has read the page):

- the long Dutch words of headings get soft hyphens (generator/render/hyphenate.py), so a phone
  breaks them with a hyphen; the search index must not contain them.
- heading permalinks, whose visible text is '¶', get a Dutch accessible name naming their
  section (WCAG 2.4.4, 4.1.2): a screen reader read them as 'pilcrow'.

Only text between tags changes; attributes and addresses stay intact.
"""

from __future__ import annotations

import html
import re

from generator.render.hyphenate import hyphenate_headings

_HEADERLINK = re.compile(
    r'<(h[1-6])([^>]*)>((?:(?!</?h[1-6]).)*?)<a class="headerlink" href="(#[^"]*)" '
    r'title="([^"]*)">'
    r"(?:¶|&para;)</a>", re.S)


def name_permalinks(page: str) -> str:
    """Give each '¶' permalink a name: 'Link naar deze sectie: <heading text>'."""
    def named(match: re.Match[str]) -> str:
        tag, attributes, inner, href, title = match.groups()
        heading = html.unescape(re.sub(r"<[^>]*>", "", inner)).strip()
        label = html.escape(f"{title}: {heading}" if heading else title)
        return (f'<{tag}{attributes}>{inner}<a class="headerlink" href="{href}" '
                f'title="{title}" aria-label="{label}">¶</a>')

    return _HEADERLINK.sub(named, page)


def finish_page(page: str) -> str:
    """Everything this module does, for one page."""
    return hyphenate_headings(name_permalinks(page))
