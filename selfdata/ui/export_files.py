"""The export screen's files, built only when someone clicks a download button.

Each builder takes what it needs as arguments and returns a zero-argument callable for
``st.download_button(data=…)``: Streamlit calls it on the click, on a thread of its own,
so a rerun never pays for a PDF nobody asked for. Who may download what is decided here,
in :func:`participant_may_download_report`, and checked again by the services (the
workshop file needs the secret).

Decision (documented in the README): participants may download the **workshop report**
once the facilitator has revealed the ``export`` step or the ``scenarios`` step (the report
shows the ranking, so it follows the ranking's reveal); it never names pseudonyms for them.
Scenario dossiers, the card deck and the workshop file are the facilitator's.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from selfdata import services
from selfdata.cards import Decks
from selfdata.export import card_deck, scenario_dossier, workshop_report
from selfdata.export.names import deck_filename, dossier_filename, report_filename, slug
from selfdata.loading import dump_workshop
from selfdata.store import Store
from selfdata.workshop import Workshop

PDF = "application/pdf"
YAML = "application/x-yaml"


def participant_may_download_report(revealed: Collection[str]) -> bool:
    return "export" in revealed or "scenarios" in revealed


def dossier(
    store: Store, code: str, secret: str, decks: Decks, scenario_id: str, lang: str
) -> Callable[[], bytes]:
    def build() -> bytes:
        workshop = services.export_workshop(store, code, secret)
        return scenario_dossier(workshop, decks, scenario_id, lang)

    return build


def report(
    store: Store,
    code: str,
    secret: str | None,
    decks: Decks,
    lang: str,
    *,
    show_pseudonyms: bool = False,
) -> Callable[[], bytes]:
    """The report; with the secret (facilitator) pseudonyms may be shown, without it
    (a participant, after the reveal) they never are."""

    def build() -> bytes:
        if secret is not None:
            workshop = services.export_workshop(store, code, secret)
            names = show_pseudonyms
        else:
            workshop = services.workshop_snapshot(store, code)
            names = False
        return workshop_report(workshop, decks, lang, show_pseudonyms=names)

    return build


def deck(decks: Decks, lang: str) -> Callable[[], bytes]:
    return lambda: card_deck(decks, lang)


def workshop_file(store: Store, code: str, secret: str) -> Callable[[], bytes]:
    """The whole workshop as a portable YAML file (no participant tokens)."""
    return lambda: dump_workshop(services.export_workshop(store, code, secret)).encode("utf-8")


def file_names(title: str, lang: str) -> dict[str, str]:
    """File names of the report, the deck and the workshop file for a workshop titled
    ``title`` (the export package's naming rules; dossiers: :func:`dossier_name`)."""
    named = _named(title)
    return {
        "report": report_filename(named, lang),
        "deck": deck_filename(lang),
        "workshop": f"{slug(title)}.selfdata.yaml",
    }


def dossier_name(title: str, scenario_id: str, lang: str) -> str:
    return dossier_filename(_named(title), scenario_id, lang)


def _named(title: str) -> Workshop:
    """A stand-in workshop for the naming functions, which only read the title."""
    return Workshop(title=title, territory=title, theme="x")
