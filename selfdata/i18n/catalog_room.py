"""Messages of the workshop in the room: chrome, home, projection, console, steps 1–4."""

MESSAGES: dict[str, dict[str, str]] = {
    # pages
    "page.home": {"fr": "Accueil", "en": "Home"},
    "page.projection": {"fr": "Projection", "en": "Projection"},
    "page.console": {"fr": "Console d’animation", "en": "Facilitator console"},
    # chrome
    "chrome.code": {"fr": "Code :", "en": "Code:"},
    "chrome.participants": {"fr": "👥 {n} participant(s)", "en": "👥 {n} participant(s)"},
    "chrome.you_are": {"fr": "Vous êtes {name}", "en": "You are {name}"},
    "chrome.current": {"fr": "▶ {label}", "en": "▶ {label}"},
    "access.join": {
        "fr": "Rejoignez d’abord un atelier avec son code.",
        "en": "Join a workshop with its code first.",
    },
    "access.denied_facilitator": {
        "fr": "Cette page est réservée à l’animateur de l’atelier (lien d’animation).",
        "en": "This page is for the workshop's facilitator only (facilitator link).",
    },
    "timer.over": {"fr": "Temps écoulé", "en": "Time is up"},
}
