"""Issue 26: what editors and the CMS can put on the site besides content.

The attacker's cases of the issue (an SVG with a script, an HTML file in the media folder, a
symbolic link in pages/media/ or in interventions/), then properties over generated files: any
bytes under any name are judged without crashing and only allow-listed types pass; an SVG
with one dangerous construct slipped in anywhere is refused at that construct's line; an SVG
built from the allow-lists passes, and an independent XML reader finds nothing active in it.
Every writer of an output copies only what the policy lets through.
"""

from __future__ import annotations

import os
import struct
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest
from conftest import BUILD_DATE, DOSSIER, INTERVENTION, make_project, run_cli, site_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.hand_files import walk_docs
from generator.core.file_policy import ALLOWED_SUFFIXES, judge, sniff
from generator.core.svg_policy import ATTRIBUTES, ELEMENTS, SVG_NS, XLINK_NS
from generator.export.offline import stage_docs
from generator.pipeline import check_project
from generator.renderers.docs_folder import write_docs_folder


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


CLEAN_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n'
             '  <rect width="10" height="10" fill="#ccc"/>\n'
             '  <circle cx="5" cy="5" r="3"/>\n'
             '</svg>\n')
SCRIPT_SVG = CLEAN_SVG.replace('  <circle', '  <script>alert(document.domain)</script>\n  <circle')
SECRET = "GEHEIM-BUITEN-HET-PROJECT"


def codes(issues, path: str) -> list[tuple[str, int | None]]:
    return sorted((i.code, i.line) for i in issues if i.path == path)


# --- The issue's cases -------------------------------------------------------------------------

def test_an_svg_with_a_script_is_refused_at_the_scripts_line(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"interventions/buurtbemiddeling.md": INTERVENTION,
                                         "pages/media/logo.svg": SCRIPT_SVG})
    result = check_project(root, BUILD_DATE)
    assert codes(result.issues, "pages/media/logo.svg") == [("svg-not-inert", 3)]
    assert result.failed()
    message = next(i.message for i in result.issues if i.path == "pages/media/logo.svg")
    assert "'pages/media/logo.svg' regel 3" in message and "<script>" in message


@pytest.mark.parametrize("name, data", [
    ("aanval.html", b"<!doctype html><script>alert(localStorage.length)</script>"),
    ("aanval.htm", b"<html><body onload=alert(1)>"),
    ("aanval.xhtml", b'<html xmlns="http://www.w3.org/1999/xhtml"><script>x</script></html>'),
    ("aanval.js", b"alert(1)"),
    ("aanval", b"<script>alert(1)</script>"),
    ("aanval.svgz", zlib.compress(SCRIPT_SVG.encode())),
    ("aanval.png", SCRIPT_SVG.encode()),  # a name the server would serve as an image
    ("aanval.PNG.html", png()),
    ("aanval.xml", b'<?xml-stylesheet type="text/xsl" href="x.xsl"?><a/>'),
])
def test_html_scripts_and_unknown_types_are_refused_naming_the_file(
        tmp_path: Path, name: str, data: bytes) -> None:
    relative = f"pages/media/{name}"
    root = make_project(tmp_path / "p", {"interventions/buurtbemiddeling.md": INTERVENTION,
                                         relative: data})
    result = check_project(root, BUILD_DATE)
    assert codes(result.issues, relative) == [("file-not-allowed", None)]
    assert f"'{relative}'" in next(i.message for i in result.issues if i.path == relative)
    assert walk_docs(root, "pages").published == []


def test_a_link_in_the_media_folder_is_refused_and_never_read(tmp_path: Path) -> None:
    outside = tmp_path / "elders"
    outside.mkdir()
    (outside / "id_rsa").write_text(SECRET)
    (outside / "map").mkdir()
    (outside / "map" / "x.png").write_bytes(png())
    root = make_project(tmp_path / "p", {"interventions/buurtbemiddeling.md": INTERVENTION,
                                         "pages/media/echt.png": png()})
    (root / "pages/media/sleutel.png").symlink_to(outside / "id_rsa")
    (root / "pages/media/map").symlink_to(outside / "map", target_is_directory=True)
    (root / "pages/media/binnen.png").symlink_to(root / "pages/media/echt.png")
    result = check_project(root, BUILD_DATE)
    for link in ("sleutel.png", "map", "binnen.png"):
        assert codes(result.issues, f"pages/media/{link}") == [("link-outside-project", None)]
    assert all(SECRET not in i.message for i in result.issues)
    assert walk_docs(root, "pages").published == ["media/echt.png"]


