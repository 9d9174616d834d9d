"""A city's GDPR processing register brought into the room in a real browser (issue 26):
the facilitator uploads it as the city keeps it (CNIL layout, Windows-1252 CSV with ``;``,
then the same register as XLSX, extra columns included) on the preparation page, with no
refusal; qualifies what the register does not say; a use case and a scenario are built on
it; the dossier downloaded from the export page prints the register's legal basis and
retention period. No page may log a console error."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import pytest

from selfdata.app import services
from selfdata.i18n import t
from selfdata.store import Store
from tests.e2e.conftest import DESKTOP, ConsoleLog, Server, pick_option
from tests.register_fixture import register_csv, register_xlsx

pytestmark = pytest.mark.e2e

LOAD_MS = 90_000
NBSP = "\u00a0"


def fr(key: str, **values: object) -> str:
    return t(key, "fr", **values)


@pytest.fixture
def facilitator(server: Server, browser: Any) -> Iterator[tuple[Any, str, str, ConsoleLog]]:
    from playwright.sync_api import expect

    expect.set_options(timeout=LOAD_MS)
    store = Store(f"sqlite:///{server.db}")
    try:
        created = services.create_workshop(
            store, title="Atelier de Saint-Aubin", territory="Saint-Aubin-sur-Loire", theme="social"
        )
    finally:
        store.dispose()
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.set_default_timeout(LOAD_MS)
    console = ConsoleLog()
    console.watch(page, "prepare")
    yield page, created.code, created.secret, console
    context.close()


def _upload(page: Any, name: str, content: bytes) -> None:
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[{"name": name, "mimeType": "application/octet-stream", "buffer": content}]
    )


def _add_register(page: Any, name: str, content: bytes) -> None:
    from playwright.sync_api import expect

    _upload(page, name, content)
    expect(page.get_by_text(fr("prepare.inventory_preview", n=9))).to_be_visible()
    expect(page.get_by_text(fr("prepare.mapping_header"))).to_be_visible()
    expect(page.get_by_text(re.compile("rien n’a été enregistré"))).to_have_count(0)
    button = page.get_by_role("button", name=fr("prepare.inventory_button", n=9))
    button.click()
    expect(page.get_by_text(fr("prepare.inventory_done", n=9))).to_be_visible()


def _choose(page: Any, label: str, option: str) -> None:
    """Type the option's first letters in the select box and take it (see
    :func:`pick_option`: each choice reruns the page)."""
    from playwright.sync_api import expect

    box = page.get_by_role("combobox", name=label, exact=True)
    pick_option(page, box, option, typed=option[:6])
    expect(page.get_by_role("listbox")).to_have_count(0)


def test_a_cnil_register_in_csv_and_xlsx_reaches_the_dossier_with_its_legal_basis(
    server: Server, facilitator: tuple[Any, str, str, ConsoleLog]
) -> None:
    from playwright.sync_api import expect
    from pypdf import PdfReader

    page, code, secret, console = facilitator
    query = f"code={code}&secret={secret}"
    page.goto(f"{server.base_url}/prepare?{query}")
    expect(page.get_by_role("heading", name=fr("prepare.inventory_header"))).to_be_visible()

    # 1. the register as the city keeps it: Windows-1252, ";", extra columns — on the table
    _add_register(page, "registre.csv", register_csv())
    # 2. the same register as a workbook — into the workshop's own deck
    page.get_by_text(fr("prepare.target.deck")).click()
    _add_register(page, "registre.xlsx", register_xlsx())

    # 3. what the register does not say is to be qualified, in bulk
    expect(page.get_by_text(fr("qualify.kind.sources", n=18))).to_be_visible()
    _choose(page, fr("qualify.label.access"), "sur demande ou au guichet")
    _choose(page, fr("qualify.label.sensitivity"), "élevée")
    _choose(page, fr("qualify.label.holder_kind"), "commune ou métropole")
    try:
        page.get_by_role("button", name=fr("qualify.apply", n=18)).click(timeout=20000)
    except Exception:
        page.screenshot(path="/tmp/e2e26.png", full_page=True)
        raise
    expect(page.get_by_text(fr("qualify.done", n=18))).to_be_visible()

    store = Store(f"sqlite:///{server.db}")
    try:
        sources = services.inventory(store, code, secret=secret).sources
        assert len(sources) == 9
        assert all(s.card and s.card.access == "on_request" for s in sources)
        # 4. a use case and a scenario on the CCTV processing
        services.add_need(store, code, secret, card_id="know_what_the_city_holds")
        case = services.create_use_case(
            store,
            code,
            secret,
            title="Voir ses images",
            need="know_what_the_city_holds",
            sources=["videoprotection_de_la_voie_publique"],
        )
        services.create_scenario(
            store,
            code,
            secret,
            services.ScenarioDraft(
                title="Droit d’accès aux images",
                use_case=case,
                model="direct_transfer",
                residents=200,
                duration_months=6,
            ),
        )
    finally:
        store.dispose()

    # 5. the dossier, downloaded and read back
    page.goto(f"{server.base_url}/export?{query}")
    expect(page.get_by_role("heading", name=fr("export.title"))).to_be_visible()
    with page.expect_download() as download:
        page.locator(".st-key-export_dossier_download button").click()
    assert download.value.suggested_filename.endswith(".pdf")
    pdf = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    assert "Droit d’accès aux images" in text
    assert "Base légale (registre de la ville)" in text
    assert "Code de la sécurité intérieure, art. L.251-2" in text
    assert "Durée de conservation (registre de la ville)" in text
    plain = re.sub(r"[\u202f\u00a0 ]+", " ", text)
    assert re.search(r"Vidéoprotection de la voie publique ?: 30 jours", plain), plain[-3000:]
    assert console.errors == [], console.errors
