"""Texts added by the second newcomer walk (issue 30): step 5 before any scenario, the
French words for Streamlit's own widgets, the fields' names in refusals."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- step 5 before any scenario ------------------------------------------------------
    "network.drafts": {
        "fr": "Pas encore de scénario\u202f: voici le réseau de chaque cas d’usage sous le "
        "modèle de gouvernance choisi à l’étape 4. On pourra le modifier une fois le "
        "scénario créé (étape 6).",
        "en": "No scenario yet: here is each use case's network under the governance model "
        "chosen at step 4. It can be edited once the scenario is made (step 6).",
    },
    "network.nothing_to_draw": {
        "fr": "Rien à dessiner pour l’instant\u202f: choisissez un modèle de gouvernance pour "
        "au moins un cas d’usage (étape 4).",
        "en": "Nothing to draw yet: choose a governance model for at least one use case (step 4).",
    },
    "console.step_five_empty": {
        "fr": "L’étape 5 (réseau de valeur) sera vide\u202f: aucun cas d’usage n’a de modèle "
        "de gouvernance choisi et aucun scénario n’existe.",
        "en": "Step 5 (value network) will be empty: no use case has a chosen governance "
        "model and no scenario exists.",
    },
    # --- use cases: why no source is suggested (walk U2: « Suggestions : — ») ------------
    "use_cases.no_suggestion_to_qualify": {
        "fr": "Pas de suggestion. À qualifier pour ce besoin\u202f: {fields} (page "
        "Préparation, «\u00a0Cartes à qualifier\u00a0»)\u202f; les suggestions en dépendent.",
        "en": "No suggestion. To be qualified for this need: {fields} (Preparation page, "
        "'Cards to be qualified'); the suggestions depend on them.",
    },
    "use_cases.matrix_unknown": {
        "fr": "«\u00a0?\u00a0»\u202f: pas de score, à qualifier (touchez ou survolez la case "
        "pour voir ce qui manque).",
        "en": "'?': no score, to be qualified (tap or hover over the cell to see what is missing).",
    },
    "use_cases.no_suggestion": {
        "fr": "Pas de suggestion\u202f: aucune source sur la table ne répond à ce besoin.",
        "en": "No suggestion: no source on the table fits this need.",
    },
    # --- python -m selfdata validate --------------------------------------------------------
    "validate.summary.one": {
        "fr": "{failed} fichier invalide sur {total}",
        "en": "{failed} of {total} file invalid",
    },
    "validate.summary": {
        "fr": "{failed} fichiers invalides sur {total}",
        "en": "{failed} of {total} files invalid",
    },
    "validate.no_file": {
        "fr": "aucun fichier de cartes ou d’atelier trouvé",
        "en": "no deck or workshop file found",
    },
    # --- the fields a refusal names (selfdata.domain.errors.field_label) ------------------
    "field.title": {"fr": "Titre", "en": "Title"},
    "field.holder": {"fr": "Qui la détient", "en": "Who holds it"},
    "field.description": {"fr": "Description", "en": "Description"},
    "field.persona": {"fr": "Pour qui", "en": "For whom"},
    "field.partners": {"fr": "Partenaires", "en": "Partners"},
    "field.name": {"fr": "Nom", "en": "Name"},
    "field.territory": {"fr": "Territoire", "en": "Territory"},
    "proposal.on_table": {
        "fr": "Merci : «\u202f{title}\u202f» est sur la table.",
        "en": "Thank you: '{title}' is on the table.",
    },
    # --- scenarios ---------------------------------------------------------------------
    "error.scenario.no_scope": {
        "fr": "Un scénario concerne au moins un habitant pendant au moins un mois : "
        "indiquez le nombre d’habitants et la durée.",
        "en": "A scenario involves at least one resident for at least one month: give the "
        "number of residents and the duration.",
    },
    "error.scenario.duplicate_title": {
        "fr": "Un scénario s’appelle déjà «\u202f{title}\u202f» : choisissez un autre titre.",
        "en": "A scenario is already called '{title}': choose another title.",
    },
    "scenarios.confirm_delete": {
        "fr": "Je confirme la suppression de «\u202f{title}\u202f» et de ses notes",
        "en": "I confirm deleting '{title}' and its ratings",
    },
    "scenarios.deleted": {
        "fr": "Scénario «\u202f{title}\u202f» supprimé, avec ses notes.",
        "en": "Scenario '{title}' deleted, with its ratings.",
    },
    "scenarios.undo_delete": {
        "fr": "Annuler la suppression de «\u202f{title}\u202f»",
        "en": "Undo deleting '{title}'",
    },
    "scenarios.restored": {
        "fr": "Scénario «\u202f{title}\u202f» rétabli, avec ses notes.",
        "en": "Scenario '{title}' restored, with its ratings.",
    },
    "scenarios.rated.none": {
        "fr": "Aucune note donnée pour l’instant ({total} à donner : une par critère pour "
        "chaque scénario).",
        "en": "No rating given yet ({total} to give: one per criterion for each scenario).",
    },
    "scenarios.rated.one": {
        "fr": "Vous avez donné {done} note sur {total} (une par critère pour chaque scénario).",
        "en": "You have given {done} of {total} ratings (one per criterion for each scenario).",
    },
    "tables.screen_named": {"fr": "Écran : {name}", "en": "Screen: {name}"},
    # --- Streamlit's own words, in the page's language -----------------------------------
    "upload.button": {"fr": "Choisir un fichier", "en": "Choose a file"},
    "upload.limit": {
        "fr": "{limit} Mo au plus par fichier · {types}",
        "en": "At most {limit} MB per file · {types}",
    },
}
