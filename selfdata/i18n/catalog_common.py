"""Messages shared by every screen (chrome, roles, steps)."""

MESSAGES: dict[str, dict[str, str]] = {
    "app.title": {"fr": "Atelier Self Data", "en": "Self Data Workshop"},
    "lang.label": {"fr": "Langue", "en": "Language"},
    "role.facilitator": {"fr": "Animation", "en": "Facilitator"},
    "role.participant": {"fr": "Participation", "en": "Participant"},
    "role.projection": {"fr": "Projection", "en": "Projection"},
    "role.visitor": {"fr": "Consultation", "en": "Visitor"},
    "step.inventory": {"fr": "Inventaire des données", "en": "Data inventory"},
    "step.needs": {"fr": "Besoins des habitants", "en": "Residents’ needs"},
    "step.use_cases": {"fr": "Cas d’usage", "en": "Use cases"},
    "step.governance": {"fr": "Gouvernance", "en": "Governance"},
    "step.network": {"fr": "Réseau de valeur", "en": "Value network"},
    "step.scenarios": {"fr": "Scénarios", "en": "Scenarios"},
    "step.export": {"fr": "Exports PDF", "en": "PDF exports"},
    "common.choose": {"fr": "Choisir…", "en": "Choose options"},
}
