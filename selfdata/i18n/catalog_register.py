"""A city's processing register and the fields nobody gave yet ("to be qualified"):
reading the register, the new vocabulary words, qualifying cards on the preparation page."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # unknown is said, never guessed
    "common.to_qualify": {"fr": "à qualifier", "en": "to be qualified"},
    "pdf.to_qualify": {"fr": "à qualifier", "en": "to be qualified"},
    "pdf.origin.city_file": {"fr": "fichier de la ville", "en": "from the city’s file"},
    "pdf.origin.room": {"fr": "proposée en atelier", "en": "proposed in the room"},
    # un besoin: masculine (a source, une source: feminine)
    "pdf.origin.room_need": {"fr": "proposé en atelier", "en": "proposed in the room"},
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
            "fr": "colonne inconnue «\u202f{name}\u202f», gardée telle quelle sur la carte (Autres "
            "colonnes){hint}",
            "en": "unknown column '{name}', kept as it is on the card (Other columns){hint}",
        },
        "files.inventory.example_skipped": {
            "fr": "la ligne d’exemple du modèle (Identifiant «\u202fexemple\u202f») n’est "
            "pas importée",
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
            "fr": "  colonne {letter} «\u202f{header}\u202f» → {to}",
            "en": "  column {letter} '{header}' → {to}",
        },
        "files.mapping.warning": {"fr": "attention\u00a0: {text}", "en": "warning: {text}"},
        "files.mapping.cards": {
            "fr": "{file}\u00a0: cartes à ajouter\u00a0: {n}",
            "en": "{file}: cards to add: {n}",
        },
    }
)
MESSAGES.update(
    {
        "prepare.templates_help": {
            "fr": "Les modèles à remplir (XLSX, listes déroulantes, une feuille d’aide). Leur "
            "ligne d’exemple (Identifiant «\u202fexemple\u202f») n’est jamais importée. Le "
            "registre des "
            "traitements de la ville s’importe aussi tel quel.",
            "en": "The templates to fill (XLSX, drop-down lists, a help sheet). Their example "
            "row (Id 'example') is never imported. The city’s processing register can also be "
            "imported as it is.",
        },
        "prepare.template.sources": {
            "fr": "Modèle des sources de données",
            "en": "Data-source template",
        },
        "prepare.template.needs": {"fr": "Modèle des besoins", "en": "Needs template"},
        "prepare.template_name.sources": {"fr": "modele-sources", "en": "sources-template"},
        "prepare.template_name.needs": {"fr": "modele-besoins", "en": "needs-template"},
        "prepare.limits": {
            "fr": "Limites\u202f: {rows} lignes de données par fichier (la ligne d’en-têtes ne "
            "compte pas), {items} cartes de chaque sorte par atelier.",
            "en": "Limits: {rows} data rows per file (the header row does not count), {items} "
            "cards of each kind per workshop.",
        },
        "prepare.mapping_header": {
            "fr": "Correspondance des colonnes",
            "en": "Column mapping",
        },
        "prepare.mapping_help": {
            "fr": "Ce que chaque colonne du fichier remplit sur les cartes. Corrigez-la si "
            "besoin\u202f: l’aperçu se met à jour. «\u202fAutres colonnes (gardées)\u202f» "
            "garde le texte "
            "tel quel sur la carte\u202f; «\u202fIgnorée\u202f» l’écarte.",
            "en": "What each column of the file fills on the cards. Fix it if needed: the "
            "preview updates. 'Other columns (kept)' keeps the text as it is on the card; "
            "'Ignored' leaves it out.",
        },
        "prepare.warnings": {
            "fr": "À savoir ({n}), sans empêcher l’import\u202f:",
            "en": "Worth knowing ({n}), without stopping the import:",
        },
        "prepare.to_qualify_after": {
            "fr": "Cartes dont le fichier ne donne pas tous les champs\u202f: {n}. Ces champs "
            "restent «\u202fà qualifier\u202f» (jamais notés) jusqu’à ce que vous les "
            "qualifiiez plus bas.",
            "en": "Cards whose fields the file does not all give: {n}. Those fields stay 'to be "
            "qualified' (never scored) until you qualify them below.",
        },
        "prepare.room_left": {
            "fr": "L’atelier peut encore recevoir {room} cartes de cette sorte (au plus {limit}).",
            "en": "The workshop can still take {room} cards of this kind (at most {limit}).",
        },
        "prepare.too_many": {
            "fr": "Ce fichier donne {n} cartes, l’atelier ne peut plus en recevoir que {room} "
            "(au plus {limit} par sorte)\u202f: rien n’est proposé à l’ajout. Retirez des lignes "
            "ou des cartes.",
            "en": "This file gives {n} cards; the workshop can take only {room} more (at most "
            "{limit} per kind): nothing is offered to add. Remove rows or cards.",
        },
    }
)
MESSAGES.update(
    {
        "qualify.header": {"fr": "Cartes à qualifier", "en": "Cards to be qualified"},
        "qualify.help": {
            "fr": "Ce que le fichier de la ville ou une tablette n’a pas dit reste «\u202fà "
            "qualifier\u202f»\u202f: affiché comme tel, jamais noté. Cochez des cartes, choisissez "
            "les valeurs connues, appliquez-les à toutes les cartes cochées.",
            "en": "What the city’s file or a tablet did not say stays 'to be qualified': shown "
            "as such, never scored. Tick cards, choose the values you know, apply them to all "
            "the ticked cards.",
        },
        "qualify.kind.sources": {
            "fr": "Sources de données à qualifier\u202f: {n}",
            "en": "Data sources to be qualified: {n}",
        },
        "qualify.kind.needs": {
            "fr": "Besoins à qualifier\u202f: {n}",
            "en": "Needs to be qualified: {n}",
        },
        "qualify.cards": {"fr": "Cartes", "en": "Cards"},
        "qualify.label.holder_kind": {"fr": "Type de détenteur", "en": "Holder kind"},
        "qualify.label.themes": {"fr": "Thèmes", "en": "Themes"},
        "qualify.label.categories": {"fr": "Catégories de données", "en": "Data categories"},
        "qualify.label.refresh": {"fr": "Mise à jour", "en": "Refresh"},
        "qualify.label.access": {"fr": "Accès", "en": "Access"},
        "qualify.label.ease": {"fr": "Facilité d’accès", "en": "Ease of access"},
        "qualify.label.sensitivity": {"fr": "Sensibilité", "en": "Sensitivity"},
        "qualify.label.portability": {"fr": "Portabilité RGPD", "en": "GDPR portability"},
        "qualify.label.usage_family": {"fr": "Famille d’usage", "en": "Usage family"},
        "qualify.ease.1": {"fr": "1 — difficile", "en": "1 — hard"},
        "qualify.ease.2": {"fr": "2 — moyenne", "en": "2 — medium"},
        "qualify.ease.3": {"fr": "3 — facile", "en": "3 — easy"},
        "qualify.yes": {"fr": "oui", "en": "yes"},
        "qualify.no": {"fr": "non", "en": "no"},
        "qualify.apply": {
            "fr": "Appliquer aux {n} cartes cochées",
            "en": "Apply to the {n} ticked cards",
        },
        "qualify.nothing": {
            "fr": "Aucune valeur choisie\u202f: rien n’a changé.",
            "en": "No value chosen: nothing changed.",
        },
        "qualify.done": {"fr": "Cartes qualifiées\u202f: {n}.", "en": "Cards qualified: {n}."},
    }
)
MESSAGES.update(
    {
        "holder.social_action_centre": {
            "fr": "CCAS ou CIAS",
            "en": "social action centre (CCAS, CIAS)",
        },
        "holder.intercommunal_syndicate": {
            "fr": "syndicat intercommunal",
            "en": "intercommunal syndicate",
        },
    }
)
MESSAGES.update(
    {
        "qualify.place.board": {"fr": "sur la table", "en": "on the table"},
        "qualify.place.deck": {"fr": "jeu de l’atelier", "en": "workshop’s deck"},
    }
)
