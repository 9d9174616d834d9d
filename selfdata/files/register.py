"""A city's GDPR processing register read as it is: the words a register uses.

A French city keeps its register of processing activities (RGPD art. 30) in the CNIL's
layout — *Nom du traitement, Responsable de traitement, Finalité(s), Base légale,
Catégories de personnes concernées, Catégories de données, Destinataires, Durée de
conservation, Mesures de sécurité* — or in the CNIL's own template, or as an export of an
open-source register tool. :func:`register_target` names the card field a header feeds,
whatever its accents, case, spacing or plural; :func:`category_ids` finds the deck's data
categories in a register's free text. Anything else a register holds is kept on the card
(``register_notes``), with a warning, never a refusal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

TARGETS: tuple[str, ...] = (
    "title",
    "holder",
    "description",
    "purpose",
    "legal_basis",
    "data_subjects",
    "register_categories",
    "recipients",
    "retention",
    "register_notes",
    "ignore",
)
"""What a register's column can feed, besides the template's own columns: texts of the card,
the register's free-text data categories, the notes kept as they are, or nothing."""

REGISTER_ONLY: frozenset[str] = frozenset(
    {"purpose", "legal_basis", "data_subjects", "recipients", "retention", "register_categories"}
)
"""A sheet with one of these columns is a register: its free texts warn, never refuse."""


def header_key(header: str) -> str:
    """A header reduced to compare: no accents, no case, no ``(s)``, words singular."""
    plain = unicodedata.normalize("NFKD", header).encode("ascii", "ignore").decode("ascii")
    plain = re.sub(r"\(\s*s\s*\)", "", plain.casefold())
    words = re.sub(r"[^a-z0-9]+", " ", plain).split()
    return " ".join(w[:-1] if len(w) > 3 and w[-1] in "sx" else w for w in words)


_ALIASES: dict[str, list[str]] = {
    "title": [
        "nom du traitement",
        "nom traitement",
        "nom ou sigle du traitement",
        "nom sigle",
        "nom",
        "traitement",
        "intitule du traitement",
        "intitule",
        "denomination du traitement",
        "activite de traitement",
        "processing",
        "processing name",
        "name of the processing",
        "processing activity",
        "name",
    ],
    "holder": [
        "responsable de traitement",
        "responsable du traitement",
        "responsable",
        "responsable de traitement conjoint",
        "service",
        "service responsable",
        "service gestionnaire",
        "direction",
        "direction service",
        "entite",
        "organisme",
        "controller",
        "data controller",
    ],
    "description": ["description du traitement", "description", "objet"],
    "purpose": [
        "finalite",
        "finalite du traitement",
        "finalite du traitement effectue",
        "finalite principale",
        "objectif",
        "purpose",
        "purpose of the processing",
    ],
    "legal_basis": [
        "base legale",
        "base juridique",
        "base legale du traitement",
        "fondement juridique",
        "fondement legal",
        "liceite",
        "legal basis",
        "lawful basis",
    ],
    "data_subjects": [
        "categorie de personne concernee",
        "personne concernee",
        "categorie de personne",
        "data subject",
        "categorie of data subject",
    ],
    "register_categories": [
        "categorie de donnee",
        "categorie de donnee personnelle",
        "categorie de donnee personnelle concernee",
        "categorie de donnee traitee",
        "donnee traitee",
        "donnee collectee",
        "donnee personnelle",
        "categorie of personal data",
        "personal data categorie",
        "data categorie",
    ],
    "recipients": [
        "destinataire",
        "categorie de destinataire",
        "destinataire de donnee",
        "recipient",
        "categorie of recipient",
    ],
    "retention": [
        "duree de conservation",
        "duree de conservation de donnee",
        "duree de conservation des donnee",
        "delai de conservation",
        "delai d effacement",
        "delai d effacement prevu",
        "conservation",
        "retention",
        "retention period",
        "time limit for erasure",
    ],
    "register_notes": [
        "mesure de securite",
        "mesure de securite technique et organisationnelle",
        "securite",
        "transfert hors ue",
        "transfert hors union europeenne",
        "transfert de donnee hors ue",
        "transfert",
        "security measure",
        "transfer outside the eu",
    ],
}
_BY_KEY: dict[str, str] = {
    header_key(alias): target for target, aliases in _ALIASES.items() for alias in aliases
}


def register_target(header: str) -> str | None:
    """The card field a register's column feeds (one of :data:`TARGETS`), or None."""
    return _BY_KEY.get(header_key(header))


_CATEGORY_WORDS: dict[str, list[str]] = {
    "images_video": ["image", "video", "camera", "photo", "videoprotection", "videosurveillance"],
    "identity": ["etat civil", "identite", "nom", "prenom", "naissance", "filiation", "identity"],
    "contact_details": [
        "coordonnee",
        "adresse",
        "telephone",
        "courriel",
        "mail",
        "contact",
    ],
    "payments": ["bancaire", "paiement", "rib", "iban", "facturation", "payment", "bank"],
    "income": ["revenu", "quotient familial", "ressource", "imposition", "income"],
    "health": ["sante", "handicap", "medical", "health"],
    "household_composition": ["situation familiale", "composition du foyer", "enfant", "famille"],
    "social_aid_file": ["aide sociale", "action sociale", "social"],
    "library_loans": ["pret", "emprunt", "lecteur", "loan"],
    "school_bookings": ["scolaire", "cantine", "periscolaire", "school"],
    "leisure_bookings": ["piscine", "loisir", "sport", "leisure"],
    "trip_traces": ["geolocalisation", "localisation", "location"],
}


def category_ids(text_: str, known: Iterable[tuple[str, str, str]]) -> list[str]:
    """The deck's data categories a register's free text names: by id or title
    (``known``: id, French title, English title), else by a few words registers use
    ("vidéo", "état civil", "coordonnées"…). In the order found, each once."""
    parts = [header_key(p) for p in re.split(r"[,;/\n]|\bet\b|\band\b", text_) if p.strip()]
    cards = list(known)
    ids = {c[0] for c in cards}
    found: list[str] = []
    for part in parts:
        match = next(
            (c[0] for c in cards if part in (header_key(c[0]), header_key(c[1]), header_key(c[2]))),
            None,
        )
        if match is None:
            match = next(
                (
                    cid
                    for cid, words in _CATEGORY_WORDS.items()
                    if cid in ids and any(re.search(rf"\b{header_key(w)}", part) for w in words)
                ),
                None,
            )
        if match is not None and match not in found:
            found.append(match)
    return found
