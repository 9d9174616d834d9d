"""The DPO's checklist (issue 27): WP248's nine criteria, the CNIL's list, art. 35(3), the
legal basis and controller per processing, and the steps that follow. Each item names its
rule; a question is asked where the toolkit cannot know. French texts are written with an
ordinary space before ``: ; ? !`` and given the narrow no-break space below."""

import re

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
    # -- the CNIL's list ----------------------------------------------------------------
    "dpia.cnil.rule": {
        "fr": "CNIL, délibération n° 2018-327 du 11 octobre 2018 (liste des traitements pour "
        "lesquels une AIPD est requise) : « {item} ».",
        "en": "CNIL, délibération n° 2018-327 of 11 October 2018 (list of processing "
        "operations requiring a DPIA): “{item}”.",
    },
    "dpia.cnil_health_care": {
        "fr": "Données de santé pour la prise en charge sanitaire ou médico-sociale",
        "en": "Health data for health or medico-social care",
    },
    "dpia.cnil_health_care.yes": {
        "fr": "Des données de santé servent à veiller sur des personnes âgées ou des patients.",
        "en": "Health data are used to look after elderly people or patients.",
    },
    "dpia.cnil_health_care.no": {
        "fr": "Pas de données de santé au service d’une prise en charge.",
        "en": "No health data serving a person’s care.",
    },
    "dpia.cnil_health_care.ask": {
        "fr": "Des données de santé servent-elles à prendre en charge des personnes ?",
        "en": "Are health data used for the care of persons?",
    },
    "dpia.cnil_alerts": {
        "fr": "Alertes et signalements en matière sociale et sanitaire",
        "en": "Alerts and reports in social and health matters",
    },
    "dpia.cnil_alerts.yes": {
        "fr": "Le service déclenche des alertes sur la situation sociale ou la santé d’une "
        "personne.",
        "en": "The service raises alerts about a person’s social situation or health.",
    },
    "dpia.cnil_alerts.no": {
        "fr": "Pas d’alerte sociale ou sanitaire.",
        "en": "No social or health alert.",
    },
    "dpia.cnil_alerts.ask": {
        "fr": "Le service déclenche-t-il des alertes sur la situation sociale ou la santé ?",
        "en": "Does the service raise alerts about social situation or health?",
    },
    "dpia.cnil_profiling_exclusion": {
        "fr": "Profilage pouvant exclure du bénéfice d’un contrat",
        "en": "Profiling that may exclude from a contract",
    },
    "dpia.cnil_profiling_exclusion.yes": {
        "fr": "Le profil calculé peut conduire à refuser ou suspendre un service.",
        "en": "The computed profile can lead to refusing or suspending a service.",
    },
    "dpia.cnil_profiling_exclusion.no": {
        "fr": "Aucun profil ne conduit à exclure qui que ce soit.",
        "en": "No profile leads to excluding anyone.",
    },
    "dpia.cnil_profiling_exclusion.ask": {
        "fr": "Un profil calculé peut-il conduire à refuser ou suspendre un service ?",
        "en": "Can a computed profile lead to refusing or suspending a service?",
    },
    "dpia.cnil_profiling_external": {
        "fr": "Profilage à partir de données de sources externes",
        "en": "Profiling with data from external sources",
    },
    "dpia.cnil_profiling_external.yes": {
        "fr": "Le service profile la personne à partir de données de plusieurs détenteurs.",
        "en": "The service profiles the person with data from several holders.",
    },
    "dpia.cnil_profiling_external.no": {
        "fr": "Pas de profilage à partir de sources externes.",
        "en": "No profiling with data from external sources.",
    },
    "dpia.cnil_profiling_external.ask": {
        "fr": "Le service profile-t-il la personne avec des données venues d’autres détenteurs ?",
        "en": "Does the service profile the person with data from other holders?",
    },
    "dpia.cnil_social_housing": {
        "fr": "Instruction des demandes et gestion des logements sociaux",
        "en": "Processing of applications for and management of social housing",
    },
    "dpia.cnil_social_housing.yes": {
        "fr": "Le service s’appuie sur les fichiers de gestion du logement social.",
        "en": "The service relies on the social-housing management files.",
    },
    "dpia.cnil_social_housing.no": {
        "fr": "Pas de fichier du logement social.",
        "en": "No social-housing file.",
    },
    "dpia.cnil_social_support": {
        "fr": "Accompagnement social ou médico-social des personnes",
        "en": "Social or medico-social support of persons",
    },
    "dpia.cnil_social_support.yes": {
        "fr": "Le service sert l’accompagnement social (dossier d’accompagnement ou "
        "travailleurs sociaux dans le réseau).",
        "en": "The service supports social work (a support file, or social workers in the "
        "network).",
    },
    "dpia.cnil_social_support.no": {
        "fr": "Pas d’accompagnement social dans le scénario.",
        "en": "No social support in the scenario.",
    },
    "dpia.cnil_location": {
        "fr": "Données de localisation à large échelle",
        "en": "Location data on a large scale",
    },
    "dpia.cnil_location.yes": {
        "fr": "Des données de localisation à grande échelle.",
        "en": "Location data on a large scale.",
    },
    "dpia.cnil_location.no": {
        "fr": "Pas de données de localisation à grande échelle.",
        "en": "No location data on a large scale.",
    },
    "dpia.cnil_location.ask": {
        "fr": "Des données de localisation : à quelle échelle ?",
        "en": "Location data: on what scale?",
    },
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
        "fr": "Conseillée : {n} critère(s) rempli(s) ({names}) et des questions pour le DPO "
        "({asked}) qui peuvent la rendre obligatoire ; notez pourquoi si vous n’en faites "
        "pas (RGPD art. 35 et 5, paragraphe 2).",
        "en": "Advised: {n} criterion/criteria met ({names}) and questions for the DPO "
        "({asked}) that may make it required; record why if you do not do one (GDPR arts 35 "
        "and 5(2)).",
    },
    "dpia.verdict.not_required": {
        "fr": "Pas obligatoire : aucun critère rempli ni question ouverte (obligatoire à "
        "partir de {threshold}) ; à revoir si le projet change (RGPD art. 35).",
        "en": "Not required: no criterion met and no open question (required from "
        "{threshold}); review it if the project changes (GDPR art. 35).",
    },
}

