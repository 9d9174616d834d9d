"""How the room decides: participants' weights, the two rating rounds, the resampled
room, the consent round on the top scenario (screens, PDFs and refusals)."""

MESSAGES: dict[str, dict[str, str]] = {
    # refusals (selfdata.app.deciding)
    "error.decide.round_open": {
        "fr": "Un tour de notation est ouvert : fermez-le avant de montrer le classement.",
        "en": "A rating round is open: close it before showing the ranking.",
    },
    "error.decide.round_not_possible": {
        "fr": "Impossible d’ouvrir un tour : un tour est déjà ouvert, ou le second a déjà eu lieu.",
        "en": "No round can be opened: one is open already, or the second round took place.",
    },
    "error.decide.no_round_open": {
        "fr": "Aucun tour de notation n’est ouvert.",
        "en": "No rating round is open.",
    },
    "error.decide.weights_off": {
        "fr": "L’animation ne demande pas aux personnes participantes de pondérer les critères.",
        "en": "The facilitator is not asking participants to weigh the criteria.",
    },
    "error.decide.weights_invalid": {
        "fr": "Poids invalides : un nombre entier de {low} à {high} par critère.",
        "en": "Invalid weights: a whole number from {low} to {high} per criterion.",
    },
    "error.decide.weights_all_zero": {
        "fr": "Donnez un poids à au moins un critère.",
        "en": "Give at least one criterion a weight.",
    },
    "error.decide.weights_incomplete": {
        "fr": "Donnez un poids à chacun des critères en usage.",
        "en": "Give a weight to every criterion in use.",
    },
    "error.decide.reason_required": {
        "fr": "Une objection doit dire sa raison.",
        "en": "An objection needs a reason.",
    },
    "error.decide.consent_closed": {
        "fr": "Le tour des objections n’est pas ouvert.",
        "en": "The round of objections is not open.",
    },
    # Kendall's tau on too few shared items (plenary and report)
    "decide.tau_few_needs": {
        "fr": "{first} et {second}\u202f: trop peu de besoins en commun pour comparer",
        "en": "{first} and {second}: too few shared needs to compare",
    },
    "decide.tau_few_scenarios": {
        "fr": "{first} et {second}\u202f: trop peu de scénarios en commun pour comparer",
        "en": "{first} and {second}: too few shared scenarios to compare",
    },
    "pdf.decide_tau_few_needs": {
        "fr": "{first} et {second}\u202f: trop peu de besoins en commun pour comparer",
        "en": "{first} and {second}: too few shared needs to compare",
    },
    "pdf.decide_tau_few_scenarios": {
        "fr": "{first} et {second}\u202f: trop peu de scénarios en commun pour comparer",
        "en": "{first} and {second}: too few shared scenarios to compare",
    },
    # the PDFs (selfdata.export.decision_section)
    "pdf.decide_title": {"fr": "Comment la salle a décidé", "en": "How the room decided"},
    "pdf.decide_weight_sets": {
        "fr": "Le classement selon les poids de chacun",
        "en": "The ranking under each set of weights",
    },
    "pdf.decide_whose": {"fr": "Poids", "en": "Weights"},
    "pdf.decide_first": {"fr": "En tête", "en": "First"},
    "pdf.decide_none": {"fr": "—", "en": "—"},
    "pdf.decide_rounds": {"fr": "Les deux tours de notation", "en": "The two rating rounds"},
    "pdf.decide_spread_before": {
        "fr": "Écart moyen des notes, 1er tour",
        "en": "Average spread of the ratings, round 1",
    },
    "pdf.decide_spread_after": {
        "fr": "Écart moyen des notes, 2e tour",
        "en": "Average spread of the ratings, round 2",
    },
    "pdf.decide_changed": {"fr": "Notes changées", "en": "Ratings changed"},
    "pdf.decide_winner_changed": {"fr": "Le gagnant a changé", "en": "The winner changed"},
    "pdf.decide_yes": {"fr": "oui", "en": "yes"},
    "pdf.decide_no": {"fr": "non", "en": "no"},
    "pdf.decide_resampled": {
        "fr": "Une autre salle déciderait-elle pareil\u202f?",
        "en": "Would another room decide the same?",
    },
    "pdf.decide_resampled_how": {
        "fr": "{draws} tirages avec remise parmi les {n} personnes qui ont noté "
        "(graine {seed})\u202f: chance de chaque place.",
        "en": "{draws} draws with replacement among the {n} people who rated (seed {seed}): "
        "the chance of each place.",
    },
    "pdf.decide_scenario": {"fr": "Scénario", "en": "Scenario"},
    "pdf.decide_rank_n": {"fr": "Place {n}", "en": "Place {n}"},
    "pdf.decide_objections": {"fr": "Objections bloquantes", "en": "Blocking objections"},
    "pdf.decide_conditions": {
        "fr": "Conditions issues du tour des objections",
        "en": "Conditions from the round of objections",
    },
    "pdf.decide_condition": {"fr": "Condition\u202f: {reason}", "en": "Condition: {reason}"},
}
