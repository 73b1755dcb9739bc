"""An SVG is published only when it is a drawing and nothing more.

Opened at its own address, an SVG is a document of the site: a <script>, an event handler, a
<foreignObject> with HTML, an <animate> or <set> that turns a link into `javascript:`, a style
sheet that loads from elsewhere, or a link to another document would all act as the site. So
the file is read with a strict XML parser (expat: no entity declarations, no processing
instructions) and every element and attribute must be on the allow-lists below; a reference
may only point inside the file (`#id`, `url(#id)`), an embedded bitmap only as a `data:` PNG,
JPEG, GIF or WebP. What an editor's drawing program adds that no browser acts on (Inkscape's
and Sodipodi's settings, RDF metadata) is allowed. Anything else is refused at its line, never
silently removed: the editor sees why and exports again (as "gewone SVG" / "Plain SVG").
"""

from __future__ import annotations

import re
from xml.parsers import expat

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# Namespaces no browser gives behaviour to: drawing programs' settings and RDF metadata.
INERT_NAMESPACES = frozenset({
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://purl.org/dc/elements/1.1/",
    "http://creativecommons.org/ns#", "http://web.resource.org/cc/",
    "http://ns.adobe.com/AdobeIllustrator/10.0/", "http://ns.adobe.com/SaveForWeb/1.0/",
    "http://ns.adobe.com/Extensibility/1.0/", "http://www.bohemiancoding.com/sketch/ns",
})
ELEMENTS = frozenset("""
svg g defs title desc metadata symbol use switch path rect circle ellipse line polyline polygon
text tspan textPath linearGradient radialGradient stop clipPath mask pattern marker style image
filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting
feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR
feGaussianBlur feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting
feSpotLight feTile feTurbulence
""".split())
# Geometry, presentation and filter attributes; none of them runs or loads anything.
ATTRIBUTES = frozenset("""
id class style lang tabindex role focusable version baseProfile x y x1 y1 x2 y2 cx cy r rx ry
fx fy fr width height viewBox preserveAspectRatio d points pathLength transform
gradientUnits gradientTransform spreadMethod offset patternUnits patternContentUnits
patternTransform clipPathUnits maskUnits maskContentUnits markerUnits markerWidth markerHeight
refX refY orient dx dy rotate textLength lengthAdjust startOffset method spacing side
alignment-baseline baseline-shift clip clip-path clip-rule color color-interpolation
color-interpolation-filters color-profile color-rendering cursor direction display
dominant-baseline enable-background fill fill-opacity fill-rule filter flood-color
flood-opacity font font-family font-size font-size-adjust font-stretch font-style
font-variant font-weight glyph-orientation-horizontal glyph-orientation-vertical
image-rendering kerning letter-spacing lighting-color marker marker-start marker-mid
marker-end mask mask-type opacity overflow paint-order pointer-events shape-rendering
stop-color stop-opacity stroke stroke-dasharray stroke-dashoffset stroke-linecap
stroke-linejoin stroke-miterlimit stroke-opacity stroke-width text-anchor text-decoration
text-rendering unicode-bidi vector-effect visibility word-spacing writing-mode
white-space mix-blend-mode isolation transform-origin transform-box
filterUnits primitiveUnits in in2 result mode type values operator k1 k2 k3 k4 order
kernelMatrix divisor bias targetX targetY edgeMode preserveAlpha surfaceScale
diffuseConstant specularConstant specularExponent kernelUnitLength scale xChannelSelector
yChannelSelector stdDeviation radius azimuth elevation z pointsAtX pointsAtY pointsAtZ
limitingConeAngle baseFrequency numOctaves seed stitchTiles tableValues slope intercept
amplitude exponent requiredFeatures requiredExtensions systemLanguage media
""".split())
HREF_ELEMENTS = frozenset({"use", "textPath", "linearGradient", "radialGradient", "pattern",
                           "filter", "image"})
_DATA_IMAGE_RE = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$")
_URL_RE = re.compile(r"url\s*\(\s*(['\"]?)\s*([^)'\"]*)", re.IGNORECASE)
# CSS that loads or hides something: imports, escapes (which can spell any of these), old IE's
# expression() and behavior, Mozilla's bindings, image-set() (which loads a plain string).
_CSS_FORBIDDEN_RE = re.compile(r"@import|\\|expression\s*\(|behaviou?r\s*:|-moz-binding"
                               r"|javascript:|image-set\s*\(", re.IGNORECASE)
MAX_PROBLEMS = 10
FIX = ("Exporteer de tekening opnieuw als 'gewone SVG' (Inkscape: Plain SVG) zonder scripts, "
       "links en ingesloten HTML, of lever haar aan als PNG.")


def svg_problems(data: bytes) -> list[tuple[int, str]]:
    """What stops this SVG from being published: (line, Dutch message), at most ten."""
    reader = _Reader()
    try:
        reader.parse(data)
    except expat.ExpatError as exc:
        reader.add(exc.lineno, "het bestand is geen geldige XML "
                   f"({expat.ErrorString(exc.code)}); zo kan niet worden nagegaan wat erin "
                   "staat. " + FIX)
    except _Stop:
        pass
    if not reader.problems and not reader.saw_root:
        reader.add(1, "het bestand bevat geen <svg>-tekening. " + FIX)
    return reader.problems


