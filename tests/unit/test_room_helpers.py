"""Pure helpers of the room UI: links, viewer resolution, escaping, filters, pseudonyms,
figures, and the message keys the room pages use."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from selfdata.app import links, services
from selfdata.app.viewer import resolve_viewer
from selfdata.domain.cards import HOLDER_KINDS
from selfdata.domain.pseudonyms import friendly_pseudonym
from selfdata.domain.textsafe import format_seconds, md_escape
from selfdata.domain.viewer import Viewer
from selfdata.engines.card_filters import filter_sources, paginate
from selfdata.files.loading import default_decks
from selfdata.i18n import catalog
from selfdata.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (
            lambda: links.join_url("http://10.0.0.5:8501", "ABC234"),
            "http://10.0.0.5:8501/?code=ABC234",
        ),
        (
            lambda: links.join_url("http://h:1/", "ABC234", "en"),
            "http://h:1/?code=ABC234&lang=en",
        ),
        (
            lambda: links.projection_url("http://h:1", "ABC234"),
            "http://h:1/?code=ABC234&view=projection",
        ),
        (
            lambda: links.facilitator_url("http://h:1", "ABC234", "s3cr3t"),
            "http://h:1/console?code=ABC234&secret=s3cr3t",
        ),
    ],
)
def test_links_carry_exactly_what_their_holder_needs(build, expected) -> None:  # type: ignore[no-untyped-def]
    assert build() == expected


def test_the_public_url_setting_wins_over_the_lan_address() -> None:
    env = {"SELFDATA_PUBLIC_URL": "https://atelier.ville.fr/"}
    assert links.public_base_url(8501, env) == "https://atelier.ville.fr"


def test_the_lan_address_is_never_loopback() -> None:
    base = links.public_base_url(8501, {})
    assert base.startswith("http://") and base.endswith(":8501")
    assert "127.0.0.1" not in base


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("<script>alert(1)</script>", r"\<script\>alert\(1\)\</script\>"),
        ("**bold**", r"\*\*bold\*\*"),
        # a word joiner after "://" keeps Streamlit from autolinking a bare address
        ("[x](http://e)", r"\[x\]\(http\://" + "\u2060" + r"e\)"),
        ("# titre", r"\# titre"),
        ("a\nb", "a  \nb"),
        ("Réduire sa facture d’eau", "Réduire sa facture d’eau"),
    ],
)
def test_user_text_is_escaped_for_markdown(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "0:00"), (-3, "0:00"), (59.1, "1:00"), (61.2, "1:02"), (600, "10:00")],
)
def test_a_countdown_reads_as_minutes_and_seconds(seconds: float, shown: str) -> None:
    assert format_seconds(seconds) == shown


@pytest.mark.parametrize(
    ("filters", "check"),
    [
        ({"sensitivities": ["special"]}, lambda c: c.sensitivity == "special"),
        ({"accesses": ["api", "open_data"]}, lambda c: c.access in ("api", "open_data")),
        ({"themes": ["water"]}, lambda c: "water" in c.themes),
        ({"holder_kinds": ["city"]}, lambda c: c.holder_kind == "city"),
        (
            {"text": "EAU", "lang": "fr"},
            lambda c: "eau" in (c.title.fr + c.description.fr + c.holder.fr + c.id).casefold(),
        ),
    ],
)
def test_source_filters_keep_only_matching_cards(filters, check) -> None:  # type: ignore[no-untyped-def]
    cards = default_decks().data_sources
    kept = filter_sources(cards, **filters)
    assert kept and all(check(c) for c in kept)
    assert len(kept) < len(cards)


def test_no_filter_keeps_every_card_in_order() -> None:
    cards = default_decks().data_sources
    assert filter_sources(cards) == list(cards)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_friendly_pseudonym_is_two_words_and_fits_the_limit(lang: str) -> None:
    names = {friendly_pseudonym(lang, random.Random(seed)) for seed in range(30)}
    assert len(names) > 10
    assert all(len(n.split()) == 2 and len(n) <= services.MAX_PSEUDONYM for n in names)


def test_the_viewer_is_proven_against_the_store(store: Store) -> None:
    created = services.create_workshop(store, example="nantes")
    token = services.join(store, created.code, "Zoé").token
    cases = [
        ({}, "visitor"),
        ({"code": created.code}, "visitor"),
        ({"code": created.code, "view": "projection"}, "projection"),
        ({"code": created.code, "secret": created.secret}, "facilitator"),
        ({"code": created.code, "token": token}, "participant"),
        ({"code": created.code, "token": token, "secret": "forged"}, "participant"),
        ({"code": created.code, "role": "facilitator"}, "visitor"),
        ({"code": "ZZZZZZ", "secret": created.secret}, "visitor"),
    ]
    for params, role in cases:
        assert resolve_viewer(store, params).viewer.role == role, params
    forged = resolve_viewer(store, {"code": created.code, "secret": "forged"})
    assert forged.viewer.secret is None and forged.problem is not None


def test_the_proven_viewer_carries_its_participant_table_language_and_credentials(
    store: Store,
) -> None:
    created = services.create_workshop(store, example="nantes")
    table = services.create_table(store, created.code, created.secret, "Table bleue")
    joined = services.join(store, created.code, "Zoé", table=table)
    me = resolve_viewer(store, {"code": created.code, "token": joined.token, "lang": "en"})
    assert me.viewer == Viewer(
        "participant",
        created.code,
        token=joined.token,
        participant=joined.participant_id,
        table=table,
        lang="en",
    )
    boss = resolve_viewer(store, {"code": created.code, "secret": created.secret}).viewer
    assert (boss.role, boss.secret, boss.token, boss.table, boss.lang) == (
        "facilitator",
        created.secret,
        None,
        None,
        "fr",
    )
    wall = resolve_viewer(store, {"code": created.code, "view": "projection", "lang": "xx"})
    assert (wall.viewer.role, wall.viewer.lang, wall.viewer.secret) == ("projection", "fr", None)


def test_the_vote_figure_escapes_labels_and_use_the_colour_blind_safe_palette() -> None:
    from selfdata.domain.palette import ACCENT
    from selfdata.ui.figures.votes import vote_bars

    fig = vote_bars([("<b>x</b>", 3), ("y", 5)], "fr")
    spec = json.loads(fig.to_json())
    bar = spec["data"][0]
    assert bar["y"] == ["y", "&lt;b&gt;x&lt;/b&gt;"]
    assert bar["marker"]["color"] == ACCENT


def _used_keys() -> set[str]:
    files = [ROOT / "workshop_app.py", *(ROOT / "pages").glob("*.py")]
    files += sorted((ROOT / "selfdata" / "ui").rglob("*.py"))  # figures/ too
    found: set[str] = set()
    for path in files:
        found |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z_.]+)["']""", path.read_text()))
    return found


