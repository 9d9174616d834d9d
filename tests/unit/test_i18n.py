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


ERROR_CLASSES = {
    "SelfDataError",
    "NotFound",
    "Expired",
    "Forbidden",
    "Locked",
    "LimitExceeded",
    "InvalidInput",
    "Conflict",
}


def _raised_error_texts() -> list[tuple[str, str]]:
    """(place, catalog key) of every error built with a literal key in the package."""
    import ast
    from pathlib import Path

    import selfdata

    found = []
    for path in sorted(Path(selfdata.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in ERROR_CLASSES or not node.args:
                continue
            key = node.args[0]
            text = next((k.value for k in node.keywords if k.arg == "text"), None)
            chosen = text if text is not None else key
            if isinstance(chosen, ast.Constant) and isinstance(chosen.value, str):
                found.append((f"{path.name}:{node.lineno}", f"error.{chosen.value}"))
    return found


def test_every_error_the_package_raises_has_its_message_in_the_catalogue() -> None:
    raised = _raised_error_texts()
    assert len(raised) > 40
    missing = [(place, key) for place, key in raised if key not in catalog()]
    assert not missing


@pytest.mark.parametrize("what", ["source", "need", "use_case", "scenario", "participant"])
def test_an_item_that_is_not_found_is_named_in_both_languages(what: str) -> None:
    from selfdata.domain.errors import NotFound

    err = NotFound(f"{what}.not_found", slug="x")
    assert "« x »" in err.message("fr") and "'x'" in err.message("en")


def test_an_error_message_is_the_catalogue_text_with_its_values_and_problems() -> None:
    from selfdata.domain.errors import LimitExceeded

    err = LimitExceeded("vote.cap", cap=3, problems=["a", "b"])
    assert err.message("fr") == "Au plus 3 gommettes par besoin.\na\nb"
    assert err.message("en") == "At most 3 dots per need.\na\nb"
    assert err.message("de") == err.message("fr")
    assert str(err) == err.message("en")
    assert err.key == "vote.cap"


def test_an_error_given_as_a_value_is_worded_in_the_same_language() -> None:
    from selfdata.domain.errors import Conflict

    reason = Conflict("use_case.in_use")
    err = Conflict("undo.impossible", action="delete_use_case", reason=reason)
    assert reason.message("en") in err.message("en")
    assert reason.message("fr") in err.message("fr")


def test_every_error_message_formats_in_both_languages() -> None:
    import string

    for key, texts in catalog().items():
        if not key.startswith("error."):
            continue
        names = {f for _, f, _, _ in string.Formatter().parse(texts["fr"]) if f}
        values = dict.fromkeys(names, "x")
        for lang in LANGS:
            assert t(key, lang, **values).strip()


def test_the_pdf_labels_are_in_the_one_catalogue_under_their_prefix() -> None:
    from selfdata.export import labels

    keys = labels.label_keys()
    assert len(keys) > 100 and "dossier" in keys
    for key in keys:
        assert labels.t(key, "fr") == t(f"pdf.{key}", "fr")
        assert labels.t(key, "en") == t(f"pdf.{key}", "en")
    assert labels.t("rank_line", "en", rank=1, total=3) == "Rank 1 of 3"
    assert labels.vocab("flow", "consent", "fr") == "consentement, mandat"
    assert labels.vocab("flow", "teleportation", "en") == "teleportation"
    assert {"access", "sensitivity", "flow"} <= set(labels.vocabularies())


def test_no_other_module_keeps_a_catalogue_of_french_and_english_pairs() -> None:
    """One catalogue system: the i18n catalogs (and the cards' own I18nText)."""
    import re
    from pathlib import Path

    import selfdata

    root = Path(selfdata.__file__).parent
    key = r'^\s*"(?!fr"|en")[\w.]+": \('
    pair = re.compile(key + r"\s*$|" + key + r'"[^"]*", "[^"]*"\),', re.M)
    offenders = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if "i18n" not in p.parts and pair.search(p.read_text(encoding="utf-8"))
    ]
    assert not offenders
