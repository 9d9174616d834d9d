"""The export screen's files, built only when someone clicks a download button.

Each builder takes what it needs as arguments and returns a zero-argument callable for
``st.download_button(data=…)``: Streamlit calls it on the click, on a thread of its own,
so a rerun never pays for a PDF nobody asked for. Who may download what is decided by
:mod:`selfdata.domain.visibility` (:func:`~selfdata.domain.visibility.may_download_report`),
checked when the page is drawn and again when the file is built (the workshop file and the
dossiers need the secret).

Decision (documented in the README): participants may download the **workshop report**
once the facilitator has revealed the ``export`` step or the ``scenarios`` step (the report
shows the ranking, so it follows the ranking's reveal); it never names pseudonyms for them.
The facilitator's report names them only when the workshop is not anonymous (the console's
"show pseudonyms", stored with the workshop).
Scenario dossiers, the card deck and the workshop file are the facilitator's.
"""

from __future__ import annotations

from collections.abc import Callable

from selfdata.app import outcomes, services
from selfdata.domain.cards import Decks
from selfdata.domain.viewer import Role
from selfdata.domain.visibility import documents_name_pseudonyms
from selfdata.domain.workshop import Workshop
from selfdata.export import card_deck, scenario_dossier, workshop_report
from selfdata.export.deck import workshop_decks
from selfdata.export.names import deck_filename, dossier_filename, report_filename, slug
from selfdata.files.loading import dump_workshop
from selfdata.store import Store

PDF = "application/pdf"
YAML = "application/x-yaml"


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
    token: str | None = None,
) -> Callable[[], bytes]:
    """The report; with the secret (facilitator) it names pseudonyms when the workshop does
    (its anonymous mode off), with a participant's token (once
    :func:`~selfdata.domain.visibility.may_download_report` allows it, checked again on the
    click) it never does."""

    def build() -> bytes:
        workshop = outcomes.report_workshop(store, code, token=token, secret=secret)
        role: Role = "facilitator" if secret is not None else "participant"
        names = documents_name_pseudonyms(role, workshop.settings.show_pseudonyms)
        return workshop_report(workshop, decks, lang, show_pseudonyms=names)

    return build


def weights_problem(
    store: Store, code: str, lang: str, *, token: str | None = None, secret: str | None = None
) -> str | None:
    """Why the report and the dossiers cannot be built (every criterion weighs 0, as
    ``export`` on the command line refuses), in ``lang``; ``None`` when they can."""
    from selfdata.engines.ranking import ZeroWeightsError

    criteria = services.scenario_ratings(store, code, token, secret=secret, light=True).criteria
    if criteria and sum(c.weight for c in criteria) <= 0:
        return ZeroWeightsError().message(lang)
    return None


def deck(
    decks: Decks, lang: str, store: Store | None = None, code: str = "", secret: str = ""
) -> Callable[[], bytes]:
    """The printable deck: the workshop's own cards (its table and its own deck, each
    card from the city's file or the room marked so) when a workshop is given."""

    def build() -> bytes:
        if store is None:
            return card_deck(decks, lang)
        workshop = services.export_workshop(store, code, secret, ratings=False)
        return card_deck(workshop_decks(workshop, decks), lang)

    return build


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
