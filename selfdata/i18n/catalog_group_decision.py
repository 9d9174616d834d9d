"""How the room decides: participants' weights, the two rating rounds, the resampled
room, the consent round on the top scenario (screens, PDFs and refusals)."""

MESSAGES: dict[str, dict[str, str]] = {
    # refusals (selfdata.app.group_decision)
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
    # screens (selfdata.ui.decision_view, selfdata.ui.figures.decision)
    "decide.weight_sets": {
        "fr": "Le classement selon les poids de chacun",
        "en": "The ranking under each set of weights",
    },
    "decide.resampled_title": {
        "fr": "Chance d’être premier si d’autres personnes étaient venues",
        "en": "Chance of first place had other people come",
    },
    "decide.panel": {
        "fr": "Comment la salle décide (poids, tours, objections)",
        "en": "How the room decides (weights, rounds, objections)",
    },
    "decide.weights_on": {
        "fr": "Les personnes participantes pondèrent les critères sur leur tablette.",
        "en": "Participants weigh the criteria on their tablets.",
    },
    "decide.weights_off": {
        "fr": "Seuls les poids de l’animation comptent.",
        "en": "Only the facilitator’s weights count.",
    },
    "decide.weights_ask": {
        "fr": "Demander aux personnes de pondérer les critères",
        "en": "Ask participants to weigh the criteria",
    },
    "decide.weights_stop": {
        "fr": "Ne plus demander de pondérer",
        "en": "Stop asking for weights",
    },
    "decide.round_none": {
        "fr": "Un seul tour de notation, notes visibles une fois révélées.",
        "en": "A single rating round, ratings shown once revealed.",
    },
    "decide.round_is_open": {
        "fr": "Tour {n} ouvert, en silence\u202f: personne ne voit les notes des autres.",
        "en": "Round {n} open, silent: nobody sees anyone else’s ratings.",
    },
    "decide.round_is_closed": {
        "fr": "Tour {n} fermé.",
        "en": "Round {n} closed.",
    },
    "decide.round_open": {
        "fr": "Ouvrir le tour {n} de notation (en silence)",
        "en": "Open rating round {n} (silent)",
    },
    "decide.round_close": {"fr": "Fermer le tour {n}", "en": "Close round {n}"},
    "decide.consent_open": {
        "fr": "Demander les objections bloquantes sur «\u00a0{title}\u00a0»",
        "en": "Ask for blocking objections to ‘{title}’",
    },
    "decide.consent_close": {
        "fr": "Clore le tour des objections",
        "en": "Close the round of objections",
    },
    "decide.round_silent": {
        "fr": "Tour {n}, en silence\u202f: notez sans voir les notes des autres. "
        "Les résultats viendront à la fermeture du tour.",
        "en": "Round {n}, silent: rate without seeing the others’ ratings. The results come "
        "when the round closes.",
    },
    "decide.swing_title": {"fr": "Vos poids", "en": "Your weights"},
    "decide.swing_help": {
        "fr": "Touchez le critère qui compte le plus pour vous (il vaut 100), puis dites "
        "combien chaque autre critère compte à côté de lui.",
        "en": "Tap the criterion that matters most to you (it counts 100), then say how much "
        "each other criterion counts beside it.",
    },
    "decide.swing_top": {
        "fr": "Le critère qui compte le plus",
        "en": "The criterion that matters most",
    },
    "decide.swing_other": {
        "fr": "{criterion}, à côté de «\u00a0{top}\u00a0» (100)",
        "en": "{criterion}, beside ‘{top}’ (100)",
    },
    "decide.weights_save": {"fr": "Enregistrer mes poids", "en": "Save my weights"},
    "decide.weights_saved": {"fr": "Vos poids sont enregistrés.", "en": "Your weights are saved."},
    "decide.weights_missing": {
        "fr": "Donnez une valeur à chaque critère avant d’enregistrer.",
        "en": "Give every criterion a value before saving.",
    },
    "decide.weights_given": {
        "fr": "Vous avez donné vos poids\u202f; vous pouvez les changer.",
        "en": "You gave your weights; you may change them.",
    },
    "decide.consent_title": {
        "fr": "Une objection bloquante à «\u00a0{title}\u00a0»\u202f?",
        "en": "A blocking objection to ‘{title}’?",
    },
    "decide.consent_help": {
        "fr": "Une objection bloquante dit ce qui doit changer pour que vous puissiez "
        "l’accepter\u202f; elle devient une condition du plan d’action.",
        "en": "A blocking objection says what must change for you to accept it; it becomes a "
        "condition of the action plan.",
    },
    "decide.reason": {"fr": "Votre raison", "en": "Your reason"},
    "decide.object": {"fr": "Faire objection", "en": "Object"},
    "decide.objection_saved": {
        "fr": "Votre objection est enregistrée.",
        "en": "Your objection is recorded.",
    },
    "decide.your_objection": {
        "fr": "Votre objection\u202f: {reason}",
        "en": "Your objection: {reason}",
    },
    "decide.withdraw": {"fr": "Retirer mon objection", "en": "Withdraw my objection"},
    "decide.results": {"fr": "Comment la salle a décidé", "en": "How the room decided"},
    "wall.chart.weights": {"fr": "Selon les poids de chacun", "en": "Whose weights"},
    "wall.chart.resampled": {"fr": "Une autre salle\u202f?", "en": "Another room?"},
    "decide.nothing_on_wall": {
        "fr": "Personne n’a encore donné ses poids.",
        "en": "Nobody has given weights yet.",
    },
    # the plenary view, steered from the console (selfdata.ui.tables_view)
    "wall.plenary": {"fr": "La plénière (tables) montre", "en": "The plenary (tables) shows"},
    "wall.plenary.auto": {"fr": "Selon l’étape", "en": "Following the step"},
    "wall.plenary.needs": {"fr": "Les votes", "en": "The votes"},
    "wall.plenary.scenarios": {"fr": "Les classements", "en": "The rankings"},
    "decide.plenary_agree_needs": {
        "fr": "Les tables s’accordent sur\u202f: {items}",
        "en": "The tables agree on: {items}",
    },
    "decide.plenary_split_needs": {
        "fr": "Les tables se partagent sur\u202f: {items}",
        "en": "The tables are split on: {items}",
    },
    "decide.plenary_agree_scenarios": {
        "fr": "Les tables s’accordent sur\u202f: {items}",
        "en": "The tables agree on: {items}",
    },
    "decide.plenary_split_scenarios": {
        "fr": "Les tables se partagent sur\u202f: {items}",
        "en": "The tables are split on: {items}",
    },
    "decide.plenary_no_verdict": {
        "fr": "Ni accord net ni partage net entre les tables pour l’instant.",
        "en": "No clear agreement and no clear split between the tables yet.",
    },
    "pdf.decide_place": {"fr": "place {n}", "en": "place {n}"},
    "pdf.decide_first_resampled": {
        "fr": "Chance d’être premier si d’autres personnes étaient venues",
        "en": "Chance of first place had other people come",
    },
}
