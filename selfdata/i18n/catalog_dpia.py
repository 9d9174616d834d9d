"""The DPO's checklist (issue 27): WP248's nine criteria, the CNIL's list, art. 35(3), the
legal basis and controller per processing, and the steps that follow. Each item names its
rule; a question is asked where the toolkit cannot know. French texts are written with an
ordinary space before ``: ; ? !`` and given the narrow no-break space below."""

from selfdata.i18n.french import space_french

_WP = "WP248 rév. 01 (CEPD), critère {n}"
_WP_EN = "WP248 rev.01 (EDPB), criterion {n}"


def _wp(n: int, fr: str, en: str) -> dict[str, str]:
    return {"fr": f"{_WP.format(n=n)} : {fr}", "en": f"{_WP_EN.format(n=n)}: {en}"}


MESSAGES: dict[str, dict[str, str]] = {
    "dpia.unsaid": {
        "fr": "Le besoin ne le dit pas : question pour le DPO.",
        "en": "The need does not say: a question for the DPO.",
    },
    "dpia.criteria": {
        "fr": "Les neuf critères du CEPD (WP248)",
        "en": "The EDPB’s nine criteria (WP248)",
    },
    "dpia.cnil": {
        "fr": "La liste de la CNIL (délibération n° 2018-327)",
        "en": "The CNIL’s list (délibération n° 2018-327)",
    },
    "dpia.questions": {"fr": "Questions pour le DPO", "en": "Questions for the DPO"},
    "dpia.state.met": {"fr": "oui", "en": "yes"},
    "dpia.state.not_met": {"fr": "non", "en": "no"},
    "dpia.state.unknown": {"fr": "à qualifier", "en": "to be qualified"},
    "dpia.question": {"fr": "Question : {question}", "en": "Question: {question}"},
    "governance.reason.unwanted": {
        "fr": "{what}, alors que les réponses demandent le contraire",
        "en": "{what}, while the answers ask for the opposite",
    },
    "governance.reason.as_wanted": {
        "fr": "{what}, comme les réponses le demandent",
        "en": "{what}, as the answers ask",
    },
    # -- the nine criteria --------------------------------------------------------------
    "dpia.evaluation": {"fr": "Évaluation ou notation", "en": "Evaluation or scoring"},
    "dpia.evaluation.yes": {
        "fr": "Le service évalue ou prédit quelque chose sur la personne (conseils, "
        "suggestions, comparaison, estimation de droits) : un profilage.",
        "en": "The service evaluates or predicts something about the person (advice, "
        "suggestions, comparison, an estimate of entitlements): profiling.",
    },
    "dpia.evaluation.no": {
        "fr": "Le service montre les données à la personne sans l’évaluer.",
        "en": "The service shows the data to the person without evaluating them.",
    },
    "dpia.evaluation.ask": {
        "fr": "Le service évalue-t-il ou prédit-il quelque chose sur la personne ?",
        "en": "Does the service evaluate or predict anything about the person?",
    },
    "dpia.evaluation.rule": _wp(
        1,
        "évaluation ou notation, y compris le profilage",
        "evaluation or scoring, including profiling",
    ),
    "dpia.automated_decision": {
        "fr": "Décision automatique à effet juridique ou similaire",
        "en": "Automated decision with legal or similar effect",
    },
    "dpia.automated_decision.yes": {
        "fr": "Le service décide seul d’un droit ou d’une aide (l’accorde ou la refuse).",
        "en": "The service decides on its own about a right or an aid (grants or refuses it).",
    },
    "dpia.automated_decision.no": {
        "fr": "Le service informe ; une personne décide.",
        "en": "The service informs; a person decides.",
    },
    "dpia.automated_decision.ask": {
        "fr": "Le service décide-t-il seul d’un droit, d’une aide ou d’un accès ?",
        "en": "Does the service decide on its own about a right, an aid or an access?",
    },
    "dpia.automated_decision.rule": _wp(
        2,
        "décision automatique produisant des effets juridiques ou similaires (RGPD art. 22)",
        "automated decision with legal or similarly significant effect (GDPR art. 22)",
    ),
    "dpia.monitoring": {"fr": "Surveillance systématique", "en": "Systematic monitoring"},
    "dpia.monitoring.yes": {
        "fr": "Le service suit la personne dans le temps et déclenche des alertes.",
        "en": "The service follows the person over time and raises alerts.",
    },
    "dpia.monitoring.public": {
        "fr": "Des capteurs observent un espace accessible au public : {sources}.",
        "en": "Sensors observe a publicly accessible area: {sources}.",
    },
    "dpia.monitoring.no": {
        "fr": "Pas de suivi continu de la personne.",
        "en": "No continuous watch over the person.",
    },
    "dpia.monitoring.ask": {
        "fr": "Le service suit-il la personne dans le temps (alertes, suivi continu) ?",
        "en": "Does the service follow the person over time (alerts, continuous watch)?",
    },
    "dpia.monitoring.rule": _wp(
        3,
        "surveillance systématique, dont celle d’un espace accessible au public",
        "systematic monitoring, including of a publicly accessible area",
    ),
    "dpia.sensitive": {
        "fr": "Données sensibles ou très personnelles",
        "en": "Sensitive or highly personal data",
    },
    "dpia.sensitive.yes": {
        "fr": "Données sensibles ou très personnelles (santé, revenus, aides sociales, "
        "localisation, courbe de charge, historique de lecture) : {sources}.",
        "en": "Sensitive or highly personal data (health, income, social benefits, location, "
        "load curve, reading history): {sources}.",
    },
    "dpia.sensitive.need_health": {
        "fr": "Le besoin mobilise des données de santé (RGPD art. 9).",
        "en": "The need mobilises health data (GDPR art. 9).",
    },
    "dpia.sensitive.no": {
        "fr": "Aucune source sensible ou très personnelle.",
        "en": "No sensitive or highly personal source.",
    },
    "dpia.sensitive.unknown": {
        "fr": "Sensibilité à qualifier pour : {sources}.",
        "en": "Sensitivity to be qualified for: {sources}.",
    },
    "dpia.sensitive.ask": {
        "fr": "Ces sources contiennent-elles des données sensibles ou très personnelles ?",
        "en": "Do these sources hold sensitive or highly personal data?",
    },
    "dpia.sensitive.rule": _wp(
        4,
        "données sensibles (RGPD art. 9) ou à caractère hautement personnel (localisation, "
        "données financières…)",
        "sensitive data (GDPR art. 9) or data of a highly personal "
        "nature (location, financial data…)",
    ),
    "dpia.large_scale": {"fr": "Grande échelle", "en": "Large scale"},
    "dpia.large_scale.yes": {
        "fr": "{n} habitants concernés : grande échelle (repère de l’outil : {limit} et plus).",
        "en": "{n} residents involved: large scale (the toolkit’s mark: {limit} or more).",
    },
    "dpia.large_scale.no": {
        "fr": "{n} habitants volontaires : une expérimentation limitée (repère de l’outil : "
        "grande échelle à partir de {limit}).",
        "en": "{n} volunteer residents: a limited experiment (the toolkit’s mark: large scale "
        "from {limit}).",
    },
    "dpia.large_scale.public": {
        "fr": "Les capteurs concernent toute personne qui passe, pas seulement des volontaires.",
        "en": "The sensors concern everyone who passes by, not only volunteers.",
    },
    "dpia.large_scale.unknown": {
        "fr": "Le nombre d’habitants concernés n’est pas fixé.",
        "en": "The number of residents involved is not set.",
    },
    "dpia.large_scale.ask": {
        "fr": "Combien de personnes, sur quel territoire et pour combien de temps ?",
        "en": "How many people, over what territory and for how long?",
    },
    "dpia.large_scale.rule": _wp(
        5,
        "nombre de personnes, volume, durée, étendue géographique (aucun seuil chiffré "
        "dans la loi)",
        "number of people, volume, duration, geographical extent (the law sets no number)",
    ),
    "dpia.matching": {"fr": "Croisement de données", "en": "Matching or combining data"},
    "dpia.matching.yes": {
        "fr": "Les données viennent de {n} détenteurs différents et sont rapprochées.",
        "en": "The data come from {n} different holders and are brought together.",
    },
    "dpia.matching.no": {
        "fr": "Un seul détenteur : pas de croisement.",
        "en": "One holder: no matching.",
    },
    "dpia.matching.ask": {
        "fr": "Qui détient chaque source ? Les données sont-elles rapprochées ?",
        "en": "Who holds each source? Are the data brought together?",
    },
    "dpia.matching.rule": _wp(
        6, "croisement ou combinaison d’ensembles de données", "matching or combining datasets"
    ),
    "dpia.vulnerable": {"fr": "Personnes vulnérables", "en": "Vulnerable people"},
    "dpia.vulnerable.yes": {
        "fr": "Des personnes vulnérables sont concernées : {groups}.",
        "en": "Vulnerable people are involved: {groups}.",
    },
    "dpia.vulnerable.no": {
        "fr": "Pas de public vulnérable désigné par le besoin ni par les données.",
        "en": "No vulnerable group named by the need or the data.",
    },
    "dpia.vulnerable.ask": {
        "fr": "Le service vise-t-il des personnes âgées, des enfants, des bénéficiaires "
        "d’aides sociales, des patients ou des agents ?",
        "en": "Does the service address elderly people, children, recipients of social aid, "
        "patients or employees?",
    },
    "dpia.vulnerable.rule": _wp(
        7,
        "personnes vulnérables (enfants, personnes âgées, patients, salariés, "
        "bénéficiaires d’aides…)",
        "vulnerable data subjects (children, elderly people, "
        "patients, employees, recipients of aid…)",
    ),
    "dpia.group.children": {"fr": "enfants", "en": "children"},
    "dpia.group.elderly": {"fr": "personnes âgées", "en": "elderly people"},
    "dpia.group.social_aid": {
        "fr": "bénéficiaires d’aides sociales",
        "en": "recipients of social aid",
    },
    "dpia.group.patients": {"fr": "patients", "en": "patients"},
    "dpia.group.employees": {"fr": "agents ou salariés", "en": "employees"},
    "dpia.innovative": {
        "fr": "Usage innovant ou technologie nouvelle",
        "en": "Innovative use or new technology",
    },
    "dpia.innovative.sensors": {
        "fr": "Objets connectés dans l’espace public : {sources}.",
        "en": "Connected devices in public space: {sources}.",
    },
    "dpia.innovative.concept": {
        "fr": "Le modèle de gouvernance est encore un concept : une solution "
        "organisationnelle nouvelle.",
        "en": "The governance model is still a concept: a new organisational solution.",
    },
    "dpia.innovative.no": {
        "fr": "Le modèle de gouvernance est déjà en service ailleurs.",
        "en": "The governance model already runs elsewhere.",
    },
    "dpia.innovative.prototype": {
        "fr": "Le modèle n’existe qu’en prototype : nouveau ou non pour la collectivité ?",
        "en": "The model only exists as a prototype: new to the city or not?",
    },
    "dpia.innovative.ask": {
        "fr": "La solution (technique ou organisationnelle) est-elle nouvelle pour la "
        "collectivité et ses partenaires ?",
        "en": "Is the (technical or organisational) solution new to the city and its partners?",
    },
    "dpia.innovative.rule": _wp(
        8,
        "usage innovant ou application de nouvelles solutions technologiques ou organisationnelles",
        "innovative use or new technological or organisational solutions",
    ),
    "dpia.exclusion": {
        "fr": "Exclusion d’un droit ou d’un service",
        "en": "Exclusion from a right or a service",
    },
    "dpia.exclusion.yes": {
        "fr": "Une décision du service peut priver la personne d’un droit ou d’un service.",
        "en": "A decision of the service can deprive the person of a right or a service.",
    },
    "dpia.exclusion.no": {
        "fr": "La participation est volontaire : qui ne participe pas garde l’accès habituel "
        "(condition à écrire dans la délibération).",
        "en": "Taking part is voluntary: those who do not keep the usual access (a condition "
        "to write in the council decision).",
    },
    "dpia.exclusion.ask": {
        "fr": "Ne pas participer prive-t-il la personne d’un droit ou d’un service ?",
        "en": "Does not taking part deprive the person of a right or a service?",
    },
    "dpia.exclusion.rule": _wp(
        9,
        "traitement qui empêche d’exercer un droit ou de bénéficier d’un service ou d’un contrat",
        "processing that prevents the exercise of a right or the use of a service or contract",
    ),
    # -- art. 35(3) and the verdict ------------------------------------------------------
    "dpia.art35.a": {
        "fr": "art. 35, paragraphe 3, a (évaluation systématique fondant des décisions à "
        "effet juridique)",
        "en": "art. 35(3)(a) (systematic evaluation on which decisions with legal effect are "
        "based)",
    },
    "dpia.art35.b": {
        "fr": "art. 35, paragraphe 3, b (données de l’art. 9 à grande échelle)",
        "en": "art. 35(3)(b) (art. 9 data on a large scale)",
    },
    "dpia.art35.c": {
        "fr": "art. 35, paragraphe 3, c (surveillance systématique à grande échelle d’une zone "
        "accessible au public)",
        "en": "art. 35(3)(c) (systematic monitoring of a publicly accessible area on a large "
        "scale)",
    },
    "dpia.verdict.required": {"fr": "Obligatoire : {grounds}.", "en": "Required: {grounds}."},
    "dpia.ground.art35": {"fr": "RGPD {cases}", "en": "GDPR {cases}"},
    "dpia.ground.cnil": {
        "fr": "liste de la CNIL (délibération n° 2018-327) : {items}",
        "en": "the CNIL’s list (délibération n° 2018-327): {items}",
    },
    "dpia.ground.criteria": {
        "fr": "{n} critères du CEPD remplis ({names}), deux suffisent (RGPD art. 35)",
        "en": "{n} EDPB criteria met ({names}), two are enough (GDPR art. 35)",
    },
    "dpia.verdict.advised": {
        "fr": "Conseillée : critères remplis, {n} ({names}) ; questions pour le DPO ({asked}), "
        "qui peuvent la rendre obligatoire ; notez pourquoi si vous n’en faites pas (RGPD "
        "art. 35 et 5, paragraphe 2).",
        "en": "Advised: criteria met, {n} ({names}); questions for the DPO ({asked}), which "
        "may make it required; record why if you do not do one (GDPR arts 35 and 5(2)).",
    },
    "dpia.verdict.not_required": {
        "fr": "Pas obligatoire : aucun critère rempli ni question ouverte (obligatoire à "
        "partir de {threshold}) ; à revoir si le projet change (RGPD art. 35).",
        "en": "Not required: no criterion met and no open question (required from "
        "{threshold}); review it if the project changes (GDPR art. 35).",
    },
}

space_french(MESSAGES)
