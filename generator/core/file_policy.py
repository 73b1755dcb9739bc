"""What the site may publish besides its pages: inert files only, judged by their bytes.

Everything in the docs_dir that is not a page (`.md`) is published at the site's own address,
the address of /admin/ where the CMS keeps the signed-in editor's token. An SVG with a script or
an HTML file would run there. So the allow-list is short and decided by content, not by name:
raster images (PNG, JPEG, GIF, WebP, AVIF, ICO), PDF, and SVG that holds drawing elements only
(generator/core/svg_policy.py). The name must agree with the bytes, because the web server
chooses the content type by the name. Anything else is refused, with the reason in Dutch.

Pure functions of (name, bytes): the check reports the verdicts, and every writer of an output
(the MkDocs site, the docs folder for Zensical, the offline export) copies only what passes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.core.svg_policy import svg_problems

PAGE_SUFFIX = ".md"
# Suffix -> the type the bytes must have. Only inert types: nothing here runs in a browser.
ALLOWED_SUFFIXES = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".gif": "gif",
                    ".webp": "webp", ".avif": "avif", ".ico": "ico", ".pdf": "pdf",
                    ".svg": "svg"}
TYPE_NAMES = {"png": "PNG", "jpeg": "JPEG", "gif": "GIF", "webp": "WebP", "avif": "AVIF",
              "ico": "ICO", "pdf": "PDF", "svg": "SVG", "html": "HTML", "xml": "XML",
              "script": "een script"}
ALLOWED_LIST = ", ".join(sorted({s.lstrip(".") for s in ALLOWED_SUFFIXES}))
# Larger media belong on a file host: 20 MB keeps a repository clone and the offline zip usable.
MAX_MEDIA_BYTES = 20 * 1024 * 1024
_AVIF_BRANDS = (b"avif", b"avis")
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<iframe",
                b"<object", b"<embed", b"<meta", b"<?php")


@dataclass(frozen=True)
class Refusal:
    line: int | None  # 1-based, for an SVG; None for the file as a whole
    message: str  # Dutch


@dataclass
class Verdict:
    kind: str | None  # what the bytes are ('png', 'svg', 'html', ...), None when unknown
    refusals: list[Refusal] = field(default_factory=list)

    @property
    def publishable(self) -> bool:
        return not self.refusals


def sniff(data: bytes) -> str | None:
    """The type of `data` from its first bytes (or, for SVG/HTML, its markup); None if unknown."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[4:8] == b"ftyp" and (data[8:12] in _AVIF_BRANDS
                                 or any(data[i:i + 4] in _AVIF_BRANDS
                                        for i in range(16, min(len(data), 64), 4))):
        return "avif"
    if data.startswith(b"\x00\x00\x01\x00") and len(data) >= 6 and data[4:6] != b"\x00\x00":
        return "ico"
    if data.startswith(b"%PDF-"):
        return "pdf"
    return _sniff_markup(data)


def _sniff_markup(data: bytes) -> str | None:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(_HTML_STARTS):
        return "html"
    if head.startswith(b"<") and b"<svg" in head:
        return "svg"  # svg_policy reads on: a script inside is refused at its line
    if b"<script" in head:
        return "html"
    if head.startswith(b"#!") or head.startswith((b"function", b"var ", b"const ", b"import ")):
        return "script"
    return "xml" if head.startswith(b"<") else None


def judge(name: str, data: bytes) -> Verdict:
    """May the file `name` (its path in the docs_dir) with these bytes be published?"""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""
    kind = sniff(data)
    expected = ALLOWED_SUFFIXES.get(suffix)
    if expected is None:
        what = f"het is {_type_name(kind)}" if kind else "het bestandstype is onbekend"
        return Verdict(kind, [Refusal(None, (
            f"'{name}' wordt niet gepubliceerd: {what}, en op de site komen alleen afbeeldingen "
            f"en documenten die niets kunnen uitvoeren ({ALLOWED_LIST}). Verwijder het bestand "
            "of zet het om naar een van die typen."))])
    if len(data) > MAX_MEDIA_BYTES:
        return Verdict(kind, [Refusal(None, (
            f"'{name}' is {len(data) // 1024 // 1024} MB groot; de grens is "
            f"{MAX_MEDIA_BYTES // 1024 // 1024} MB. Verklein het bestand of zet het op een "
            "andere plek en link ernaar."))])
    if kind != expected:
        found = f"de inhoud is {_type_name(kind)}" if kind else "de inhoud is geen bekend type"
        return Verdict(kind, [Refusal(None, (
            f"'{name}' wordt niet gepubliceerd: de naam eindigt op {suffix}, maar {found}. "
            "De webserver kiest het type op de naam; sla het bestand opnieuw op als echt "
            f"{TYPE_NAMES[expected]}-bestand."))])
    if kind == "svg":
        return Verdict(kind, [Refusal(line, f"'{name}' regel {line}: {message}")
                              for line, message in svg_problems(data)])
    return Verdict(kind)


def _type_name(kind: str | None) -> str:
    name = TYPE_NAMES.get(kind or "", kind or "onbekend")
    return name if name.startswith("een ") else f"een {name}-bestand"
