"""The words printed in the PDFs, in French and English.

Kept next to the exports (rather than in the app's strings) because a printed dossier
needs fuller phrasing than a button, and every entry here is checked for both languages
by the tests.
"""

from __future__ import annotations

_LABELS: dict[str, tuple[str, str]] = {
    # documents
    "app": ("Atelier Self Data", "Self Data Workshop"),
    "dossier": ("Dossier de scénario", "Scenario dossier"),
    "report": ("Rapport d’atelier", "Workshop report"),
    "deck": ("Jeu de cartes Self Data", "Self Data card deck"),
    "deck_subtitle": (
        "Cartes à imprimer pour un atelier sans écran : sources de données, besoins des "
        "habitants et modèles de gouvernance. Quatre cartes A6 par feuille A4 ; découpez "
        "le long des traits de coupe.",
        "Printable cards for a workshop without screens: data sources, resident needs and "
        "governance models. Four A6 cards per A4 sheet; cut along the crop marks.",
    ),
    "page": ("Page", "Page"),
    "of": ("sur", "of"),
    "territory": ("Territoire", "Territory"),
    "workshop": ("Atelier", "Workshop"),
    "scenario": ("Scénario", "Scenario"),
    "date": ("Date", "Date"),
    "illustrative": (
        "Contenu illustratif, inventé pour la formation : ce n’est pas le compte rendu "
        "d’un atelier réel.",
        "Illustrative content made up for training: not the account of a real workshop.",
    ),
    "summary": ("En bref", "Summary"),
    "contents": ("Sommaire", "Contents"),
    # use case
    "use_case": ("Le cas d’usage", "The use case"),
    "need": ("Besoin", "Need"),
    "persona": ("Persona", "Persona"),
    "data_sources": ("Sources de données", "Data sources"),
    "source": ("Source", "Source"),
    "holder": ("Détenteur", "Holder"),
    "access": ("Accès", "Access"),
    "sensitivity": ("Sensibilité", "Sensitivity"),
    "portability": ("Portabilité RGPD", "GDPR portability"),
    "refresh": ("Fréquence", "Refresh"),
    "ease": ("Facilité d’accès", "Ease of access"),
    "categories": ("Catégories", "Categories"),
    "themes": ("Thèmes", "Themes"),
    "usage_family": ("Famille d’usage", "Usage family"),
    "reusable": ("Réutilisable", "Reusable"),
    "not_reusable": (
        "Donnée légalement encadrée : ne pas réutiliser",
        "Legally bound data: not reusable",
    ),
    "example": ("Exemple", "Example"),
    "legal_notes": ("Points juridiques", "Legal notes"),
    "yes": ("oui", "yes"),
    "no": ("non", "no"),
    "unknown_card": ("carte inconnue", "unknown card"),
    "description": ("Description", "Description"),
    "scope": ("Périmètre", "Scope"),
    "residents": ("habitants", "residents"),
    "months": ("mois", "months"),
    "partners": ("Partenaires", "Partners"),
    "no_use_case": (
        "Ce scénario ne renvoie à aucun cas d’usage connu.",
        "This scenario refers to no known use case.",
    ),
    # governance
    "governance": ("Le choix de gouvernance", "The governance choice"),
    "chosen_model": ("Modèle retenu", "Chosen model"),
    "group_choice": ("Choix du groupe pour le cas d’usage", "The group’s choice for the use case"),
    "no_choice": ("pas encore choisi", "not chosen yet"),
    "fit": ("Adéquation", "Fit"),
    "fits_title": (
        "Adéquation des cinq modèles aux réponses du groupe",
        "How the five models fit the group’s answers",
    ),
    "model": ("Modèle", "Model"),
    "reasons": ("Raisons", "Reasons"),
    "answers": ("Réponses du groupe", "The group’s answers"),
    "no_answers": (
        "Le groupe n’a répondu à aucune question de gouvernance : l’adéquation n’est pas calculée.",
        "The group answered no governance question: the fit is not computed.",
    ),
    "principle": ("Principe", "Principle"),
    "where_data_lives": ("Où vivent les données", "Where the data lives"),
    "who_decides": ("Qui décide de l’accès", "Who decides access"),
    "consent": ("Consentement", "Consent"),
    "city_role": ("Rôle de la collectivité", "The city’s role"),
    "strengths": ("Forces", "Strengths"),
    "weaknesses": ("Faiblesses", "Weaknesses"),
    "maturity": ("Maturité", "Maturity"),
    "cost": ("Coût", "Cost"),
    "examples": ("Exemples", "Examples"),
    # network
    "network": ("Le réseau de valeur", "The value network"),
    "network_intro": (
        "Qui donne quoi à qui dans ce dispositif. Traits pleins : flux tangibles (données "
        "personnelles, service, argent) ; pointillés : flux intangibles (consentement, "
        "connaissance agrégée, contrôle).",
        "Who gives what to whom in this set-up. Solid lines: tangible flows (personal data, "
        "service, money); dashed: intangible flows (consent, aggregated insight, oversight).",
    ),
    "from": ("De", "From"),
    "to": ("Vers", "To"),
    "flow_type": ("Type de flux", "Flow type"),
    "risks_only": ("Risques", "Risks"),
    "balance": ("Bilan par acteur", "Balance per actor"),
    "actor": ("Acteur", "Actor"),
    "gives": ("Donne", "Gives"),
    "receives": ("Reçoit", "Receives"),
    "diagnostics": ("Points d’attention", "Diagnostics"),
    "no_diagnostics": (
        "Aucun déséquilibre détecté dans ce réseau.",
        "No imbalance detected in this network.",
    ),
    "network_error": (
        "Le réseau de ce scénario ne peut pas être construit ({error}).",
        "This scenario’s network cannot be built ({error}).",
    ),
    "empty_network": ("Le réseau de ce scénario est vide.", "This scenario’s network is empty."),
    "legend": ("Légende", "Legend"),
    # ranking
    "ratings": ("Évaluations et classement", "Ratings and ranking"),
    "criterion": ("Critère", "Criterion"),
    "weight": ("Poids", "Weight"),
    "median": ("Médiane", "Median"),
    "spread": ("Écart-type", "Std. dev."),
    "raters": ("Évaluateurs", "Raters"),
    "rank": ("Rang", "Rank"),
    "score": ("Score", "Score"),
    "topsis": ("TOPSIS", "TOPSIS"),
    "weighted_sum": ("Somme pondérée", "Weighted sum"),
    "consensus": ("Consensus", "Consensus"),
    "stability": ("Stabilité", "Stability"),
    "rank_line": ("Rang {rank} sur {total}", "Rank {rank} of {total}"),
    "stability_line": (
        "Rang conservé dans {pct} % des variations de poids testées.",
        "Rank kept in {pct}% of the weight variations tried.",
    ),
    "no_ratings": (
        "Aucune évaluation pour ce scénario : il n’est pas classé.",
        "No ratings for this scenario: it is not ranked.",
    ),
    "no_ratings_at_all": (
        "Aucune évaluation pour l’instant : le classement n’est pas calculé.",
        "No ratings yet: the ranking is not computed.",
    ),
    "cost_criterion": ("(coût : moins c’est mieux)", "(cost: lower is better)"),
    "ranking": ("Classement des scénarios", "Scenario ranking"),
    "sensitivity_title": ("Sensibilité aux poids", "Sensitivity to the weights"),
    "winner_stability": (
        "« {title} » reste premier dans {pct} % des {draws} tirages où chaque poids varie "
        "au hasard (d’environ {spread} %).",
        "“{title}” stays first in {pct}% of {draws} draws where every weight varies at "
        "random (by about {spread}%).",
    ),
    "weight_swap": (
        "Plus petit changement qui inverserait les deux premiers : passer le poids de "
        "« {criterion} » de {old} à {new} ; « {second} » passerait alors devant.",
        "Smallest change that would swap the top two: moving the weight of “{criterion}” "
        "from {old} to {new}; “{second}” would then come first.",
    ),
    "no_weight_swap": (
        "Aucun changement d’un seul poids ne fait passer le deuxième devant le premier.",
        "No change of a single weight puts the runner-up ahead of the winner.",
    ),
    "criteria_weights": ("Critères et poids", "Criteria and weights"),
    "share": ("Part", "Share"),
    "not_rated": ("non évalué", "not rated"),
    "dots_col": ("Gommettes", "Dots"),
    # next steps
    "risks": ("Risques et prochaines étapes", "Risks and next steps"),
    "mediation": ("Médiation numérique", "Digital mediation"),
    "mediation_need": (
        "Prévoir une médiation numérique : le modèle retenu demande aux habitants des "
        "démarches en ligne.",
        "Plan digital mediation: the chosen model asks residents to act online.",
    ),
    "special_data": (
        "{source} : donnée sensible (catégorie particulière au sens de l’article 9 du "
        "RGPD) ; analyse d’impact (AIPD) à prévoir.",
        "{source}: special-category data (GDPR art. 9); plan a data protection impact "
        "assessment (DPIA).",
    ),
    "no_portability": (
        "{source} : le droit à la portabilité ne s’applique pas ; négocier l’accès avec {holder}.",
        "{source}: the portability right does not apply; negotiate access with {holder}.",
    ),
    "hard_access": (
        "{source} : accès difficile ({access}) ; prévoir du temps de mise en place.",
        "{source}: hard to access ({access}); allow set-up time.",
    ),
    "weakness_of_model": ("Faiblesse du modèle : {text}", "Model weakness: {text}"),
    "next_steps": ("Prochaines étapes", "Next steps"),
    "step_partners": (
        "Réunir les détenteurs de données : {holders}.",
        "Bring the data holders together: {holders}.",
    ),
    "step_clause": (
        "Inscrire une clause « Self Data by design » dans les contrats et délégations concernés.",
        "Add a “Self Data by design” clause to the contracts and delegations concerned.",
    ),
    "step_pilot": (
        "Lancer une expérimentation de {months} mois avec {residents} habitants volontaires.",
        "Run a {months}-month experiment with {residents} volunteer residents.",
    ),
    "nothing_to_flag": ("Rien à signaler.", "Nothing to flag."),
    # report
    "overview": ("Vue d’ensemble", "Overview"),
    "inventory": ("Inventaire des données", "Data inventory"),
    "needs_votes": ("Besoins et votes", "Needs and votes"),
    "votes": ("Votes", "Votes"),
    "dots": ("gommettes", "dots"),
    "participation": ("Participation", "Participation"),
    "participants": ("Participants", "Participants"),
    "pseudonym": ("Pseudonyme", "Pseudonym"),
    "contributions": ("Contributions", "Contributions"),
    "participants_count": ("{n} participants", "{n} participants"),
    "voters": ("Votants", "Voters"),
    "rated": ("Évaluations", "Ratings"),
    "proposed": ("Propositions", "Proposals"),
    "scenarios": ("Scénarios", "Scenarios"),
    "use_cases": ("Cas d’usage", "Use cases"),
    "no_scenarios": ("Aucun scénario pour l’instant.", "No scenario yet."),
    "no_sources": ("Aucune source inventoriée.", "No source in the inventory."),
    "no_needs": ("Aucun besoin proposé.", "No need proposed."),
    "custom": ("proposée en atelier", "proposed in the room"),
    "pseudonyms_hidden": (
        "Les pseudonymes ne sont pas publiés (choix de l’animateur).",
        "Pseudonyms are not published (the facilitator’s choice).",
    ),
    "figures": ("Chiffres", "Figures"),
    "counts_line": (
        "{sources} sources, {needs} besoins, {use_cases} cas d’usage, {scenarios} "
        "scénarios, {votes} gommettes, {ratings} notes.",
        "{sources} sources, {needs} needs, {use_cases} use cases, {scenarios} scenarios, "
        "{votes} dots, {ratings} ratings.",
    ),
    # deck
    "kind_data_source": ("Source de données", "Data source"),
    "kind_need": ("Besoin", "Need"),
    "kind_model": ("Modèle de gouvernance", "Governance model"),
    "kind_models": ("Modèles de gouvernance", "Governance models"),
    "cover_cards": ("{n} cartes", "{n} cards"),
    "sources_label": ("Sources", "Sources"),
    "replacement_note": (
        "Les caractères absents de la police (certains emoji) sont imprimés « � ».",
        "Characters missing from the font (some emoji) print as “�”.",
    ),
}

