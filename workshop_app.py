"""Atelier Self Data — entry point (``streamlit run workshop_app.py``).

For now: the home page and a browser of the card decks. The workshop steps arrive as pages
of their own; this file stays the only place, with ``selfdata/ui`` and ``pages/``, that
imports Streamlit.
"""

from __future__ import annotations

import re

import streamlit as st
from pydantic import BaseModel

from selfdata.cards import Card, I18nText
from selfdata.loading import FileFormatError, default_decks

DECK_LABELS: dict[str, tuple[str, str]] = {
    "data_sources": ("Sources de données", "Data sources"),
    "needs": ("Besoins", "Needs"),
    "governance_models": ("Modèles de gouvernance", "Governance models"),
    "governance_questions": ("Questions de gouvernance", "Governance questions"),
    "governance_traits": ("Critères de gouvernance", "Governance traits"),
    "actors": ("Acteurs", "Actors"),
    "criteria": ("Critères de notation", "Rating criteria"),
    "cities": ("Territoires inspirants", "Territories to learn from"),
    "steps": ("Étapes de l’atelier", "Workshop steps"),
    "themes": ("Thèmes", "Themes"),
    "data_categories": ("Catégories de données", "Data categories"),
}
MAIN_TEXT = ("description", "summary", "purpose", "what", "help")
UI: dict[str, tuple[str, str]] = {
    "intro": (
        "Une boîte à outils d’atelier pour préparer une expérimentation **Self Data** "
        "territoriale : rendre aux habitants les données personnelles que la collectivité et "
        "ses opérateurs détiennent sur eux, pour qu’ils s’en servent à leurs propres fins. "
        "Inventaire des données, besoins, cas d’usage, gouvernance, réseau de valeur, "
        "scénarios notés et dossiers PDF : la méthode du *Kit Self Data Territorial* "
        "(Fing, 2019).",
        "A workshop toolkit to prepare a territorial **Self Data** experiment: giving residents "
        "back the personal data that the city and its operators hold about them, for their own "
        "purposes. Data inventory, needs, use cases, governance, value network, rated "
        "scenarios and PDF dossiers: the method of the Fing's *Kit Self Data Territorial* "
        "(2019).",
    ),
    "decks": ("Les cartes", "The cards"),
    "filter": ("Filtrer les cartes", "Filter the cards"),
    "count": ("{n} carte(s)", "{n} card(s)"),
    "details": ("Détails", "Details"),
    "broken": ("Les cartes ne se chargent pas :", "The cards do not load:"),
}
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def plain(text: str) -> str:
    """Card text shown as text: Markdown characters escaped."""
    return _MARKDOWN.sub(r"\\\1", text)


def say(key: str, lang: str) -> str:
    fr, en = UI[key]
    return en if lang == "en" else fr


def card_text(card: Card, lang: str) -> str:
    """All of a card's words in one language, for the filter."""
    parts = [card.id]
    for value in card.__dict__.values():
        items = value if isinstance(value, list) else [value]
        parts += [v.get(lang) if isinstance(v, I18nText) else str(v) for v in items]
    return " ".join(parts).lower()


def show_card(card: Card, lang: str) -> None:
    with st.container(border=True):
        st.markdown(f"**{plain(card.title.get(lang))}**")
        main = next((getattr(card, f) for f in MAIN_TEXT if getattr(card, f, None)), None)
        if isinstance(main, I18nText):
            st.markdown(plain(main.get(lang)))
        with st.expander(say("details", lang)):
            for name, value in card.__dict__.items():
                if name in ("title", *MAIN_TEXT) or value in (None, [], {}):
                    continue
                if isinstance(value, I18nText):
                    shown = value.get(lang)
                elif isinstance(value, BaseModel):
                    continue  # nested structures (network templates) have their own pages
                elif isinstance(value, list):
                    shown = ", ".join(
                        v.get(lang) if isinstance(v, I18nText) else str(v) for v in value
                    )
                elif isinstance(value, dict):
                    shown = ", ".join(f"{k}: {v}" for k, v in value.items())
                else:
                    shown = str(value)
                st.markdown(f"`{name}` — {plain(shown)}")


def main() -> None:
    st.set_page_config(page_title="Atelier Self Data", page_icon="🗂️", layout="wide")
    lang = "en" if st.sidebar.toggle("English", key="home_lang_en") else "fr"
    st.title("Atelier Self Data")
    st.markdown(say("intro", lang))
    try:
        decks = default_decks()
    except FileFormatError as exc:
        st.error(say("broken", lang))
        st.code("\n".join(str(p) for p in exc.problems), language=None)
        return
    st.header(say("decks", lang))
    query = st.text_input(say("filter", lang), key="home_filter").strip().lower()
    kinds = list(DECK_LABELS)
    tabs = st.tabs([DECK_LABELS[k][1 if lang == "en" else 0] for k in kinds])
    for kind, tab in zip(kinds, tabs, strict=True):
        with tab:
            cards: list[Card] = list(getattr(decks, kind))
            shown = [c for c in cards if not query or query in card_text(c, lang)]
            st.caption(say("count", lang).format(n=len(shown)))
            for card in shown:
                show_card(card, lang)


main()
