"""A tagged PDF's structure tree, nested, for screen readers (PDF 1.7 § 14.7–14.8).

fpdf2 writes a flat tree (a /Document with one /Figure per image) and marks nothing else.
:class:`TagTree` keeps fpdf2's objects (``StructElem``, the parent tree) and nests them:
/Document → H1…H6, P, L/LI/Lbl/LBody, Table/TR/TH/TD, Figure with its /Alt. A leaf element
may run over several pages (a long paragraph): its first page's content is referred to by
marked-content id, the following pages' by a marked-content reference (/MCR) dictionary.

The PDF class (:class:`selfdata.export.pdf_base.ExportPDF`) opens and closes the marked
content in its page stream; this module only keeps the tree. The contents of fpdf2's
``structure_tree`` are internal to fpdf2: ``tests/integration/test_pdf_accessibility.py``
reads the tree back with pypdf, so a change in fpdf2 shows there.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fpdf.structure_tree import StructElem, StructureTreeBuilder
from fpdf.syntax import PDFObject


class MarkedContentRef:
    """A ``<</Type /MCR /Pg … /MCID …>>`` kid: content of an element on another page."""

    def __init__(self, page: PDFObject, mcid: int) -> None:
        self.page = page
        self.mcid = mcid

    def serialize(self, _security_handler: Any = None, _obj_id: Any = None) -> str:
        return f"<</Type /MCR /Pg {self.page.ref} /MCID {self.mcid}>>"


class TagTree(StructureTreeBuilder):
    """fpdf2's structure tree builder, nested: new elements go under the open group."""

    def __init__(self) -> None:
        super().__init__()
        self.groups: list[StructElem] = [self.doc_struct_elem]
        self._next_mcid: dict[int, int] = {}

    def element(
        self,
        struct_type: str,
        page_number: int,
        page: PDFObject,
        *,
        alt: str | None = None,
        title: str | None = None,
    ) -> StructElem:
        """A new element, child of the innermost open group, starting on ``page``."""
        parent = self.groups[-1]
        elem = StructElem(
            struct_type=struct_type,
            parent=parent,
            kids=[],
            page_number=page_number,
            title=title,
            alt=alt,
        )
        elem.pg = page  # type: ignore[assignment]  # fpdf2 types it None until output
        parent.k.append(elem)
        return elem

    def struct_parents(self, page_number: int) -> int:
        """The page's key in the parent tree (its /StructParents)."""
        spid = self.spid_per_page_number.get(page_number)
        if spid is None:
            spid = len(self.spid_per_page_number)
            self.spid_per_page_number[page_number] = spid
        return spid

    def mark(self, elem: StructElem, page_number: int, page: PDFObject) -> int:
        """A new marked-content id on the page, whose content belongs to ``elem``."""
        mcid = self._next_mcid.get(page_number, 0)
        self._next_mcid[page_number] = mcid + 1
        elem.k.append(mcid if elem.pg is page else MarkedContentRef(page, mcid))
        self.struct_tree_root.parent_tree.nums[self.struct_parents(page_number)].append(elem)
        return mcid

    def unmark(self, elem: StructElem, page_number: int) -> None:
        """Take back ``elem``, the last content marked on the page (a heading moved on)."""
        parent = elem.p
        if isinstance(parent, StructElem) and elem in parent.k:
            parent.k.remove(elem)
        spid = self.struct_parents(page_number)
        nums = self.struct_tree_root.parent_tree.nums[spid]
        while nums and nums[-1] is elem:
            nums.pop()
            self._next_mcid[page_number] -= 1

    # -- fpdf2's own entry points (an image's alt text, fpdf2's marked sequences) ----------

    def next_mcid_for_page(self, page_number: int) -> int:
        return self._next_mcid.get(page_number, 0)

    def add_marked_content(
        self,
        page_number: int,
        struct_type: str,
        mcid: int | None = None,
        title: str | None = None,
        alt_text: str | None = None,
    ) -> tuple[StructElem, int]:
        parent = self.groups[-1]
        elem = StructElem(
            struct_type=struct_type,
            parent=parent,
            kids=[],
            page_number=page_number,
            title=title,
            alt=alt_text,
        )
        parent.k.append(elem)
        spid = self.struct_parents(page_number)
        if mcid is not None:
            self._next_mcid[page_number] = mcid + 1
            elem.k.append(mcid)
            self.struct_tree_root.parent_tree.nums[spid].append(elem)
        return elem, spid

    # -- output -------------------------------------------------------------------------

    def empty(self) -> bool:
        return not self.doc_struct_elem.k

    def __iter__(self) -> Iterator[PDFObject]:
        yield self.struct_tree_root
        yield self.doc_struct_elem
        yield self.struct_tree_root.parent_tree
        yield from _descendants(self.doc_struct_elem)


def _descendants(elem: StructElem) -> Iterator[StructElem]:
    for kid in elem.k:
        if isinstance(kid, StructElem):
            yield kid
            yield from _descendants(kid)