def test_an_intervention_that_is_a_link_is_an_error_and_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "buiten.md"
    outside.write_text(INTERVENTION.replace("Buurtbemiddeling", SECRET))
    root = make_project(tmp_path / "p", {"interventions/buurtbemiddeling.md": INTERVENTION})
    (root / "interventions/geheim.md").symlink_to(outside)
    result = check_project(root, BUILD_DATE)
    assert codes(result.issues, "interventions/geheim.md") == [("link-outside-project", None)]
    assert [i.slug for i in result.catalog.interventions] == ["buurtbemiddeling"]
    assert SECRET not in repr(result.catalog.interventions)


@pytest.mark.parametrize("linked", ["interventions", "dossiers", "vocabularies.yml", "pages",
                                    "theme"])
def test_a_linked_folder_or_file_of_the_project_is_refused(tmp_path: Path, linked: str) -> None:
    root = make_project(tmp_path / "p", {"interventions/buurtbemiddeling.md": INTERVENTION,
                                         "pages/over.md": "# Over\n", "theme/main.html": ""})
    outside = tmp_path / "elders" / linked
    outside.parent.mkdir()
    os.rename(root / linked, outside)
    (root / linked).symlink_to(outside)
    (root / "mkdocs.yml").write_text("site_name: x\ndocs_dir: pages\ntheme:\n  name: material\n"
                                     "  custom_dir: theme\n")
    result = check_project(root, BUILD_DATE)
    assert ("link-outside-project", None) in codes(result.issues, linked)
    assert result.failed()


def test_a_docs_dir_outside_the_project_is_refused(tmp_path: Path) -> None:
    (tmp_path / "elders").mkdir()
    (tmp_path / "elders" / "x.png").write_bytes(png())
    root = make_project(tmp_path / "p", {"interventions/buurtbemiddeling.md": INTERVENTION,
                                         "mkdocs.yml": "site_name: x\ndocs_dir: ../elders\n"})
    result = check_project(root, BUILD_DATE)
    assert [i.code for i in result.issues if i.code == "link-outside-project"] == [
        "link-outside-project"]
    assert walk_docs(root, "../elders").published == []


def test_a_named_pipe_is_not_a_file_and_reading_does_not_wait(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"interventions/buurtbemiddeling.md": INTERVENTION})
    (root / "pages/media").mkdir(parents=True)
    os.mkfifo(root / "pages/media/pijp.png")
    result = check_project(root, BUILD_DATE)
    assert codes(result.issues, "pages/media/pijp.png") == [("not-a-file", None)]


# --- Every output goes through the same walk ----------------------------------------------------

def mixed_pages(root: Path, outside: Path) -> None:
    media = root / "pages" / "media"
    media.mkdir(parents=True, exist_ok=True)
    (media / "goed.png").write_bytes(png())
    (media / "goed.svg").write_text(CLEAN_SVG)
    (media / "slecht.svg").write_text(SCRIPT_SVG)
    (media / "aanval.html").write_text("<script>alert(1)</script>")
    (media / "vermomd.png").write_text(SCRIPT_SVG)
    outside.write_text(SECRET)
    (media / "link.png").symlink_to(outside)


def published_below(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and "media" in p.parts}


def test_every_writer_publishes_exactly_the_policys_files(tmp_path: Path) -> None:
    root = site_project(tmp_path / "p")
    mixed_pages(root, tmp_path / "geheim.txt")
    result = check_project(root, BUILD_DATE)
    assert result.failed()  # the build stops; the writers refuse on their own as well
    expected = {"media/goed.png", "media/goed.svg"}
    assert {p for p in walk_docs(root, "pages").published if p.startswith("media/")} == expected
    write_docs_folder(root, result, tmp_path / "docs-folder")
    assert published_below(tmp_path / "docs-folder") == expected
    staged = stage_docs(root, {"docs_dir": "pages"}, tmp_path / "offline")
    assert published_below(staged) == expected
    for folder in (tmp_path / "docs-folder", staged):
        assert all(SECRET.encode() not in p.read_bytes() for p in folder.rglob("*")
                   if p.is_file())
        assert not any(p.is_symlink() for p in folder.rglob("*"))


