"""A city's processing register and the fields nobody gave yet ("to be qualified"):
reading the register, the new vocabulary words, qualifying cards on the preparation page."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # unknown is said, never guessed
    "common.to_qualify": {"fr": "à qualifier", "en": "to be qualified"},
    "pdf.to_qualify": {"fr": "à qualifier", "en": "to be qualified"},
    "pdf.origin.city_file": {"fr": "fichier de la ville", "en": "from the city’s file"},
    "pdf.origin.room": {"fr": "proposée en atelier", "en": "proposed in the room"},
    "pdf.to_qualify_fields": {
        "fr": "À qualifier\u202f: {fields}",
        "en": "To be qualified: {fields}",
    },
    # the register's fields on a card
    "pdf.purpose": {"fr": "Finalité", "en": "Purpose"},
    "pdf.legal_basis": {"fr": "Base légale", "en": "Legal basis"},
    "pdf.data_subjects": {"fr": "Personnes concernées", "en": "Data subjects"},
    "pdf.recipients": {"fr": "Destinataires", "en": "Recipients"},
    "pdf.retention": {"fr": "Durée de conservation", "en": "Retention period"},
    "cards.field.refresh": {"fr": "Mise à jour", "en": "Refresh"},
    # new closed-vocabulary words
    "pdf.vocab.holder_kind.social_action_centre": {
        "fr": "CCAS ou CIAS",
        "en": "social action centre (CCAS, CIAS)",
    },
    "pdf.vocab.holder_kind.intercommunal_syndicate": {
        "fr": "syndicat intercommunal",
        "en": "intercommunal syndicate",
    },
    "pdf.vocab.access.on_request": {
        "fr": "sur demande ou au guichet",
        "en": "on request or at the desk",
    },
    "access.on_request": {"fr": "sur demande ou au guichet", "en": "on request or at the desk"},
    "access.none": {"fr": "à qualifier", "en": "to be qualified"},
    "sensitivity.none": {"fr": "à qualifier", "en": "to be qualified"},
    # the matrix
    "use_cases.to_qualify": {
        "fr": "Pas de score\u202f: à qualifier ({fields})",
        "en": "No score: to be qualified ({fields})",
    },
    "use_cases.to_qualify_short": {"fr": "à qualifier", "en": "to be qualified"},
    "qualify.field.holder_kind": {"fr": "type de détenteur", "en": "holder kind"},
    "qualify.field.themes": {"fr": "thèmes", "en": "themes"},
    "qualify.field.categories": {"fr": "catégories de données", "en": "data categories"},
    "qualify.field.refresh": {"fr": "mise à jour", "en": "refresh"},
    "qualify.field.access": {"fr": "accès", "en": "access"},
    "qualify.field.ease": {"fr": "facilité d’accès", "en": "ease of access"},
    "qualify.field.sensitivity": {"fr": "sensibilité", "en": "sensitivity"},
    "qualify.field.portability": {"fr": "portabilité", "en": "portability"},
    "qualify.field.usage_family": {"fr": "famille d’usage", "en": "usage family"},
    # the data-protection register entry: what the city's own register says
    "dp.register.register_basis": {
        "fr": "Base légale (registre de la ville)",
        "en": "Legal basis (the city’s register)",
    },
    "dp.register.register_basis.rule": {"fr": "RGPD art. 6", "en": "GDPR art. 6"},
    "dp.register.register_retention": {
        "fr": "Durée de conservation (registre de la ville)",
        "en": "Retention period (the city’s register)",
    },
    "dp.register.register_retention.rule": {
        "fr": "RGPD art. 30, paragraphe 1, f",
        "en": "GDPR art. 30(1)(f)",
    },
}
MESSAGES.update(
    {
        "proposal.theme": {"fr": "Thème (facultatif)", "en": "Theme (optional)"},
        "proposal.category": {
            "fr": "Catégorie de données (facultatif)",
            "en": "Data category (optional)",
        },
    }
)
MESSAGES.update(
    {
        "files.inventory.unknown_column_kept": {
            "fr": "colonne inconnue « {name} », gardée telle quelle sur la carte (Autres "
            "colonnes){hint}",
            "en": "unknown column '{name}', kept as it is on the card (Other columns){hint}",
        },
        "files.inventory.example_skipped": {
            "fr": "la ligne d’exemple du modèle (Identifiant « exemple ») n’est pas importée",
            "en": "the template’s example row (Id 'example') is not imported",
        },
        "pdf.register_notes": {"fr": "Autres colonnes du registre", "en": "Other register columns"},
    }
)
MESSAGES.update(
    {
        "files.mapping.head": {
            "fr": "{file}\u00a0: lu comme un registre des traitements, colonne par colonne\u00a0:",
            "en": "{file}: read as a processing register, column by column:",
        },
        "files.mapping.line": {
            "fr": "  colonne {letter} « {header} » → {to}",
            "en": "  column {letter} '{header}' → {to}",
        },
        "files.mapping.warning": {"fr": "attention\u00a0: {text}", "en": "warning: {text}"},
        "files.mapping.cards": {
            "fr": "{file}\u00a0: {n} carte(s) à ajouter",
            "en": "{file}: {n} card(s) to add",
        },
    }
)
