"""The words printed in the PDFs (dossier, report, card deck), in French and English.

A printed dossier needs fuller phrasing than a button, so these keep their own ``pdf.``
prefix; ``pdf.vocab.<kind>.<value>`` words a closed-vocabulary value (access channel,
sensitivity, flow type…). :mod:`selfdata.export.labels` reads them.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # documents
    "pdf.app": {"fr": "Atelier Self Data", "en": "Self Data Workshop"},
    "pdf.dossier": {"fr": "Dossier de scénario", "en": "Scenario dossier"},
    "pdf.report": {"fr": "Rapport d’atelier", "en": "Workshop report"},
    "pdf.deck": {"fr": "Jeu de cartes Self Data", "en": "Self Data card deck"},
    "pdf.deck_subtitle": {
        "fr": "Cartes à imprimer pour un atelier sans écran\u202f: sources de données, besoins "
        "des habitants et modèles de gouvernance. Quatre cartes A6 par feuille A4\u202f; "
        "découpez le long des traits de coupe.",
        "en": "Printable cards for a workshop without screens: data sources, resident "
        "needs and governance models. Four A6 cards per A4 sheet; cut along the "
        "crop marks.",
    },
    "pdf.page": {"fr": "Page", "en": "Page"},
    "pdf.of": {"fr": "sur", "en": "of"},
    "pdf.territory": {"fr": "Territoire", "en": "Territory"},
    "pdf.workshop": {"fr": "Atelier", "en": "Workshop"},
    "pdf.scenario": {"fr": "Scénario", "en": "Scenario"},
    "pdf.date": {"fr": "Date", "en": "Date"},
    "pdf.illustrative": {
        "fr": "Contenu illustratif, inventé pour la formation\u202f: ce n’est pas le compte "
        "rendu d’un atelier réel.",
        "en": "Illustrative content made up for training: not the account of a real workshop.",
    },
    "pdf.illustrative_page": {
        "fr": "Exemple illustratif\u202f: participants, votes et notes inventés, "
        "pas le compte rendu d’un atelier réel.",
        "en": "Illustrative example: participants, votes and ratings made up, "
        "not the account of a real workshop.",
    },
    "pdf.summary": {"fr": "En bref", "en": "Summary"},
    "pdf.summary.what": {
        "fr": "«\u00a0{title}\u00a0» est une expérimentation de {months} mois avec jusqu’à "
        "{residents} habitants volontaires {of_territory}.",
        "en": "“{title}” is an experiment lasting {months} months with up to {residents} "
        "volunteer residents {of_territory}.",
    },
    "pdf.summary.need": {
        "fr": "Elle répond à un besoin exprimé en atelier\u202f: «\u00a0{need}\u00a0».",
        "en": "It answers a need voiced in the workshop: “{need}”.",
    },
    "pdf.summary.sources": {
        "fr": "Elle s’appuie sur les données suivantes, rendues aux habitants qui le "
        "demandent\u202f: {sources}.",
        "en": "It relies on the following data, given back to the residents who ask: {sources}.",
    },
    "pdf.summary.model": {
        # a dash, not a colon: the controller's text may hold a colon of its own (walk D1:
        # « en répond : pas la collectivité : l’habitant… »)
        "fr": "Le modèle de gouvernance retenu est «\u00a0{model}\u00a0»\u202f; en répond\u00a0— "
        "{controller}.",
        "en": "The governance model chosen is “{model}”; answerable for it — {controller}.",
    },
    "pdf.summary.rank": {
        "fr": "Les participants l’ont classé {rank} sur {total} scénarios.",
        "en": "The participants ranked it {rank} of {total} scenarios.",
    },
    "pdf.summary.protection": {
        "fr": "Côté protection des données, {dpia}\u202f: la liste de contrôle pour le DPO "
        "figure plus loin.",
        "en": "On data protection, {dpia}: the DPO’s checklist comes further on.",
    },
    "pdf.summary.dpia.required": {
        "fr": "une analyse d’impact est obligatoire avant le lancement",
        "en": "an impact assessment is required before the launch",
    },
    "pdf.summary.dpia.recommended": {
        "fr": "une analyse d’impact est conseillée, et des questions restent à trancher",
        "en": "an impact assessment is advised, and questions remain to settle",
    },
    "pdf.summary.dpia.not_required": {
        "fr": "aucune analyse d’impact n’est exigée à ce stade",
        "en": "no impact assessment is required at this stage",
    },
    "pdf.summary.council": {
        "fr": "Le conseil est invité à approuver l’expérimentation, à autoriser les conventions "
        "et à en voter le budget, selon le plan d’action en fin de dossier.",
        "en": "The council is asked to approve the experiment, authorise the agreements and vote "
        "its budget, following the action plan at the end of this dossier.",
    },
    "pdf.contents": {"fr": "Sommaire", "en": "Contents"},
    "pdf.use_case": {"fr": "Le cas d’usage", "en": "The use case"},
    "pdf.need": {"fr": "Besoin", "en": "Need"},
    "pdf.persona": {"fr": "Persona", "en": "Persona"},
    "pdf.data_sources": {"fr": "Sources de données", "en": "Data sources"},
    "pdf.source": {"fr": "Source", "en": "Source"},
    "pdf.holder": {"fr": "Détenteur", "en": "Holder"},
    "pdf.access": {"fr": "Accès", "en": "Access"},
    "pdf.sensitivity": {"fr": "Sensibilité", "en": "Sensitivity"},
    "pdf.portability": {"fr": "Portabilité RGPD", "en": "GDPR portability"},
    "pdf.refresh": {"fr": "Fréquence", "en": "Refresh"},
    "pdf.ease": {"fr": "Facilité d’accès", "en": "Ease of access"},
    "pdf.categories": {"fr": "Catégories", "en": "Categories"},
    "pdf.themes": {"fr": "Thèmes", "en": "Themes"},
    "pdf.usage_family": {"fr": "Famille d’usage", "en": "Usage family"},
    "pdf.reusable": {"fr": "Réutilisable", "en": "Reusable"},
    "pdf.not_reusable": {
        "fr": "Donnée légalement encadrée\u202f: ne pas réutiliser",
        "en": "Legally bound data: not reusable",
    },
    "pdf.example": {"fr": "Exemple", "en": "Example"},
    "pdf.legal_notes": {"fr": "Points juridiques", "en": "Legal notes"},
    "pdf.legal_framework": {"fr": "Cadre juridique", "en": "Legal framework"},
    "pdf.yes": {"fr": "oui", "en": "yes"},
    "pdf.no": {"fr": "non", "en": "no"},
    "pdf.unknown_card": {"fr": "carte inconnue", "en": "unknown card"},
    "pdf.description": {"fr": "Description", "en": "Description"},
    "pdf.scope": {"fr": "Périmètre", "en": "Scope"},
    "pdf.residents": {"fr": "habitants", "en": "residents"},
    "pdf.months": {"fr": "mois", "en": "months"},
    "pdf.partners": {"fr": "Partenaires", "en": "Partners"},
    "pdf.no_use_case": {
        "fr": "Ce scénario ne renvoie à aucun cas d’usage connu.",
        "en": "This scenario refers to no known use case.",
    },
    "pdf.governance": {"fr": "Le choix de gouvernance", "en": "The governance choice"},
    "pdf.chosen_model": {"fr": "Modèle du scénario", "en": "The scenario’s model"},
    "pdf.group_choice": {
        "fr": "Choix du groupe pour le cas d’usage",
        "en": "The group’s choice for the use case",
    },
    "pdf.no_choice": {"fr": "pas encore choisi", "en": "not chosen yet"},
    "pdf.fit": {"fr": "Adéquation", "en": "Fit"},
    "pdf.fits_title": {
        "fr": "Adéquation des cinq modèles aux réponses du groupe",
        "en": "How the five models fit the group’s answers",
    },
    "pdf.model": {"fr": "Modèle", "en": "Model"},
    "pdf.reasons": {"fr": "Raisons", "en": "Reasons"},
    "pdf.answers": {"fr": "Réponses du groupe", "en": "The group’s answers"},
    "pdf.no_answers": {
        "fr": "Le groupe n’a répondu à aucune question de gouvernance\u202f: l’adéquation "
        "n’est pas calculée.",
        "en": "The group answered no governance question: the fit is not computed.",
    },
    "pdf.principle": {"fr": "Principe", "en": "Principle"},
    "pdf.where_data_lives": {"fr": "Où vivent les données", "en": "Where the data lives"},
    "pdf.who_decides": {"fr": "Qui décide de l’accès", "en": "Who decides access"},
    "pdf.consent": {"fr": "Consentement", "en": "Consent"},
    "pdf.city_role": {"fr": "Rôle de la collectivité", "en": "The city’s role"},
    "pdf.strengths": {"fr": "Forces", "en": "Strengths"},
    "pdf.weaknesses": {"fr": "Faiblesses", "en": "Weaknesses"},
    "pdf.maturity": {"fr": "Maturité", "en": "Maturity"},
    "pdf.cost": {"fr": "Coût", "en": "Cost"},
    "pdf.examples": {"fr": "Exemples", "en": "Examples"},
    "pdf.network": {"fr": "Le réseau de valeur", "en": "The value network"},
    "pdf.network_intro": {
        "fr": "Qui donne quoi à qui dans ce dispositif. Chaque type de flux a son trait, "
        "lisible aussi imprimé en gris (voir la légende)\u202f: flux tangibles en trait "
        "plein épais (données personnelles), fin (service) ou à longs tirets (argent)\u202f; "
        "flux intangibles en tirets (consentement), points (connaissance agrégée) ou "
        "tirets-points (contrôle).",
        "en": "Who gives what to whom in this set-up. Each flow type has its own line, "
        "readable in grey print too (see the legend): tangible flows solid and thick "
        "(personal data), thin (service) or in long dashes (money); intangible flows "
        "dashed (consent), dotted (aggregated insight) or dash-dotted (oversight).",
    },
    "pdf.from": {"fr": "De", "en": "From"},
    "pdf.to": {"fr": "Vers", "en": "To"},
    "pdf.flow_type": {"fr": "Type de flux", "en": "Flow type"},
    "pdf.risks_only": {"fr": "Risques", "en": "Risks"},
    "pdf.balance": {"fr": "Bilan par acteur", "en": "Balance per actor"},
    "pdf.actor": {"fr": "Acteur", "en": "Actor"},
    "pdf.gives": {"fr": "Donne", "en": "Gives"},
    "pdf.receives": {"fr": "Reçoit", "en": "Receives"},
    "pdf.diagnostics": {"fr": "Points d’attention", "en": "Diagnostics"},
    "pdf.no_diagnostics": {
        "fr": "Aucun déséquilibre détecté dans ce réseau.",
        "en": "No imbalance detected in this network.",
    },
    "pdf.network_error": {
        "fr": "Le réseau de ce scénario ne peut pas être construit ({error}).",
        "en": "This scenario’s network cannot be built ({error}).",
    },
    "pdf.empty_network": {
        "fr": "Le réseau de ce scénario est vide.",
        "en": "This scenario’s network is empty.",
    },
    "pdf.legend": {"fr": "Légende", "en": "Legend"},
    "pdf.ratings": {"fr": "Évaluations et classement", "en": "Ratings and ranking"},
    "pdf.criterion": {"fr": "Critère", "en": "Criterion"},
    "pdf.weight": {"fr": "Poids", "en": "Weight"},
    "pdf.median": {"fr": "Médiane", "en": "Median"},
    "pdf.spread": {"fr": "Écart-type", "en": "Std. dev."},
    "pdf.raters": {"fr": "Évaluateurs", "en": "Raters"},
    "pdf.rank": {"fr": "Rang", "en": "Rank"},
    "pdf.score": {"fr": "Score", "en": "Score"},
    "pdf.topsis": {"fr": "TOPSIS", "en": "TOPSIS"},
    "pdf.method_words": {"fr": "Les mots de la méthode", "en": "The method’s words"},
    "pdf.method.weighted_sum.term": {"fr": "Somme pondérée", "en": "Weighted sum"},
    "pdf.method.weighted_sum": {
        "fr": "La note de chaque critère multipliée par son poids, puis additionnée\u202f: plus "
        "elle est haute, mieux le scénario répond aux critères qui comptent le plus.",
        "en": "Each criterion’s rating multiplied by its weight, then added up: the higher, the "
        "better the scenario meets the criteria that matter most.",
    },
    "pdf.method.topsis.term": {"fr": "TOPSIS", "en": "TOPSIS"},
    "pdf.method.topsis": {
        "fr": "Une seconde façon de classer\u202f: chaque scénario est comparé à un scénario "
        "idéal (le meilleur sur chaque critère) et au pire\u202f; le premier est le plus proche "
        "de l’idéal et le plus loin du pire. Si les deux classements s’accordent, le résultat "
        "est solide.",
        "en": "A second way to rank: each scenario is compared with an ideal one (the best on "
        "every criterion) and with the worst; the first is closest to the ideal and furthest "
        "from the worst. When both rankings agree, the result is solid.",
    },
    "pdf.method.consensus.term": {"fr": "Consensus", "en": "Consensus"},
    "pdf.method.consensus": {
        "fr": "Dans quelle mesure les participants ont donné des notes proches\u202f: 100 % si "
        "tous ont noté pareil, moins quand les avis divergent.",
        "en": "How close the participants’ ratings were: 100 % when all rated alike, less when "
        "views differ.",
    },
    "pdf.method.stability.term": {"fr": "Stabilité", "en": "Stability"},
    "pdf.method.stability": {
        "fr": "La part des essais, en faisant varier un peu les poids des critères, où le "
        "scénario garde sa place.",
        "en": "The share of trials, changing the criteria’s weights a little, in which the "
        "scenario keeps its place.",
    },
    "pdf.method.sensitivity.term": {"fr": "Sensibilité aux poids", "en": "Sensitivity"},
    "pdf.method.sensitivity": {
        "fr": "Ce que devient le classement si l’on change les poids\u202f: un classement peu "
        "sensible ne dépend pas d’un choix de poids discutable.",
        "en": "What happens to the ranking when the weights change: a ranking that is not "
        "sensitive does not hang on a debatable choice of weights.",
    },
    "pdf.method.median.term": {"fr": "Médiane", "en": "Median"},
    "pdf.method.median": {
        "fr": "La note du milieu\u202f: la moitié des participants a noté plus haut, l’autre "
        "moitié plus bas.",
        "en": "The middle rating: half the participants rated higher, half lower.",
    },
    "pdf.method.spread.term": {"fr": "Écart-type", "en": "Standard deviation"},
    "pdf.method.spread": {
        "fr": "L’écart moyen des notes autour de la moyenne\u202f: petit quand les participants "
        "sont d’accord, grand quand ils divergent.",
        "en": "How far ratings typically lie from their average: small when participants "
        "agree, large when they differ.",
    },
    "pdf.weighted_sum": {"fr": "Somme pondérée", "en": "Weighted sum"},
    "pdf.consensus": {"fr": "Consensus", "en": "Consensus"},
    "pdf.stability": {"fr": "Stabilité", "en": "Stability"},
    "pdf.rank_line": {"fr": "Rang {rank} sur {total}", "en": "Rank {rank} of {total}"},
    "pdf.stability_line": {
        "fr": "Rang conservé dans {pct} des variations de poids testées.",
        "en": "Place kept in {pct} of the weight variations tried.",
    },
    "pdf.no_ratings": {
        "fr": "Aucune évaluation pour ce scénario\u202f: il n’est pas classé.",
        "en": "No ratings for this scenario: it is not ranked.",
    },
    "pdf.no_ratings_at_all": {
        "fr": "Aucune évaluation pour l’instant\u202f: le classement n’est pas calculé.",
        "en": "No ratings yet: the ranking is not computed.",
    },
    "pdf.cost_criterion": {
        "fr": "(à réduire)",
        "en": "(to keep low)",
    },
    "pdf.ranking": {"fr": "Classement des scénarios", "en": "Scenario ranking"},
    "pdf.sensitivity_title": {"fr": "Sensibilité aux poids", "en": "Sensitivity to the weights"},
    "pdf.sensitivity_method": {
        "fr": "Sensibilité mesurée sur {draws} tirages où chaque poids varie au hasard "
        "(d’environ {spread}\u202f%), les mêmes qu’à l’écran.",
        "en": "Sensitivity measured on {draws} draws where every weight varies at random "
        "(by about {spread}%), the same as on screen.",
    },
    "pdf.criteria_weights": {"fr": "Critères et poids", "en": "Criteria and weights"},
    "pdf.share": {"fr": "Part", "en": "Share"},
    "pdf.not_rated": {"fr": "non évalué", "en": "not rated"},
    "pdf.dots_col": {"fr": "Gommettes", "en": "Dots"},
    "pdf.risks": {"fr": "Risques et prochaines étapes", "en": "Risks and next steps"},
    "pdf.mediation": {"fr": "Médiation numérique", "en": "Digital mediation"},
    "pdf.mediation_need": {
        "fr": "Prévoir une médiation numérique\u202f: le modèle retenu demande aux habitants "
        "des démarches en ligne.",
        "en": "Plan digital mediation: the chosen model asks residents to act online.",
    },
    "pdf.special_data": {
        "fr": "{source}\u202f: donnée sensible (catégorie particulière au sens de l’article 9 "
        "du RGPD)\u202f; analyse d’impact (AIPD) à prévoir.",
        "en": "{source}: special-category data (GDPR art. 9); plan a data protection "
        "impact assessment (DPIA).",
    },
    "pdf.no_portability": {
        "fr": "{source}\u202f: le droit à la portabilité ne s’applique pas\u202f; négocier l’accès "
        "avec {holder}.",
        "en": "{source}: the portability right does not apply; negotiate access with {holder}.",
    },
    "pdf.hard_access": {
        "fr": "{source}\u202f: accès difficile ({access})\u202f; prévoir du temps de mise en "
        "place.",
        "en": "{source}: hard to access ({access}); allow set-up time.",
    },
    "pdf.weakness_of_model": {
        "fr": "Faiblesse du modèle\u202f: {text}",
        "en": "Model weakness: {text}",
    },
    "pdf.next_steps": {"fr": "Prochaines étapes", "en": "Next steps"},
    "pdf.step_partners": {
        "fr": "Réunir les détenteurs de données\u202f: {holders}.",
        "en": "Bring the data holders together: {holders}.",
    },
    "pdf.step_one_holder": {
        "fr": "Rencontrer le détenteur des données\u00a0: {holder}.",
        "en": "Meet the data holder: {holder}.",
    },
    "pdf.step_resident_data": {
        "fr": "Les habitants détiennent eux-mêmes {sources}\u00a0: prévoir comment ils les "
        "partagent, avec un accord qu’ils peuvent retirer.",
        "en": "Residents hold {sources} themselves: plan how they share it, with consent "
        "they can withdraw.",
    },
    "pdf.step_choose_model": {
        "fr": "Faire choisir au groupe un modèle de gouvernance pour ce cas d’usage "
        "(pas encore choisi).",
        "en": "Have the group choose a governance model for this use case (not chosen yet).",
    },
    "pdf.step_confirm_model": {
        "fr": "Le scénario repose sur «\u00a0{model}\u00a0» alors que le groupe a choisi "
        "«\u00a0{choice}\u00a0»\u00a0: confirmer le modèle avec le groupe.",
        "en": "The scenario relies on “{model}” while the group chose “{choice}”: confirm "
        "the model with the group.",
    },
    "pdf.step_digital_mediators": {
        "fr": "Associer les médiateurs numériques dès la conception, comme le groupe l’a prévu.",
        "en": "Involve the digital mediators from the design stage, as the group planned.",
    },
    "pdf.step_social_workers": {
        "fr": "Associer les travailleurs sociaux dès la conception, comme le groupe l’a prévu.",
        "en": "Involve the social workers from the design stage, as the group planned.",
    },
    "pdf.step_check_alone": {
        "fr": "Le groupe prévoit que les habitants se débrouilleront seuls\u00a0: le vérifier "
        "avec des habitants éloignés du numérique avant le lancement.",
        "en": "The group expects residents to manage on their own: check it with residents "
        "far from digital tools before the launch.",
    },
    "pdf.step_api_no_api": {
        "fr": "Demander au détenteur un moyen de partage numérique (aujourd’hui papier ou rien).",
        "en": "Ask the holder for a digital way to share (paper or nothing today).",
    },
    "pdf.step_api_partly": {
        "fr": "Passer du portail ou de l’export de fichiers à une interface de partage avec "
        "consentement.",
        "en": "Move from the portal or file export to a sharing interface with consent.",
    },
    "pdf.step_operator": {
        "fr": "Confier l’opération du dispositif à l’acteur choisi par le groupe\u00a0: "
        "{operator}.",
        "en": "Have the scheme run by the operator the group chose: {operator}.",
    },
    "pdf.mediation_planned_digital_mediators": {
        "fr": "Le groupe a prévu un accompagnement des habitants par des médiateurs "
        "numériques\u00a0: l’organiser avec eux dès le lancement.",
        "en": "The group planned support for residents by digital mediators: organise it "
        "with them from the launch.",
    },
    "pdf.mediation_planned_social_workers": {
        "fr": "Le groupe a prévu un accompagnement des habitants par des travailleurs "
        "sociaux\u00a0: l’organiser avec eux dès le lancement.",
        "en": "The group planned support for residents by social workers: organise it with "
        "them from the launch.",
    },
    "pdf.step_clause": {
        "fr": "Inscrire une clause «\u202fSelf Data by design\u202f» dans les contrats et "
        "délégations concernés.",
        "en": "Add a “Self Data by design” clause to the contracts and delegations concerned.",
    },
    "pdf.step_pilot": {
        "fr": "Lancer une expérimentation de {months} mois avec {residents} habitants volontaires.",
        "en": "Run a {months}-month experiment with {residents} volunteer residents.",
    },
    "pdf.nothing_to_flag": {"fr": "Rien à signaler.", "en": "Nothing to flag."},
    "pdf.overview": {"fr": "Vue d’ensemble", "en": "Overview"},
    "pdf.inventory": {"fr": "Inventaire des données", "en": "Data inventory"},
    "pdf.needs_votes": {"fr": "Besoins et votes", "en": "Needs and votes"},
    "pdf.votes": {"fr": "Votes", "en": "Votes"},
    "pdf.dots": {"fr": "gommettes", "en": "dots"},
    "pdf.participation": {"fr": "Participation", "en": "Participation"},
    "pdf.participants": {"fr": "Participants", "en": "Participants"},
    "pdf.pseudonym": {"fr": "Pseudonyme", "en": "Pseudonym"},
    "pdf.contributions": {"fr": "Contributions", "en": "Contributions"},
    "pdf.participants_count": {"fr": "{n} participants", "en": "{n} participants"},
    "pdf.voters": {"fr": "Votants", "en": "Voters"},
    "pdf.rated": {"fr": "Évaluations", "en": "Ratings"},
    "pdf.proposed": {"fr": "Propositions", "en": "Proposals"},
    "pdf.scenarios": {"fr": "Scénarios", "en": "Scenarios"},
    "pdf.use_cases": {"fr": "Cas d’usage", "en": "Use cases"},
    "pdf.no_scenarios": {"fr": "Aucun scénario pour l’instant.", "en": "No scenario yet."},
    "pdf.no_sources": {"fr": "Aucune source inventoriée.", "en": "No source in the inventory."},
    "pdf.no_needs": {"fr": "Aucun besoin proposé.", "en": "No need proposed."},
    "pdf.custom": {"fr": "proposée en atelier", "en": "proposed in the room"},
    "pdf.custom_need": {"fr": "proposé en atelier", "en": "proposed in the room"},
    "pdf.pseudonyms_hidden": {
        "fr": "Les pseudonymes ne sont pas publiés (choix de l’animation).",
        "en": "Pseudonyms are not published (the facilitator’s choice).",
    },
    "pdf.figures": {"fr": "Chiffres", "en": "Figures"},
    "pdf.counts_line": {
        "fr": "{sources} sources, {needs} besoins, {use_cases} cas d’usage, {scenarios} "
        "scénarios, {votes} gommettes, {ratings} notes.",
        "en": "{sources} sources, {needs} needs, {use_cases} use cases, {scenarios} "
        "scenarios, {votes} dots, {ratings} ratings.",
    },
    "pdf.kind_data_source": {"fr": "Source de données", "en": "Data source"},
    "pdf.kind_need": {"fr": "Besoin", "en": "Need"},
    "pdf.kind_model": {"fr": "Modèle de gouvernance", "en": "Governance model"},
    "pdf.kind_models": {"fr": "Modèles de gouvernance", "en": "Governance models"},
    "pdf.cover_cards": {
        "fr": "{n} cartes à imprimer, sur les {total} de l’application (les territoires "
        "inspirants, acteurs, critères et étapes se consultent à l’écran).",
        "en": "{n} cards to print, of the app’s {total} (territories to learn from, actors, "
        "criteria and steps are browsed on screen).",
    },
    "pdf.sources_label": {"fr": "Sources", "en": "Sources"},
    # closed vocabularies
    "pdf.vocab.access.paper": {"fr": "papier", "en": "paper"},
    "pdf.vocab.access.portal": {"fr": "espace en ligne", "en": "online account"},
    "pdf.vocab.access.api": {"fr": "API", "en": "API"},
    "pdf.vocab.access.open_data": {"fr": "données ouvertes", "en": "open data"},
    "pdf.vocab.access.not_available": {"fr": "non disponible", "en": "not available"},
    "pdf.vocab.sensitivity.low": {"fr": "faible", "en": "low"},
    "pdf.vocab.sensitivity.medium": {"fr": "moyenne", "en": "medium"},
    "pdf.vocab.sensitivity.high": {"fr": "élevée", "en": "high"},
    "pdf.vocab.sensitivity.special": {
        "fr": "catégorie particulière (art. 9)",
        "en": "special category (art. 9)",
    },
    "pdf.vocab.refresh.realtime": {"fr": "temps réel", "en": "real time"},
    "pdf.vocab.refresh.daily": {"fr": "quotidienne", "en": "daily"},
    "pdf.vocab.refresh.weekly": {"fr": "hebdomadaire", "en": "weekly"},
    "pdf.vocab.refresh.monthly": {"fr": "mensuelle", "en": "monthly"},
    "pdf.vocab.refresh.quarterly": {"fr": "trimestrielle", "en": "quarterly"},
    "pdf.vocab.refresh.yearly": {"fr": "annuelle", "en": "yearly"},
    "pdf.vocab.refresh.on_event": {"fr": "à l’événement", "en": "on event"},
    "pdf.vocab.holder_kind.city": {
        "fr": "commune ou métropole",
        "en": "city or metropolitan authority",
    },
    "pdf.vocab.automation.profiling": {
        "fr": "évaluation ou suggestion",
        "en": "evaluation or suggestion",
    },
    "pdf.vocab.automation.decision": {"fr": "décision automatique", "en": "automated decision"},
    "pdf.vocab.automation.monitoring": {"fr": "suivi et alertes", "en": "monitoring and alerts"},
    "pdf.vocab.vulnerable.children": {"fr": "enfants", "en": "children"},
    "pdf.vocab.vulnerable.elderly": {"fr": "personnes âgées", "en": "elderly people"},
    "pdf.vocab.vulnerable.social_aid": {
        "fr": "bénéficiaires d’aides sociales",
        "en": "recipients of social aid",
    },
    "pdf.vocab.vulnerable.patients": {"fr": "patients", "en": "patients"},
    "pdf.vocab.vulnerable.employees": {"fr": "agents ou salariés", "en": "employees"},
    "pdf.vocab.holder_kind.local_public_body": {
        "fr": "établissement public local (CCAS…)",
        "en": "local public body (CCAS…)",
    },
    "pdf.vocab.holder_kind.local_authority": {
        "fr": "département ou région",
        "en": "département or region",
    },
    "pdf.vocab.holder_kind.public_utility": {
        "fr": "régie publique",
        "en": "public in-house utility",
    },
    "pdf.vocab.holder_kind.delegated_operator": {
        "fr": "délégataire de service public",
        "en": "public-service delegate",
    },
    "pdf.vocab.holder_kind.concession_holder": {
        "fr": "entreprise concessionnaire du réseau",
        "en": "network concession company",
    },
    "pdf.vocab.holder_kind.social_landlord": {"fr": "bailleur social", "en": "social landlord"},
    "pdf.vocab.holder_kind.social_security_body": {
        "fr": "organisme de sécurité sociale",
        "en": "social-security body",
    },
    "pdf.vocab.holder_kind.private_operator": {"fr": "entreprise privée", "en": "private company"},
    "pdf.vocab.holder_kind.state_agency": {
        "fr": "État ou établissement public de l’État",
        "en": "State or State agency",
    },
    "pdf.vocab.maturity.concept": {"fr": "concept", "en": "concept"},
    "pdf.vocab.maturity.prototype": {"fr": "prototype", "en": "prototype"},
    "pdf.vocab.maturity.operational": {"fr": "opérationnel", "en": "operational"},
    "pdf.vocab.usage_family.data_management": {"fr": "gérer ses données", "en": "data management"},
    "pdf.vocab.usage_family.self_knowledge": {"fr": "se connaître", "en": "self-knowledge"},
    "pdf.vocab.usage_family.value_based_living": {
        "fr": "vivre selon ses valeurs",
        "en": "value-based living",
    },
    "pdf.vocab.usage_family.data_control": {
        "fr": "maîtriser ses données",
        "en": "personal data control",
    },
    "pdf.vocab.usage_family.better_decisions": {"fr": "mieux décider", "en": "better decisions"},
    "pdf.vocab.usage_family.collective_contribution": {
        "fr": "contribuer au collectif",
        "en": "collective contribution",
    },
    "pdf.vocab.usage_family.social_experiences": {
        "fr": "partager des expériences",
        "en": "social experiences",
    },
    "pdf.vocab.flow.personal_data": {"fr": "données personnelles", "en": "personal data"},
    "pdf.vocab.flow.consent": {"fr": "consentement, mandat", "en": "consent, mandate"},
    "pdf.vocab.flow.service": {"fr": "service", "en": "service"},
    "pdf.vocab.flow.money": {"fr": "argent", "en": "money"},
    "pdf.vocab.flow.insight": {"fr": "connaissance agrégée", "en": "aggregated insight"},
    "pdf.vocab.flow.oversight": {"fr": "contrôle", "en": "oversight"},
}
