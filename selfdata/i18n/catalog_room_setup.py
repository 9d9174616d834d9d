"""Messages of preparing the room: the cards in play, a card's wording, the agenda, the
readiness list, and the console's clock against the agenda."""

N = "\u202f"  # narrow no-break space before : ; ? ! in French

MESSAGES: dict[str, dict[str, str]] = {
    # cards in play
    "prepare.cards_header": {"fr": "Cartes en jeu", "en": "Cards in play"},
    "prepare.cards_help": {
        "fr": "Cochez les cartes que la salle se verra proposer. Les étapes Inventaire et "
        "Besoins n’offrent que celles-ci (les cartes déjà sur la table y restent).",
        "en": "Tick the cards the room will be offered. The Inventory and Needs steps offer "
        "only these (cards already on the table stay there).",
    },
    "prepare.deck_kind": {"fr": "Paquet", "en": "Deck"},
    "prepare.deck.data_sources": {"fr": "Sources de données", "en": "Data sources"},
    "prepare.deck.needs": {"fr": "Besoins des habitants", "en": "Residents’ needs"},
    "prepare.deck_own": {
        "fr": "Le paquet propre de l’atelier, cartes{N}: {n}.".replace("{N}", N),
        "en": "The workshop’s own deck, cards: {n}.",
    },
    "prepare.deck_bundled": {
        "fr": "Le paquet fourni avec l’outil, cartes{N}: {n}.".replace("{N}", N),
        "en": "The deck bundled with the toolkit, cards: {n}.",
    },
    "prepare.cards_count": {
        "fr": "Cartes en jeu{N}: {n} sur {total}.".replace("{N}", N),
        "en": "Cards in play: {n} of {total}.",
    },
    "prepare.cards_save": {"fr": "Enregistrer les cartes en jeu", "en": "Save the cards in play"},
    "prepare.cards_all": {
        "fr": "Remettre toutes les cartes en jeu",
        "en": "Put every card in play",
    },
    "prepare.cards_saved": {
        "fr": "Cartes en jeu enregistrées{N}: {n}.".replace("{N}", N),
        "en": "Cards in play saved: {n}.",
    },
    # wording
    "prepare.wording_header": {"fr": "Reformuler une carte", "en": "Reword a card"},
    "prepare.wording_help": {
        "fr": "Le titre et le texte d’une carte, en français et en anglais, pour cet atelier "
        "seulement. Une carte du paquet fourni est d’abord copiée, avec son paquet, dans le "
        "paquet propre de l’atelier, qui voyage dans son fichier.",
        "en": "A card’s title and text, in French and in English, for this workshop only. A "
        "card of the bundled deck is first copied, with its deck, into the workshop’s own "
        "deck, which travels in its file.",
    },
    "prepare.wording_card": {"fr": "Carte", "en": "Card"},
    "prepare.wording_title_fr": {"fr": "Titre (français)", "en": "Title (French)"},
    "prepare.wording_title_en": {"fr": "Titre (anglais)", "en": "Title (English)"},
    "prepare.wording_text_fr": {"fr": "Texte (français)", "en": "Text (French)"},
    "prepare.wording_text_en": {"fr": "Texte (anglais)", "en": "Text (English)"},
    "prepare.wording_save": {"fr": "Enregistrer la formulation", "en": "Save the wording"},
    "prepare.wording_saved": {
        "fr": "Carte reformulée pour cet atelier{N}: {title}".replace("{N}", N),
        "en": "Card reworded for this workshop: {title}",
    },
    # agenda
    "prepare.agenda_header": {"fr": "Déroulé", "en": "Agenda"},
    "prepare.agenda_help": {
        "fr": "Un format propose le temps de chaque étape, à partir des durées des fiches "
        "d’étape ramenées au temps disponible (par tranches de cinq minutes). «\u00a0Sur "
        "mesure\u00a0» permet de régler chaque étape et le temps disponible.",
        "en": "A format proposes each step’s time, from the step cards’ durations scaled to "
        "the time available (in five-minute slots). “Custom” lets you set each step and the "
        "time available.",
    },
    "prepare.agenda_preset": {"fr": "Format", "en": "Format"},
    "agenda.preset.half_day": {"fr": "Demi-journée (3\u00a0h\u00a030)", "en": "Half-day (3 h 30)"},
    "agenda.preset.two_sessions": {
        "fr": "Deux séances de 3\u00a0h",
        "en": "Two sessions of 3 h",
    },
    "agenda.preset.custom": {"fr": "Sur mesure", "en": "Custom"},
    "prepare.agenda_step": {"fr": "Étape", "en": "Step"},
    "prepare.agenda_minutes": {"fr": "Temps prévu", "en": "Planned time"},
    "prepare.agenda_step_minutes": {"fr": "{step} (minutes)", "en": "{step} (minutes)"},
    "prepare.agenda_session": {"fr": "Séance", "en": "Session"},
    "prepare.agenda_session_n": {"fr": "Séance {n}", "en": "Session {n}"},
    "prepare.agenda_session_total": {
        "fr": "Séance {n}{N}: {planned} prévues pour {available}.".replace("{N}", N),
        "en": "Session {n}: {planned} planned for {available}.",
    },
    "prepare.agenda_available": {
        "fr": "Temps disponible (minutes)",
        "en": "Time available (minutes)",
    },
    "prepare.agenda_total": {
        "fr": "Total prévu{N}: {planned} pour {available} disponibles.".replace("{N}", N),
        "en": "Planned in all: {planned} for {available} available.",
    },
    "prepare.agenda_saved_as": {
        "fr": "Déroulé enregistré{N}: {preset}.".replace("{N}", N),
        "en": "Agenda saved: {preset}.",
    },
    "prepare.agenda_none": {
        "fr": "Aucun déroulé enregistré pour l’instant.",
        "en": "No agenda saved yet.",
    },
    "prepare.agenda_save": {"fr": "Enregistrer ce déroulé", "en": "Save this agenda"},
    "prepare.agenda_saved": {"fr": "Déroulé enregistré.", "en": "Agenda saved."},
    # readiness
    "prepare.ready_header": {
        "fr": "Prêt pour la salle{N}?".replace("{N}", N),
        "en": "Ready for the room?",
    },
    "prepare.ready_all": {
        "fr": "Rien ne manque{N}: la salle peut arriver.".replace("{N}", N),
        "en": "Nothing is missing: the room can arrive.",
    },
    "prepare.ready_missing": {
        "fr": "À régler avant l’arrivée de la salle{N}: {n}.".replace("{N}", N),
        "en": "To settle before the room arrives: {n}.",
    },
    "ready.status.ok": {"fr": "Prêt", "en": "Ready"},
    "ready.status.todo": {"fr": "À faire", "en": "To do"},
    "ready.status.advice": {"fr": "À vérifier", "en": "To check"},
    "ready.identity.ok": {
        "fr": "L’atelier a un titre et un territoire.",
        "en": "The workshop has a title and a territory.",
    },
    "ready.identity.todo": {
        "fr": "L’atelier n’a pas de titre ou de territoire.",
        "en": "The workshop has no title or no territory.",
    },
    "ready.identity.do": {
        "fr": "Créez l’atelier depuis l’accueil avec son titre et son territoire.",
        "en": "Create the workshop from the home page with its title and territory.",
    },
    "ready.sources.ok": {
        "fr": "Inventaire — cartes en jeu{N}: {deck}, sur la table{N}: {table}.".replace("{N}", N),
        "en": "Inventory — cards in play: {deck}, on the table: {table}.",
    },
    "ready.sources.todo": {
        "fr": "Inventaire{N}: aucune carte en jeu ni source sur la table.".replace("{N}", N),
        "en": "Inventory: no card in play and no source on the table.",
    },
    "ready.sources.do": {
        "fr": "Mettez des sources en jeu (Cartes en jeu) ou importez l’inventaire de la ville.",
        "en": "Put sources in play (Cards in play) or import the city’s inventory.",
    },
    "ready.needs.ok": {
        "fr": "Besoins — cartes en jeu{N}: {deck}, sur la table{N}: {table}.".replace("{N}", N),
        "en": "Needs — cards in play: {deck}, on the table: {table}.",
    },
    "ready.needs.advice": {
        "fr": "Besoins{N}: un seul à proposer, le vote n’aura rien à départager.".replace("{N}", N),
        "en": "Needs: only one to offer, the vote will have nothing to decide.",
    },
    "ready.needs.todo": {
        "fr": "Besoins{N}: aucune carte en jeu ni besoin sur la table.".replace("{N}", N),
        "en": "Needs: no card in play and no need on the table.",
    },
    "ready.needs.do": {
        "fr": "Mettez au moins deux besoins en jeu (Cartes en jeu) ou importez-les.",
        "en": "Put at least two needs in play (Cards in play) or import them.",
    },
    "ready.criteria.ok": {
        "fr": "Critères pondérés par l’animation{N}: {n}.".replace("{N}", N),
        "en": "Criteria weighted by the facilitator: {n}.",
    },
    "ready.criteria.advice": {
        "fr": "Critères{N}: les poids par défaut du paquet s’appliqueront.".replace("{N}", N),
        "en": "Criteria: the deck’s default weights will apply.",
    },
    "ready.criteria.do": {
        "fr": "Réglez les poids sur la page Scénarios si la ville a ses priorités.",
        "en": "Set the weights on the Scenarios page if the city has its own priorities.",
    },
    "ready.agenda.ok": {
        "fr": "Déroulé{N}: {planned}\u00a0min prévues, {available}\u00a0min disponibles.".replace(
            "{N}", N
        ),
        "en": "Agenda: {planned} min planned, {available} min available.",
    },
    "ready.agenda.todo": {
        "fr": "Déroulé{N}: aucun, ou plus long que le temps disponible.".replace("{N}", N),
        "en": "Agenda: none, or longer than the time available.",
    },
    "ready.agenda.do": {
        "fr": "Choisissez un format dans Déroulé, ou raccourcissez les étapes.",
        "en": "Choose a format under Agenda, or shorten the steps.",
    },
    "ready.joining.ok": {"fr": "Les inscriptions sont ouvertes.", "en": "Joining is open."},
    "ready.joining.todo": {
        "fr": "Les inscriptions sont fermées{N}: personne ne pourra rejoindre.".replace("{N}", N),
        "en": "Joining is closed: nobody will be able to join.",
    },
    "ready.joining.do": {
        "fr": "Rouvrez les inscriptions depuis la console.",
        "en": "Reopen joining from the console.",
    },
    "ready.first_step.ok": {
        "fr": "La salle commencera par l’inventaire.",
        "en": "The room will start with the inventory.",
    },
    "ready.first_step.advice": {
        "fr": "La salle ne commencera pas par l’inventaire.",
        "en": "The room will not start with the inventory.",
    },
    "ready.first_step.do": {
        "fr": "Revenez à l’étape 1 depuis la console, sauf si c’est voulu.",
        "en": "Go back to step 1 from the console, unless this is intended.",
    },
    "ready.input_open.ok": {"fr": "La saisie est ouverte.", "en": "Input is open."},
    "ready.input_open.advice": {
        "fr": "La saisie est verrouillée{N}: les tablettes ne pourront rien ajouter.".replace(
            "{N}", N
        ),
        "en": "Input is locked: the tablets will not be able to add anything.",
    },
    "ready.input_open.do": {
        "fr": "Déverrouillez la saisie depuis la console.",
        "en": "Unlock input from the console.",
    },
    # the console's clock
    "console.clock_header": {"fr": "Temps", "en": "Time"},
    "console.clock_step": {"fr": "Cette étape", "en": "This step"},
    "console.clock_total": {"fr": "Tout l’atelier", "en": "The whole workshop"},
    "console.clock_of": {"fr": "{used} sur {planned}", "en": "{used} of {planned}"},
    "console.clock_left": {"fr": "reste {time}", "en": "{time} left"},
    "console.clock_over": {"fr": "{time} de dépassement", "en": "{time} over"},
    "console.clock_no_agenda": {
        "fr": "Pas de déroulé{N}: fixez-le sur la page Préparation.".replace("{N}", N),
        "en": "No agenda: set it on the Preparation page.",
    },
    "console.clock_idle": {
        "fr": "Le chrono démarre au premier changement d’étape, ou avec ce bouton.",
        "en": "The clock starts at the first change of step, or with this button.",
    },
    "console.clock_start": {"fr": "Démarrer le chrono", "en": "Start the clock"},
    "console.clock_restart": {"fr": "Remettre le chrono à zéro", "en": "Restart the clock"},
    # refusals
    "error.agenda.preset": {"fr": "Format de déroulé inconnu.", "en": "Unknown agenda format."},
    "error.agenda.invalid": {
        "fr": "Déroulé refusé{N}: chaque étape prend de 0 à 240 minutes, le temps disponible "
        "de 15 à 600 minutes.".replace("{N}", N),
        "en": "Agenda refused: each step takes 0 to 240 minutes, the time available 15 to 600 "
        "minutes.",
    },
    "error.card.not_in_play": {
        "fr": "La carte «\u202f{card}\u202f» n’est pas en jeu dans cet atelier.",
        "en": "The card '{card}' is not in play in this workshop.",
    },
    "error.wording.empty_title": {
        "fr": "Le titre ({language}) ne peut pas être vide{N}; rien n’a été modifié.".replace(
            "{N}", N
        ),
        "en": "The title ({language}) cannot be empty; nothing was changed.",
    },
    "error.wording.empty_text": {
        "fr": "Le texte ({language}) ne peut pas être vide{N}; rien n’a été modifié.".replace(
            "{N}", N
        ),
        "en": "The text ({language}) cannot be empty; nothing was changed.",
    },
    "error.wording.long_title": {
        "fr": "Le titre ({language}) dépasse {limit} caractères{N}; rien n’a été modifié.".replace(
            "{N}", N
        ),
        "en": "The title ({language}) is longer than {limit} characters; nothing was changed.",
    },
    "error.wording.long_text": {
        "fr": "Le texte ({language}) dépasse {limit} caractères{N}; rien n’a été modifié.".replace(
            "{N}", N
        ),
        "en": "The text ({language}) is longer than {limit} characters; nothing was changed.",
    },
}
