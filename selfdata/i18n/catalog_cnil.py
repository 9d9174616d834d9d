"""The CNIL's list of processings that need an impact assessment (délibération n° 2018-327
of 11 October 2018): the fourteen items' labels, reasons and questions, written in the
toolkit's own words (the rules: ``selfdata/engines/cnil_list.py``). French texts are written
with an ordinary space before ``: ; ? !`` and given the narrow no-break space below."""

from selfdata.i18n.french import space_french

MESSAGES: dict[str, dict[str, str]] = {
    "dpia.cnil.rule": {
        "fr": "CNIL, délibération n° 2018-327 du 11 octobre 2018 (liste des traitements pour "
        "lesquels une AIPD est requise) : «\u202f{item}\u202f».",
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
    "dpia.cnil_social_housing.unsure": {
        "fr": "Le statut du détenteur de {sources} n’est pas renseigné : question pour le DPO.",
        "en": "The status of the holder of {sources} is not given: a question for the DPO.",
    },
    "dpia.cnil_social_housing.ask": {
        "fr": "Le service s’appuie-t-il sur des fichiers d’un bailleur social ?",
        "en": "Does the service rely on a social landlord’s files?",
    },
    "dpia.cnil_social_support.ask": {
        "fr": "Le service sert-il l’accompagnement social ou médico-social de personnes ?",
        "en": "Does the service support the social or medico-social follow-up of people?",
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
    "dpia.cnil.unknown_categories": {
        "fr": "Les catégories de données de {sources} ne sont pas renseignées : question pour "
        "le DPO.",
        "en": "The data categories of {sources} are not given: a question for the DPO.",
    },
    "dpia.cnil_genetic": {
        "fr": "Données génétiques de personnes vulnérables",
        "en": "Genetic data of vulnerable people",
    },
    "dpia.cnil_genetic.yes": {
        "fr": "Des données génétiques concernent des personnes vulnérables.",
        "en": "Genetic data concern vulnerable people.",
    },
    "dpia.cnil_genetic.no": {
        "fr": "Pas de données génétiques, ou pas de personnes vulnérables parmi les personnes "
        "concernées.",
        "en": "No genetic data, or no vulnerable people among those concerned.",
    },
    "dpia.cnil_genetic.health": {
        "fr": "Des données de catégorie particulière (santé ou autres, RGPD art. 9) sont en "
        "jeu : le DPO vérifie qu’elles ne comprennent pas de données génétiques.",
        "en": "Special-category data (health or other, GDPR art. 9) are involved: the DPO "
        "checks that they include no genetic data.",
    },
    "dpia.cnil_genetic.ask": {
        "fr": "Des données génétiques sont-elles traitées, et concernent-elles des personnes "
        "vulnérables ?",
        "en": "Are genetic data processed, and do they concern vulnerable people?",
    },
    "dpia.cnil_hr_profiling": {
        "fr": "Profils de personnes pour la gestion des ressources humaines",
        "en": "Profiles of people for human-resources management",
    },
    "dpia.cnil_hr_profiling.yes": {
        "fr": "Le service établit un profil de personnes concernées en tant que salariés ou "
        "agents.",
        "en": "The service builds a profile of people concerned as employees or staff.",
    },
    "dpia.cnil_hr_profiling.no": {
        "fr": "Pas de profil de salariés ou d’agents.",
        "en": "No profile of employees or staff.",
    },
    "dpia.cnil_hr_profiling.ask": {
        "fr": "Le service établit-il un profil de salariés ou d’agents ?",
        "en": "Does the service build a profile of employees or staff?",
    },
    "dpia.cnil_employee_monitoring": {
        "fr": "Surveillance constante de l’activité des salariés",
        "en": "Constant monitoring of employees’ activity",
    },
    "dpia.cnil_employee_monitoring.yes": {
        "fr": "Le service suit dans la durée des personnes concernées en tant que salariés ou "
        "agents.",
        "en": "The service watches over time people concerned as employees or staff.",
    },
    "dpia.cnil_employee_monitoring.no": {
        "fr": "Pas de suivi de l’activité de salariés ou d’agents.",
        "en": "No monitoring of employees’ or staff’s activity.",
    },
    "dpia.cnil_employee_monitoring.ask": {
        "fr": "Le service suit-il dans la durée l’activité de salariés ou d’agents ?",
        "en": "Does the service watch the activity of employees or staff over time?",
    },
    "dpia.cnil_work_alerts": {
        "fr": "Alertes et signalements en matière professionnelle",
        "en": "Alerts and reports in work matters",
    },
    "dpia.cnil_work_alerts.yes": {
        "fr": "Le service déclenche des alertes sur des personnes concernées en tant que "
        "salariés ou agents.",
        "en": "The service raises alerts about people concerned as employees or staff.",
    },
    "dpia.cnil_work_alerts.no": {
        "fr": "Pas de salariés ni d’agents parmi les personnes concernées.",
        "en": "No employees or staff among the people concerned.",
    },
    "dpia.cnil_work_alerts.staff": {
        "fr": "Des salariés ou agents sont concernés : le besoin ne dit pas si le service "
        "recueille des alertes ou des signalements sur leur travail.",
        "en": "Employees or staff are concerned: the need does not say whether the service "
        "takes alerts or reports about their work.",
    },
    "dpia.cnil_work_alerts.ask": {
        "fr": "Le service recueille-t-il des alertes ou des signalements liés au travail ?",
        "en": "Does the service take alerts or reports about work matters?",
    },
    "dpia.cnil_health_warehouse": {
        "fr": "Données de santé réunies dans un entrepôt ou un registre",
        "en": "Health data gathered in a data warehouse or a registry",
    },
    "dpia.cnil_health_warehouse.yes": {
        "fr": "Des données de santé sont mises en commun (coopérative, fiducie de données "
        "civique, chercheurs ou contribution collective) : un entrepôt de données.",
        "en": "Health data are pooled (cooperative, civic data trust, researchers or a "
        "collective contribution): a data warehouse.",
    },
    "dpia.cnil_health_warehouse.no": {
        "fr": "Pas de données de santé mises en commun.",
        "en": "No health data pooled.",
    },
    "dpia.cnil_health_warehouse.ask": {
        "fr": "Des données de santé sont-elles réunies dans un entrepôt ou un registre ?",
        "en": "Are health data gathered in a data warehouse or a registry?",
    },
    "dpia.cnil_contract_breaches": {
        "fr": "Manquements contractuels mis en commun pouvant exclure d’un contrat",
        "en": "Pooled contract breaches that may exclude from a contract",
    },
    "dpia.cnil_contract_breaches.yes": {
        "fr": "Des données de contrats et de paiements de plusieurs détenteurs fondent une "
        "décision prise par le service.",
        "en": "Contract and payment data from several holders underpin a decision the "
        "service takes.",
    },
    "dpia.cnil_contract_breaches.no": {
        "fr": "Pas de données de contrats mises en commun pour décider.",
        "en": "No contract data pooled to decide on.",
    },
    "dpia.cnil_contract_breaches.ask": {
        "fr": "Des impayés ou manquements venus de plusieurs détenteurs peuvent-ils conduire à "
        "exclure ou suspendre quelqu’un ?",
        "en": "Can arrears or breaches from several holders lead to excluding or suspending "
        "someone?",
    },
    "dpia.cnil_biometric": {
        "fr": "Données biométriques pour reconnaître des personnes, dont des personnes vulnérables",
        "en": "Biometric data to recognise people, vulnerable people among them",
    },
    "dpia.cnil_biometric.yes": {
        "fr": "Des données biométriques servent à reconnaître des personnes, dont des personnes "
        "vulnérables.",
        "en": "Biometric data are used to recognise people, vulnerable people among them.",
    },
    "dpia.cnil_biometric.no": {
        "fr": "Pas de données biométriques, ou pas de personnes vulnérables parmi les "
        "personnes concernées.",
        "en": "No biometric data, or no vulnerable people among those concerned.",
    },
    "dpia.cnil_biometric.images": {
        "fr": "Des images de personnes sont en jeu : le DPO vérifie qu’elles ne servent pas à "
        "reconnaître quelqu’un.",
        "en": "Images of people are involved: the DPO checks that they are not used to "
        "recognise anyone.",
    },
    "dpia.cnil_biometric.ask": {
        "fr": "Des données biométriques servent-elles à reconnaître des personnes, dont des "
        "personnes vulnérables ?",
        "en": "Are biometric data used to recognise people, vulnerable people among them?",
    },
}

space_french(MESSAGES)
