"""Tables of a large room: the console's section, the join page's choice, the table screens
and the plenary view, and the refusals about tables."""

MESSAGES: dict[str, dict[str, str]] = {
    # refusals (selfdata.app.tables, selfdata.app.access.require_same_table)
    "error.table.not_yours": {
        "fr": "Cet élément appartient à une autre table\u202f: vous ne pouvez agir que sur "
        "ceux de toute la salle et de votre table.",
        "en": "This item belongs to another table: you may only act on the whole room's "
        "items and your own table's.",
    },
    "error.table.not_found": {
        "fr": "La table «\u00a0{table}\u00a0» n’existe pas (ou plus) dans cet atelier.",
        "en": "The table '{table}' does not exist (any more) in this workshop.",
    },
    "error.table.colour_invalid": {
        "fr": "Couleur de table inconnue\u202f: choisissez l’une des {count} couleurs proposées.",
        "en": "Unknown table colour: pick one of the {count} colours offered.",
    },
    "error.table.name_taken": {
        "fr": "Une table s’appelle déjà «\u00a0{name}\u00a0»\u202f: choisissez un autre nom.",
        "en": "A table is already called '{name}': choose another name.",
    },
    "error.table.need_elsewhere": {
        "fr": "Ce besoin appartient à une autre table\u202f: un cas d’usage d’une table part "
        "d’un besoin de toute la salle ou de cette table.",
        "en": "This need belongs to another table: a table's use case starts from a need of "
        "the whole room or of that table.",
    },
    "error.tables.too_many": {
        "fr": "Un atelier compte au plus {limit} tables.",
        "en": "A workshop has at most {limit} tables.",
    },
    # colour names (selfdata.domain.palette.TABLE_COLOURS)
    "tables.colour_blue": {"fr": "bleu", "en": "blue"},
    "tables.colour_vermillion": {"fr": "vermillon", "en": "vermillion"},
    "tables.colour_bluish_green": {"fr": "vert", "en": "green"},
    "tables.colour_reddish_purple": {"fr": "rose", "en": "pink"},
    "tables.colour_orange": {"fr": "orange", "en": "orange"},
    "tables.colour_sky_blue": {"fr": "bleu ciel", "en": "sky blue"},
    "tables.colour_indigo": {"fr": "indigo", "en": "indigo"},
    "tables.colour_wine": {"fr": "bordeaux", "en": "wine"},
    "tables.colour_yellow": {"fr": "jaune", "en": "yellow"},
    "tables.colour_black": {"fr": "noir", "en": "black"},
    # the console's section
    "tables.header": {"fr": "Tables", "en": "Tables"},
    "tables.intro": {
        "fr": "Pour une grande salle\u202f: répartissez l’atelier en tables de 6 à 8. Chaque "
        "table vote, construit ses cas d’usage et note ses scénarios\u202f; l’étape reste la "
        "même pour toutes les tables.",
        "en": "For a large room: split the workshop into tables of 6 to 8. Each table votes, "
        "builds its use cases and rates its scenarios; the step stays the same for every table.",
    },
    "tables.name": {"fr": "Nom de la table", "en": "Table name"},
    "tables.colour": {"fr": "Couleur", "en": "Colour"},
    "tables.create": {"fr": "Créer la table", "en": "Create the table"},
    "tables.none": {
        "fr": "Aucune table\u202f: toute la salle partage un seul tableau.",
        "en": "No tables: the whole room shares one board.",
    },
    "tables.col_table": {"fr": "Table", "en": "Table"},
    "tables.col_participants": {"fr": "Participants", "en": "Participants"},
    "tables.col_dots": {"fr": "Gommettes posées", "en": "Dots placed"},
    "tables.col_ratings": {"fr": "Notes données", "en": "Ratings given"},
    "tables.unseated": {"fr": "Sans table", "en": "No table"},
    "tables.remove": {"fr": "Supprimer la table {name}", "en": "Remove table {name}"},
    "tables.remove_header": {"fr": "Supprimer une table", "en": "Remove a table"},
    "tables.remove_help": {
        "fr": "Ses participants restent dans l’atelier, sans table\u202f; ses besoins et ses cas "
        "d’usage deviennent ceux de toute la salle.",
        "en": "Its participants stay in the workshop, at no table; its needs and use cases "
        "become the whole room's.",
    },
    "tables.seat_header": {"fr": "Placer une personne", "en": "Seat someone"},
    "tables.seat_who": {"fr": "Participant", "en": "Participant"},
    "tables.seat_where": {"fr": "À la table", "en": "At table"},
    "tables.seat": {"fr": "Placer", "en": "Seat"},
    "tables.screen_link": {"fr": "Écran de la table {name}", "en": "Table {name}'s screen"},
    "tables.plenary_link": {"fr": "Vue plénière", "en": "Plenary view"},
    "tables.use_case_table": {"fr": "Table qui le construit", "en": "Table building it"},
    "tables.whole_room": {"fr": "Toute la salle", "en": "Whole room"},
    # joining
    "tables.pick": {"fr": "Votre table", "en": "Your table"},
    "tables.pick_help": {
        "fr": "Sans choix, vous êtes placé à la table la moins remplie.",
        "en": "Without a choice, you are seated at the least full table.",
    },
    "tables.you_sit": {"fr": "Table {name}", "en": "Table {name}"},
    # the wall
    "tables.screen_title": {"fr": "Table {name}", "en": "Table {name}"},
    "tables.plenary_title": {
        "fr": "Plénière\u202f: les tables comparées",
        "en": "Plenary: the tables compared",
    },
    "tables.unknown_screen": {
        "fr": "Cette table n’existe pas (ou plus)\u202f: vérifiez le lien.",
        "en": "This table does not exist (any more): check the link.",
    },
    "tables.votes_header": {"fr": "Votes par table", "en": "Votes per table"},
    "tables.ranking_header": {"fr": "Classement par table", "en": "Ranking per table"},
    "tables.agreement_header": {"fr": "Accord entre les tables", "en": "Agreement between tables"},
    "tables.overall": {"fr": "Toute la salle", "en": "Whole room"},
    "tables.dots_axis": {"fr": "Gommettes", "en": "Dots"},
    "tables.position_axis": {"fr": "Place", "en": "Place"},
    "tables.tau": {
        "fr": "{first} et {second}\u202f: τ de Kendall = {tau}",
        "en": "{first} and {second}: Kendall's τ = {tau}",
    },
    "tables.tau_none": {
        "fr": "{first} et {second}\u202f: rien à comparer encore",
        "en": "{first} and {second}: nothing to compare yet",
    },
    "tables.converge": {
        "fr": "Les tables convergent sur\u202f: {items}",
        "en": "The tables converge on: {items}",
    },
    "tables.split": {
        "fr": "Les tables divergent sur\u202f: {items}",
        "en": "The tables split on: {items}",
    },
    "tables.nothing_yet": {
        "fr": "Pas encore de résultat à comparer.",
        "en": "No result to compare yet.",
    },
    "tables.not_revealed": {
        "fr": "L’animation n’a pas encore révélé ces résultats.",
        "en": "The facilitator has not revealed these results yet.",
    },
    "tables.no_tables": {
        "fr": "Cet atelier n’a pas de tables.",
        "en": "This workshop has no tables.",
    },
    "tables.votes_caption": {
        "fr": "Gommettes de chaque table par besoin\u202f; toute la salle entre parenthèses.",
        "en": "Each table's dots per need; the whole room in brackets.",
    },
    "tables.ranking_caption": {
        "fr": "Place de chaque scénario à chaque table (1 = premier) et dans toute la salle.",
        "en": "Each scenario's place at each table (1 = first) and in the whole room.",
    },
    # the PDFs (selfdata/export/tables_section.py)
    "pdf.table": {"fr": "Table", "en": "Table"},
    "pdf.table_colour": {"fr": "Couleur", "en": "Colour"},
    "pdf.tables": {"fr": "Les tables", "en": "The tables"},
    "pdf.tables_intro": {
        "fr": "La salle a travaillé en {count} tables. Chaque table a voté sur les besoins "
        "de toute la salle et les siens, et noté ses scénarios\u202f; les votes et les notes "
        "d’une table sont ceux des personnes qui y étaient assises.",
        "en": "The room worked at {count} tables. Each table voted on the whole room's needs "
        "and its own, and rated its scenarios; a table's votes and ratings are those of the "
        "people seated there.",
    },
    "pdf.tables_votes": {"fr": "Votes par table", "en": "Votes per table"},
    "pdf.tables_ranking": {"fr": "Classement par table", "en": "Ranking per table"},
    "pdf.tables_whole_room": {"fr": "Toute la salle", "en": "Whole room"},
    "pdf.tables_place": {"fr": "Place", "en": "Place"},
    "pdf.tables_scenario": {"fr": "Le scénario à chaque table", "en": "The scenario at each table"},
    "pdf.tables_tau": {
        "fr": "{first} et {second}\u202f: τ de Kendall = {tau}",
        "en": "{first} and {second}: Kendall's τ = {tau}",
    },
    "pdf.tables_tau_none": {
        "fr": "{first} et {second}\u202f: rien à comparer",
        "en": "{first} and {second}: nothing to compare",
    },
    "pdf.tables_converge": {
        "fr": "Les tables convergent sur\u202f: {items}",
        "en": "The tables converge on: {items}",
    },
    "pdf.tables_split": {
        "fr": "Les tables divergent sur\u202f: {items}",
        "en": "The tables split on: {items}",
    },
    "pdf.tables_scenario_converge": {
        "fr": "Les tables convergent sur ce scénario (places proches).",
        "en": "The tables converge on this scenario (close places).",
    },
    "pdf.tables_scenario_split": {
        "fr": "Les tables divergent sur ce scénario (places éloignées).",
        "en": "The tables split on this scenario (places far apart).",
    },
    "pdf.tables_scenario_mixed": {
        "fr": "Les tables le placent diversement, sans franc désaccord.",
        "en": "The tables place it differently, without a clear split.",
    },
    "pdf.table_colour_blue": {"fr": "bleu", "en": "blue"},
    "pdf.table_colour_vermillion": {"fr": "vermillon", "en": "vermillion"},
    "pdf.table_colour_bluish_green": {"fr": "vert", "en": "green"},
    "pdf.table_colour_reddish_purple": {"fr": "rose", "en": "pink"},
    "pdf.table_colour_orange": {"fr": "orange", "en": "orange"},
    "pdf.table_colour_sky_blue": {"fr": "bleu ciel", "en": "sky blue"},
    "pdf.table_colour_indigo": {"fr": "indigo", "en": "indigo"},
    "pdf.table_colour_wine": {"fr": "bordeaux", "en": "wine"},
    "pdf.table_colour_yellow": {"fr": "jaune", "en": "yellow"},
    "pdf.table_colour_black": {"fr": "noir", "en": "black"},
}
