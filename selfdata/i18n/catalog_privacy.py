"""The privacy notice (GDPR art. 13) and its short version on the join screen
(:mod:`selfdata.app.privacy` fills the settings in)."""

NB = "\u00a0"

MESSAGES: dict[str, dict[str, str]] = {
    # headings, in the order of GDPR art. 13 (1) and (2), in plain words
    "privacy.heading.controller": {
        "fr": "Qui est responsable de vos données",
        "en": "Who is responsible for your data",
    },
    "privacy.heading.dpo": {
        "fr": "Délégué à la protection des données",
        "en": "Data protection officer",
    },
    "privacy.heading.purposes": {
        "fr": "Pourquoi et sur quelle base",
        "en": "Why, and on what legal basis",
    },
    "privacy.heading.data": {"fr": "Ce qui est gardé", "en": "What is kept"},
    "privacy.heading.recipients": {"fr": "Qui voit quoi", "en": "Who sees what"},
    "privacy.heading.retention": {"fr": "Combien de temps", "en": "How long"},
    "privacy.heading.rights": {"fr": "Vos droits", "en": "Your rights"},
    "privacy.heading.required": {
        "fr": f"Faut-il donner ces données{NB}?",
        "en": "Do you have to give this data?",
    },
    "privacy.heading.automated": {"fr": "Décision automatisée", "en": "Automated decisions"},
    # the pieces the settings fill in
    "privacy.day": {"fr": f"{{amount}}{NB}jour", "en": "{amount} day"},
    "privacy.days": {"fr": f"{{amount}}{NB}jours", "en": "{amount} days"},
    "privacy.retention.until_deleted": {
        "fr": "jusqu’à ce que la personne qui anime supprime l’atelier",
        "en": "until the facilitator deletes the workshop",
    },
    "privacy.retention.after_created": {
        "fr": "{days} après la création de l’atelier",
        "en": "{days} after the workshop was created",
    },
    "privacy.controller.default": {
        "fr": "l’organisateur de l’atelier (la collectivité qui le mène)",
        "en": "the workshop's organiser (the city running it)",
    },
    "privacy.contact.default": {
        "fr": "demandez à la personne qui anime l’atelier, dans la salle",
        "en": "ask the facilitator in the room",
    },
    # the full notice
    "privacy.text.controller": {
        "fr": f"{{controller}}. Contact{NB}: {{contact}}.",
        "en": "{controller}. Contact: {contact}.",
    },
    "privacy.text.dpo_none": {
        "fr": f"Aucun n’a été désigné pour cet atelier{NB}: utilisez le contact ci-dessus.",
        "en": "None has been named for this workshop: use the contact above.",
    },
    "privacy.text.purposes": {
        "fr": "Votre pseudonyme et vos contributions servent uniquement à faire vivre cet "
        "atelier (propositions, gommettes, notes, résultats montrés au groupe) et à en "
        "rédiger le compte rendu. {basis}",
        "en": "Your pseudonym and your contributions are used only to run this workshop "
        "(proposals, dot votes, ratings, the results shown to the group) and to write "
        "its report. {basis}",
    },
    "privacy.text.basis_given": {
        "fr": f"Base légale{NB}: {{legal_basis}}.",
        "en": "Legal basis: {legal_basis}.",
    },
    "privacy.text.basis_consent": {
        "fr": f"Base légale{NB}: votre consentement, donné en rejoignant l’atelier (RGPD, "
        f"art.{NB}6-1-a){NB}; vous pouvez le retirer à tout moment en quittant l’atelier et "
        "en effaçant vos contributions.",
        "en": "Legal basis: your consent, given by joining (GDPR art. 6(1)(a)); you can "
        "withdraw it at any time by leaving and erasing your contributions.",
    },
    "privacy.text.data": {
        "fr": "Le pseudonyme que vous choisissez, l’heure à laquelle vous avez rejoint, les "
        "sources et les besoins que vous proposez, vos gommettes sur chaque besoin, vos notes "
        "des scénarios, et un journal de ces actions. Aucun nom, adresse e-mail, compte ni "
        "adresse IP n’est gardé dans l’atelier. Votre lien contient une clé aléatoire qui "
        f"vous permet de revenir{NB}: quiconque a ce lien peut agir sous votre pseudonyme, "
        "gardez-le pour vous.",
        "en": "The pseudonym you choose, when you joined, the sources and needs you propose, "
        "your dots on each need and your ratings of the scenarios, and a log of these "
        "actions. No real name, e-mail address, account or IP address is kept in the "
        "workshop. Your link holds a random key that lets you come back: anyone with this "
        "link can act under your pseudonym, so keep it to yourself.",
    },
    "privacy.text.recipients": {
        "fr": "Par défaut, l’atelier est anonyme\u202f: ni la salle, ni la projection, ni les "
        "listes de la personne qui anime, ni le classement, ni le compte rendu PDF ne "
        "montrent de pseudonyme. La personne qui anime peut choisir de les afficher pour cet "
        "atelier\u202f; la salle voit alors votre pseudonyme à côté de ce que vous proposez, et "
        "le compte rendu les cite. La projection montre les contributions et les totaux des "
        "gommettes et des notes, pas qui les a données. Votre accord avec le groupe n’est "
        "montré qu’à vous. La personne qui anime peut exporter l’atelier (un fichier avec "
        "les pseudonymes, les gommettes et les notes). Les personnes qui gèrent le serveur "
        "pour l’organisateur peuvent accéder à la base de données. Rien n’est vendu ni "
        "transmis à qui que ce soit d’autre.",
        "en": "By default the workshop is anonymous: neither the room, nor the projector, nor "
        "the facilitator's lists, nor the ranking, nor the PDF report shows a pseudonym. The "
        "facilitator may choose to show them for this workshop; the room then sees your "
        "pseudonym next to what you propose, and the report names them. The projector shows "
        "the contributions and the totals of dots and ratings, not who gave them. Your "
        "agreement with the group is shown to you only. The facilitator can export the "
        "workshop (a file with the pseudonyms, dots and ratings). The people who run the "
        "server for the organiser can reach the database. Nothing is sold or passed on to "
        "anyone else.",
    },
    "privacy.text.retention_kept": {
        "fr": f"Gardé {{retention}}{NB}; ensuite, tout ce que contient l’atelier est effacé. "
        "La personne qui anime peut le supprimer plus tôt.",
        "en": "Kept {retention}; then everything in the workshop is erased. The facilitator "
        "can delete it earlier.",
    },
    "privacy.text.retention_forever": {
        "fr": f"Gardé {{retention}}{NB}; ensuite, tout ce qu’il contient est effacé.",
        "en": "Kept {retention}; then everything in it is erased.",
    },
    "privacy.text.copies": {
        "fr": "L’effacement (à l’échéance, par l’animation ou par « Quitter et effacer ») "
        "porte sur la base de l’atelier, jusque dans son journal. Il n’atteint pas les copies "
        "faites avant lui : un export de l’atelier téléchargé par l’animation, un compte "
        "rendu PDF, une sauvegarde de la base faite par les personnes qui gèrent le serveur. "
        "Ces copies suivent les règles de conservation du responsable, à qui vous pouvez les "
        "demander.",
        "en": "Erasure (at the end of the retention period, by the facilitator or through "
        "“Leave and erase”) reaches the workshop's database, down to its journal. It "
        "does not reach copies made before it: a workshop export the facilitator downloaded, "
        "a PDF report, a backup of the database made by the people who run the server. Those "
        "copies follow the controller's own retention rules; you can ask the controller "
        "about them.",
    },
    "privacy.text.rights": {
        "fr": "Vous pouvez voir tout ce que l’atelier garde sur vous et le télécharger dans "
        f"un fichier (accès et portabilité{NB}: «{NB}Mes données{NB}»), retirer chacune de "
        "vos contributions, et quitter l’atelier en effaçant tout ce que vous y avez apporté "
        f"(effacement{NB}: «{NB}Quitter et effacer{NB}»). Vous pouvez aussi vous opposer à "
        f"l’utilisation de vos données ou demander à la limiter{NB}: {{contact}}. Si vous "
        "estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation "
        "à la CNIL (www.cnil.fr).",
        "en": "You can see everything the workshop holds about you and download it as a file "
        "(access and portability: \u201cMy data\u201d), withdraw any of your contributions, "
        "and leave the workshop with everything you contributed erased (erasure: \u201cLeave "
        "and erase\u201d). You can also object to the use of your data or ask to limit it: "
        "{contact}. If you think your rights are not respected, you can complain to the CNIL "
        "(www.cnil.fr), the French data protection authority.",
    },
    "privacy.text.required": {
        "fr": f"Non. La participation est libre et ne demande aucun vrai nom{NB}: n’importe "
        "quel pseudonyme convient. Sans pseudonyme, vous pouvez suivre la projection, mais "
        "pas contribuer.",
        "en": "No. Taking part is voluntary and needs no real name: any pseudonym will do. "
        "Without a pseudonym you can still follow the projection, but not contribute.",
    },
    "privacy.text.automated": {
        "fr": "Aucune. Les classements calculés à partir des gommettes et des notes aident le "
        f"groupe à discuter{NB}; ce sont les personnes qui décident, et l’outil ne prend "
        "aucune décision vous concernant.",
        "en": "None. The rankings computed from the dots and ratings help the group talk; "
        "people decide, and no decision about you is made by the tool.",
    },
    # the short version on the join screen
    "privacy.summary.kept": {
        "fr": f"Gardé{NB}: votre pseudonyme, vos propositions, gommettes et notes. Aucun vrai "
        "nom, aucun e-mail.",
        "en": "Kept: your pseudonym, your proposals, dots and ratings. No real name, no e-mail.",
    },
    "privacy.summary.who": {
        "fr": "Anonyme par défaut\u202f: aucun pseudonyme montré, sauf si l’animation les "
        "affiche pour cet atelier\u202f; la projection ne montre que des totaux\u202f; "
        "l’animation peut exporter l’atelier.",
        "en": "Anonymous by default: no pseudonym shown unless the facilitator turns them on "
        "for this workshop; the projector shows only totals; the facilitator can export the "
        "workshop.",
    },
    "privacy.summary.how_long": {
        "fr": f"Durée{NB}: {{retention}}. «{NB}Mes données{NB}» vous montre tout et permet de "
        "tout effacer.",
        "en": "How long: {retention}. \u201cMy data\u201d shows it all and lets you erase it.",
    },
    "privacy.summary.contact": {
        "fr": f"Responsable{NB}: {{controller}}. Questions{NB}: {{contact}}.",
        "en": "Responsible: {controller}. Questions: {contact}.",
    },
    # the join screen and "My data"
    "privacy.title": {
        "fr": "Vos données dans cet atelier",
        "en": "Your data in this workshop",
    },
    "privacy.full": {
        "fr": "Notice d’information complète (RGPD, article 13)",
        "en": "Full privacy notice (GDPR, article 13)",
    },
    "mydata.title": {"fr": "Mes données", "en": "My data"},
    "mydata.intro": {
        "fr": "Tout ce que cet atelier garde sur vous, rien sur les autres. Vous pouvez le "
        "télécharger, retirer vos propositions, ou quitter l’atelier en effaçant tout.",
        "en": "Everything this workshop holds about you, nothing about anyone else. You can "
        "download it, withdraw your proposals, or leave the workshop and erase it all.",
    },
    "mydata.counts": {
        "fr": f"Besoins proposés{NB}: {{needs}} · sources proposées{NB}: {{sources}} · "
        f"gommettes placées{NB}: {{dots}} · notes données{NB}: {{ratings}}",
        "en": "Needs proposed: {needs} · sources proposed: {sources} · dots placed: {dots} · "
        "ratings given: {ratings}",
    },
    "mydata.kind.need": {"fr": "Besoin", "en": "Need"},
    "mydata.kind.source": {"fr": "Source", "en": "Source"},
    "mydata.withdraw": {"fr": "Retirer", "en": "Withdraw"},
    "mydata.everything": {
        "fr": "Tout voir (le fichier tel qu’il sera téléchargé)",
        "en": "See everything (the file as it will be downloaded)",
    },
    "mydata.download_json": {"fr": "Télécharger (JSON)", "en": "Download (JSON)"},
    "mydata.download_yaml": {"fr": "Télécharger (YAML)", "en": "Download (YAML)"},
    "mydata.leave": {"fr": "Quitter et effacer", "en": "Leave and erase"},
    "mydata.leave_explained": {
        "fr": "Vos gommettes, vos notes et vos propositions sont effacées (les gommettes "
        "que d’autres avaient posées sur vos propositions leur sont rendues)\u00a0; une "
        "proposition sur laquelle le groupe a déjà construit un cas d’usage reste, sans "
        "votre nom. Votre pseudonyme est effacé et votre lien cesse de fonctionner.",
        "en": "Your dots, ratings and proposals are erased (dots others had placed on your "
        "proposals go back to them); a proposal the group has already built a use case on "
        "stays, without your name. Your pseudonym is erased and your link stops working.",
    },
    "mydata.leave_confirm": {
        "fr": "Je veux quitter l’atelier et effacer mes contributions",
        "en": "I want to leave the workshop and erase my contributions",
    },
    "mydata.left": {
        "fr": "Vous avez quitté l’atelier\u00a0: ce que vous y aviez apporté est effacé.",
        "en": "You have left the workshop: what you brought to it is erased.",
    },
    "chrome.my_data": {"fr": "Mes données", "en": "My data"},
    # anonymous mode, per workshop (the console's switch; selfdata.app.facilitator)
    "console.show_pseudonyms": {
        "fr": "Afficher les pseudonymes",
        "en": "Show pseudonyms",
    },
    "console.hide_pseudonyms": {
        "fr": "Revenir au mode anonyme",
        "en": "Back to anonymous mode",
    },
    "console.pseudonyms_hidden": {
        "fr": "Mode anonyme\u202f: aucun pseudonyme dans les listes de la console, sur les "
        "tablettes, dans le classement en ligne de commande ni dans le rapport PDF.",
        "en": "Anonymous mode: no pseudonym in the console's lists, on the tablets, in the "
        "command-line ranking or in the PDF report.",
    },
    "console.pseudonyms_shown": {
        "fr": "Pseudonymes affichés\u202f: dans les listes de la console, sur les tablettes "
        "(qui a proposé une source), dans le classement en ligne de commande et dans le "
        "rapport PDF.",
        "en": "Pseudonyms shown: in the console's lists, on the tablets (who proposed a "
        "source), in the command-line ranking and in the PDF report.",
    },
    "inventory.proposed_by_you": {"fr": "Proposée par vous", "en": "Proposed by you"},
    "inventory.proposed_in_room": {
        "fr": "Proposée par une personne participante",
        "en": "Proposed by a participant",
    },
    "undo.what.show_pseudonyms": {
        "fr": "l’affichage des pseudonymes",
        "en": "showing the pseudonyms",
    },
    "undo.what.hide_pseudonyms": {
        "fr": "le retour au mode anonyme",
        "en": "the return to anonymous mode",
    },
    "export.pseudonyms_hidden": {
        "fr": "Mode anonyme\u202f: le rapport ne nomme aucun pseudonyme (réglage de la console).",
        "en": "Anonymous mode: the report names no pseudonym (set on the console).",
    },
    "export.pseudonyms_shown": {
        "fr": "Pseudonymes affichés\u202f: le rapport les liste avec la participation de chacun "
        "(réglage de la console).",
        "en": "Pseudonyms shown: the report lists them with each one's participation (set on "
        "the console).",
    },
    "console.anonymous": {"fr": "Participant·e {n}", "en": "Participant {n}"},
    "console.kind_need_anonymous": {"fr": "Besoin proposé", "en": "Proposed need"},
    "console.kind_source_anonymous": {"fr": "Source proposée", "en": "Proposed source"},
    # the facilitator's room protection (console)
    "protect.title": {"fr": "Protéger la salle", "en": "Protect the room"},
    "protect.who": {"fr": "Participant·e", "en": "Participant"},
    "protect.contributions": {"fr": "Contributions\u202f: {n}", "en": "Contributions: {n}"},
    "protect.hide_all": {"fr": "Masquer toutes ses propositions", "en": "Hide all their proposals"},
    "protect.show_all": {
        "fr": "Réafficher toutes ses propositions",
        "en": "Show all their proposals again",
    },
    "protect.remove_confirm": {
        "fr": "Retirer cette personne de l’atelier et effacer ses contributions",
        "en": "Remove this person from the workshop and erase their contributions",
    },
    "protect.remove": {"fr": "Retirer et effacer", "en": "Remove and erase"},
    "protect.close_joining": {"fr": "Fermer les inscriptions", "en": "Close joining"},
    "protect.reopen_joining": {"fr": "Rouvrir les inscriptions", "en": "Reopen joining"},
    "protect.joining_closed": {
        "fr": "Inscriptions fermées\u00a0: personne ne peut rejoindre, les participants "
        "présents continuent.",
        "en": "Joining is closed: no one can join, the participants already in carry on.",
    },
    "protect.approval_on": {
        "fr": "Faire entrer chaque arrivée moi-même",
        "en": "Let each new arrival in myself",
    },
    "protect.approval_off": {
        "fr": "Laisser entrer les arrivées directement",
        "en": "Let new arrivals in directly",
    },
    "protect.approval_note": {
        "fr": "Les nouvelles arrivées attendent que vous les fassiez entrer.",
        "en": "New arrivals wait until you let them in.",
    },
    "protect.waiting": {
        "fr": "En attente\u00a0: {n}",
        "en": "Waiting: {n}",
    },
    "protect.admit_all": {"fr": "Faire entrer tout le monde", "en": "Let everyone in"},
    "protect.admit": {"fr": "Faire entrer cette personne", "en": "Let this person in"},
    "protect.waiting_tag": {"fr": "en attente", "en": "waiting"},
    "join.waiting": {
        "fr": "Vous êtes dans la file d’attente\u202f: l’animation va vous faire entrer. "
        "Cette page s’ouvrira d’elle-même.",
        "en": "You are in the queue: the facilitator will let you in. This page will open "
        "by itself.",
    },
    "protect.burst": {
        "fr": "{n}\u00a0arrivées dans la dernière minute\u202f: si ce n’est pas la salle, "
        "retirez-les d’un coup dans «\u00a0Arrivées\u00a0».",
        "en": "{n} people joined in the last minute: if that is not the room, remove them "
        'in one go under "Arrivals".',
    },
    "protect.arrivals": {"fr": "Arrivées", "en": "Arrivals"},
    "protect.minute": {
        "fr": "{time} — arrivées\u00a0: {n}",
        "en": "{time} — joined: {n}",
    },
    "protect.since": {"fr": "Arrivé·es depuis", "en": "Joined since"},
    "protect.remove_since_confirm": {
        "fr": "Retirer ces {n}\u00a0personnes et effacer leurs contributions",
        "en": "Remove these {n} people and erase their contributions",
    },
    "protect.remove_since": {
        "fr": "Retirer les {n}\u00a0personnes arrivées depuis {time}",
        "en": "Remove the {n} people who joined since {time}",
    },
}