def test_the_mkdocs_plugin_drops_refused_files_from_its_file_list(tmp_path: Path) -> None:
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from generator.renderers.mkdocs.plugin import _keep_publishable

    root = site_project(tmp_path / "p")
    mixed_pages(root, tmp_path / "geheim.txt")
    config = load_config(str(root / "mkdocs.yml"))
    files = get_files(config)
    assert "media/aanval.html" in files.src_uris  # MkDocs itself would publish it
    _keep_publishable(files, config)
    media = {uri for uri in files.src_uris if uri.startswith("media/")}
    assert media == {"media/goed.png", "media/goed.svg"}
    assert "over.md" in files.src_uris


def test_watwerkt_build_stops_with_the_dutch_message_at_the_svgs_line(tmp_path: Path) -> None:
    root = site_project(tmp_path / "p")
    (root / "pages/media").mkdir()
    (root / "pages/media/logo.svg").write_text(SCRIPT_SVG)
    out = tmp_path / "site"
    built = run_cli("build", "--today", BUILD_DATE.isoformat(), "--out", str(out), cwd=root)
    assert built.returncode != 0
    assert "pages/media/logo.svg:3" in built.stdout + built.stderr
    assert not (out / "media" / "logo.svg").exists()


# --- Properties ---------------------------------------------------------------------------------

NAMES = st.sampled_from(sorted(ALLOWED_SUFFIXES) + [".html", ".htm", ".js", ".txt", ".xml",
                                                    ".svgz", "", ".SVG", ".Png", ".pdf.html"])
MAGIC = st.sampled_from([b"", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF89a", b"%PDF-",
                         b"RIFF\x00\x00\x00\x00WEBP", b"<svg", b"<!doctype html>",
                         b"\x00\x00\x01\x00"])


@settings(deadline=None, max_examples=400)
@given(suffix=NAMES, magic=MAGIC, tail=st.binary(max_size=200))
def test_any_bytes_under_any_name_are_judged_and_only_allowed_types_pass(
        suffix: str, magic: bytes, tail: bytes) -> None:
    name = "media/x" + suffix
    data = magic + tail
    verdict = judge(name, data)
    if verdict.publishable:
        assert ALLOWED_SUFFIXES[suffix.lower()] == sniff(data)
    assert all(f"'{name}'" in r.message for r in verdict.refusals)


# One dangerous construct, as an element line put between the clean SVG's lines.
ATTACKS = [
    "<script>alert(1)</script>",
    '<script xlink:href="https://e.example/x.js"/>',
    '<SCRIPT>alert(1)</SCRIPT>',
    '<g onload="alert(1)"/>', '<rect ONCLICK="alert(1)"/>', '<circle onmouseover="x()"/>',
    '<a href="javascript:alert(1)"><text>x</text></a>',
    '<use href="&#106;avascript:alert(1)"/>', '<use xlink:href="other.svg#a"/>',
    '<use href="data:image/svg+xml;base64,PHN2Zz4="/>',
    '<image href="https://e.example/pixel.png"/>', '<image href="data:text/html,x"/>',
    '<animate attributeName="href" values="javascript:alert(1)"/>',
    '<set attributeName="onclick" to="alert(1)"/>',
    '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>',
    '<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>',
    '<iframe src="/admin/"/>', '<handler type="text/ecmascript">x</handler>',
    '<style>@import url(https://e.example/x.css);</style>',
    '<style>rect { fill: u\\72l(https://e.example) }</style>',
    '<style>&#64;import "x.css";</style>',
    '<rect style="fill: url(https://e.example/t.png)"/>',
    '<rect fill="url(https://e.example/t.svg#p)"/>',
    '<rect style="behavior: url(x.htc)"/>',
    '<rect style="fill: -webkit-image-set(\'https://e.example/t.png\' 1x)"/>',
    '<?xml-stylesheet href="x.xsl" type="text/xsl"?>',
    '<rect xml:base="https://e.example/"/>',
    '<feImage href="https://e.example/x.png"/>',
]


@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(attack=st.sampled_from(ATTACKS), at=st.integers(min_value=1, max_value=3),
       indent=st.sampled_from(["", "  ", "\t"]))
def test_an_svg_with_any_dangerous_construct_anywhere_is_refused_at_its_line(
        attack: str, at: int, indent: str) -> None:
    lines = CLEAN_SVG.replace("<svg ", '<svg xmlns:xlink="http://www.w3.org/1999/xlink" ', 1) \
        .splitlines(keepends=True)
    lines.insert(at, indent + attack + "\n")
    verdict = judge("media/x.svg", "".join(lines).encode())
    assert not verdict.publishable
    assert at + 1 in {r.line for r in verdict.refusals}, [r.message for r in verdict.refusals]


