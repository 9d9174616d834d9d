"""The home page past the workshop-creation limit: one plain sentence in the page's language,
and no workshop."""

from __future__ import annotations

import pytest

from selfdata.store import Store
from tests.app.conftest import PageRunner
from tests.service_helpers import count_workshops


def _create_on_home(run_page: PageRunner, lang: str = "fr") -> list[str]:
    home = run_page("home", **({"lang": lang} if lang != "fr" else {}))
    home.text_input(key="home_title").input("Atelier eau")
    home.text_input(key="home_territory").input("Niort")
    submit = next(b for b in home.button if str(b.key).startswith("FormSubmitter:home_create"))
    submit.click().run()
    assert not home.exception
    return [e.value for e in home.error]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("fr", "Trop d’ateliers créés depuis cette adresse en une minute"),
        ("en", "Too many workshops created from this address in a minute"),
    ],
)
def test_the_home_page_refuses_a_creation_past_the_limit_in_one_sentence(
    app_store: Store,
    run_page: PageRunner,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    sentence: str,
) -> None:
    monkeypatch.setenv("SELFDATA_CREATE_PER_ADDRESS", "2")
    assert _create_on_home(run_page, lang) == []
    assert _create_on_home(run_page, lang) == []
    errors = _create_on_home(run_page, lang)
    assert len(errors) == 1 and errors[0].startswith(sentence), errors
    assert count_workshops(app_store) == 2
