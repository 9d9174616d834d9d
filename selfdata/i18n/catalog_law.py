"""The DPO's checklist, second part (issue 27): the controller and legal basis per
processing, the information notice, professional secrecy, the Data Governance Act and the
council decision. French texts are written with an ordinary space before ``: ; ? !`` and
given the narrow no-break space below."""

from selfdata.i18n.french import space_french

MESSAGES: dict[str, dict[str, str]] = {
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
        "fr": "Pas la collectivité : le mandataire civique de données, organisme indépendant, "
        "sous le contrôle de son comité ; la collectivité fournit des données.",
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
        "fr": "Qui est le mandataire civique de données ? Un organisme public sans but "
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
        "fr": "CGCT art. L.5211-1 (le conseil de l’intercommunalité, métropole ou communauté, "
        "suit les règles du conseil municipal) ; pour une SCIC, loi 47-1775, art. 19 septies.",
        "en": "CGCT art. L.5211-1 (the council of the intercommunal body, métropole or "
        "communauté, follows the municipal council’s rules); for a SCIC, law 47-1775, "
        "art. 19 septies.",
    },
    "law.council.rule.lyon": {
        "fr": "CGCT art. L.3611-1 (la Métropole de Lyon, collectivité à statut particulier) et "
        "L.3642-1 (son conseil règle par ses délibérations les affaires de la Métropole) ; "
        "pour une SCIC, loi 47-1775, art. 19 septies.",
        "en": "CGCT art. L.3611-1 (the Métropole de Lyon, a local authority with a special "
        "status) and L.3642-1 (its council settles the Métropole’s affairs by its decisions); "
        "for a SCIC, law 47-1775, art. 19 septies.",
    },
    "law.council.rule.commune": {
        "fr": "CGCT art. L.2121-29 (le conseil municipal règle par ses délibérations les "
        "affaires de la commune) ; pour une SCIC, loi 47-1775, art. 19 septies.",
        "en": "CGCT art. L.2121-29 (the municipal council settles the commune’s affairs by its "
        "decisions); for a SCIC, law 47-1775, art. 19 septies.",
    },
    "law.council.rule.unknown": {
        "fr": "Selon l’organe qui décide, que le nom du territoire ne dit pas : commune, CGCT "
        "art. L.2121-29 ; intercommunalité, art. L.5211-1 ; Métropole de Lyon, "
        "art. L.3642-1.",
        "en": "Depending on the deciding body, which the territory’s name does not say: "
        "commune, CGCT art. L.2121-29; intercommunal body, art. L.5211-1; Métropole de Lyon, "
        "art. L.3642-1.",
    },
}

space_french(MESSAGES)
