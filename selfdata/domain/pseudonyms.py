"""Friendly random pseudonyms offered to a participant who joins (they may type their own)."""

from __future__ import annotations

import random

_ANIMALS = {
    "fr": (
        "Castor",
        "Colibri",
        "Hérisson",
        "Renard",
        "Héron",
        "Blaireau",
        "Écureuil",
        "Goéland",
        "Dauphin",
        "Lynx",
        "Pingouin",
        "Koala",
        "Bouquetin",
        "Flamant",
    ),
    "en": (
        "Beaver",
        "Hummingbird",
        "Hedgehog",
        "Fox",
        "Heron",
        "Badger",
        "Squirrel",
        "Gull",
        "Dolphin",
        "Lynx",
        "Penguin",
        "Koala",
        "Ibex",
        "Flamingo",
    ),
}
_ADJECTIVES = {
    "fr": (
        "curieux",
        "malicieux",
        "agile",
        "rêveur",
        "joyeux",
        "paisible",
        "audacieux",
        "espiègle",
        "patient",
        "attentif",
        "bavard",
        "inventif",
    ),
    "en": (
        "Curious",
        "Cheeky",
        "Nimble",
        "Dreamy",
        "Cheerful",
        "Calm",
        "Bold",
        "Playful",
        "Patient",
        "Watchful",
        "Chatty",
        "Inventive",
    ),
}


def friendly_pseudonym(lang: str = "fr", rng: random.Random | None = None) -> str:
    """``Castor rêveur`` / ``Dreamy Beaver``: an animal and an adjective (French agreement
    holds: every animal here is masculine)."""
    pick = rng or random.Random()
    key = "en" if lang == "en" else "fr"
    animal = pick.choice(_ANIMALS[key])
    adjective = pick.choice(_ADJECTIVES[key])
    return f"{adjective} {animal}" if key == "en" else f"{animal} {adjective}"
