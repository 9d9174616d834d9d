"""Accessible, printable PDFs (issue 27, item 5), read back as a reader's tools see them:
poppler says they are tagged, pypdf walks the structure tree (language, headings in order,
tables, every figure's alternative text), the network drawing rendered in grey keeps its
flow types apart, no heading is left alone at a page's foot, and no text is cut."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject

from selfdata.domain.cards import Decks
from selfdata.domain.typography import fr_punctuation
from selfdata.domain.workshop import Workshop
from selfdata.export import network_drawing
from selfdata.export.deck import model_face
from selfdata.export.facts import Edge, Lookup, Node, network_facts
from selfdata.export.pdf_base import ExportPDF
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop
from tests.pdf_builds import card_deck, scenario_dossier, workshop_report

pytestmark = pytest.mark.pdf  # builds PDFs and reads them back: make test, not test-fast

EXAMPLES = ("la_rochelle", "grand_lyon")


@cache
def decks() -> Decks:
    return default_decks()


@cache
def example(name: str) -> Workshop:
    return load_workshop(SCENARIOS_DIR / f"{name}.yaml")


@cache
def dossier(name: str, scenario: str, lang: str) -> bytes:
    return scenario_dossier(example(name), decks(), scenario, lang)


@cache
def report(name: str, lang: str) -> bytes:
    return workshop_report(example(name), decks(), lang)


@cache
def deck(lang: str) -> bytes:
    return card_deck(decks(), lang)


def first_scenario(name: str) -> str:
    return example(name).scenarios[0].id


DOCUMENTS: dict[str, Callable[[], bytes]] = {
    "dossier-la-rochelle-fr": lambda: dossier("la_rochelle", "sc_coach_co2", "fr"),
    "dossier-grand-lyon-en": lambda: dossier("grand_lyon", first_scenario("grand_lyon"), "en"),
    "report-la-rochelle-fr": lambda: report("la_rochelle", "fr"),
    "report-grand-lyon-en": lambda: report("grand_lyon", "en"),
    "deck-fr": lambda: deck("fr"),
    "deck-en": lambda: deck("en"),
}


def poppler(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    return found


# -- tagged --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_pdfinfo_says_every_pdf_is_tagged(name: str, tmp_path: Path) -> None:
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(DOCUMENTS[name]())
    info = subprocess.run(
        [poppler("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE), info


def elements(reader: PdfReader) -> Iterator[DictionaryObject]:
    """The structure elements in the tree's order, which is the reading order."""

    def walk(node: Any) -> Iterator[DictionaryObject]:
        node = node.get_object()
        if isinstance(node, ArrayObject):
            for kid in node:
                yield from walk(kid)
            return
        if not isinstance(node, DictionaryObject) or "/S" not in node:
            return
        yield node
        if "/K" in node:
            yield from walk(node["/K"])

    yield from walk(reader.trailer["/Root"]["/StructTreeRoot"]["/K"])


@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_structure_tree_reads_back_with_language_title_and_headings_in_order(
    name: str,
) -> None:
    reader = PdfReader(io.BytesIO(DOCUMENTS[name]()))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == ("en" if name.endswith("-en") else "fr")
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata is not None and reader.metadata.title
    tags = [str(e["/S"]) for e in elements(reader)]
    assert tags[0] == "/Document"
    headings = [int(tag[2]) for tag in tags if re.fullmatch(r"/H[1-6]", tag)]
    assert headings[0] == 1 and 2 in headings
    # never a level skipped on the way down (H1 then H3 would lose a screen reader)
    assert all(b <= a + 1 for a, b in zip(headings, headings[1:], strict=False)), headings
    assert "/P" in tags
    if not name.startswith("deck"):
        assert {"/Table", "/TR", "/TD"} <= set(tags)


