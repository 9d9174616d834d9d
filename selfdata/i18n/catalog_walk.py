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
}