VOCAB: dict[str, dict[str, tuple[str, str]]] = {
    "access": {
        "paper": ("papier", "paper"),
        "portal": ("espace en ligne", "online portal"),
        "api": ("API", "API"),
        "open_data": ("données ouvertes", "open data"),
        "not_available": ("non disponible", "not available"),
    },
    "sensitivity": {
        "low": ("faible", "low"),
        "medium": ("moyenne", "medium"),
        "high": ("élevée", "high"),
        "special": ("catégorie particulière (art. 9)", "special category (art. 9)"),
    },
    "refresh": {
        "realtime": ("temps réel", "real time"),
        "daily": ("quotidienne", "daily"),
        "weekly": ("hebdomadaire", "weekly"),
        "monthly": ("mensuelle", "monthly"),
        "quarterly": ("trimestrielle", "quarterly"),
        "yearly": ("annuelle", "yearly"),
        "on_event": ("à l’événement", "on event"),
    },
    "holder_kind": {
        "city": ("collectivité", "city"),
        "public_utility": ("régie publique", "public utility"),
        "delegated_operator": ("délégataire", "delegated operator"),
        "private_operator": ("opérateur privé", "private operator"),
        "state_agency": ("organisme d’État", "state agency"),
    },
    "maturity": {
        "concept": ("concept", "concept"),
        "prototype": ("prototype", "prototype"),
        "operational": ("opérationnel", "operational"),
    },
    "usage_family": {
        "data_management": ("gérer ses données", "data management"),
        "self_knowledge": ("se connaître", "self-knowledge"),
        "value_based_living": ("vivre selon ses valeurs", "value-based living"),
        "data_control": ("maîtriser ses données", "personal data control"),
        "better_decisions": ("mieux décider", "better decisions"),
        "collective_contribution": ("contribuer au collectif", "collective contribution"),
        "social_experiences": ("partager des expériences", "social experiences"),
    },
    "flow": {
        "personal_data": ("données personnelles", "personal data"),
        "consent": ("consentement, mandat", "consent, mandate"),
        "service": ("service", "service"),
        "money": ("argent", "money"),
        "insight": ("connaissance agrégée", "aggregated insight"),
        "oversight": ("contrôle", "oversight"),
    },
}


def t(key: str, lang: str, **values: object) -> str:
    """The label ``key`` in ``lang`` (French unless ``en``), with ``{name}`` filled in."""
    fr, en = _LABELS[key]
    text = en if lang == "en" else fr
    return text.format(**values) if values else text


def vocab(kind: str, value: str, lang: str) -> str:
    """A closed-vocabulary value in words; the raw value when unknown."""
    pair = VOCAB.get(kind, {}).get(value)
    if pair is None:
        return value.replace("_", " ")
    return pair[1] if lang == "en" else pair[0]


def label_keys() -> list[str]:
    return list(_LABELS)