@pytest.mark.parametrize("name", [n for n in DOCUMENTS if not n.startswith("deck")])
def test_headings_and_tables_are_tagged_where_the_text_is(name: str) -> None:
    """Each heading of the outline is an H element, in the same order; table heading
    cells are TH; the running head and page numbers are artifacts, not content."""
    reader = PdfReader(io.BytesIO(DOCUMENTS[name]()))
    titles = [str(e.get("/T", "")) for e in elements(reader) if re.fullmatch(r"/H[1-6]", e["/S"])]
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    it = iter(titles)
    assert all(any(title.startswith(o.rstrip("…")) for title in it) for o in outline), outline
    assert "/TH" in [str(e["/S"]) for e in elements(reader)]
    second_page = reader.pages[1].get_contents()
    assert second_page is not None and b"/Artifact BMC" in second_page.get_data()


def assert_parent_tree_matches(reader: PdfReader) -> None:
    """Each page's marked-content ids run 0, 1, 2… and each points, through the parent
    tree, to the element that lists it among its kids."""
    nums = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    parents = {int(nums[i]): nums[i + 1].get_object() for i in range(0, len(nums), 2)}
    for page in reader.pages:
        contents = page.get_contents()
        data = contents.get_data() if contents is not None else b""
        mcids = [int(m) for m in re.findall(rb"<</MCID (\d+)>> BDC", data)]
        if not mcids:
            continue
        owners = parents[int(page["/StructParents"])]
        assert mcids == list(range(len(owners)))
        for mcid in mcids:
            kids = owners[mcid].get_object()["/K"]
            kids = kids if isinstance(kids, ArrayObject) else [kids]
            refs = [k.get_object() for k in kids]
            assert any(
                k == mcid or (isinstance(k, DictionaryObject) and k.get("/MCID") == mcid)
                for k in refs
            )


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_marked_content_belongs_to_its_element_in_the_parent_tree(name: str) -> None:
    assert_parent_tree_matches(PdfReader(io.BytesIO(DOCUMENTS[name]())))


