"""From workshop to decision: the data-protection pre-check, the action plan and the
city's roles (issue 19). Each pre-check item names its rule."""

MESSAGES: dict[str, dict[str, str]] = {
    "dp.title": {
        "fr": "Protection des données\u202f: vérifications préalables",
        "en": "Data protection: pre-check",
    },
    "dp.caption": {
        "fr": "Une première lecture à faire confirmer par le délégué ou la déléguée à la "
        "protection des données (DPO)\u202f: elle ne remplace pas son avis.",
        "en": "A first reading for the data protection officer (DPO) to confirm: it does not "
        "replace their advice.",
    },
    "dp.none": {"fr": "aucune", "en": "none"},
    "dp.criteria": {
        "fr": "Critères de la CNIL pour une analyse d’impact",
        "en": "CNIL criteria for an impact assessment",
    },
    "dp.criterion.sensitive": {
        "fr": "Données sensibles ou très personnelles",
        "en": "Sensitive or highly personal data",
    },
    "dp.criterion.large_scale": {"fr": "Grande échelle", "en": "Large scale"},
    "dp.criterion.matching": {"fr": "Croisement de sources", "en": "Matching of sources"},
    "dp.criterion.location": {"fr": "Données de localisation", "en": "Location data"},
    "dp.criterion.vulnerable": {"fr": "Personnes vulnérables", "en": "Vulnerable people"},
    "dp.met": {"fr": "rempli", "en": "met"},
    "dp.not_met": {"fr": "non rempli", "en": "not met"},
    "dp.rule": {"fr": "Règle\u202f: {rule}", "en": "Rule: {rule}"},
    "dp.sensitive.yes": {
        "fr": "Données sensibles ou très personnelles (santé, revenus, aides sociales)\u202f: "
        "{sources}.",
        "en": "Sensitive or highly personal data (health, income, social benefits): {sources}.",
    },
    "dp.sensitive.no": {
        "fr": "Aucune source sensible ou très personnelle.",
        "en": "No sensitive or highly personal source.",
    },
    "dp.sensitive.rule": {
        "fr": "Lignes directrices WP248 rév. 01 (CEPD), critère 4\u202f: données sensibles ou à "
        "caractère hautement personnel.",
        "en": "WP248 rev.01 guidelines (EDPB), criterion 4: sensitive data or data of a highly "
        "personal nature.",
    },
    "dp.sensitive.rule_art9": {
        "fr": "RGPD art. 9 (catégories particulières)\u202f; WP248 rév. 01 (CEPD), critère 4.",
        "en": "GDPR art. 9 (special categories); WP248 rev.01 (EDPB), criterion 4.",
    },
    "dp.large_scale.yes": {
        "fr": "{n} habitants concernés\u202f: grande échelle (repère de l’outil\u202f: {limit} et "
        "plus).",
        "en": "{n} residents involved: large scale (the toolkit’s mark: {limit} or more).",
    },
    "dp.large_scale.no": {
        "fr": "{n} habitants volontaires\u202f: une expérimentation limitée (repère de "
        "l’outil\u202f: grande échelle à partir de {limit}).",
        "en": "{n} volunteer residents: a limited experiment (the toolkit’s mark: large scale "
        "from {limit}).",
    },
    "dp.large_scale.rule": {
        "fr": "WP248 rév. 01, critère 5\u202f: nombre de personnes, volume, durée, étendue "
        "géographique (aucun seuil chiffré dans la loi).",
        "en": "WP248 rev.01, criterion 5: number of people, volume, duration, geographical extent "
        "(the law sets no number).",
    },
    "dp.matching.yes": {
        "fr": "Les données viennent de {n} détenteurs différents et sont rapprochées.",
        "en": "The data come from {n} different holders and are brought together.",
    },
    "dp.matching.no": {
        "fr": "Une seule source, ou un seul détenteur\u202f: pas de croisement.",
        "en": "One source, or one holder: no matching.",
    },
    "dp.matching.rule": {
        "fr": "WP248 rév. 01, critère 6\u202f: croisement ou combinaison d’ensembles de données.",
        "en": "WP248 rev.01, criterion 6: matching or combining datasets.",
    },
    "dp.location.yes": {
        "fr": "Des sources situent la personne\u202f: {sources}.",
        "en": "Sources locate the person: {sources}.",
    },
    "dp.location.no": {"fr": "Aucune donnée de localisation.", "en": "No location data."},
    "dp.location.rule": {
        "fr": "CNIL, délibération 2018-327 (liste des traitements soumis à AIPD)\u202f; WP248 "
        "rév. 01, critères 3 et 4.",
        "en": "CNIL, decision 2018-327 (list of processing needing a DPIA); WP248 rev.01, "
        "criteria 3 and 4.",
    },
    "dp.vulnerable.yes": {
        "fr": "Des bénéficiaires de l’action sociale sont concernés\u202f: personnes vulnérables.",
        "en": "Recipients of social aid are involved: vulnerable people.",
    },
    "dp.vulnerable.no": {
        "fr": "Pas de public vulnérable identifié.",
        "en": "No vulnerable group identified.",
    },
    "dp.vulnerable.rule": {
        "fr": "WP248 rév. 01, critère 7\u202f: personnes vulnérables (dont les bénéficiaires "
        "d’aides sociales).",
        "en": "WP248 rev.01, criterion 7: vulnerable data subjects (including recipients of "
        "social aid).",
    },
    "dp.dpia": {"fr": "Analyse d’impact (AIPD)", "en": "Impact assessment (DPIA)"},
    "dp.dpia.required": {
        "fr": "Obligatoire\u202f: {n} critères remplis\u202f; à partir de {threshold}, la CNIL et "
        "le CEPD la demandent (RGPD art. 35).",
        "en": "Required: {n} criteria met; from {threshold}, the CNIL and the EDPB ask for one "
        "(GDPR art. 35).",
    },
    "dp.dpia.art9_scale": {
        "fr": "Obligatoire\u202f: données de l’art. 9 à grande échelle (RGPD art. 35, paragraphe "
        "3, b).",
        "en": "Required: art. 9 data at large scale (GDPR art. 35(3)(b)).",
    },
    "dp.dpia.recommended": {
        "fr": "Conseillée\u202f: un seul critère rempli (obligatoire à partir de "
        "{threshold})\u202f; notez pourquoi vous n’en faites pas (RGPD art. 35 et 5, paragraphe "
        "2).",
        "en": "Advised: only one criterion met (required from {threshold}); record why you do not "
        "do one (GDPR arts 35 and 5(2)).",
    },
    "dp.dpia.not_required": {
        "fr": "Pas obligatoire\u202f: aucun critère rempli (obligatoire à partir de "
        "{threshold})\u202f; à revoir si le projet change (RGPD art. 35).",
        "en": "Not required: no criterion met (required from {threshold}); review it if the "
        "project changes (GDPR art. 35).",
    },
    "dp.verdict.required": {"fr": "AIPD obligatoire", "en": "DPIA required"},
    "dp.verdict.recommended": {"fr": "AIPD conseillée", "en": "DPIA advised"},
    "dp.verdict.not_required": {"fr": "AIPD non obligatoire", "en": "DPIA not required"},
    "dp.register": {
        "fr": "Fiche du registre des traitements (projet)",
        "en": "Processing register entry (draft)",
    },
    "dp.register.controller": {"fr": "Responsable du traitement", "en": "Controller"},
    "dp.register.controller.rule": {
        "fr": "RGPD art. 30, paragraphe 1, a",
        "en": "GDPR art. 30(1)(a)",
    },
    "dp.register.controller.value": {
        "fr": "{territory} (à confirmer selon le modèle\u202f: responsable seul ou conjoint, RGPD "
        "art. 26), avec les coordonnées du DPO.",
        "en": "{territory} (to confirm with the model: sole or joint controller, GDPR art. 26), "
        "with the DPO’s contact details.",
    },
    "dp.register.purpose": {"fr": "Finalité", "en": "Purpose"},
    "dp.register.purpose.rule": {"fr": "RGPD art. 30, paragraphe 1, b", "en": "GDPR art. 30(1)(b)"},
    "dp.register.purpose.value": {
        "fr": "{purpose}, dans l’expérimentation « {title} ».",
        "en": "{purpose}, in the experiment “{title}”.",
    },
    "dp.register.subjects": {"fr": "Personnes concernées", "en": "Data subjects"},
    "dp.register.subjects.rule": {
        "fr": "RGPD art. 30, paragraphe 1, c",
        "en": "GDPR art. 30(1)(c)",
    },
    "dp.register.subjects.value": {
        "fr": "Habitants volontaires de {territory} (jusqu’à {n}).",
        "en": "Volunteer residents of {territory} (up to {n}).",
    },
    "dp.register.categories": {"fr": "Catégories de données", "en": "Categories of data"},
    "dp.register.categories.rule": {
        "fr": "RGPD art. 30, paragraphe 1, c",
        "en": "GDPR art. 30(1)(c)",
    },
    "dp.register.recipients": {"fr": "Destinataires", "en": "Recipients"},
    "dp.register.recipients.rule": {
        "fr": "RGPD art. 30, paragraphe 1, d",
        "en": "GDPR art. 30(1)(d)",
    },
    "dp.register.transfers": {"fr": "Transferts hors de l’Union", "en": "Transfers outside the EU"},
    "dp.register.transfers.rule": {
        "fr": "RGPD art. 30, paragraphe 1, e",
        "en": "GDPR art. 30(1)(e)",
    },
    "dp.register.transfers.value": {
        "fr": "Aucun prévu\u202f: à vérifier pour chaque hébergeur et sous-traitant.",
        "en": "None planned: to check for every host and processor.",
    },
    "dp.register.retention": {"fr": "Durée de conservation", "en": "Retention period"},
    "dp.register.retention.rule": {
        "fr": "RGPD art. 30, paragraphe 1, f",
        "en": "GDPR art. 30(1)(f)",
    },
    "dp.register.retention.value": {
        "fr": "Durée de l’expérimentation ({months} mois), puis suppression ou restitution à la "
        "personne.",
        "en": "The experiment’s duration ({months} months), then deletion or return to the person.",
    },
    "dp.register.security": {"fr": "Mesures de sécurité", "en": "Security measures"},
    "dp.register.security.rule": {
        "fr": "RGPD art. 30, paragraphe 1, g, et art. 32",
        "en": "GDPR arts 30(1)(g) and 32",
    },
    "dp.register.security.value": {
        "fr": "À décrire\u202f: chiffrement, contrôle des accès, journalisation des consultations.",
        "en": "To describe: encryption, access control, logging of who consulted what.",
    },
    "dp.steps": {"fr": "Autres démarches", "en": "Other steps"},
    "dp.step.dpo": {
        "fr": "Délégué ou déléguée à la protection des données (DPO)",
        "en": "Data protection officer (DPO)",
    },
    "dp.step.dga": {
        "fr": "Déclaration à l’Arcep (Data Governance Act)",
        "en": "Notification to ARCEP (Data Governance Act)",
    },
    "dp.step.council": {"fr": "Délibération du conseil", "en": "Council decision"},
    "dp.needed": {"fr": "à faire", "en": "to do"},
    "dp.not_needed": {"fr": "non requis", "en": "not needed"},
    "dp.dpo.always": {
        "fr": "Associer le DPO de la collectivité dès maintenant, avant toute collecte.",
        "en": "Involve the city’s DPO now, before any data is collected.",
    },
    "dp.dpo.with_dpia": {
        "fr": "Associer le DPO de la collectivité dès maintenant, et recueillir son avis sur "
        "l’analyse d’impact (RGPD art. 35, paragraphe 2).",
        "en": "Involve the city’s DPO now, and seek their advice on the impact assessment (GDPR "
        "art. 35(2)).",
    },
    "dp.dpo.rule": {
        "fr": "RGPD art. 37, paragraphe 1, a (un organisme public désigne un DPO) et art. 38, "
        "paragraphe 1 (il est associé à toutes les questions de protection des données).",
        "en": "GDPR art. 37(1)(a) (a public body designates a DPO) and art. 38(1) (they are "
        "involved in every data-protection issue).",
    },
    "dp.dga.intermediary": {
        "fr": "Le modèle met en relation les habitants et les utilisateurs de leurs "
        "données\u202f: un service d’intermédiation de données, à déclarer à l’Arcep avant de "
        "démarrer (sauf service public non commercial, à vérifier avec le DPO).",
        "en": "The model puts residents in touch with users of their data: a data intermediation "
        "service, to notify to ARCEP before it starts (unless a non-commercial public service, to "
        "check with the DPO).",
    },
    "dp.dga.cooperative": {
        "fr": "Une coopérative de données est un service d’intermédiation au sens du "
        "règlement\u202f: déclaration à l’Arcep avant de démarrer.",
        "en": "A data cooperative is an intermediation service under the regulation: notify ARCEP "
        "before it starts.",
    },
    "dp.dga.no": {
        "fr": "Pas d’intermédiaire ni de coopérative dans le modèle\u202f: pas de déclaration, "
        "sauf si l’opérateur met aussi en relation avec des utilisateurs de données.",
        "en": "No intermediary or cooperative in the model: no notification, unless the operator "
        "also puts people in touch with data users.",
    },
    "dp.dga.rule": {
        "fr": "Règlement (UE) 2022/868 (Data Governance Act), art. 10 et 11\u202f; en France, "
        "l’Arcep reçoit les déclarations.",
        "en": "Regulation (EU) 2022/868 (Data Governance Act), arts 10 and 11; in France, ARCEP "
        "receives the notifications.",
    },
    "dp.council": {
        "fr": "Prévoir une délibération qui approuve l’expérimentation, les conventions avec les "
        "détenteurs et partenaires, et le budget.",
        "en": "Plan a council decision approving the experiment, the agreements with holders and "
        "partners, and the budget.",
    },
    "dp.council.cooperative": {
        "fr": "Prévoir une délibération qui approuve l’expérimentation et l’entrée de la "
        "collectivité au capital de la coopérative (SCIC), les conventions et le budget.",
        "en": "Plan a council decision approving the experiment and the city’s share in the "
        "cooperative (SCIC), the agreements and the budget.",
    },
    "dp.council.rule": {
        "fr": "CGCT art. L.2121-29 (le conseil règle par ses délibérations les affaires de la "
        "commune)\u202f; pour une SCIC, loi 47-1775, art. 19 septies.",
        "en": "CGCT art. L.2121-29 (the council settles the commune’s affairs by its decisions); "
        "for a SCIC, law 47-1775, art. 19 septies.",
    },
}

