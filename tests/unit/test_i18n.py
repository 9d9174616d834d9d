import pytest

from selfdata.i18n import LANGS, catalog, t


def test_every_message_exists_in_both_languages_and_is_not_empty() -> None:
    for key, texts in catalog().items():
        assert set(texts) == set(LANGS), f"{key}: languages {sorted(texts)}"
        assert all(texts[lang].strip() for lang in LANGS), f"{key}: empty text"


def test_placeholders_are_the_same_in_both_languages() -> None:
    import string

    for key, texts in catalog().items():
        fields = [
            {f for _, f, _, _ in string.Formatter().parse(texts[lang]) if f} for lang in LANGS
        ]
        assert fields[0] == fields[1], f"{key}: placeholders differ {fields}"


def test_french_is_the_default_and_english_on_request() -> None:
    assert t("step.needs") == "Besoins des habitants"
    assert t("step.needs", "en") == "Residents’ needs"
    assert t("step.needs", "de") == "Besoins des habitants"


def test_an_unknown_key_is_an_error() -> None:
    with pytest.raises(KeyError):
        t("no.such.key")
