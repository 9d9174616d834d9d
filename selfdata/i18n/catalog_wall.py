"""Messages of the wall and of its steering (issue 18): what the projector shows, chosen by
the facilitator; the links of a new workshop."""

MESSAGES: dict[str, dict[str, str]] = {
    "wall.header": {"fr": "À l’écran", "en": "On the wall"},
    "wall.help": {
        "fr": "Ce que vous choisissez ici s’affiche sur la projection en une seconde\u202f: "
        "personne n’a besoin de toucher l’ordinateur du projecteur.",
        "en": "What you choose here shows on the projection within a second: nobody needs "
        "to touch the projector's computer.",
    },
    "wall.method": {"fr": "Méthode de classement projetée", "en": "Ranking method on the wall"},
    "wall.chart": {"fr": "Graphique projeté", "en": "Chart on the wall"},
    "wall.chart.bars": {"fr": "Classement", "en": "Ranking"},
    "wall.chart.consensus": {"fr": "Accord du groupe", "en": "Group agreement"},
    "wall.chart.heatmap": {"fr": "Notes par critère", "en": "Ratings by criterion"},
    "wall.scenario": {"fr": "Scénario projeté", "en": "Scenario on the wall"},
    "wall.use_case": {"fr": "Cas d’usage projeté", "en": "Use case on the wall"},
    "wall.compare": {
        "fr": "Comparer avec un autre modèle de gouvernance",
        "en": "Compare with another governance model",
    },
    "wall.compare.none": {"fr": "Sans comparaison", "en": "No comparison"},
    "wall.qr": {"fr": "QR code pour rejoindre", "en": "QR code to join"},
    "wall.qr.auto": {
        "fr": "Grand pendant l’accueil, puis dans un coin",
        "en": "Large while people join, then in a corner",
    },
    "wall.qr.large": {"fr": "Grand", "en": "Large"},
    "wall.qr.small": {"fr": "Dans un coin", "en": "In a corner"},
    "wall.qr_alt": {
        "fr": "QR code du lien pour rejoindre l’atelier\u202f: {url}",
        "en": "QR code of the link to join the workshop: {url}",
    },
    "wall.shown_method": {"fr": "Méthode\u202f: {method}", "en": "Method: {method}"},
    "scenarios.next": {"fr": "Scénario suivant\u202f: {title}", "en": "Next scenario: {title}"},
    "wall.countdown": {"fr": "Temps restant", "en": "Time left"},
    "wall.open_projection": {"fr": "Ouvrir la projection", "en": "Open the projection"},
    "wall.open_join": {
        "fr": "Ouvrir la page pour rejoindre",
        "en": "Open the page to join",
    },
    "wall.new_window": {
        "fr": "S’ouvre dans une nouvelle fenêtre\u202f: glissez-la sur l’écran du projecteur.",
        "en": "Opens in a new window: drag it onto the projector's screen.",
    },
    "wall.show_private": {
        "fr": "Afficher mon lien d’animation privé",
        "en": "Show my private facilitator link",
    },
    "wall.private_warning": {
        "fr": "Ne le projetez pas\u202f: ce lien donne les commandes de l’atelier. Copiez-le "
        "(icône à droite) et gardez-le pour vous.",
        "en": "Do not project it: this link gives control of the workshop. Copy it (icon on "
        "the right) and keep it to yourself.",
    },
    "wall.open_step": {
        "fr": "Ouvrir la page de l’étape\u202f: {step}",
        "en": "Open the step's page: {step}",
    },
    "wall.go_console": {"fr": "Aller à la console d’animation", "en": "Go to the console"},
    "wall.join_code": {
        "fr": "Code pour rejoindre\u202f: **{code}**",
        "en": "Join code: **{code}**",
    },
}