def test_every_literal_message_key_used_by_the_app_is_in_the_catalogs() -> None:
    missing = sorted(_used_keys() - set(catalog()))
    assert not missing, f"keys missing from the catalogs: {missing}"


@pytest.mark.parametrize(
    ("prefix", "ids"),
    [
        ("step", default_decks().steps and [s.id for s in default_decks().steps]),
        ("access", ["paper", "portal", "api", "open_data", "not_available"]),
        ("sensitivity", ["low", "medium", "high", "special"]),
        ("verdict", ["inspire", "caution", "avoid"]),
        ("holder", list(HOLDER_KINDS)),
        ("role", ["facilitator", "participant", "projection", "visitor"]),
        ("console", ["kind_need", "kind_source"]),
        ("deck", ["data_sources", "needs", "governance_models", "cities", "actors", "criteria"]),
    ],
)
def test_every_vocabulary_word_shown_in_the_room_has_a_message(prefix: str, ids: list[str]) -> None:
    assert not [i for i in ids if f"{prefix}.{i}" not in catalog()]


@pytest.mark.parametrize(
    ("length", "asked", "size", "shown", "number", "count", "first", "last"),
    [
        (52, 0, 12, list(range(12)), 0, 5, 1, 12),
        (52, 4, 12, list(range(48, 52)), 4, 5, 49, 52),
        (52, 9, 12, list(range(48, 52)), 4, 5, 49, 52),  # beyond the end: the last page
        (52, -3, 12, list(range(12)), 0, 5, 1, 12),  # below 0: the first page
        (12, 1, 12, list(range(12)), 0, 1, 1, 12),  # exactly one page
        (0, 0, 12, [], 0, 1, 0, 0),  # nothing to show is still one (empty) page
        (3, 0, 0, [0], 0, 3, 1, 1),  # a size below 1 counts as 1
    ],
)
def test_a_list_of_cards_is_cut_into_pages(
    length: int,
    asked: int,
    size: int,
    shown: list[int],
    number: int,
    count: int,
    first: int,
    last: int,
) -> None:
    page = paginate(list(range(length)), asked, size)
    assert list(page.items) == shown
    assert (page.number, page.count, page.first, page.last, page.total) == (
        number,
        count,
        first,
        last,
        length,
    )
    assert page.has_previous is (number > 0)
    assert page.has_next is (number < count - 1)


def test_the_room_and_the_pdfs_name_every_holder_kind_alike() -> None:
    for kind in HOLDER_KINDS:
        for lang in ("fr", "en"):
            assert (
                catalog()[f"holder.{kind}"][lang]
                == catalog()[f"pdf.vocab.holder_kind.{kind}"][lang]
            )
