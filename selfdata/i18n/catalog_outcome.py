"""Messages of the value network, scenarios and export screens (and of their figures)."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- flows and actor kinds (figures, tables, forms) ---------------------------------
    "network.flow.personal_data": {"fr": "Données personnelles", "en": "Personal data"},
    "network.flow.consent": {"fr": "Consentement, mandat", "en": "Consent, mandate"},
    "network.flow.service": {"fr": "Service", "en": "Service"},
    "network.flow.money": {"fr": "Argent", "en": "Money"},
    "network.flow.insight": {"fr": "Résultats agrégés", "en": "Aggregated insight"},
    "network.flow.oversight": {"fr": "Contrôle, supervision", "en": "Oversight"},
    "network.tangible": {"fr": "matériel", "en": "tangible"},
    "network.intangible": {"fr": "immatériel", "en": "intangible"},
    "network.kind.resident": {"fr": "Habitant", "en": "Resident"},
    "network.kind.data_holder": {"fr": "Détenteur de données", "en": "Data holder"},
    "network.kind.city": {"fr": "Collectivité", "en": "City"},
    "network.kind.operator": {"fr": "Opérateur", "en": "Operator"},
    "network.kind.intermediary": {"fr": "Intermédiaire", "en": "Intermediary"},
    "network.kind.collective": {"fr": "Collectif", "en": "Collective"},
    "network.kind.service_provider": {"fr": "Fournisseur de service", "en": "Service provider"},
    "network.kind.researcher": {"fr": "Recherche", "en": "Research"},
    "network.kind.mediator": {"fr": "Médiation", "en": "Mediation"},
    "network.kind.regulator": {"fr": "Contrôle", "en": "Oversight"},
    "network.kind.other": {"fr": "Autre acteur", "en": "Other actor"},
    "network.flagged": {"fr": "À examiner", "en": "To look at"},
    "network.hover.gives": {"fr": "donne", "en": "gives"},
    "network.hover.gets": {"fr": "reçoit", "en": "gets"},
    "network.empty": {"fr": "Réseau vide", "en": "Empty network"},
    # --- value network page -------------------------------------------------------------
    "network.title": {"fr": "Réseau de valeur", "en": "Value network"},
    "network.intro": {
        "fr": "Qui donne quoi à qui dans ce scénario\u202f: les acteurs, et les flux de données, "
        "de consentement, de service, d’argent, de résultats et de contrôle. Les flux "
        "matériels sont en trait plein, les flux immatériels en pointillé.",
        "en": "Who gives what to whom in this scenario: the actors, and the flows of data, "
        "consent, service, money, insight and oversight. Tangible flows are solid lines, "
        "intangible flows dashed.",
    },
    "network.scenario": {"fr": "Scénario", "en": "Scenario"},
    "network.use_case": {"fr": "Cas d’usage", "en": "Use case"},
    "network.model_of": {
        "fr": "Modèle de gouvernance\u202f: {model}",
        "en": "Governance model: {model}",
    },
    "network.broken": {
        "fr": "Le réseau de ce scénario ne peut pas être construit\u202f: {problem}",
        "en": "This scenario's network cannot be built: {problem}",
    },
    "network.diagnostics": {"fr": "Ce qu’il faut regarder", "en": "What to look at"},
    "network.all_clear": {
        "fr": "Aucun déséquilibre repéré\u202f: chaque donnée personnelle est couverte par un "
        "consentement et aucun acteur ne contrôle seul le réseau.",
        "en": "No imbalance found: every personal-data flow is covered by consent and no "
        "single actor controls the network.",
    },
    "network.balance": {
        "fr": "Ce que chaque acteur donne et reçoit",
        "en": "What each actor gives and gets",
    },
    "network.col.actor": {"fr": "Acteur", "en": "Actor"},
    "network.col.kind": {"fr": "Type", "en": "Kind"},
    "network.col.gives": {"fr": "Donne", "en": "Gives"},
    "network.col.gets": {"fr": "Reçoit", "en": "Gets"},
    "network.col.flag": {"fr": "Signal", "en": "Flag"},
    "network.flag.unconsented": {
        "fr": "reçoit des données sans consentement",
        "en": "receives data without consent",
    },
    "network.flag.leaves_control": {
        "fr": "reçoit des données hors du contrôle de l’habitant",
        "en": "receives data out of the resident’s control",
    },
    "network.flag.single_point": {
        "fr": "point de contrôle unique",
        "en": "single point of control",
    },
    "network.flag.takes_without_giving": {
        "fr": "prend des données sans rien rendre",
        "en": "takes data, gives nothing back",
    },
    "network.nothing": {"fr": "rien", "en": "nothing"},
    "network.edit": {
        "fr": "Modifier le réseau (animation)",
        "en": "Edit the network (facilitator)",
    },
    "network.edit.help": {
        "fr": "Les modifications sont enregistrées avec le scénario et apparaissent sur tous "
        "les écrans. «\u202fAnnuler\u202f» dans la console les défait une à une.",
        "en": "Changes are saved with the scenario and show on every screen. Undo in the "
        "console reverts them one at a time.",
    },
    "network.add_actor": {"fr": "Ajouter un acteur", "en": "Add an actor"},
    "network.actor_card": {"fr": "Rôle", "en": "Role"},
    "network.actor_label": {
        "fr": "Nom affiché (facultatif)",
        "en": "Displayed name (optional)",
    },
    "network.remove_actor": {"fr": "Retirer un acteur", "en": "Remove an actor"},
    "network.add_flow": {"fr": "Ajouter un flux", "en": "Add a flow"},
    "network.flow_from": {"fr": "De", "en": "From"},
    "network.flow_to": {"fr": "Vers", "en": "To"},
    "network.flow_type": {"fr": "Nature du flux", "en": "Kind of flow"},
    "network.flow_label": {"fr": "Ce qui circule (facultatif)", "en": "What flows (optional)"},
    "network.remove_flow": {"fr": "Retirer un flux", "en": "Remove a flow"},
    "network.submit_add": {"fr": "Ajouter", "en": "Add"},
    "network.submit_remove": {"fr": "Retirer", "en": "Remove"},
    "network.reset": {"fr": "Revenir au modèle d’origine", "en": "Back to the model's template"},
    "network.saved": {"fr": "Réseau enregistré.", "en": "Network saved."},
    "network.duplicate_name": {
        "fr": "Un acteur s’appelle déjà «\u00a0{name}\u00a0»\u00a0: donnez un autre nom au "
        "nouvel acteur pour les distinguer.",
        "en": "An actor is already called “{name}”: give the new actor another name to tell "
        "them apart.",
    },
    "network.same_ends": {
        "fr": "Un flux relie deux acteurs différents.",
        "en": "A flow joins two different actors.",
    },
    "network.compare": {"fr": "Comparer deux modèles", "en": "Compare two models"},
    "network.compare.help": {
        "fr": "Le même cas d’usage sous un autre modèle de gouvernance\u202f: le réseau d’un autre "
        "scénario de ce cas d’usage s’il en existe un, sinon le réseau type du modèle.",
        "en": "The same use case under another governance model: the network of another "
        "scenario of this use case when there is one, else the model's template.",
    },
    "network.compare_with": {"fr": "Comparer avec", "en": "Compare with"},
    "network.from_scenario": {
        "fr": "d’après le scénario «\u202f{title}\u202f»",
        "en": "from scenario '{title}'",
    },
    "network.from_template": {"fr": "réseau type du modèle", "en": "the model's template"},
    "network.findings_count": {
        "fr": "Points à examiner\u202f: {n}",
        "en": "Points to look at: {n}",
    },
    "network.large": {
        "fr": "Grand réseau ({n} acteurs)\u202f: touchez ou survolez un acteur pour lire son nom.",
        "en": "Large network ({n} actors): tap or hover over an actor to read its name.",
    },
    "network.projection_mode": {
        "fr": "Mode projection (grands caractères, sans formulaires)",
        "en": "Projection mode (large type, no forms)",
    },
    "network.current": {"fr": "Ce scénario", "en": "This scenario"},
    # --- scenarios page -----------------------------------------------------------------
    "scenarios.title": {"fr": "Scénarios", "en": "Scenarios"},
    "scenarios.intro": {
        "fr": "Des expérimentations candidates\u202f: un cas d’usage, un modèle de gouvernance et "
        "une ampleur. Chaque personne les note de 1 à 5 sur chaque critère\u202f; "
        "l’animation règle les poids et révèle le classement.",
        "en": "Candidate field experiments: a use case, a governance model and a scope. "
        "Everyone rates them from 1 to 5 on each criterion; the facilitator sets the "
        "weights and reveals the ranking.",
    },
    "scenarios.none": {
        "fr": "Aucun scénario pour l’instant.",
        "en": "No scenario yet.",
    },
    "scenarios.no_use_case": {
        "fr": "Créez d’abord un cas d’usage (étape «\u202fCas d’usage\u202f»)\u202f: un "
        "scénario en part.",
        "en": "Create a use case first (Use cases step): a scenario builds on one.",
    },
    "scenarios.define": {"fr": "Définir un scénario", "en": "Define a scenario"},
    "scenarios.field.title": {"fr": "Titre", "en": "Title"},
    "scenarios.field.use_case": {"fr": "Cas d’usage", "en": "Use case"},
    "scenarios.field.model": {"fr": "Modèle de gouvernance", "en": "Governance model"},
    "scenarios.field.residents": {"fr": "Nombre d’habitants", "en": "Number of residents"},
    "scenarios.field.duration": {"fr": "Durée (mois)", "en": "Duration (months)"},
    "scenarios.field.partners": {
        "fr": "Partenaires (un par ligne)",
        "en": "Partners (one per line)",
    },
    "scenarios.field.description": {"fr": "Description", "en": "Description"},
    "scenarios.chosen": {
        "fr": "le modèle choisi pour ce cas d’usage",
        "en": "the model chosen for this use case",
    },
    "scenarios.create": {"fr": "Créer le scénario", "en": "Create the scenario"},
    "scenarios.save": {"fr": "Enregistrer", "en": "Save"},
    "scenarios.delete": {"fr": "Supprimer ce scénario", "en": "Delete this scenario"},
    "scenarios.created": {"fr": "Scénario créé.", "en": "Scenario created."},
    "scenarios.scope": {
        "fr": "{residents} habitants · {months} mois · {model}",
        "en": "{residents} residents · {months} months · {model}",
    },
    "scenarios.partners": {"fr": "Partenaires\u202f: {names}", "en": "Partners: {names}"},
    "scenarios.rate": {"fr": "Votre note", "en": "Your rating"},
    "scenarios.rate.help": {
        "fr": "1 = très défavorable, 5 = très favorable. Pour un critère de coût ou de "
        "risque, 5 veut dire «\u202fbeaucoup\u202f»\u202f: le classement en tient compte. "
        "Toucher à nouveau la note choisie la retire.",
        "en": "1 = very poor, 5 = very good. For a cost or risk criterion, 5 means "
        "'a lot': the ranking takes it into account. Tapping the chosen rating again "
        "removes it.",
    },
    "scenarios.cost": {"fr": "moins, c’est mieux", "en": "less is better"},
    "scenarios.rated_this": {
        "fr": "Critères notés pour ce scénario\u202f: {done} sur {total}.",
        "en": "This scenario: {done} of {total} criteria rated.",
    },
    "scenarios.rated": {
        "fr": "Vous avez donné {done} notes sur {total} (une par critère pour chaque scénario).",
        "en": "You have given {done} of {total} ratings (one per criterion for each scenario).",
    },
    "scenarios.raters": {
        "fr": "Personnes ayant commencé à noter\u202f: {n}.",
        "en": "{n} participant(s) have started rating.",
    },
    "scenarios.locked": {
        "fr": "La saisie est verrouillée\u202f: les notes sont figées.",
        "en": "Input is locked: ratings are frozen.",
    },
    "scenarios.join_to_rate": {
        "fr": "Rejoignez l’atelier avec le code pour noter les scénarios.",
        "en": "Join the workshop with the code to rate the scenarios.",
    },
    "scenarios.weights": {"fr": "Poids des critères", "en": "Criteria weights"},
    "scenarios.weights.help": {
        "fr": "De 0 (ignoré) à 10. Les poids sont relatifs\u202f: seules leurs proportions "
        "comptent.",
        "en": "From 0 (ignored) to 10. Weights are relative: only their proportions count.",
    },
    "scenarios.weights.save": {"fr": "Appliquer les poids", "en": "Apply the weights"},
    "scenarios.weights.defaults": {"fr": "Poids par défaut", "en": "Default weights"},
    "scenarios.weights.saved": {"fr": "Poids enregistrés.", "en": "Weights saved."},
    "scenarios.reveal": {"fr": "Révéler le classement", "en": "Reveal the ranking"},
    "scenarios.hide": {"fr": "Masquer le classement", "en": "Hide the ranking"},
    "scenarios.hidden": {
        "fr": "Le classement sera affiché quand l’animation le révélera.",
        "en": "The ranking shows once the facilitator reveals it.",
    },
    "scenarios.results": {"fr": "Classement", "en": "Ranking"},
    "scenarios.method": {"fr": "Méthode", "en": "Method"},
    "scenarios.method.weighted-sum": {"fr": "Somme pondérée", "en": "Weighted sum"},
    "scenarios.method.topsis": {"fr": "TOPSIS", "en": "TOPSIS"},
    "scenarios.score": {"fr": "Score", "en": "Score"},
    "scenarios.consensus": {"fr": "Consensus", "en": "Consensus"},
    "scenarios.consensus.help": {
        "fr": "1\u202f: tout le monde a donné la même note\u202f; 0\u202f: la salle est "
        "partagée entre 1 et 5.",
        "en": "1: everyone gave the same rating; 0: the room is split between 1 and 5.",
    },
    "scenarios.heatmap": {
        "fr": "Probabilité de chaque rang quand les poids varient",
        "en": "Probability of each rank when the weights vary",
    },
    "scenarios.rank": {"fr": "Rang", "en": "Rank"},
    "scenarios.rank_n": {"fr": "{n}e", "en": "#{n}"},
    "scenarios.rank_1": {"fr": "1er", "en": "#1"},
    "scenarios.stability": {
        "fr": "«\u202f{title}\u202f» reste premier dans {pct} % des pondérations essayées.",
        "en": "'{title}' stays first in {pct}% of the weightings tried.",
    },
    "scenarios.swap": {
        "fr": "Passer le poids de «\u202f{criterion}\u202f» de {old} à {new} ferait passer "
        "«\u202f{second}\u202f» devant «\u202f{first}\u202f».",
        "en": "Changing the weight of '{criterion}' from {old} to {new} would put "
        "'{second}' ahead of '{first}'.",
    },
    "scenarios.no_swap": {
        "fr": "Aucun changement d’un seul poids (entre 0 et 10) n’inverse les deux premiers.",
        "en": "No change of a single weight (between 0 and 10) swaps the top two.",
    },
    "scenarios.single": {
        "fr": "Un seul scénario\u202f: rien à départager.",
        "en": "A single scenario: nothing to decide between.",
    },
    "scenarios.missing": {
        "fr": "Cases sans aucune note, comptées comme neutres (3)\u202f: {n}.",
        "en": "Cells nobody rated, counted as neutral (3): {n}.",
    },
    "scenarios.cannot_rank": {
        "fr": "Classement impossible pour l’instant\u202f: {problem}",
        "en": "No ranking yet: {problem}",
    },
    "scenarios.yours": {
        "fr": "Votre classement et celui du groupe",
        "en": "Your ranking and the group's",
    },
    "scenarios.yours.help": {
        "fr": "Visible sur votre tablette seulement\u202f: vos notes, complétées par celles du "
        "groupe là où vous n’avez pas noté.",
        "en": "Shown on your tablet only: your ratings, completed with the group's where you "
        "did not rate.",
    },
    "scenarios.words_help": {
        "fr": "Score\u00a0: de 0 à 1, la moyenne des notes du groupe pondérée par les poids "
        "(1 = les meilleures notes partout). Somme pondérée et TOPSIS sont deux façons de "
        "calculer ce score\u00a0; TOPSIS mesure la proximité avec un scénario idéal.",
        "en": "Score: from 0 to 1, the group's ratings averaged with the weights (1 = the best "
        "ratings everywhere). Weighted sum and TOPSIS are two ways to compute it; TOPSIS "
        "measures how close a scenario comes to an ideal one.",
    },
    "scenarios.col.group": {"fr": "Groupe", "en": "Group"},
    "scenarios.col.you": {"fr": "Vous", "en": "You"},
    "scenarios.col.scenario": {"fr": "Scénario", "en": "Scenario"},
    "scenarios.agreement": {
        "fr": "Accord avec le groupe\u202f: {tau} (de −1, ordre inverse, à 1, même ordre)",
        "en": "Agreement with the group: {tau} (from −1, reversed order, to 1, same order)",
    },
    "scenarios.no_ratings_yet": {
        "fr": "Aucune note n’a encore été donnée\u202f: le classement n’est pas calculé "
        "(aucun scénario n’a de score).",
        "en": "No rating has been given yet: the ranking is not computed "
        "(no scenario has a score).",
    },
    "scenarios.not_rated_yet": {
        "fr": "Vous n’avez encore rien noté\u202f: votre classement apparaîtra ici.",
        "en": "You have not rated anything yet: your ranking will show here.",
    },
    "scenarios.projection_mode": {
        "fr": "Mode projection (grands caractères, résultats seulement une fois révélés)",
        "en": "Projection mode (large type, results only once revealed)",
    },
    "scenarios.pick": {"fr": "Scénario à noter", "en": "Scenario to rate"},
    "scenarios.done": {"fr": "noté", "en": "rated"},
    "scenarios.manage": {"fr": "Gérer les scénarios", "en": "Manage the scenarios"},
    "scenarios.revealed": {
        "fr": "Le classement est visible par toute la salle.",
        "en": "The ranking is visible to the whole room.",
    },
    "scenarios.not_revealed": {
        "fr": "Le classement n’est visible que par vous tant qu’il n’est pas révélé.",
        "en": "Only you see the ranking until you reveal it.",
    },
    # --- export page --------------------------------------------------------------------
    "export.title": {"fr": "Exports", "en": "Exports"},
    "export.intro": {
        "fr": "Les documents de l’atelier, dans la langue de l’interface ({lang}).",
        "en": "The workshop's documents, in the interface language ({lang}).",
    },
    "export.lang.fr": {"fr": "français", "en": "French"},
    "export.lang.en": {"fr": "anglais", "en": "English"},
    "export.dossier": {"fr": "Dossier d’un scénario (PDF)", "en": "Scenario dossier (PDF)"},
    "export.dossier.help": {
        "fr": "Pour les élus et les partenaires\u202f: cas d’usage, gouvernance, réseau de valeur, "
        "notes, risques et prochaines étapes.",
        "en": "For elected officials and partners: use case, governance, value network, "
        "ratings, risks and next steps.",
    },
    "export.report": {"fr": "Rapport de l’atelier (PDF)", "en": "Workshop report (PDF)"},
    "export.report.help": {
        "fr": "Tous les scénarios, le classement et sa robustesse, l’inventaire, les besoins "
        "et la participation.",
        "en": "Every scenario, the ranking and its robustness, the inventory, the needs and "
        "participation.",
    },
    "export.deck": {"fr": "Jeu de cartes à imprimer (PDF)", "en": "Printable card deck (PDF)"},
    "export.deck.help": {
        "fr": "Les cartes de la boîte à outils, quatre par feuille A4, pour un atelier sur papier.",
        "en": "The toolkit's cards, four per A4 sheet, for a paper workshop.",
    },
    "export.workshop": {"fr": "Atelier complet (YAML)", "en": "Whole workshop (YAML)"},
    "export.workshop.help": {
        "fr": "Un fichier portable à réimporter depuis l’accueil, ici ou sur un autre "
        "serveur. Les jetons des personnes participantes n’y figurent jamais.",
        "en": "A portable file to import again from Home, here or on another server. "
        "Participants' tokens are never in it.",
    },
    "export.download": {"fr": "Télécharger", "en": "Download"},
    "export.no_scenario": {
        "fr": "Aucun scénario\u202f: le dossier se prépare une fois un scénario défini.",
        "en": "No scenario: a dossier needs a scenario first.",
    },
    "export.participant": {
        "fr": "Le rapport de l’atelier est à vous une fois que l’animation a révélé les "
        "exports ou le classement des scénarios.",
        "en": "The workshop report is yours once the facilitator has revealed the exports or "
        "the scenario ranking.",
    },
    "export.projection": {
        "fr": "Les documents se téléchargent depuis l’ordinateur de l’animation ou une tablette.",
        "en": "Documents are downloaded from the facilitator's laptop or a tablet.",
    },
    "export.reveal": {
        "fr": "Laisser les personnes participantes télécharger le rapport",
        "en": "Let participants download the report",
    },
    "export.failed": {
        "fr": "Le document n’a pas pu être produit\u202f: {problem}",
        "en": "The document could not be produced: {problem}",
    },
}