SAFE_VALUES = st.from_regex(r"[0-9a-zA-Z #.,%-]{0,12}", fullmatch=True)
SHAPES = sorted(ELEMENTS - {"style", "image", "use", "textPath"})
PLAIN_ATTRIBUTES = sorted(ATTRIBUTES - {"style", "fill"})  # fill and href are added below


@st.composite
def drawings(draw, depth: int = 0) -> str:
    tag = draw(st.sampled_from(SHAPES))
    names = draw(st.lists(st.sampled_from(PLAIN_ATTRIBUTES), max_size=4, unique=True))
    attrs = "".join(f' {n}="{draw(SAFE_VALUES)}"' for n in names)
    if draw(st.booleans()):
        attrs += ' fill="url(#verloop)"'
    children = draw(st.lists(drawings(depth + 1), max_size=0 if depth > 1 else 3))
    if tag in ("linearGradient", "pattern") and draw(st.booleans()):
        attrs += ' href="#verloop"'
    return f"<{tag}{attrs}>" + "".join(children) + f"</{tag}>"


@settings(deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(body=st.lists(drawings(), max_size=4))
def test_a_drawing_of_allowed_parts_passes_and_holds_nothing_active(body: list[str]) -> None:
    data = f'<svg xmlns="{SVG_NS}" xmlns:xlink="{XLINK_NS}">{"".join(body)}</svg>'.encode()
    verdict = judge("media/x.svg", data)
    assert verdict.publishable, [r.message for r in verdict.refusals]
    # An independent reader of the published file finds no script, handler or outside link.
    for element in ET.fromstring(data).iter():
        namespace, _, local = element.tag[1:].partition("}")
        assert namespace == SVG_NS and local in ELEMENTS
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on")
            if name.endswith("href"):
                assert value.startswith("#")
            assert "url(" not in value or "url(#" in value


def test_the_cms_file_picker_offers_exactly_the_published_types() -> None:
    import json
    import re

    from test_decap_config import BUILD_DATE as CMS_DATE
    from test_decap_config import SITE, VOCAB

    from generator.render.admin import render_admin

    page = render_admin(VOCAB, SITE, "example/wat-werkt", "cdn", {}, CMS_DATE)["admin/index.html"]
    # The upload script's first argument (the second is the Dutch refusal).
    offered = json.loads(re.search(r"\}\)\((\"[^\"]*\"), \"[^\"]*\"\);\s*</script>", page)[1]
                         ).split(",")
    assert sorted(offered) == sorted(ALLOWED_SUFFIXES)
    assert all(judge(f"x{suffix}", b"").refusals for suffix in offered)  # bytes still decide


# --- A file name that is a site address -------------------------------------------------------

def test_every_name_the_site_writes_beside_the_entries_is_reserved(catalog) -> None:
    from generator.content.load import RESERVED_SLUGS
    from generator.render import render_site
    from generator.render.common import Site

    entries = {(f, e.slug) for f, items in (("interventies", catalog.interventions),
                                           ("dossiers", catalog.dossiers)) for e in items}
    beside = set()
    for path in render_site(catalog, Site(site_url="https://watwerkt.example.org/")):
        folder, _, rest = path.partition("/")
        if folder in ("interventies", "dossiers") and "/" not in rest:
            stem = rest.rsplit(".", 1)[0]
            if (folder, stem) not in entries:
                beside.add(stem)
    assert beside and beside <= RESERVED_SLUGS, beside - RESERVED_SLUGS


@pytest.mark.parametrize("slug", ["index", "finder-data"])
@pytest.mark.parametrize("folder, text", [("interventions", INTERVENTION), ("dossiers", DOSSIER)])
def test_a_reserved_name_is_refused_as_slug_and_as_alias(tmp_path: Path, slug: str, folder: str,
                                                        text: str) -> None:
    root = make_project(tmp_path / "p", {f"{folder}/{slug}.md": text})
    result = check_project(root, BUILD_DATE)
    assert ("reserved-name", None) in codes(result.issues, f"{folder}/{slug}.md")
    assert not result.catalog.interventions and not result.catalog.dossiers
    renamed = text.replace("---\n", f"---\naliases: [{slug}]\n", 1)
    root = make_project(tmp_path / "q", {f"{folder}/nieuw.md": renamed})
    issues = check_project(root, BUILD_DATE).issues
    assert ("alias-clash", 2) in codes(issues, f"{folder}/nieuw.md")
