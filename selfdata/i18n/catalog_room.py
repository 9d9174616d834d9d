"""Messages of the workshop in the room: chrome, home, projection, console, steps 1–4."""

MESSAGES: dict[str, dict[str, str]] = {
    # pages
    "page.home": {"fr": "Accueil", "en": "Home"},
    "page.projection": {"fr": "Projection", "en": "Projection"},
    "page.console": {"fr": "Console d’animation", "en": "Facilitator console"},
    # chrome
    "chrome.code": {"fr": "Code\u202f:", "en": "Code:"},
    "chrome.participants": {"fr": "Personnes inscrites\u202f: {n}", "en": "People who joined: {n}"},
    "chrome.you_are": {"fr": "Vous êtes {name}", "en": "You are {name}"},
    "chrome.current": {"fr": "{label} (en cours)", "en": "{label} (now)"},
    "chrome.step": {"fr": "Étape\u202f: {step}", "en": "Step: {step}"},
    "chrome.go_to_step": {"fr": "Étape en cours\u202f: {step}", "en": "Current step: {step}"},
    "access.join": {
        "fr": "Rejoignez d’abord un atelier avec son code.",
        "en": "Join a workshop with its code first.",
    },
    "access.denied_facilitator": {
        "fr": "Cette page est réservée à l’animation de l’atelier (lien d’animation).",
        "en": "This page is for the workshop's facilitator only (facilitator link).",
    },
    "access.bad_secret": {
        "fr": "Ce lien d’animation n’est pas valide pour cet atelier. Vérifiez le lien, ou "
        "rejoignez l’atelier pour y participer.",
        "en": "This facilitator link is not valid for this workshop. Check the link, or join "
        "the workshop as a participant.",
    },
    "access.join_as_participant": {
        "fr": "Rejoindre l’atelier pour participer",
        "en": "Join as a participant",
    },
    "timer.over": {"fr": "Temps écoulé", "en": "Time is up"},
}
MESSAGES.update(
    {
        # home
        "home.intro": {
            "fr": "Une boîte à outils d’atelier pour préparer une expérimentation **Self Data** "
            "territoriale\u202f: rendre aux habitants les données personnelles que la "
            "collectivité et "
            "ses opérateurs détiennent sur eux. L’animation projette, les personnes participantes "
            "contribuent depuis leur tablette (méthode du *Kit Self Data Territorial*, "
            "Fing, 2019).",
            "en": "A workshop toolkit to prepare a territorial **Self Data** experiment: giving "
            "residents back the personal data the city and its operators hold about them. The "
            "facilitator projects, participants contribute from their tablets (the method of "
            "the Fing's *Kit Self Data Territorial*, 2019).",
        },
        "home.facilitator_ready": {
            "fr": "Votre atelier est ouvert. Gardez le lien d’animation pour vous\u202f: il donne "
            "les commandes de l’atelier.",
            "en": "Your workshop is open. Keep the facilitator link to yourself: it gives "
            "control of the workshop.",
        },
        "home.facilitator_link": {
            "fr": "**Lien d’animation** (à garder, ne pas projeter)\u202f:",
            "en": "**Facilitator link** (keep it, do not project it):",
        },
        "home.join_code": {
            "fr": "**Code pour rejoindre\u202f: {code}** — lien à partager\u202f:",
            "en": "**Join code: {code}** — link to share:",
        },
        "home.projection_link": {
            "fr": "**Lien de projection** (lecture seule, sans secret)\u202f:",
            "en": "**Projection link** (read-only, no secret in it):",
        },
        "home.joined_as": {
            "fr": "Vous participez à «\u202f{title}\u202f» sous le nom {name}.",
            "en": "You take part in “{title}” as {name}.",
        },
        "home.keep_link": {
            "fr": "L’adresse de cette page est votre identité\u202f: si la tablette se met en "
            "veille, "
            "rouvrez-la et vous retrouverez vos contributions.",
            "en": "This page's address is your identity: if the tablet goes to sleep, open it "
            "again and your contributions are still there.",
        },
        "home.join_header": {"fr": "Rejoindre un atelier", "en": "Join a workshop"},
        "home.joining": {"fr": "Atelier\u202f: {title}", "en": "Workshop: {title}"},
        "home.code": {"fr": "Code de l’atelier", "en": "Workshop code"},
        "home.pseudonym": {"fr": "Votre pseudonyme", "en": "Your pseudonym"},
        "home.pseudonym_help": {
            "fr": "Un pseudonyme vous est proposé\u202f; vous pouvez le changer. Pas de compte, "
            "pas de nom réel nécessaire.",
            "en": "A pseudonym is offered; you may change it. No account, no real name needed.",
        },
        "home.join": {"fr": "Rejoindre", "en": "Join"},
        "home.demo_header": {"fr": "Démonstration", "en": "Demo"},
        "home.demo_text": {
            "fr": "Ouvrez un atelier d’exemple prêt à l’emploi ({example}) et prenez les "
            "commandes.",
            "en": "Open a ready-made example workshop ({example}) and take the controls.",
        },
        "home.demo_button": {
            "fr": "Ouvrir l’atelier de démonstration",
            "en": "Open the demo workshop",
        },
        "home.create_header": {"fr": "Créer un atelier", "en": "Create a workshop"},
        "home.example": {"fr": "Point de départ", "en": "Start from"},
        "home.blank": {"fr": "Atelier vierge", "en": "Blank workshop"},
        "home.title": {"fr": "Titre", "en": "Title"},
        "home.territory": {"fr": "Territoire", "en": "Territory"},
        "home.theme": {"fr": "Thème principal", "en": "Main theme"},
        "home.create": {"fr": "Créer l’atelier", "en": "Create the workshop"},
        "home.cards_header": {"fr": "Les cartes", "en": "The cards"},
        "cards.field.holder_kind": {"fr": "Statut du détenteur", "en": "Kind of holder"},
        "cards.persona": {
            "fr": "Pour qui (un habitant type)\u00a0: {who}",
            "en": "For whom (a typical resident): {who}",
        },
        "cards.filter": {"fr": "Filtrer les cartes", "en": "Filter the cards"},
        "cards.count": {"fr": "Cartes\u202f: {n}", "en": "Cards: {n}"},
        "cards.browse": {"fr": "Parcourir les cartes", "en": "Browse the cards"},
        "cards.browse_help": {
            "fr": "{n} cartes, dont {printed} dans le jeu à imprimer (sources de données, "
            "besoins, modèles de gouvernance)\u202f; à l’écran seulement\u202f: territoires "
            "inspirants, acteurs, critères et étapes.",
            "en": "{n} cards, {printed} of them in the printable deck (data sources, needs, "
            "governance models); on screen only: territories to learn from, actors, criteria "
            "and steps.",
        },
        "cards.deck": {"fr": "Paquet", "en": "Deck"},
        "cards.deck_option": {"fr": "{deck} ({n})", "en": "{deck} ({n})"},
        "cards.range": {
            "fr": "Cartes {first} à {last} sur {n}",
            "en": "Cards {first} to {last} of {n}",
        },
        "cards.page": {"fr": "Page {page} sur {pages}", "en": "Page {page} of {pages}"},
        "cards.previous": {"fr": "Précédentes", "en": "Previous"},
        "cards.next": {"fr": "Suivantes", "en": "Next"},
        "cards.details": {"fr": "Détails", "en": "Details"},
        "deck.data_sources": {"fr": "Sources de données", "en": "Data sources"},
        "deck.needs": {"fr": "Besoins", "en": "Needs"},
        "deck.governance_models": {"fr": "Modèles de gouvernance", "en": "Governance models"},
        "deck.cities": {"fr": "Territoires inspirants", "en": "Territories to learn from"},
        "deck.actors": {"fr": "Acteurs", "en": "Actors"},
        "deck.criteria": {"fr": "Critères", "en": "Criteria"},
        "deck.steps": {"fr": "Étapes", "en": "Steps"},
        # card facts
        "inventory.card_facts": {
            "fr": "Détenteur\u202f: {holder} · Accès\u202f: {access} · Sensibilité\u202f: "
            "{sensitivity}",
            "en": "Holder: {holder} · Access: {access} · Sensitivity: {sensitivity}",
        },
        "access.paper": {"fr": "papier", "en": "paper"},
        "access.portal": {"fr": "espace en ligne", "en": "online account"},
        "access.api": {"fr": "API", "en": "API"},
        "access.open_data": {"fr": "données ouvertes", "en": "open data"},
        "access.not_available": {"fr": "pas accessible", "en": "not available"},
        "sensitivity.low": {"fr": "faible", "en": "low"},
        "sensitivity.medium": {"fr": "moyenne", "en": "medium"},
        "sensitivity.high": {"fr": "élevée", "en": "high"},
        "sensitivity.special": {"fr": "catégorie particulière", "en": "special category"},
    }
)
MESSAGES.update(
    {
        # live counts
        "counts.participants": {"fr": "Participants", "en": "Participants"},
        "counts.sources": {"fr": "Sources retenues", "en": "Sources selected"},
        "counts.dots": {"fr": "Gommettes posées", "en": "Dots placed"},
        "counts.voters": {"fr": "Votants", "en": "Voters"},
        "counts.room_participants": {
            "fr": "Participants, toute la salle",
            "en": "Participants, whole room",
        },
        "counts.dots_table": {"fr": "Gommettes de la table", "en": "This table’s dots"},
        "counts.voters_table": {"fr": "Votants de la table", "en": "This table’s voters"},
        "counts.use_cases": {"fr": "Cas d’usage", "en": "Use cases"},
        "counts.chosen": {"fr": "Modèles choisis", "en": "Models chosen"},
        "counts.raters": {"fr": "Ont noté", "en": "Have rated"},
        "counts.ratings": {"fr": "Notes données", "en": "Ratings given"},
        # projection
        "projection.scan": {
            "fr": "Scannez pour rejoindre l’atelier",
            "en": "Scan to join the workshop",
        },
        "projection.code": {"fr": "Code de l’atelier", "en": "Workshop code"},
        "projection.step": {"fr": "Étape\u202f: {step}", "en": "Step: {step}"},
        "projection.locked": {"fr": "Saisie verrouillée", "en": "Input locked"},
        "projection.not_revealed": {
            "fr": "Les résultats s’afficheront quand l’animation les révélera.",
            "en": "Results will show once the facilitator reveals them.",
        },
        "projection.see_step": {
            "fr": "Les résultats de cette étape sont sur sa page.",
            "en": "This step's results are on its own page.",
        },
        # console
        "console.open_projection": {
            "fr": "Ouvrir la vue de projection (sans secret)",
            "en": "Open the projection view (no secret)",
        },
        "console.join_link": {"fr": "Lien pour rejoindre\u202f: {url}", "en": "Join link: {url}"},
        "console.step_now": {
            "fr": "Étape en cours\u202f: **{step}**",
            "en": "Current step: **{step}**",
        },
        "console.step_current": {
            "fr": "C’est l’étape en cours.",
            "en": "This is the current step.",
        },
        "console.step_go": {
            "fr": "Amener la salle à cette étape (les tablettes suivent).",
            "en": "Take the room to this step (the tablets follow).",
        },
        "console.status_locked": {
            "fr": ":material/lock: Saisie verrouillée",
            "en": ":material/lock: Input locked",
        },
        "console.status_open": {
            "fr": ":material/lock_open: Saisie ouverte",
            "en": ":material/lock_open: Input open",
        },
        "console.status_revealed": {
            "fr": ":material/visibility: Résultats révélés",
            "en": ":material/visibility: Results revealed",
        },
        "console.status_hidden": {
            "fr": ":material/visibility_off: Résultats masqués",
            "en": ":material/visibility_off: Results hidden",
        },
        "console.lock": {"fr": "Verrouiller la saisie", "en": "Lock input"},
        "console.unlock": {"fr": "Déverrouiller la saisie", "en": "Unlock input"},
        "console.reveal": {"fr": "Révéler les résultats", "en": "Reveal results"},
        "console.hide": {"fr": "Masquer les résultats", "en": "Hide results"},
        "console.undo": {"fr": "Annuler ma dernière action", "en": "Undo my last action"},
        "console.undo_what": {"fr": "Annuler\u00a0: {what}", "en": "Undo: {what}"},
        "console.undone": {"fr": "Annulé\u00a0: {what}.", "en": "Undone: {what}."},
        "console.nothing_to_undo": {"fr": "Rien à annuler", "en": "Nothing to undo"},
        "undo.what.reveal_ranking": {
            "fr": "la révélation du classement",
            "en": "reveal of the ranking",
        },
        "undo.what.hide_ranking": {"fr": "le masquage du classement", "en": "hiding the ranking"},
        "undo.what.reveal": {
            "fr": "la révélation de l’étape «\u00a0{step}\u00a0»",
            "en": "reveal of the “{step}” step",
        },
        "undo.what.hide": {
            "fr": "le masquage de l’étape «\u00a0{step}\u00a0»",
            "en": "hiding the “{step}” step",
        },
        "undo.what.set_step": {
            "fr": "le passage à l’étape «\u00a0{step}\u00a0»",
            "en": "the move to the “{step}” step",
        },
        "undo.what.lock": {"fr": "le verrouillage de la saisie", "en": "locking input"},
        "undo.what.unlock": {"fr": "le déverrouillage de la saisie", "en": "unlocking input"},
        "undo.what.hide_item": {
            "fr": "le masquage d’une contribution",
            "en": "hiding a contribution",
        },
        "undo.what.show_item": {
            "fr": "le retour d’une contribution",
            "en": "showing a contribution again",
        },
        "undo.what.start_timer": {"fr": "le lancement du minuteur", "en": "starting the timer"},
        "undo.what.stop_timer": {"fr": "l’arrêt du minuteur", "en": "stopping the timer"},
        "undo.what.set_vote_settings": {
            "fr": "le réglage des gommettes",
            "en": "the dot-vote settings",
        },
        "undo.what.set_weights": {"fr": "le changement des poids", "en": "the change of weights"},
        "undo.what.select_source": {
            "fr": "la sélection d’une source",
            "en": "keeping or setting aside a source",
        },
        "undo.what.add_source": {"fr": "l’ajout d’une source", "en": "adding a source"},
        "undo.what.add_need": {"fr": "l’ajout d’un besoin", "en": "adding a need"},
        "undo.what.create_use_case": {
            "fr": "la création d’un cas d’usage",
            "en": "creating a use case",
        },
        "undo.what.update_use_case": {
            "fr": "la modification d’un cas d’usage",
            "en": "editing a use case",
        },
        "undo.what.delete_use_case": {
            "fr": "la suppression d’un cas d’usage",
            "en": "deleting a use case",
        },
        "undo.what.choose_governance": {
            "fr": "le choix du modèle de gouvernance",
            "en": "the choice of governance model",
        },
        "undo.what.set_governance_answers": {
            "fr": "les réponses au questionnaire de gouvernance",
            "en": "the governance questionnaire answers",
        },
        "undo.what.create_scenario": {
            "fr": "la création d’un scénario",
            "en": "creating a scenario",
        },
        "undo.what.update_scenario": {
            "fr": "la modification d’un scénario",
            "en": "editing a scenario",
        },
        "undo.what.set_network_edits": {
            "fr": "la modification du réseau de valeur",
            "en": "editing the value network",
        },
        "undo.what.delete_scenario": {
            "fr": "la suppression d’un scénario",
            "en": "deleting a scenario",
        },
        "undo.what.other": {"fr": "la dernière action", "en": "the last action"},
        "console.timer": {"fr": "Minuteur", "en": "Timer"},
        "console.minutes": {"fr": "Durée (minutes)", "en": "Duration (minutes)"},
        "console.start_timer": {"fr": "Lancer", "en": "Start"},
        "console.stop_timer": {"fr": "Arrêter", "en": "Stop"},
        "console.timer_running": {
            "fr": "Compte à rebours en cours\u202f: la saisie se verrouille à {end}.",
            "en": "Countdown running: input locks at {end}.",
        },
        "console.timer_over": {
            "fr": "Temps écoulé à {end}\u202f: la saisie est verrouillée.",
            "en": "Time ran out at {end}: input is locked.",
        },
        "console.participants": {"fr": "Participants ({n})", "en": "Participants ({n})"},
        "console.pseudonym": {"fr": "Pseudonyme", "en": "Pseudonym"},
        "console.contributions": {"fr": "Propositions", "en": "Proposals"},
        "console.moderation": {"fr": "Modération", "en": "Moderation"},
        "console.nothing_to_moderate": {
            "fr": "Aucune proposition des personnes participantes pour l’instant.",
            "en": "No proposals from participants yet.",
        },
        "console.kind_need": {"fr": "Besoin proposé par {name}", "en": "Need proposed by {name}"},
        "console.kind_source": {
            "fr": "Source proposée par {name}",
            "en": "Source proposed by {name}",
        },
        "console.hide_item": {"fr": "Masquer", "en": "Hide"},
        "console.show": {"fr": "Réafficher", "en": "Show again"},
        "console.settings": {"fr": "Réglages du vote", "en": "Vote settings"},
        "console.budget": {
            "fr": "Gommettes par personne",
            "en": "Dots per participant",
        },
        "console.cap": {"fr": "Gommettes au plus par besoin", "en": "Dots at most per need"},
        "console.apply": {"fr": "Appliquer", "en": "Apply"},
        "console.guide": {
            "fr": "Guide d’animation — {step} ({minutes} min)",
            "en": "Facilitation guide — {step} ({minutes} min)",
        },
        "console.questions": {"fr": "Questions à poser", "en": "Questions to ask"},
        "console.pitfalls": {"fr": "Pièges à éviter", "en": "Pitfalls to avoid"},
        # inventory
        "inventory.lead": {
            "fr": "Quelles données personnelles la collectivité et ses opérateurs "
            "détiennent-ils sur les habitants\u202f?",
            "en": "Which personal data do the city and its operators hold about residents?",
        },
        # the tab's label never changes (a changed label reset the tabs to the first one)
        "inventory.on_table": {"fr": "Sur la table", "en": "On the table"},
        "inventory.on_table_count": {
            "fr": "Sources sur la table\u202f: {n}.",
            "en": "Sources on the table: {n}.",
        },
        "inventory.deck": {"fr": "Parcourir le jeu de cartes", "en": "Browse the deck"},
        "inventory.propose_header": {"fr": "Proposer une source", "en": "Propose a source"},
        "inventory.proposed_by": {"fr": "Proposée par {name}", "en": "Proposed by {name}"},
        "inventory.selected": {
            "fr": ":material/check_circle: Retenue",
            "en": ":material/check_circle: Selected",
        },
        "inventory.set_aside": {
            "fr": ":material/pause_circle: Mise de côté",
            "en": ":material/pause_circle: Set aside",
        },
        "inventory.select": {"fr": "Retenir", "en": "Select"},
        "inventory.unselect": {"fr": "Mettre de côté", "en": "Set aside"},
        "inventory.withdraw": {"fr": "Retirer ma proposition", "en": "Withdraw my proposal"},
        "inventory.theme": {"fr": "Thème", "en": "Theme"},
        "inventory.holder_kind": {"fr": "Type de détenteur", "en": "Kind of holder"},
        "inventory.sensitivity": {"fr": "Sensibilité", "en": "Sensitivity"},
        "inventory.access": {"fr": "Accès", "en": "Access"},
        "inventory.refine": {
            "fr": "Seules les {n} premières cartes sont affichées\u202f: affinez les filtres.",
            "en": "Only the first {n} cards are shown: refine the filters.",
        },
        "inventory.already": {"fr": "Déjà sur la table", "en": "Already on the table"},
        "inventory.add": {"fr": "Mettre sur la table", "en": "Put on the table"},
        "inventory.new_title": {"fr": "Nom de la source", "en": "Name of the source"},
        "inventory.new_holder": {"fr": "Qui la détient\u202f?", "en": "Who holds it?"},
        "inventory.footer": {
            "fr": "Les sources retenues alimentent la matrice des cas d’usage.",
            "en": "The selected sources feed the use-case matrix.",
        },
        "holder.city": {"fr": "commune ou métropole", "en": "city or metropolitan authority"},
        "holder.local_public_body": {
            "fr": "établissement public local (CCAS…)",
            "en": "local public body (CCAS…)",
        },
        "holder.local_authority": {"fr": "département ou région", "en": "département or region"},
        "holder.public_utility": {"fr": "régie publique", "en": "public in-house utility"},
        "holder.delegated_operator": {
            "fr": "délégataire de service public",
            "en": "public-service delegate",
        },
        "holder.concession_holder": {
            "fr": "entreprise concessionnaire du réseau",
            "en": "network concession company",
        },
        "holder.social_landlord": {"fr": "bailleur social", "en": "social landlord"},
        "holder.social_security_body": {
            "fr": "organisme de sécurité sociale",
            "en": "social-security body",
        },
        "holder.private_operator": {"fr": "entreprise privée", "en": "private company"},
        "holder.state_agency": {
            "fr": "État ou établissement public de l’État",
            "en": "State or State agency",
        },
        # needs
        "needs.lead": {
            "fr": "Chaque personne dispose de {budget} gommettes, {cap} au plus par besoin.",
            "en": "Each participant has {budget} dots, at most {cap} per need.",
        },
        "needs.remaining": {"fr": "Gommettes restantes", "en": "Dots left"},
        "needs.locked": {
            "fr": "La saisie est verrouillée par l’animation.",
            "en": "The facilitator locked input.",
        },
        "needs.hidden": {"fr": "Masqué par l’animation", "en": "Hidden by the facilitator"},
        "needs.total": {
            "fr": "Gommettes\u202f: {n} · personnes\u202f: {voters}",
            "en": "Dots: {n} · people: {voters}",
        },
        "needs.mine": {
            "fr": "Mes gommettes ici\u202f: {n} · il m’en reste {left}",
            "en": "My dots here: {n} · {left} left",
        },
        "needs.add_dot": {"fr": "+1 gommette", "en": "+1 dot"},
        "needs.remove_dot": {"fr": "−1 gommette", "en": "−1 dot"},
        "needs.dots_axis": {"fr": "Gommettes", "en": "Dots"},
        "needs.propose_header": {"fr": "Proposer un besoin", "en": "Propose a need"},
        "needs.from_deck": {"fr": "Depuis le jeu de cartes", "en": "From the deck"},
        "needs.add_card": {
            "fr": "Mettre cette carte sur la table",
            "en": "Put this card on the table",
        },
        "needs.title": {"fr": "Le besoin, en une phrase", "en": "The need, in one sentence"},
        "needs.persona": {"fr": "Pour qui\u202f? (persona)", "en": "For whom? (persona)"},
        "needs.description": {"fr": "Description", "en": "Description"},
        "needs.propose": {"fr": "Proposer", "en": "Propose"},
        # use cases
        "use_cases.lead": {
            "fr": "Quelles sources serviraient chaque besoin\u202f? Plus la case est claire, "
            "plus la "
            "suggestion est forte\u202f; touchez-la ou survolez-la pour les raisons.",
            "en": "Which sources would serve each need? The lighter the cell, the stronger the "
            "suggestion; tap or hover it for the reasons.",
        },
        "use_cases.score": {"fr": "Score\u202f: {score}/100", "en": "Score: {score}/100"},
        "use_cases.score_axis": {"fr": "Score", "en": "Score"},
        "use_cases.unrelated": {
            "fr": "Aucune catégorie ni aucun thème en commun",
            "en": "No data category or theme in common",
        },
        "use_cases.not_usable": {
            "fr": "Pas utilisable aujourd’hui en l’état",
            "en": "Not usable as it stands today",
        },
        "use_cases.uncovered": {
            "fr": "Aucune source retenue ne sert le besoin «\u202f{need}\u202f».",
            "en": "No selected source serves the need “{need}”.",
        },
        "use_cases.unused": {
            "fr": "Sources qui ne servent aucun besoin\u202f: {sources}",
            "en": "Sources that serve no need: {sources}",
        },
        "use_cases.matrix_cut": {
            "fr": "La matrice montre les {needs} besoins les plus votés sur {needs_total} et, "
            "pour eux, les {sources} sources les mieux assorties sur {sources_total}. "
            "Les suggestions du formulaire de cas d’usage portent sur toutes.",
            "en": "The matrix shows the {needs} most-voted needs of {needs_total} and, for "
            "them, the {sources} best-matching sources of {sources_total}. The use-case "
            "form's suggestions cover all of them.",
        },
        "use_cases.empty": {
            "fr": "Il faut au moins un besoin et une source retenue pour la matrice.",
            "en": "The matrix needs at least one need and one selected source.",
        },
        "use_cases.list": {"fr": "Cas d’usage ({n})", "en": "Use cases ({n})"},
        "use_cases.need": {"fr": "Besoin\u202f: {need}", "en": "Need: {need}"},
        "use_cases.sources": {"fr": "Sources\u202f: {sources}", "en": "Sources: {sources}"},
        "use_cases.delete": {"fr": "Supprimer", "en": "Delete"},
        "use_cases.create_header": {"fr": "Nommer un cas d’usage", "en": "Name a use case"},
        "use_cases.pick_need": {"fr": "Besoin (ligne)", "en": "Need (row)"},
        "use_cases.pick_sources": {"fr": "Sources (colonnes)", "en": "Sources (columns)"},
        "use_cases.suggested": {
            "fr": "Suggestions\u202f: {sources}",
            "en": "Suggestions: {sources}",
        },
        "use_cases.title": {"fr": "Nom du cas d’usage", "en": "Name of the use case"},
        "use_cases.create": {"fr": "Créer le cas d’usage", "en": "Create the use case"},
        # governance
        "governance.lead": {
            "fr": "Pour chaque cas d’usage, répondez aux questions\u202f: l’adéquation des cinq "
            "modèles se calcule avec ses raisons.",
            "en": "For each use case, answer the questions: the fit of the five models is "
            "computed, with its reasons.",
        },
        "governance.no_use_case": {
            "fr": "Pas encore de cas d’usage\u202f: créez-en un à l’étape précédente.",
            "en": "No use case yet: create one at the previous step.",
        },
        "governance.pick_use_case": {"fr": "Cas d’usage", "en": "Use case"},
        "governance.questions": {"fr": "Questionnaire", "en": "Questionnaire"},
        "governance.facilitator_records": {
            "fr": "L’animation enregistre les réponses dont le groupe convient.",
            "en": "The facilitator records the answers the group agrees on.",
        },
        "governance.no_answer": {"fr": "Pas de réponse", "en": "No answer"},
        "governance.save_answers": {
            "fr": "Enregistrer les réponses",
            "en": "Save the answers",
        },
        "governance.answers_saved": {
            "fr": "Réponses enregistrées (modifications\u202f: {n}).",
            "en": "Answers saved ({n} changed).",
        },
        "governance.answers_unchanged": {
            "fr": "Aucune réponse n’a changé\u202f: rien à enregistrer.",
            "en": "No answer changed: nothing to save.",
        },
        "governance.fit_header": {"fr": "Adéquation des modèles", "en": "Fit of the models"},
        "governance.fit_axis": {"fr": "Adéquation (0–100)", "en": "Fit (0–100)"},
        "governance.fit_line": {"fr": "{model} — {fit}/100", "en": "{model} — {fit}/100"},
        "governance.legal_framework": {"fr": "Cadre juridique", "en": "Legal framework"},
        "governance.tried": {
            "fr": "Territoires qui l’ont essayé",
            "en": "Territories that tried it",
        },
        "governance.choice": {"fr": "Le choix du groupe", "en": "The group's choice"},
        "governance.chosen": {"fr": "Modèle retenu\u202f: {model}", "en": "Chosen model: {model}"},
        "governance.not_chosen": {
            "fr": "Pas encore de modèle retenu.",
            "en": "No model chosen yet.",
        },
        "governance.pick_model": {"fr": "Modèle", "en": "Model"},
        "governance.pick_first": {
            "fr": "Choisissez d’abord un modèle\u202f: les réponses ne départagent pas encore "
            "les modèles, rien n’a été enregistré.",
            "en": "Choose a model first: the answers do not yet tell the models apart; "
            "nothing was saved.",
        },
        "governance.confirm": {"fr": "Confirmer le choix", "en": "Confirm the choice"},
        "verdict.inspire": {"fr": "à suivre", "en": "to follow"},
        "verdict.caution": {"fr": "à suivre avec prudence", "en": "follow with care"},
        "verdict.avoid": {"fr": "à éviter", "en": "to avoid"},
    }
)