PAINTING = {b"Tj", b"TJ", b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_everything_printed_is_tagged_content_or_an_artifact(name: str) -> None:
    """No text and no drawing outside a marked-content sequence, and the sequences balance
    on each page: a screen reader either reads a thing in order or knows to skip it."""
    reader = PdfReader(io.BytesIO(DOCUMENTS[name]()))
    loose = []
    for number, page in enumerate(reader.pages, start=1):
        depth = 0
        for _, operator in ContentStream(page.get_contents(), reader).operations:
            if operator in (b"BDC", b"BMC"):
                depth += 1
            elif operator == b"EMC":
                depth -= 1
                assert depth >= 0, number
            elif depth == 0 and operator in PAINTING:
                loose.append((number, operator))
        assert depth == 0, number
    assert loose == []


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_figure_has_an_alternative_text_naming_its_actors_and_flows(
    name: str, lang: str
) -> None:
    scenario = example(name).scenarios[0]
    reader = PdfReader(io.BytesIO(dossier(name, scenario.id, lang)))
    figures = [e for e in elements(reader) if e["/S"] == "/Figure"]
    assert figures and all(str(f.get("/Alt", "")).strip() for f in figures)
    facts = network_facts(Lookup(example(name), decks()), scenario, lang)
    alt = str(figures[0]["/Alt"])
    assert all(node.label[:40] in alt for node in facts.nodes)
    assert all(f"{edge.number}. " in alt for edge in facts.edges)


# -- flows apart in grey --------------------------------------------------------------------


def _grey_page(tmp_path: Path, types: tuple[str, ...]) -> tuple[list[bytes], float]:
    """The network drawn with one flow of each type between two actors side by side,
    rendered in grey at 600 dpi; returns the rows of pixels and pixels per mm."""
    pdf = ExportPDF(lang="fr", title="grey", author="test")
    pdf.add_page()
    nodes = [Node("a", "A", "city", 0.0, 0.0), Node("b", "B", "operator", 1.0, 0.0)]
    edges = [Edge(i + 1, "a", "b", flow, "") for i, flow in enumerate(types)]
    network_drawing.draw_network(pdf, nodes, edges, 18, 18, 174, 40)
    path = tmp_path / "grey.pdf"
    path.write_bytes(bytes(pdf.output()))
    subprocess.run(
        [
            poppler("pdftoppm"),
            "-gray",
            "-r",
            "600",
            "-f",
            "1",
            "-l",
            "1",
            str(path),
            str(tmp_path / "g"),
        ],
        check=True,
        timeout=120,
    )
    (image,) = tmp_path.glob("g*.pgm")
    data = image.read_bytes()
    magic, width, height, _, pixels = data.split(maxsplit=4)
    assert magic == b"P5"
    w, h = int(width), int(height)
    return [pixels[r * w : (r + 1) * w] for r in range(h)], w / 210.0


def _stroke_signature(rows: list[bytes], px_mm: float, y_mm: float) -> tuple[float, float]:
    """Along the arrow at ``y_mm`` (between 75 % and 95 % of its length, away from its
    number): the share of the length inked, and the line's thickness in pixels."""
    band = range(round((y_mm - 1.4) * px_mm), round((y_mm + 1.4) * px_mm))
    inked, thickness = 0, []
    columns = range(round(131 * px_mm), round(150 * px_mm))
    for x in columns:
        dark = sum(1 for r in band if rows[r][x] < 170)
        if dark:
            inked += 1
            thickness.append(dark)
    thickness.sort()
    return inked / len(columns), float(thickness[len(thickness) // 2]) if thickness else 0.0


def test_the_flow_types_stay_apart_when_printed_in_grey(tmp_path: Path) -> None:
    """Personal data, consent and service differ by their stroke (dashes, width), not by
    their colour only: rendered in grey, their lines measure differently."""
    types = ("personal_data", "consent", "service")
    rows, px_mm = _grey_page(tmp_path, types)
    # Three flows between the same two actors are drawn 3.2 mm apart around the middle.
    signatures = {
        flow: _stroke_signature(rows, px_mm, 38 + (i - 1) * 3.2) for i, flow in enumerate(types)
    }
    assert all(thickness > 0 for _, thickness in signatures.values()), signatures
    for a in types:
        for b in types:
            if a < b:
                (ink_a, thick_a), (ink_b, thick_b) = signatures[a], signatures[b]
                apart = abs(ink_a - ink_b) > 0.2 or max(thick_a, thick_b) > 1.5 * min(
                    thick_a, thick_b
                )
                assert apart, (a, b, signatures)


# -- layout: orphan headings, cut text --------------------------------------------------------


def text_runs(page: Any) -> list[tuple[float, float, bool, str]]:
    """(height from the page's foot in mm, size in pt, bold, text) of each text run."""
    runs: list[tuple[float, float, bool, str]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip() and font is not None:
            bold = "Bold" in str(font.get("/BaseFont", ""))
            runs.append((tm[5] * 25.4 / 72, size * tm[3], bold, text.strip()))

    page.extract_text(visitor_text=visit)
    return runs


def orphans(pdf: bytes) -> list[tuple[int, str]]:
    """Headings (bold, 10.5 pt or more) with no body text under them on their page."""
    found = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        body = [r for r in text_runs(page) if 18 <= r[0] <= 297 - 15]
        headings = [r for r in body if r[2] and r[1] >= 10.4]
        if not headings:
            continue
        lowest = min(r[0] for r in headings)
        if not any(r[0] < lowest - 0.5 for r in body if r not in headings):
            found.append((number, min(headings)[3]))
    return found


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_heading_is_left_alone_at_the_foot_of_a_page(name: str) -> None:
    documents = {f"report-{lang}": report(name, lang) for lang in ("fr", "en")}
    for scenario in example(name).scenarios:
        for lang in ("fr", "en"):
            documents[f"{scenario.id}-{lang}"] = dossier(name, scenario.id, lang)
    found = {doc: orphans(pdf) for doc, pdf in documents.items()}
    assert {doc: pages for doc, pages in found.items() if pages} == {}


@pytest.mark.parametrize("room", [40.0, 70.0])
def test_a_heading_at_the_foot_of_a_page_moves_to_the_next_with_its_text(room: float) -> None:
    """With 40 mm left, the sub-heading does not fit under the heading; with 70 mm, both
    headings fit but the table's first row (about 60 mm) does not: either way both headings
    are taken back and drawn again on the next page, once in the tree and the outline."""
    pdf = ExportPDF(lang="fr", title="orphan", author="test")
    pdf.add_page()
    pdf.set_y(pdf.page_break_trigger - room)
    pdf.heading("Section", 1)
    pdf.heading("Sous-section", 3)
    pdf.data_table(["A", "B"], [["Ligne " * 200, "x"], ["y", "z"]], widths=(80, 20))
    data = bytes(pdf.output())
    reader = PdfReader(io.BytesIO(data))
    assert "Section" not in reader.pages[0].extract_text()
    assert "Section" in reader.pages[1].extract_text()
    assert orphans(data) == []
    headings = [str(e["/S"]) for e in elements(reader) if str(e["/S"]).startswith("/H")]
    assert headings == ["/H1", "/H2"]  # the first heading is the top level
    assert [item.title for item in reader.outline] == ["Section"]
    assert_parent_tree_matches(reader)  # the taken-back headings left nothing behind


def words(text: str) -> list[str]:
    return text.replace("\u00ad", "").split()


def contains_in_order(haystack: list[str], needle: list[str]) -> bool:
    it = iter(haystack)
    return all(any(word == got for got in it) for word in needle)


@pytest.mark.parametrize("name", EXAMPLES)
def test_a_tied_rank_is_never_split_over_two_lines(name: str) -> None:
    texts = [PdfReader(io.BytesIO(report(name, "fr"))).pages[p].extract_text() for p in (1, 2)]
    texts += [
        PdfReader(io.BytesIO(dossier(name, s.id, "fr"))).pages[0].extract_text()
        for s in example(name).scenarios
    ]
    text = "\n".join(texts)
    assert not re.search(r"\bex\s*\n\s*æquo", text)
    if name == "la_rochelle":  # two scenarios share the second place
        assert re.search(r"2e\sex\sæquo", text)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_governance_cards_are_printed_whole_at_8_pt_or_more(lang: str) -> None:
    # in the order the cards are drawn (pdftotext reads two cards side by side across)
    reader = PdfReader(io.BytesIO(deck(lang)))
    tokens = words("\n".join(page.extract_text() for page in reader.pages))
    for model in decks().governance_models:
        face = model_face(model, lang)
        for block in face.blocks:
            text = fr_punctuation(block.text) if lang == "fr" else block.text
            assert contains_in_order(tokens, words(text)), (model.id, block.label)
        assert contains_in_order(tokens, words("; ".join(model.sources))), model.id
    sizes = [size for page in reader.pages[1:] for _, size, _, _ in text_runs(page)]
    assert sizes and min(sizes) >= 8


def test_a_hostile_title_reaches_the_structure_tree_as_printed() -> None:
    """What a screen reader is given (headings' titles, alt texts) is cleaned like the
    printed text: no bidi override, no control character, French typography."""
    workshop = example("la_rochelle")
    first = workshop.scenarios[0].model_copy(
        update={"title": "\u202e<script>x</script> \x00\x1b[31m Qui ? « Nous »"}
    )
    hostile = workshop.model_copy(update={"scenarios": [first, *workshop.scenarios[1:]]})
    reader = PdfReader(io.BytesIO(scenario_dossier(hostile, decks(), first.id, "fr")))
    spoken = [str(e.get("/T", "")) + str(e.get("/Alt", "")) for e in elements(reader)]
    assert any("<script>x</script>" in text for text in spoken)
    assert not any(c in text for text in spoken for c in "\u202e\x00\x1b")
    assert any("Qui\u202f? «\u202fNous\u202f»" in text for text in spoken)