_LAW: dict[str, dict[str, str]] = {
    "law.title": {
        "fr": "Base légale et responsable, par traitement",
        "en": "Legal basis and controller, per processing",
    },
    "law.processing.service": {"fr": "Le service aux habitants", "en": "The service to residents"},
    "law.processing.transmission": {
        "fr": "La transmission par les détenteurs",
        "en": "The holders’ transmission",
    },
    "law.processing.evaluation": {
        "fr": "Le bilan de l’expérimentation",
        "en": "The experiment’s evaluation",
    },
    "law.controller": {"fr": "Responsable", "en": "Controller"},
    "law.basis": {"fr": "Base légale (art. 6)", "en": "Legal basis (art. 6)"},
    "law.special": {"fr": "Condition de l’art. 9, paragraphe 2", "en": "Art. 9(2) condition"},
    "law.controller.ttp": {
        "fr": "L’opérateur de la plateforme (à désigner) ; la collectivité, responsable "
        "conjointe si elle fixe les finalités avec lui (RGPD art. 26).",
        "en": "The platform’s operator (to be named); the city is joint controller if it sets "
        "the purposes with it (GDPR art. 26).",
    },
    "law.controller.ttp_city": {
        "fr": "La collectivité, qui opère la plateforme (RGPD art. 4, 7) ; ses prestataires "
        "sont sous-traitants (art. 28).",
        "en": "The city, which runs the platform (GDPR art. 4(7)); its contractors are "
        "processors (art. 28).",
    },
    "law.controller.personal_cloud": {
        "fr": "Pas la collectivité : l’habitant pour son propre usage (exemption domestique, "
        "RGPD art. 2, paragraphe 2, c) ; l’opérateur du cloud pour son service ; chaque "
        "application pour ce qu’elle fait des données.",
        "en": "Not the city: the resident for their own use (household exemption, GDPR "
        "art. 2(2)(c)); the cloud operator for its service; each application for what it "
        "does with the data.",
    },
    "law.controller.direct_transfer": {
        "fr": "Chaque détenteur pour sa transmission ; le fournisseur de service qui reçoit "
        "les données pour son service.",
        "en": "Each holder for its transmission; the service provider receiving the data for "
        "its service.",
    },
    "law.controller.data_cooperative": {
        "fr": "Pas la collectivité : la coopérative (SCIC), qui décide avec ses membres ; la "
        "collectivité en est sociétaire.",
        "en": "Not the city: the cooperative (SCIC), which decides with its members; the city "
        "is one of its members.",
    },
    "law.controller.civic_data_trust": {
        "fr": "Pas la collectivité : l’organisme indépendant qui gère l’intendance civique des "
        "données, sous le contrôle de son comité ; la collectivité fournit des données.",
        "en": "Not the city: the independent body running the civic data trust, under its "
        "review board; the city contributes data.",
    },
    "law.controller.unknown": {
        "fr": "À désigner avec le DPO selon le modèle.",
        "en": "To be named with the DPO for the model.",
    },
    "law.controller.holders": {
        "fr": "Chaque détenteur de données, pour ce qu’il transmet.",
        "en": "Each data holder, for what it sends.",
    },
    "law.controller.holders_ccas": {
        "fr": "Chaque détenteur de données, pour ce qu’il transmet ; le CCAS est un "
        "établissement public distinct de la commune (CASF art. L.123-6) et responsable de "
        "ses propres fichiers.",
        "en": "Each data holder, for what it sends; the CCAS is a public body separate from the "
        "commune (CASF art. L.123-6) and controller of its own files.",
    },
    "law.controller.city": {
        "fr": "La collectivité qui conduit l’expérimentation.",
        "en": "The city running the experiment.",
    },
    "law.basis.public_task": {
        "fr": "Mission d’intérêt public (RGPD art. 6, paragraphe 1, e), fondée sur la "
        "compétence de la collectivité et la délibération. Le consentement d’une autorité "
        "publique est rarement libre (considérant 43) : seulement pour un service facultatif "
        "dont le refus ne coûte rien.",
        "en": "Public task (GDPR art. 6(1)(e)), based on the city’s competence and the council "
        "decision. A public authority’s consent is rarely freely given (recital 43): only for "
        "an optional service refusing which costs nothing.",
    },
    "law.basis.personal_cloud": {
        "fr": "Pour l’opérateur : le contrat avec l’habitant (art. 6, paragraphe 1, b) ; pour "
        "chaque application : le consentement de l’habitant (art. 6, paragraphe 1, a), libre "
        "car le service est facultatif.",
        "en": "For the operator: the contract with the resident (art. 6(1)(b)); for each "
        "application: the resident’s consent (art. 6(1)(a)), free as the service is optional.",
    },
    "law.basis.direct_transfer": {
        "fr": "Pour le fournisseur : le contrat avec l’habitant ou son consentement (art. 6, "
        "paragraphe 1, b ou a), pour un service facultatif.",
        "en": "For the provider: the contract with the resident or their consent (art. 6(1)(b) "
        "or (a)), for an optional service.",
    },
    "law.basis.data_cooperative": {
        "fr": "Le contrat d’adhésion des membres (art. 6, paragraphe 1, b), et leur "
        "consentement pour chaque usage partagé (art. 6, paragraphe 1, a).",
        "en": "The members’ membership contract (art. 6(1)(b)), and their consent for each "
        "shared use (art. 6(1)(a)).",
    },
    "law.basis.civic_data_trust": {
        "fr": "À fixer dans les statuts : mission d’intérêt public confiée par les "
        "collectivités (art. 6, paragraphe 1, e) ; l’intérêt légitime n’est pas ouvert aux "
        "autorités publiques pour leurs missions (art. 6, paragraphe 1, dernier alinéa).",
        "en": "To set in the statutes: a public task entrusted by the authorities "
        "(art. 6(1)(e)); legitimate interest is not open to public authorities for their "
        "tasks (art. 6(1), last subparagraph).",
    },
    "law.basis.ask": {
        "fr": "À choisir avec le DPO : mission d’intérêt public (art. 6, paragraphe 1, e) si "
        "un organisme public opère le service, sinon contrat ou consentement.",
        "en": "To choose with the DPO: public task (art. 6(1)(e)) if a public body runs the "
        "service, otherwise contract or consent.",
    },
    "law.basis.transmission": {
        "fr": "À la demande de la personne : droit d’accès (art. 15) et, quand la source y est "
        "soumise, droit à la portabilité (art. 20 ; il ne s’applique pas aux traitements de "
        "mission publique, art. 20, paragraphe 3) ; une convention fixe le canal.",
        "en": "At the person’s request: right of access (art. 15) and, where the source is "
        "subject to it, portability (art. 20; it does not apply to public-task processing, "
        "art. 20(3)); an agreement sets the channel.",
    },
    "law.basis.evaluation": {
        "fr": "Mission d’intérêt public (art. 6, paragraphe 1, e), sur des données "
        "agrégées ou pseudonymisées.",
        "en": "Public task (art. 6(1)(e)), on aggregated or pseudonymised data.",
    },
    "law.art9": {
        "fr": "Données de l’art. 9 : une condition de l’art. 9, paragraphe 2, à choisir avec le "
        "DPO (consentement explicite, a, pour un service facultatif ; prise en charge "
        "sanitaire ou sociale par des professionnels tenus au secret, h ; motif d’intérêt "
        "public important prévu par un texte, g).",
        "en": "Art. 9 data: a condition of art. 9(2), to choose with the DPO (explicit consent, "
        "(a), for an optional service; health or social care by professionals bound by "
        "secrecy, (h); substantial public interest laid down by law, (g)).",
    },
    "law.info": {
        "fr": "Rédiger la notice remise à chaque volontaire (RGPD art. 13) et dire d’où "
        "viennent les données reçues des détenteurs (art. 14) : finalité, base légale, "
        "destinataires, durée, droits, contact du DPO.",
        "en": "Write the notice given to each volunteer (GDPR art. 13) and say where data "
        "received from holders come from (art. 14): purpose, legal basis, recipients, "
        "retention, rights, the DPO’s contact.",
    },
    "law.info.public_space": {
        "fr": "Informer les passants sur place (panneaux près des capteurs) et en ligne, "
        "faute de pouvoir informer chacun (RGPD art. 14, paragraphe 5, b).",
        "en": "Inform passers-by on site (signs near the sensors) and online, as each person "
        "cannot be told one by one (GDPR art. 14(5)(b)).",
    },
    "law.info.rule": {"fr": "RGPD art. 12, 13 et 14", "en": "GDPR arts 12, 13 and 14"},
    "law.secrecy": {
        "fr": "Des travailleurs sociaux interviennent : ils ne partagent que ce qui est "
        "strictement utile à l’accompagnement, avec l’accord de la personne.",
        "en": "Social workers take part: they share only what the support strictly needs, with "
        "the person’s agreement.",
    },
    "law.secrecy.no": {
        "fr": "Pas de travail social dans le scénario.",
        "en": "No social work in the scenario.",
    },
    "law.secrecy.rule": {
        "fr": "CASF art. L.411-3 (assistants de service social) et L.133-5 (agents de l’aide "
        "sociale) ; code pénal art. 226-13.",
        "en": "CASF arts L.411-3 (social workers) and L.133-5 (social-aid staff); criminal code "
        "art. 226-13.",
    },
    "law.dga.rule": {
        "fr": "Règlement (UE) 2022/868 (Data Governance Act), art. 2, 11), art. 10 et 11 ; en "
        "France, l’Arcep reçoit les notifications.",
        "en": "Regulation (EU) 2022/868 (Data Governance Act), arts 2(11), 10 and 11; in "
        "France, ARCEP receives the notifications.",
    },
    "law.dga.cooperative": {
        "fr": "Une coopérative de données est un service d’intermédiation (art. 10, c) : "
        "notification à l’Arcep avant de démarrer, par la coopérative.",
        "en": "A data cooperative is an intermediation service (art. 10(c)): the cooperative "
        "notifies ARCEP before it starts.",
    },
    "law.dga.cloud": {
        "fr": "Non applicable à la collectivité : si l’opérateur du cloud met les habitants en "
        "relation avec des utilisateurs de données, c’est à lui de notifier (art. 10, b).",
        "en": "Not applicable to the city: if the cloud operator puts residents in touch with "
        "data users, it is the one to notify (art. 10(b)).",
    },
    "law.dga.public": {
        "fr": "Non applicable : un partage de données par un organisme public sans but "
        "commercial n’est pas un service d’intermédiation (art. 2, 11, d).",
        "en": "Not applicable: a public body’s data sharing with no commercial aim is not an "
        "intermediation service (art. 2(11)(d)).",
    },
    "law.dga.trusted_third_party": {
        "fr": "Qui opère la plateforme ? Un organisme public sans but commercial : non "
        "applicable (art. 2, 11, d) ; une entreprise : notification à l’Arcep.",
        "en": "Who runs the platform? A public body with no commercial aim: not applicable "
        "(art. 2(11)(d)); a company: notify ARCEP.",
    },
    "law.dga.civic_data_trust": {
        "fr": "Qui gère l’intendance civique des données ? Un organisme public sans but "
        "commercial : non applicable (art. 2, 11, d) ; sinon : notification à l’Arcep.",
        "en": "Who runs the civic data trust? A public body with no commercial aim: not "
        "applicable (art. 2(11)(d)); otherwise: notify ARCEP.",
    },
    "law.dga.none": {
        "fr": "Non applicable : pas d’intermédiaire entre les habitants et les utilisateurs de "
        "leurs données.",
        "en": "Not applicable: no intermediary between residents and the users of their data.",
    },
    "law.council": {
        "fr": "Une délibération approuve l’expérimentation, autorise la signature des "
        "conventions et vote le budget, avant tout engagement.",
        "en": "A council decision approves the experiment, authorises signing the agreements "
        "and votes the budget, before any commitment.",
    },
    "law.council.cooperative": {
        "fr": "Une délibération approuve l’expérimentation et l’entrée de la collectivité au "
        "capital de la coopérative (SCIC), autorise les conventions et vote le budget.",
        "en": "A council decision approves the experiment and the city’s share in the "
        "cooperative (SCIC), authorises the agreements and votes the budget.",
    },
    "law.council.rule.epci": {
        "fr": "CGCT art. L.5211-1 (le conseil de l’intercommunalité suit les règles du conseil "
        "municipal) ; pour une SCIC, loi 47-1775, art. 19 septies.",
        "en": "CGCT art. L.5211-1 (the intercommunal council follows the municipal council’s "
        "rules); for a SCIC, law 47-1775, art. 19 septies.",
    },
    "law.council.rule.lyon": {
        "fr": "CGCT art. L.3642-1 (le conseil de la Métropole de Lyon règle les affaires de la "
        "Métropole) ; pour une SCIC, loi 47-1775, art. 19 septies.",
        "en": "CGCT art. L.3642-1 (the council of the Métropole de Lyon settles its affairs); "
        "for a SCIC, law 47-1775, art. 19 septies.",
    },
    "law.council.rule.unknown": {
        "fr": "Selon l’organe qui décide : commune, CGCT art. L.2121-29 ; intercommunalité, "
        "art. L.5211-1 ; Métropole de Lyon, art. L.3642-1.",
        "en": "Depending on the deciding body: commune, CGCT art. L.2121-29; intercommunal "
        "body, art. L.5211-1; Métropole de Lyon, art. L.3642-1.",
    },
}
MESSAGES.update(_LAW)

_HIGH = re.compile(r"(?<=\S) ([:;?!])")
for _texts in MESSAGES.values():
    _texts["fr"] = (
        _HIGH.sub("\u202f\\1", _texts["fr"]).replace("« ", "«\u00a0").replace(" »", "\u00a0»")
    )
