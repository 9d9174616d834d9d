"""The privacy notice is built from the settings, under every GDPR art. 13 heading, in
French and in English, with French typography."""

from __future__ import annotations

import re

import pytest

from selfdata.app.privacy import (
    HEADINGS,
    PrivacySettings,
    privacy_notice,
    privacy_settings,
    privacy_summary,
)
from selfdata.i18n import t

LANGS = ["fr", "en"]


def _whole(settings: PrivacySettings, lang: str) -> str:
    return "\n".join(f"{h}\n{t}" for h, t in privacy_notice(settings, lang))


@pytest.mark.parametrize("lang", LANGS)
def test_every_article_13_heading_is_there_in_order(lang: str):
    headings = [h for h, _ in privacy_notice(PrivacySettings(), lang)]
    assert headings == [t(f"privacy.heading.{key}", lang) for key in HEADINGS]
    assert len(set(headings)) == len(HEADINGS)
    assert list(HEADINGS) == [
        "controller",
        "dpo",
        "purposes",
        "data",
        "recipients",
        "retention",
        "rights",
        "required",
        "automated",
    ]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "fr",
            [
                "responsable",
                "Délégué",
                "Base légale",
                "pseudonyme",
                "projection",
                "exporter",
                "Mes données",
                "Quitter et effacer",
                "opposer",
                "CNIL",
                "aucun vrai nom",
                "aucune décision",
            ],
        ),
        (
            "en",
            [
                "responsible",
                "Data protection officer",
                "Legal basis",
                "pseudonym",
                "projector",
                "export",
                "My data",
                "Leave and erase",
                "object",
                "CNIL",
                "no real name",
                "no decision",
            ],
        ),
    ],
)
def test_the_notice_says_what_article_13_asks_in_plain_words(lang: str, words: list[str]):
    whole = _whole(PrivacySettings(), lang).casefold()
    for word in words:
        assert word.casefold() in whole, word


def test_the_retention_comes_from_the_setting():
    thirty = privacy_settings({"SELFDATA_RETENTION_DAYS": "30"})
    assert "30\u00a0jours" in _whole(thirty, "fr") and "30 days" in _whole(thirty, "en")
    assert "90" not in _whole(thirty, "fr")
    default = privacy_settings({})
    assert "90\u00a0jours" in _whole(default, "fr") and "90 days" in _whole(default, "en")
    one = privacy_settings({"SELFDATA_RETENTION_DAYS": "1"})
    assert "1\u00a0jour " in _whole(one, "fr") and "1 day " in _whole(one, "en")


@pytest.mark.parametrize("raw", ["0", "-5"])
def test_no_retention_means_kept_until_the_facilitator_deletes_it(raw: str):
    forever = privacy_settings({"SELFDATA_RETENTION_DAYS": raw})
    assert "jusqu\u2019à ce que la personne qui anime supprime" in _whole(forever, "fr")
    assert "until the facilitator deletes the workshop" in _whole(forever, "en")
    assert "days" not in _whole(forever, "en")
    assert "supprime" in " ".join(privacy_summary(forever, "fr"))


@pytest.mark.parametrize("raw", ["ninety", "nan", "inf", " "])
def test_a_retention_that_is_not_a_number_falls_back_to_the_default(raw: str):
    assert privacy_settings({"SELFDATA_RETENTION_DAYS": raw}).retention_days == 90


def test_the_controller_and_contact_come_from_the_settings():
    settings = privacy_settings(
        {
            "SELFDATA_CONTROLLER": "Ville de La Rochelle, place de l'Hôtel de Ville",
            "SELFDATA_CONTACT": "donnees@example.org",
            "SELFDATA_DPO": "dpo@example.org",
            "SELFDATA_LEGAL_BASIS": "mission d'intérêt public (RGPD, art. 6-1-e)",
        }
    )
    for lang in LANGS:
        whole = _whole(settings, lang)
        assert "Ville de La Rochelle" in whole and "donnees@example.org" in whole
        assert "dpo@example.org" in whole and "mission d'intérêt public" in whole
        summary = " ".join(privacy_summary(settings, lang))
        assert "Ville de La Rochelle" in summary and "donnees@example.org" in summary


def test_without_settings_the_defaults_name_the_organiser_and_the_facilitator():
    en = _whole(privacy_settings({}), "en")
    assert "The workshop's organiser (the city running it)." in en
    assert "ask the facilitator in the room" in en
    summary = " ".join(privacy_summary(privacy_settings({}), "en"))
    assert "the workshop's organiser (the city running it)" in summary
    assert "None has been named" in en  # no DPO set
    assert "consent" in en
    fr = _whole(privacy_settings({"SELFDATA_CONTROLLER": "  "}), "fr")
    assert "L\u2019organisateur de l\u2019atelier" in fr  # blank counts as unset


@pytest.mark.parametrize("lang", LANGS)
def test_the_short_version_says_what_who_how_long_and_whom_to_ask_in_four_lines(lang: str):
    lines = privacy_summary(privacy_settings({"SELFDATA_RETENTION_DAYS": "30"}), lang)
    assert len(lines) == 4
    what, who, how_long, contact = (line.casefold() for line in lines)
    assert "pseudonym" in what
    assert ("projector" if lang == "en" else "projection") in who
    assert "30" in how_long
    assert ("facilitator" if lang == "en" else "anime") in contact
    assert all(len(line) < 200 for line in lines)


def _french_strings() -> list[str]:
    settings = [
        privacy_settings({}),
        privacy_settings({"SELFDATA_RETENTION_DAYS": "0", "SELFDATA_DPO": "x"}),
    ]
    strings: list[str] = []
    for s in settings:
        for heading, text in privacy_notice(s, "fr"):
            strings += [heading, text]
        strings += privacy_summary(s, "fr")
    return strings


def test_french_has_a_non_breaking_space_before_double_punctuation_and_inside_quotes():
    for text in _french_strings():
        assert not re.search(r"[^\u00a0\u202f][:;?!»]", text), text
        assert not re.search(r"«[^\u00a0\u202f]", text), text
        assert "'" not in text, text  # typographic apostrophes


def test_english_has_no_space_before_colons():
    for heading, text in privacy_notice(privacy_settings({}), "en"):
        assert not re.search(r"\s[:;?!]", heading + text), text


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", ["journal", "export de l’atelier", "compte rendu PDF", "sauvegarde de la base"]),
        ("en", ["journal", "workshop export", "PDF report", "backup of the database"]),
    ],
)
def test_the_retention_section_says_erasure_does_not_reach_earlier_exports_and_backups(
    lang: str, words: list[str]
):
    for raw in ("30", "0"):
        notice = dict(privacy_notice(privacy_settings({"SELFDATA_RETENTION_DAYS": raw}), lang))
        retention = notice[t("privacy.heading.retention", lang)]
        for word in words:
            assert word in retention, word
