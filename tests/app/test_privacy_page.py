"""The join screen says what the workshop keeps, who sees it, for how long and whom to ask,
from the settings, with the full article 13 notice one click away."""

from __future__ import annotations

import os

import pytest

from selfdata.app.privacy import HEADINGS, privacy_notice, privacy_settings, privacy_summary
from selfdata.i18n import t
from selfdata.store import Store
from tests.app.conftest import PageRunner
from tests.app.room_helpers import texts


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_join_screen_shows_the_short_notice_and_the_full_one(
    app_store: Store, run_page: PageRunner, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setenv("SELFDATA_CONTROLLER", "Ville de Testville")
    monkeypatch.setenv("SELFDATA_CONTACT", "donnees@testville.example")
    monkeypatch.setenv("SELFDATA_RETENTION_DAYS", "30")
    home = run_page("home", **({"lang": "en"} if lang == "en" else {}))
    assert not home.exception
    shown = texts(home).replace("\u2060", "")  # the word joiner that keeps an address unlinked
    settings = privacy_settings(os.environ)
    for line in privacy_summary(settings, lang):
        assert line in shown
    assert "Ville de Testville" in shown and "donnees@testville.example" in shown
    assert ("30\u00a0jours" if lang == "fr" else "30 days") in shown
    expander = next(e for e in home.expander if e.label == t("privacy.full", lang))
    inside = "\n".join(m.value for m in expander.markdown).replace("\\", "").replace("\u2060", "")
    for heading, text in privacy_notice(settings, lang):
        assert heading in inside and text in inside
    assert len(privacy_notice(settings, lang)) == len(HEADINGS) == 9


def test_without_settings_the_notice_names_the_organiser_and_ninety_days(
    app_store: Store, run_page: PageRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("SELFDATA_CONTROLLER", "SELFDATA_CONTACT", "SELFDATA_RETENTION_DAYS"):
        monkeypatch.delenv(name, raising=False)
    shown = texts(run_page("home"))
    assert t("privacy.controller.default", "fr") in shown
    assert "90\u00a0jours" in shown
