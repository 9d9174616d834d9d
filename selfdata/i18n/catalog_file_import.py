"""Messages of preparing a workshop before the room: importing a workshop file or an
inventory, the preview of what an import would create."""

MESSAGES: dict[str, dict[str, str]] = {
    "page.prepare": {"fr": "Préparation", "en": "Preparation"},
    "prepare.import_header": {
        "fr": "Importer un fichier d’atelier",
        "en": "Import a workshop file",
    },
    "prepare.import_help": {
        "fr": "Un fichier d’atelier (YAML ou JSON, {limit} Mo au plus), par exemple celui "
        "téléchargé depuis la page Export. Rien n’est enregistré avant que vous confirmiez "
        "l’import\u202f; vous animez alors le nouvel atelier, qui reçoit un nouveau code.",
        "en": "A workshop file (YAML or JSON, at most {limit} MB), for instance the one "
        "downloaded from the Export page. Nothing is saved until you confirm the import; you "
        "become the facilitator of the new workshop, which gets a new code.",
    },
    "prepare.import_file": {"fr": "Fichier d’atelier", "en": "Workshop file"},
    "prepare.preview_header": {
        "fr": "Ce que l’import va créer",
        "en": "What the import will create",
    },
    "prepare.preview_title": {
        "fr": "**{title}** — {territory}",
        "en": "**{title}** — {territory}",
    },
    "prepare.import_button": {"fr": "Importer cet atelier", "en": "Import this workshop"},
    "prepare.count_line": {"fr": "{label}\u00a0: {n}", "en": "{label}: {n}"},
    "prepare.count.participants": {"fr": "Participants", "en": "Participants"},
    "prepare.count.sources": {"fr": "Sources de données", "en": "Data sources"},
    "prepare.count.needs": {"fr": "Besoins", "en": "Needs"},
    "prepare.count.votes": {"fr": "Votes", "en": "Votes"},
    "prepare.count.use_cases": {"fr": "Cas d’usage", "en": "Use cases"},
    "prepare.count.scenarios": {"fr": "Scénarios", "en": "Scenarios"},
    "prepare.count.criteria": {"fr": "Critères pondérés", "en": "Weighted criteria"},
    "prepare.count.ratings": {"fr": "Notes", "en": "Ratings"},
    "prepare.count.cards": {"fr": "Cartes propres", "en": "Own cards"},
    "prepare.participants_note": {
        "fr": "Les participants importés gardent leurs contributions mais pas leur lien\u202f: "
        "ils rejoignent le nouvel atelier sous un nouveau pseudonyme.",
        "en": "Imported participants keep their contributions but not their link: they join "
        "the new workshop under a new pseudonym.",
    },
    "prepare.refused": {
        "fr": "Ce fichier ne peut pas être importé\u202f; rien n’a été enregistré. "
        "Problèmes trouvés ({n}), un par ligne\u202f:",
        "en": "This file cannot be imported; nothing was saved. Problems found ({n}), one per "
        "line:",
    },
    "error.import.inventory": {
        "fr": "Cet inventaire ne peut pas être importé\u202f; rien n’a été ajouté\u202f:",
        "en": "This inventory cannot be imported; nothing was added:",
    },
    "prepare.page_intro": {
        "fr": "Préparez l’atelier avant l’arrivée des participants\u202f: vérifiez ce qui "
        "manque, importez l’inventaire de la collectivité (sources de données ou besoins) "
        "depuis un tableur, choisissez les cartes en jeu, reformulez une carte, fixez le "
        "déroulé.",
        "en": "Prepare the workshop before the participants arrive: check what is missing, "
        "import the city's inventory (data sources or needs) from a spreadsheet, choose the "
        "cards in play, reword a card, set the agenda.",
    },
    "prepare.inventory_header": {
        "fr": "Importer un inventaire ou un registre (CSV ou XLSX)",
        "en": "Import an inventory or a register (CSV or XLSX)",
    },
    "prepare.inventory_help": {
        "fr": "Un modèle à remplir ou le registre des traitements de la ville, tel quel. "
        "Rien n’est ajouté avant que vous confirmiez\u202f; une ligne en erreur bloque tout "
        "l’import.",
        "en": "A template to fill, or the city’s processing register as it is. Nothing is "
        "added until you confirm; a row in error blocks the whole import.",
    },
    "prepare.inventory_kind": {"fr": "Ce tableur contient", "en": "This spreadsheet holds"},
    "prepare.kind.sources": {"fr": "des sources de données", "en": "data sources"},
    "prepare.kind.needs": {"fr": "des besoins d’habitants", "en": "residents' needs"},
    "prepare.inventory_file": {"fr": "Tableur d’inventaire", "en": "Inventory spreadsheet"},
    "prepare.inventory_preview": {
        "fr": "Cartes à ajouter\u202f: {n}",
        "en": "Cards to add: {n}",
    },
    "prepare.inventory_button": {
        "fr": "Ajouter ces {n} cartes à l’atelier",
        "en": "Add these {n} cards to the workshop",
    },
    "prepare.inventory_done": {
        "fr": "Cartes ajoutées à l’atelier\u202f: {n}.",
        "en": "Cards added to the workshop: {n}.",
    },
    "prepare.inventory_empty": {
        "fr": "Ce tableur ne contient aucune ligne à importer.",
        "en": "This spreadsheet holds no row to import.",
    },
    "prepare.inventory_target": {"fr": "Les ajouter", "en": "Add them"},
    "prepare.target.board": {
        "fr": "à l’atelier, tout de suite (sur la table de l’inventaire ou des besoins)",
        "en": "to the workshop, at once (on the inventory's or the needs' table)",
    },
    "prepare.target.deck": {
        "fr": "au jeu de cartes de l’atelier\u202f: les participants y choisiront, à la place du "
        "jeu fourni",
        "en": "to the workshop's own deck: participants pick from it, instead of the bundled deck",
    },
}
