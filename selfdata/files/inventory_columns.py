"""The columns of an inventory spreadsheet, their words in French and English, and the
closed vocabularies they accept — what :mod:`selfdata.files.inventory` reads and writes.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

from selfdata.domain.cards import Card, DataSourceCard, NeedCard
from selfdata.files.spreadsheets import french
from selfdata.i18n import catalog, t

Kind = Literal["sources", "needs"]
KINDS: tuple[Kind, ...] = ("sources", "needs")

DECK_OF_KIND = {"sources": "data_sources", "needs": "needs"}
MODEL_OF_KIND: dict[str, type[DataSourceCard] | type[NeedCard]] = {
    "sources": DataSourceCard,
    "needs": NeedCard,
}

YES = ("oui", "yes", "true", "vrai", "1", "x")
NO = ("non", "no", "false", "faux", "0")


@dataclass(frozen=True)
class Column:
    """One column of an inventory sheet."""

    field: str
    how: str
    """``id``, ``text`` (the sheet's language), ``other`` (the other language), ``choice``,
    ``ids`` (deck ids), ``ease`` (1 to 3), ``bool``, ``lines`` (a list of texts) or
    ``choices`` (a list of codes; blank: not said, "aucune"/"none": an empty list)."""
    fr: str
    en: str
    help_fr: str
    help_en: str
    required: bool = False

    def header(self, lang: str) -> str:
        return self.en if lang == "en" else self.fr

    def help(self, lang: str) -> str:
        return self.help_en if lang == "en" else french(self.help_fr)


def _texts(
    field: str, fr: str, en: str, what_fr: str, what_en: str, required: bool
) -> list[Column]:
    return [
        Column(field, "text", fr, en, what_fr, what_en, required),
        Column(
            field,
            "other",
            f"{fr} (anglais)",
            f"{en} (French)",
            f"{what_fr}, en anglais ; vide : le même texte dans les deux langues",
            f"{what_en}, in French; empty: the same text in both languages",
        ),
    ]


_ID = Column(
    "id",
    "id",
    "Identifiant",
    "Id",
    "identifiant court (minuscules, chiffres, _ et -) ; vide : tiré du titre",
    "short id (lower-case letters, digits, _ and -); empty: made from the title",
)
_THEMES = Column(
    "themes",
    "ids",
    "Thèmes",
    "Themes",
    "thèmes, séparés par des virgules ; vide : à qualifier",
    "themes, comma-separated; empty: to be qualified",
)
_CATEGORIES = Column(
    "categories",
    "ids",
    "Catégories de données",
    "Data categories",
    "catégories de données, séparées par des virgules ; vide : à qualifier",
    "data categories, comma-separated; empty: to be qualified",
)
_SOURCES = Column(
    "sources",
    "lines",
    "Sources",
    "Sources",
    "d’où viennent ces informations (une par ligne, ou séparées par des ;)",
    "where the facts come from (one per line, or separated by ;)",
)

COLUMNS: dict[str, list[Column]] = {
    "sources": [
        _ID,
        *_texts(
            "title",
            "Titre",
            "Title",
            "nom de la source de données",
            "name of the data source",
            True,
        ),
        *_texts(
            "description",
            "Description",
            "Description",
            "ce que contiennent les données ; vide : la finalité, sinon le titre",
            "what the data holds; empty: the purpose, else the title",
            False,
        ),
        *_texts(
            "holder", "Détenteur", "Holder", "qui détient les données", "who holds the data", True
        ),
        Column(
            "holder_kind",
            "choice",
            "Type de détenteur",
            "Holder kind",
            "type de détenteur ; vide : à qualifier",
            "kind of holder; empty: to be qualified",
        ),
        _THEMES,
        _CATEGORIES,
        Column(
            "refresh",
            "choice",
            "Mise à jour",
            "Refresh",
            "fréquence de mise à jour ; vide : à qualifier",
            "how often it is updated; empty: to be qualified",
        ),
        Column(
            "access",
            "choice",
            "Accès",
            "Access",
            "comment l’habitant y accède aujourd’hui ; vide : à qualifier",
            "how residents reach it today; empty: to be qualified",
        ),
        Column(
            "ease",
            "ease",
            "Facilité d’accès",
            "Ease of access",
            "facilité d’accès : 1 difficile, 2 moyenne, 3 facile (ou ces mots) ; "
            "vide : à qualifier",
            "ease of access: 1 hard, 2 medium, 3 easy (or these words); empty: to be qualified",
        ),
        Column(
            "sensitivity",
            "choice",
            "Sensibilité",
            "Sensitivity",
            "sensibilité des données ; vide : à qualifier",
            "how sensitive the data is; empty: to be qualified",
        ),
        Column(
            "portability",
            "bool",
            "Portabilité RGPD",
            "GDPR portability",
            "le droit à la portabilité (RGPD art. 20) s’applique : oui ou non ; vide : à qualifier",
            "the portability right (GDPR art. 20) applies: yes or no; empty: to be qualified",
        ),
        Column(
            "reusable",
            "bool",
            "Réutilisable",
            "Reusable",
            "réutilisable : oui ou non (non pour l’état civil, les listes électorales…) ; "
            "vide : oui",
            "reusable: yes or no (no for civil registry, electoral roll…); empty: yes",
        ),
        *_texts(
            "legal_notes",
            "Notes juridiques",
            "Legal notes",
            "notes juridiques",
            "legal notes",
            False,
        ),
        *_texts("example", "Exemple", "Example", "un exemple d’usage", "an example of use", False),
        _SOURCES,
    ],
    "needs": [
        _ID,
        *_texts(
            "title", "Titre", "Title", "le besoin en quelques mots", "the need in a few words", True
        ),
        *_texts(
            "description",
            "Description",
            "Description",
            "le besoin expliqué",
            "the need explained",
            True,
        ),
        *_texts("persona", "Persona", "Persona", "qui a ce besoin", "who has this need", True),
        _THEMES,
        Column(
            "usage_family",
            "choice",
            "Famille d’usage",
            "Usage family",
            "famille d’usage des données personnelles (MyData) ; vide : à qualifier",
            "family of personal-data usage (MyData); empty: to be qualified",
        ),
        _CATEGORIES,
        Column(
            "automation",
            "choices",
            "Étapes automatiques",
            "Automated steps",
            "ce que le service calcule seul, séparé par des virgules (aucune, ou vide si on ne "
            "sait pas)",
            "what the service computes on its own, comma-separated (none, or blank if unknown)",
        ),
        Column(
            "vulnerable",
            "choices",
            "Personnes vulnérables",
            "Vulnerable people",
            "publics vulnérables concernés, séparés par des virgules (aucune, ou vide si on ne "
            "sait pas)",
            "vulnerable groups concerned, comma-separated (none, or blank if unknown)",
        ),
        _SOURCES,
    ],
}
NONE_WORDS = ("aucune", "aucun", "none")
"""What a ``choices`` cell says for an empty list (a blank cell is "not said")."""


def _register_text(field: str, fr: str, en: str) -> Column:
    return Column(field, "text", fr, en, fr, en)


REGISTER_COLUMNS: dict[str, Column] = {
    "purpose": _register_text("purpose", "Finalité", "Purpose"),
    "legal_basis": _register_text("legal_basis", "Base légale", "Legal basis"),
    "data_subjects": _register_text(
        "data_subjects", "Catégories de personnes concernées", "Data subjects"
    ),
    "recipients": _register_text("recipients", "Destinataires", "Recipients"),
    "retention": _register_text("retention", "Durée de conservation", "Retention period"),
    "register_categories": Column(
        "categories",
        "free_categories",
        "Catégories de données (texte du registre)",
        "Data categories (the register's text)",
        "",
        "",
    ),
    "register_notes": Column(
        "register_notes", "notes", "Autres colonnes (gardées)", "Other columns (kept)", "", ""
    ),
    "ignore": Column("ignore", "ignore", "Ignorée", "Ignored", "", ""),
}
"""What a register's column feeds when it is not one of the template's columns."""

EXAMPLE_MARKS = ("exemple", "example")
"""The template's example row carries this in its ``Identifiant``: it is never imported."""

SYNONYMS: dict[str, dict[str, list[str]]] = {
    "holder_kind": {
        "city": [
            "commune",
            "ville",
            "mairie",
            "métropole",
            "communauté de communes",
            "communauté d’agglomération",
            "communauté urbaine",
            "EPCI",
            "municipality",
        ],
        "local_authority": ["département", "région", "conseil départemental", "department"],
        "social_action_centre": [
            "CCAS",
            "CIAS",
            "centre communal d’action sociale",
            "centre intercommunal d’action sociale",
        ],
        "intercommunal_syndicate": ["syndicat", "syndicat mixte", "SIVU", "SIVOM", "syndicate"],
        "public_utility": [
            "régie",
        ],
    },
    "refresh": {
        "on_event": ["ponctuelle", "ponctuel", "à la demande", "événementielle", "occasional"],
        "yearly": [
            "annuel",
        ],
        "monthly": [
            "mensuel",
        ],
        "daily": [
            "quotidien",
        ],
        "weekly": [
            "hebdomadaire",
        ],
        "quarterly": [
            "trimestriel",
        ],
    },
    "access": {
        "on_request": ["sur demande", "au guichet", "guichet", "courrier", "on request", "desk"],
        "portal": ["espace client", "espace usager"],
    },
}
"""More words a city's file uses for a code ("Commune", "ponctuelle", "CCAS"…)."""

EASE_WORDS: dict[str, int] = {
    "difficile": 1,
    "hard": 1,
    "moyenne": 2,
    "moyen": 2,
    "medium": 2,
    "facile": 3,
    "easy": 3,
}
"""Ease of access in words, as the template's help defines them."""


def kind_words(kind: str, lang: str) -> str:
    """What a sheet of ``kind`` lists, in words (``files.kind.<kind>``)."""
    return t(f"files.kind.{kind}", lang)


def message(key: str, lang: str, **values: Any) -> str:
    """The message ``files.inventory.<key>`` of the i18n catalogue, filled with ``values``."""
    return t(f"files.inventory.{key}", lang, **values)


def did_you_mean(word: str, candidates: Sequence[str], lang: str) -> str:
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return message("did_you_mean", lang, value=close[0]) if close else ""


def norm(value: str) -> str:
    """Case, accents-as-composed, apostrophes and spaces made uniform for comparisons."""
    value = unicodedata.normalize("NFC", value).replace("’", "'").replace("\u00a0", " ")
    return " ".join(value.split()).casefold()


def codes(vocab: str) -> tuple[str, ...]:
    """The codes a closed-vocabulary column accepts: those of the card model's field."""
    for model in (DataSourceCard, NeedCard):
        info = model.model_fields.get(vocab)
        if info is not None:
            return tuple(str(code) for code in _literal_args(info.annotation))
    return tuple(vocabularies()[vocab])


def _literal_args(annotation: Any) -> tuple[Any, ...]:
    """The codes of ``Literal[...]``, also inside ``list[...]`` and ``... | None``."""
    args = get_args(annotation)
    if args and all(isinstance(a, str) for a in args):
        return args
    for inner in args:
        found = _literal_args(inner)
        if found:
            return found
    return ()


def words(vocab: str, code: str) -> tuple[str, str]:
    """(French, English) words of a code: the app's catalogue when it has them (the words
    printed on the cards, ``pdf.vocab.<vocab>.<code>``), else the code itself."""
    texts = catalog().get(f"pdf.vocab.{vocab}.{code}")
    if texts is not None:
        return texts["fr"], texts["en"]
    plain = code.replace("_", " ")
    return plain, plain


def vocabularies() -> dict[str, list[str]]:
    """The closed vocabularies the catalogue words (``pdf.vocab.<vocab>.<code>``)."""
    found: dict[str, list[str]] = {}
    for key in catalog():
        if key.startswith("pdf.vocab."):
            vocab, code = key[len("pdf.vocab.") :].rsplit(".", 1)
            found.setdefault(vocab, []).append(code)
    return found


def label(vocab: str, code: str, lang: str) -> str:
    fr, en = words(vocab, code)
    return en if lang == "en" else fr


def allowed_values(column: Column, lang: str, decks: Mapping[str, Sequence[Card]]) -> list[str]:
    """What a column accepts, in words, for the template's explanations."""
    if column.how in ("choice", "choices"):
        return [label(column.field, code, lang) for code in codes(column.field)]
    if column.how == "ids":
        cards = decks.get("themes" if column.field == "themes" else "data_categories", [])
        return [f"{c.id} ({c.title.get(lang)})" for c in cards]
    if column.how == "ease":
        return ["1", "2", "3"]
    if column.how == "bool":
        return ["oui", "non"] if lang == "fr" else ["yes", "no"]
    return []


@dataclass(frozen=True)
class ColumnUse:
    """What one column of the sheet feeds: ``target`` is a card field (``title``,
    ``access``…), a register field (:data:`~selfdata.files.register.TARGETS`), or
    ``register_notes`` (kept as it is on the card) / ``ignore``; ``known`` is False for a
    header nobody recognised (kept, with a warning)."""

    index: int
    header: str
    target: str
    label: str
    known: bool = True

    @property
    def letter(self) -> str:
        return _letter(self.index + 1)


def target_column(kind: str, target: str) -> Column | None:
    """The column a mapping target names: a template column's field, or a register one."""
    if target in REGISTER_COLUMNS:
        return REGISTER_COLUMNS[target]
    return next((c for c in COLUMNS[kind] if c.field == target and c.how != "other"), None)


def mapping_targets(kind: str) -> list[str]:
    """Every target a column may be mapped to, the template's first."""
    fields = list(dict.fromkeys(c.field for c in COLUMNS[kind]))
    extra = [t for t in REGISTER_COLUMNS if kind == "sources" or t in ("register_notes", "ignore")]
    return fields + [t for t in extra if t not in fields]


def target_label(kind: str, target: str, lang: str) -> str:
    column = target_column(kind, target)
    return column.header(lang) if column is not None else target


def _letter(n: int) -> str:
    from selfdata.files.spreadsheets import column_letter

    return column_letter(n)


def choice_code(vocab: str, value: str) -> str | None:
    """The code of a closed vocabulary that ``value`` names (code, word or synonym)."""
    wanted = norm(value)
    for code in codes(vocab):
        fr, en = words(vocab, code)
        more = SYNONYMS.get(vocab, {}).get(code, ())
        if wanted in (norm(code), norm(fr), norm(en), *(norm(w) for w in more)):
            return code
    return None


def choice_codes(column: Column, value: str, fail: Any, lang: str) -> list[str]:
    """The codes of a ``choices`` cell (« aucune »: none); each unknown word is a problem."""
    if norm(value) in NONE_WORDS:
        return []
    out = []
    for part in re.split(r"[,;\n]", value):
        if not part.strip():
            continue
        code = choice_code(column.field, part.strip())
        if code is None:
            allowed = ", ".join(label(column.field, c, lang) for c in codes(column.field))
            fail(message("unknown_value", lang, value=part.strip(), hint="", allowed=allowed))
        else:
            out.append(code)
    return out