MESSAGES.update(
    {
        "error.plan.invalid": {"fr": "Plan d’action invalide.", "en": "Invalid action plan."},
        "error.plan.invalid_because": {
            "fr": "Plan d’action invalide (chaque étape a un intitulé, une date valide)\u202f:",
            "en": "Invalid action plan (each step needs a title and a valid date):",
        },
        "error.city_roles.invalid": {
            "fr": "Rôle de la collectivité inconnu.",
            "en": "Unknown role for the city.",
        },
        "plan.title": {"fr": "Plan d’action", "en": "Action plan"},
        "plan.caption": {
            "fr": "Qui fait quoi, pour quand. La proposition part du scénario (détenteurs à "
            "contacter, partenaires, démarches juridiques)\u202f; l’animation la corrige et "
            "l’enregistre.",
            "en": "Who does what, by when. The proposal starts from the scenario (data "
            "holders to approach, partners, legal steps); the facilitator edits and saves it.",
        },
        "plan.proposed": {
            "fr": "Proposition tirée du scénario, pas encore enregistrée.",
            "en": "Proposal drawn from the scenario, not saved yet.",
        },
        "plan.task": {"fr": "Étape", "en": "Step"},
        "plan.owner": {"fr": "Qui", "en": "Who"},
        "plan.due": {"fr": "Pour le", "en": "By"},
        "plan.save": {"fr": "Enregistrer le plan", "en": "Save the plan"},
        "plan.saved": {"fr": "Plan d’action enregistré.", "en": "Action plan saved."},
        "plan.reseed": {
            "fr": "Repartir de la proposition du scénario",
            "en": "Start again from the scenario’s proposal",
        },
        "plan.empty": {"fr": "Aucune étape.", "en": "No step."},
        "plan.no_date": {"fr": "date à fixer", "en": "date to set"},
        "plan.owner.city": {"fr": "Collectivité", "en": "City"},
        "plan.owner.dpo": {"fr": "DPO de la collectivité", "en": "The city’s DPO"},
        "plan.owner.council": {"fr": "Conseil (élus)", "en": "Council (elected members)"},
        "plan.owner.operator": {"fr": "Opérateur du service", "en": "Service operator"},
        "plan.step.holder": {
            "fr": "Rencontrer {holder} pour l’accès à «\u00a0{source}\u00a0»",
            "en": "Meet {holder} about access to “{source}”",
        },
        "plan.step.partner": {
            "fr": "Signer une convention avec {partner}",
            "en": "Sign an agreement with {partner}",
        },
        "plan.step.dpia": {
            "fr": "Mener l’analyse d’impact (AIPD) avec le DPO",
            "en": "Carry out the impact assessment (DPIA) with the DPO",
        },
        "plan.step.register": {
            "fr": "Inscrire le traitement au registre (RGPD art. 30)",
            "en": "Enter the processing in the register (GDPR art. 30)",
        },
        "plan.step.dga": {
            "fr": "Déclarer le service d’intermédiation à l’Arcep (Data Governance Act)",
            "en": "Notify the intermediation service to ARCEP (Data Governance Act)",
        },
        "plan.step.council": {
            "fr": "Faire voter la délibération du conseil",
            "en": "Have the council vote the decision",
        },
        "plan.step.launch": {
            "fr": "Lancer l’expérimentation avec {n} habitants volontaires",
            "en": "Launch the experiment with {n} volunteer residents",
        },
        "plan.step.review": {
            "fr": "Bilan de l’expérimentation et décision de suite",
            "en": "Review the experiment and decide what comes next",
        },
    }
)

