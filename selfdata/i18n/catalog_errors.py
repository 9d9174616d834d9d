"""The messages of the refusals a user may meet (:mod:`selfdata.domain.errors`).

Keys are ``error.<key>`` for a refusal's stable key, or ``error.<text>`` when one refusal is
worded differently in different places; ``{name}`` placeholders are filled from the error's
values.
"""

MESSAGES: dict[str, dict[str, str]] = {
    "error.joining.closed": {
        "fr": "L’animation a fermé les inscriptions à cet atelier\u202f: demandez-lui de les "
        "rouvrir.",
        "en": "The facilitator has closed joining for this workshop: ask them to reopen it.",
    },
    "error.joining.waiting": {
        "fr": "L’animation ne vous a pas encore fait entrer\u202f: patientez un instant.",
        "en": "The facilitator has not let you in yet: please wait a moment.",
    },
    "error.joining.busy": {
        "fr": "Beaucoup d’arrivées en même temps dans cet atelier\u202f: réessayez dans "
        "{wait}\u00a0s.",
        "en": "Many people are joining this workshop at once: try again in {wait} s.",
    },
    "error.proposals.leave_room": {
        "fr": "Cette liste est presque pleine\u202f: ses dernières places sont gardées pour "
        "celles et ceux qui n’y ont encore rien proposé.",
        "en": "This list is nearly full: its last places are kept for those who have not "
        "proposed anything on it yet.",
    },
    "store.retrying": {
        "fr": "Dernier essai à {time}\u00a0; la page reviendra d’elle-même dès que la base "
        "répondra.",
        "en": "Last try at {time}; the page will come back by itself as soon as the database "
        "answers.",
    },
    # the database itself failing (selfdata.domain.errors.StoreUnavailable)
    "error.store.unavailable": {
        "fr": "Connexion à la base de données perdue\u00a0: votre dernière action n’a pas "
        "été enregistrée. Nouvel essai automatique dans quelques secondes…",
        "en": "Connection to the database lost: your last action was not saved. "
        "Retrying automatically in a few seconds…",
    },
    # the SQLite file removed or replaced under a running server (selfdata/store/engine.py)
    "error.store.replaced": {
        "fr": "La base de données de ce serveur a été supprimée ou remplacée : votre "
        "dernière action n’a pas été enregistrée. Prévenez l’animation : le serveur doit "
        "être redémarré.",
        "en": "This server's database was deleted or replaced: your last action was not "
        "saved. Tell the facilitator: the server must be restarted.",
    },
    # finding a workshop, checking who acts
    "error.workshop.not_found": {
        "fr": "Aucun atelier ne correspond à ce code. Vérifiez-le auprès de l’animation.",
        "en": "No workshop has this code. Check it with the facilitator.",
    },
    "error.workshop.expired": {
        "fr": "Cet atelier est terminé\u202f: ses données ont été effacées ou vont l’être.",
        "en": "This workshop has ended: its data has been or will be erased.",
    },
    "error.facilitator.forbidden": {
        "fr": "Action réservée à l’animation de cet atelier\u202f: le code d’animation est "
        "incorrect.",
        "en": "Only this workshop's facilitator may do this: the facilitator secret is wrong.",
    },
    "error.participant.unknown": {
        "fr": "Ce lien de participation n’est pas (ou plus) valable pour cet atelier\u202f: "
        "rejoignez-le à nouveau avec le code.",
        "en": "This participant link is not (or no longer) valid for this workshop: "
        "join again with the code.",
    },
    "error.input.locked": {
        "fr": "La saisie est verrouillée par l’animation pour le moment.",
        "en": "The facilitator has locked input for now.",
    },
    "error.input.timer_ended": {
        "fr": "Le temps est écoulé\u202f: la saisie est close pour cette étape.",
        "en": "Time is up: input is closed for this step.",
    },
    "error.step.not_current": {
        "fr": "Cette action appartient à l’étape «\u202f{step}\u202f» et la salle est à "
        "l’étape «\u202f{current}\u202f»\u202f: rien n’a été enregistré. Suivez l’étape en "
        "cours.",
        "en": "This action belongs to the step '{step}' and the room is at the step "
        "'{current}': nothing was saved. Follow the current step.",
    },
    # items not found
    "error.source.not_found": {
        "fr": "Élément introuvable (source de données «\u202f{slug}\u202f»).",
        "en": "Not found (source '{slug}').",
    },
    "error.need.not_found": {
        "fr": "Élément introuvable (besoin «\u202f{slug}\u202f»).",
        "en": "Not found (need '{slug}').",
    },
    "error.use_case.not_found": {
        "fr": "Élément introuvable (cas d’usage «\u202f{slug}\u202f»).",
        "en": "Not found (use_case '{slug}').",
    },
    "error.scenario.not_found": {
        "fr": "Élément introuvable (scénario «\u202f{slug}\u202f»).",
        "en": "Not found (scenario '{slug}').",
    },
    "error.participant.not_found": {
        "fr": "Élément introuvable (personne «\u202f{slug}\u202f»).",
        "en": "Not found (participant '{slug}').",
    },
    # texts
    "error.text.not_text": {
        "fr": "Texte attendu pour «\u202f{field}\u202f».",
        "en": "Expected a text for '{field}'.",
    },
    "error.text.empty": {
        "fr": "Le champ «\u202f{field}\u202f» ne peut pas être vide.",
        "en": "The field '{field}' cannot be empty.",
    },
    "error.text.too_long": {
        "fr": "Le champ «\u202f{field}\u202f» dépasse {limit} caractères ({length}).",
        "en": "The field '{field}' is longer than {limit} characters ({length}).",
    },
    "error.text.bad_characters": {
        "fr": "Le champ «\u202f{field}\u202f» contient des caractères non valides.",
        "en": "The field '{field}' contains invalid characters.",
    },
    # workshops
    "error.import.invalid": {
        "fr": "Ce fichier d’atelier ne peut pas être importé\u202f; rien n’a été enregistré\u202f:",
        "en": "This workshop file cannot be imported; nothing was saved:",
    },
    "error.example.unknown": {
        "fr": "Exemple inconnu\u202f: {example!r}.",
        "en": "Unknown example: {example!r}.",
    },
    "error.workshop.missing": {
        "fr": "Pour un atelier vierge, indiquez le titre, le territoire et le thème.",
        "en": "For a blank workshop, give a title, a territory and a theme.",
    },
    "error.workshop.invalid": {"fr": "Atelier invalide\u202f:", "en": "Invalid workshop:"},
    # participants
    "error.participants.full": {
        "fr": "Cet atelier est complet ({limit} personnes).",
        "en": "This workshop is full ({limit} personnes).",
    },
    "error.pseudonym.taken": {
        "fr": "Le pseudonyme «\u202f{name}\u202f» est déjà pris dans cet atelier\u202f: "
        "choisissez-en un "
        "autre.",
        "en": "The pseudonym '{name}' is already taken in this workshop: choose another one.",
    },
    # contributions
    "error.card.invalid": {
        "fr": "Cette proposition est incomplète ou invalide\u202f:",
        "en": "This proposal is incomplete or invalid:",
    },
    "error.card.vocabulary": {
        "fr": "Thème ou catégorie inconnus\u202f: {names} (valeurs permises\u202f: {allowed}).",
        "en": "Unknown theme or category: {names} (allowed: {allowed}).",
    },
    "error.items.too_many": {
        "fr": "Cet atelier compte déjà {limit} éléments de ce type\u202f: c’est le maximum.",
        "en": "This workshop already has {limit} items of this kind: that is the maximum.",
    },
    "error.items.too_many_use_cases": {
        "fr": "Cet atelier compte déjà {limit} cas d’usage\u202f: c’est le maximum.",
        "en": "This workshop already has {limit} use cases: that is the maximum.",
    },
    "error.items.too_many_scenarios": {
        "fr": "Cet atelier compte déjà {limit} scénarios\u202f: c’est le maximum.",
        "en": "This workshop already has {limit} scenarios: that is the maximum.",
    },
    "error.proposal.card_or_draft": {
        "fr": "Proposez soit une carte du jeu, soit une carte personnalisée.",
        "en": "Propose either a deck card or a custom card.",
    },
    "error.proposal.wrong_kind": {
        "fr": "Type de carte inattendu pour cette proposition.",
        "en": "Unexpected kind of card for this proposal.",
    },
    "error.card.unknown": {
        "fr": "Carte inconnue\u202f: {card!r}.",
        "en": "Unknown card: {card!r}.",
    },
    "error.card.already_there": {
        "fr": "Cette carte est déjà sur la table.",
        "en": "This card is already on the table.",
    },
    "error.proposals.too_many": {
        "fr": "Vous avez déjà fait {limit} propositions\u202f: c’est le maximum par personne.",
        "en": "You already made {limit} proposals: that is the maximum per person.",
    },
    "error.kind.invalid": {"fr": "Type d’élément inconnu.", "en": "Unknown kind of item."},
    "error.proposal.not_yours": {
        "fr": "Vous ne pouvez retirer que vos propres propositions.",
        "en": "You can only withdraw your own proposals.",
    },
    "error.need.has_votes": {
        "fr": "D’autres personnes ont déjà voté pour ce besoin\u202f: il reste sur la table.",
        "en": "Other participants already voted for this need: it stays on the table.",
    },
    "error.need.has_votes_hide": {
        "fr": "Des personnes ont déjà voté pour ce besoin\u202f: masquez-le plutôt.",
        "en": "Participants already voted for this need: hide it instead.",
    },
    "error.source.in_use": {
        "fr": "Cette source sert déjà à un cas d’usage\u202f: retirez-le(la) d’abord du cas "
        "d’usage.",
        "en": "This source is already used by a use case: remove it from the use case first.",
    },
    "error.need.in_use": {
        "fr": "Ce besoin sert déjà à un cas d’usage\u202f: retirez-le(la) d’abord du cas d’usage.",
        "en": "This need is already used by a use case: remove it from the use case first.",
    },
    # dots and ratings
    "error.vote.invalid": {"fr": "Nombre de gommettes invalide.", "en": "Invalid number of dots."},
    "error.need.hidden": {
        "fr": "Ce besoin a été masqué par l’animation\u202f: on ne peut plus voter pour lui.",
        "en": "The facilitator hid this need: it can no longer receive dots.",
    },
    "error.vote.budget": {
        "fr": "Vous avez déjà placé {spent} gommettes sur {budget}\u202f: "
        "retirez-en une pour voter ailleurs.",
        "en": "You already placed {spent} of your {budget} dots: withdraw one to vote elsewhere.",
    },
    "error.vote.cap": {
        "fr": "Au plus {cap} gommettes par besoin.",
        "en": "At most {cap} dots per need.",
    },
    "error.vote.nothing_to_withdraw_some": {
        "fr": "Vos gommettes sur ce besoin\u202f: {n} seulement.",
        "en": "You only have {n} dot(s) on this need.",
    },
    "error.vote.nothing_to_withdraw": {
        "fr": "Vous n’avez pas de gommette sur ce besoin.",
        "en": "You have no dot on this need.",
    },
    "error.rating.invalid": {
        "fr": "Une note va de {low} à {high}.",
        "en": "A rating goes from {low} to {high}.",
    },
    "error.criterion.unknown": {
        "fr": "Critère inconnu\u202f: {criterion!r}.",
        "en": "Unknown criterion: {criterion!r}.",
    },
    # facilitator
    "error.step.unknown": {
        "fr": "Étape inconnue\u202f: {step!r}.",
        "en": "Unknown step: {step!r}.",
    },
    "error.timer.invalid": {
        "fr": "Durée du minuteur\u202f: entre 1 seconde et {hours} heures.",
        "en": "Timer length: between 1 second and {hours} hours.",
    },
    "error.votes.settings_invalid": {
        "fr": "Budget et plafond de gommettes\u202f: des nombres entiers de {low} à {high}.",
        "en": "Dot budget and cap: whole numbers from {low} to {high}.",
    },
    "error.votes.settings_below_usage": {
        "fr": "Des personnes ont déjà placé jusqu’à {spent} gommettes (dont {on_one} sur un "
        "même besoin)\u202f: le budget et le plafond ne peuvent pas descendre en dessous.",
        "en": "Participants already placed up to {spent} dots ({on_one} on one need): the "
        "budget and the cap cannot go below that.",
    },
    "error.criteria.invalid": {"fr": "Poids invalides.", "en": "Invalid weights."},
    "error.criteria.unknown": {
        "fr": "Critère inconnu\u202f: {criterion!r}.",
        "en": "Unknown criterion: {criterion!r}.",
    },
    "error.criteria.weight_invalid": {
        "fr": "Un poids est un nombre entre {low} et {high}.",
        "en": "A weight is a number between {low} and {high}.",
    },
    "error.criteria.in_use": {
        "fr": "Le critère «\u202f{criterion}\u202f» a déjà des notes\u202f: donnez-lui un "
        "poids de 0 plutôt "
        "que de le retirer.",
        "en": "Criterion '{criterion}' already has ratings: give it a weight of 0 instead of "
        "removing it.",
    },
    "error.flag.invalid": {"fr": "Champ inconnu.", "en": "Unknown field."},
    "error.use_case.no_source": {
        "fr": "Un cas d’usage mobilise au moins une source de données.",
        "en": "A use case needs at least one data source.",
    },
    "error.use_case.duplicate_source": {
        "fr": "Une source figure deux fois dans ce cas d’usage.",
        "en": "A source is listed twice in this use case.",
    },
    "error.use_case.in_use": {
        "fr": "Un scénario repose sur ce cas d’usage\u202f: supprimez d’abord le scénario.",
        "en": "A scenario builds on this use case: delete the scenario first.",
    },
    "error.governance.question_unknown": {
        "fr": "Question inconnue\u202f: {question!r}.",
        "en": "Unknown question: {question!r}.",
    },
    "error.governance.option_unknown": {
        "fr": "Réponse inconnue\u202f: {option!r}.",
        "en": "Unknown answer: {option!r}.",
    },
    "error.governance.answers_invalid": {
        "fr": "Réponses au questionnaire illisibles.",
        "en": "Unreadable questionnaire answers.",
    },
    "error.scenario.model_not_chosen": {
        "fr": "Choisissez un modèle de gouvernance pour ce scénario\u00a0: le groupe n’en a "
        "pas encore choisi pour ce cas d’usage.",
        "en": "Choose a governance model for this scenario: the group has not chosen one for "
        "this use case yet.",
    },
    "error.governance.model_unknown": {
        "fr": "Modèle de gouvernance inconnu\u202f: {model!r}.",
        "en": "Unknown governance model: {model!r}.",
    },
    "error.scenario.invalid": {"fr": "Scénario invalide.", "en": "Invalid scenario."},
    "error.scenario.invalid_because": {"fr": "Scénario invalide\u202f:", "en": "Invalid scenario:"},
    "error.network.invalid": {"fr": "Réseau invalide.", "en": "Invalid network."},
    "error.network.inconsistent": {
        "fr": "Le réseau de ce scénario n’est pas cohérent\u202f:",
        "en": "This scenario's network is not consistent:",
    },
    # undo
    "error.undo.nothing": {"fr": "Il n’y a rien à annuler.", "en": "There is nothing to undo."},
    "error.undo.impossible": {
        "fr": "Impossible d’annuler «\u202f{action}\u202f»\u202f: {reason}",
        "en": "Cannot undo '{action}': {reason}",
    },
    # identity, rate limits, results (issue 15, issue 13)
    "error.pseudonym.invalid": {
        "fr": "Le pseudonyme doit être un texte.",
        "en": "The pseudonym must be a text.",
    },
    "error.pseudonym.blank": {
        "fr": "Ce pseudonyme ne s’affiche pas\u202f: il doit contenir au moins une lettre, "
        "un chiffre ou un symbole visible.",
        "en": "This pseudonym would not show: it needs at least one visible letter, digit or "
        "symbol.",
    },
    "error.pseudonym.reserved": {
        "fr": "«\u00a0{name}\u00a0» est réservé à la personne qui anime l’atelier\u202f: "
        "choisissez un autre pseudonyme.",
        "en": "'{name}' is kept for the person running the workshop: choose another pseudonym.",
    },
    "error.pseudonym.too_long": {
        "fr": "Un pseudonyme fait au plus {limit}\u00a0caractères.",
        "en": "A pseudonym has at most {limit} characters.",
    },
    # workshop creation limits (selfdata/app/creation_quota.py)
    "error.workshop.too_many_here": {
        "fr": "Trop d’ateliers créés depuis cette adresse en une minute : réessayez dans {wait} s.",
        "en": "Too many workshops created from this address in a minute: try again in {wait} s.",
    },
    "error.workshop.too_many": {
        "fr": "Trop d’ateliers créés sur ce serveur en une minute : réessayez dans {wait} s.",
        "en": "Too many workshops created on this server in a minute: try again in {wait} s.",
    },
    "error.rate.limited": {
        "fr": "Trop d’essais d’un coup\u202f: réessayez dans {wait}\u00a0s.",
        "en": "Too many attempts at once: try again in {wait} s.",
    },
    "error.rate.locked": {
        "fr": "Trop de codes inconnus essayés\u202f: aucun code n’est vérifié depuis cet "
        "appareil pendant {minutes}\u00a0min.",
        "en": "Too many unknown codes tried: no code is checked from this device for "
        "{minutes} min.",
    },
    "error.participant.gone": {
        "fr": "Cette personne n’existe pas (ou plus) dans cet atelier.",
        "en": "This participant does not exist (or no longer exists) in this workshop.",
    },
    "error.results.hidden": {
        "fr": "Les résultats ne sont pas encore révélés par l’animation.",
        "en": "The results have not been revealed by the facilitator yet.",
    },
    "error.projector.invalid": {
        "fr": "Choix d’affichage invalide ({what}).",
        "en": "Invalid display choice ({what}).",
    },
}