class _Stop(Exception):
    """Enough problems found, or a construct after which reading on is pointless."""


class _Reader:
    def __init__(self) -> None:
        self.problems: list[tuple[int, str]] = []
        self.saw_root = False
        self.stack: list[str] = []
        self.style_text: list[str] = []  # a character reference splits text into pieces
        self.style_line = 1
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.text
        self.parser.StartDoctypeDeclHandler = self.doctype
        self.parser.EntityDeclHandler = self.entity
        self.parser.ProcessingInstructionHandler = self.instruction
        self.parser.ExternalEntityRefHandler = self.external

    def parse(self, data: bytes) -> None:
        self.parser.Parse(data, True)

    @property
    def line(self) -> int:
        return self.parser.CurrentLineNumber

    def add(self, line: int, message: str) -> None:
        self.problems.append((line, message))
        if len(self.problems) >= MAX_PROBLEMS:
            raise _Stop

    def doctype(self, name, system_id, public_id, has_internal_subset) -> None:
        if has_internal_subset:
            self.add(self.line, "een DOCTYPE met eigen definities (entiteiten) is niet "
                     "toegestaan: die kunnen tekst invoegen die hier niet te zien is. " + FIX)
            raise _Stop

    def entity(self, *args) -> None:
        self.add(self.line, "een entiteitsdefinitie (<!ENTITY>) is niet toegestaan. " + FIX)
        raise _Stop

    def instruction(self, target, data) -> None:
        self.add(self.line, f"de verwerkingsinstructie <?{target}?> is niet toegestaan (ze "
                 "kan een opmaakblad of script laden). " + FIX)

    def external(self, *args) -> int:
        self.add(self.line, "een verwijzing naar een extern bestand is niet toegestaan. " + FIX)
        return 0

    def start(self, qname: str, attributes: dict[str, str]) -> None:
        namespace, _, local = qname.rpartition(" ")
        if not self.saw_root:
            self.saw_root = True
            if (namespace, local) != (SVG_NS, "svg"):
                self.add(self.line, f"het bestand begint met <{local}> in plaats van met een "
                         "<svg>-element (met xmlns=\"http://www.w3.org/2000/svg\"). " + FIX)
                raise _Stop
        self.stack.append(qname)
        self.style_line = self.line if local == "style" else self.style_line
        if namespace in INERT_NAMESPACES:
            return
        if namespace != SVG_NS or local not in ELEMENTS:
            where = "" if namespace in ("", SVG_NS) else f" uit de naamruimte {namespace}"
            self.add(self.line, f"het element <{local}>{where} is niet toegestaan in een "
                     "gepubliceerde SVG (alleen tekenelementen). " + FIX)
            return
        for name, value in attributes.items():
            self.attribute(local, name, value)

    def attribute(self, element: str, qname: str, value: str) -> None:
        namespace, _, local = qname.rpartition(" ")
        if namespace in INERT_NAMESPACES or (namespace == XML_NS and local in ("space", "lang")):
            return
        if local == "href" and namespace in ("", XLINK_NS):
            self.href(element, value)
        elif namespace or local not in ATTRIBUTES and not local.startswith(("aria-", "data-")):
            why = " (het start een script)" if local.lower().startswith("on") else ""
            self.add(self.line, f"het attribuut '{local}' op <{element}>{why} is niet "
                     "toegestaan. " + FIX)
        else:
            self.css(f"de waarde van '{local}' op <{element}>", value)

    def href(self, element: str, value: str) -> None:
        target = value.strip()
        if element == "image" and _DATA_IMAGE_RE.match(target):
            return
        if element in HREF_ELEMENTS and target.startswith("#"):
            return
        shown = target if len(target) <= 60 else target[:57] + "..."
        self.add(self.line, f"de verwijzing href=\"{shown}\" op <{element}> is niet "
                 "toegestaan: een tekening mag alleen naar iets in hetzelfde bestand "
                 "verwijzen (#naam). " + FIX)

    def css(self, where: str, value: str, line: int | None = None) -> None:
        line = line or self.line
        if _CSS_FORBIDDEN_RE.search(value):
            self.add(line, f"{where} bevat CSS die iets laadt of verbergt (@import, "
                     "een backslash-code, expression, image-set of javascript:). " + FIX)
            return
        for match in _URL_RE.finditer(value):
            if not match[2].strip().startswith("#"):
                self.add(line, f"{where} laadt iets van buiten het bestand "
                         f"(url({match[2].strip()[:60]})). " + FIX)
                return

    def end(self, qname: str) -> None:
        self.stack.pop()
        if qname == f"{SVG_NS} style":
            self.css("het <style>-blok", "".join(self.style_text), self.style_line)
            self.style_text = []

    def text(self, data: str) -> None:
        if self.stack and self.stack[-1] == f"{SVG_NS} style":
            self.style_text.append(data)