MESSAGES.update(
    {
        "city.title": {"fr": "Rôle de la collectivité", "en": "The city’s role"},
        "city.caption": {
            "fr": "Les trois rôles du kit (Fing, 2019). Une même collectivité peut aussi "
            "apparaître comme plusieurs acteurs du réseau de valeur.",
            "en": "The kit’s three roles (Fing, 2019). One city may also appear as several "
            "actors of the value network.",
        },
        "city.role.data_holder": {
            "fr": "Détentrice et responsable des données («\u00a0contrôleur\u00a0»)",
            "en": "Data holder and controller",
        },
        "city.role.innovation_support": {
            "fr": "Soutien à l’innovation",
            "en": "Innovation support",
        },
        "city.role.democratic_organisation": {
            "fr": "Organisation du débat démocratique",
            "en": "Democratic organisation",
        },
        "city.roles": {"fr": "Rôles de la collectivité", "en": "The city’s roles"},
        "city.actors": {
            "fr": "Acteurs du réseau qui sont aussi la collectivité",
            "en": "Network actors that are the city too",
        },
        "city.save": {"fr": "Enregistrer les rôles", "en": "Save the roles"},
        "city.saved": {"fr": "Rôles enregistrés.", "en": "Roles saved."},
        "city.none": {"fr": "non renseigné", "en": "not recorded"},
    }
)
