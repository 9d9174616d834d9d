"""From workshop to decision: the data-protection pre-check, the action plan and the
city's roles (issue 19). Each pre-check item names its rule."""

MESSAGES: dict[str, dict[str, str]] = {
    "dp.title": {
        "fr": "Protection des données\u202f: vérifications préalables",
        "en": "Data protection: pre-check",
    },
    "dp.caption": {
        "fr": "Une liste de contrôle pour le délégué ou la déléguée à la protection des données "
        "(DPO), tirée du scénario\u202f: ce n’est pas un avis juridique. Chaque point dit sa "
        "règle\u202f; ce que l’outil ne peut pas savoir est posé en question.",
        "en": "A checklist for the data protection officer (DPO), drawn from the scenario: not "
        "a legal opinion. Each item gives its rule; what the toolkit cannot know is asked as a "
        "question.",
    },
    "dp.none": {"fr": "aucune", "en": "none"},
    "dp.rule": {"fr": "Règle\u202f: {rule}", "en": "Rule: {rule}"},
    "dp.dpia": {"fr": "Analyse d’impact (AIPD)", "en": "Impact assessment (DPIA)"},
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
        "fr": "{who} Avec les coordonnées de son DPO.",
        "en": "{who} With the contact details of its DPO.",
    },
    "dp.register.purpose": {"fr": "Finalité", "en": "Purpose"},
    "dp.register.purpose.rule": {"fr": "RGPD art. 30, paragraphe 1, b", "en": "GDPR art. 30(1)(b)"},
    "dp.register.purpose.value": {
        "fr": "{purpose}, dans l’expérimentation «\u202f{title}\u202f».",
        "en": "{purpose}, in the experiment “{title}”.",
    },
    "dp.register.basis": {"fr": "Base légale", "en": "Legal basis"},
    "dp.register.basis.rule": {
        "fr": "RGPD art. 6 (et 9, paragraphe 2)\u202f; modèle de registre de la CNIL",
        "en": "GDPR art. 6 (and 9(2)); the CNIL’s register template",
    },
    "dp.register.subjects.public_space": {
        "fr": "Les personnes qui passent dans les lieux équipés de capteurs, et les habitants "
        "volontaires de {territory} (jusqu’à {n}).",
        "en": "People passing the places fitted with sensors, and volunteer residents of "
        "{territory} (up to {n}).",
    },
    "dp.register.subjects.among": {
        "fr": "Parmi elles, des personnes vulnérables\u202f: {groups}.",
        "en": "Among them, vulnerable people: {groups}.",
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
        "fr": "Data Governance Act (notification à l’Arcep)",
        "en": "Data Governance Act (notification to ARCEP)",
    },
    "dp.step.council": {"fr": "Délibération du conseil", "en": "Council decision"},
    "dp.step.information": {"fr": "Information des personnes", "en": "Information notice"},
    "dp.step.secrecy": {
        "fr": "Secret professionnel du travail social",
        "en": "Social workers’ professional secrecy",
    },
    "dp.status.todo": {"fr": "à faire", "en": "to do"},
    "dp.status.not_applicable": {"fr": "non applicable", "en": "not applicable"},
    "dp.status.to_check": {"fr": "à vérifier avec le DPO", "en": "to check with the DPO"},
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
            "fr": "Qui fait quoi, dans quel ordre, pour quand et pour combien. La proposition "
            "suit l’ordre légal (délibération, conventions, analyse d’impact, information, "
            "recrutement, expérimentation, bilan)\u202f; l’animation fixe le début, les "
            "durées et les budgets, puis l’enregistre.",
            "en": "Who does what, in which order, by when and for how much. The proposal "
            "follows the lawful order (council decision, agreements, impact assessment, "
            "information, recruitment, experiment, review); the facilitator sets the start, "
            "the durations and the budgets, then saves it.",
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
        "plan.weeks": {"fr": "Durée (semaines)", "en": "Duration (weeks)"},
        "plan.budget": {"fr": "Budget", "en": "Budget"},
        "plan.budget_blank": {"fr": "à chiffrer", "en": "to cost"},
        "plan.start": {"fr": "Début du plan", "en": "The plan starts on"},
        "plan.start_help": {
            "fr": "Les dates se comptent à partir de ce jour, étape après étape, avec les durées "
            "que vous saisissez. Sans début ni durée, la date reste à fixer.",
            "en": "Dates are counted from this day, step after step, with the durations you "
            "type. Without a start or a duration, the date stays to set.",
        },
        "plan.start_none": {
            "fr": "Début du plan à fixer\u202f: les dates restent à fixer.",
            "en": "The plan’s start is to set: dates stay to set.",
        },
        "plan.start_on": {"fr": "Le plan commence le {day}.", "en": "The plan starts on {day}."},
        "plan.owner.city": {"fr": "Services de la collectivité", "en": "The city’s services"},
        "plan.owner.city_runs": {
            "fr": "{territory}, qui opère «\u00a0{platform}\u00a0»",
            "en": "{territory}, which runs “{platform}”",
        },
        "plan.owner.executive": {
            "fr": "Exécutif de la collectivité (maire ou président·e)",
            "en": "The city’s executive (mayor or president)",
        },
        "plan.owner.controller": {
            "fr": "{who} (responsable du traitement), avec l’avis du DPO",
            "en": "{who} (controller), with the DPO’s advice",
        },
        "plan.owner.council": {"fr": "Conseil (élus)", "en": "Council (elected members)"},
        "plan.step.council": {
            "fr": "Délibération du conseil\u202f: approuver l’expérimentation, autoriser les "
            "conventions, voter le budget",
            "en": "Council decision: approve the experiment, authorise the agreements, vote the "
            "budget",
        },
        "plan.step.holder": {
            "fr": "Signer une convention avec le détenteur «\u00a0{holder}\u00a0» pour l’accès à "
            "«\u00a0{source}\u00a0»",
            "en": "Sign an agreement with the holder “{holder}” for access to “{source}”",
        },
        "plan.step.partner": {
            "fr": "Signer une convention avec «\u00a0{partner}\u00a0»",
            "en": "Sign an agreement with “{partner}”",
        },
        "plan.step.dpia": {
            "fr": "Réaliser l’analyse d’impact (AIPD) avant le lancement",
            "en": "Carry out the impact assessment (DPIA) before the launch",
        },
        "plan.step.register": {
            "fr": "Inscrire le traitement au registre (RGPD art. 30)",
            "en": "Enter the processing in the register (GDPR art. 30)",
        },
        "plan.step.dga": {
            "fr": "Vérifier le Data Governance Act et, s’il s’applique, notifier l’Arcep",
            "en": "Check the Data Governance Act and, if it applies, notify ARCEP",
        },
        "plan.step.information": {
            "fr": "Informer les habitants (notice RGPD art. 13 et 14)",
            "en": "Inform residents (GDPR arts 13 and 14 notice)",
        },
        "plan.step.recruitment": {
            "fr": "Recruter les habitants volontaires (jusqu’à {n})",
            "en": "Recruit the volunteer residents (up to {n})",
        },
        "plan.step.run": {
            "fr": "Conduire l’expérimentation ({months} mois)",
            "en": "Run the experiment ({months} months)",
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
