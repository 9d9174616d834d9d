"""Messages of the workshop-file and deck readers (:mod:`selfdata.files.documents`,
:mod:`selfdata.files.problems`, :mod:`selfdata.files.references`,
:mod:`selfdata.files.loading`): ``files.problem.*``. The English texts are what the
readers have always written (``str(problem)``); the pages and ``python -m selfdata
validate`` word them in their language. ``files.problem.noun.*`` names the kinds of things
a file refers to, for "unknown …" and "duplicate …"."""

_N = "\u202f"  # narrow no-break space, before : ; ? ! in French
_GOT = f"\u00a0; reçu{_N}: {{got}}"

MESSAGES: dict[str, dict[str, str]] = {
    # --- reading the text ---------------------------------------------------------------------
    "files.problem.empty": {"fr": "le fichier est vide", "en": "file is empty"},
    "files.problem.not_found": {"fr": "fichier introuvable", "en": "file not found"},
    "files.problem.directory": {
        "fr": "c’est un dossier, pas un fichier",
        "en": "is a directory, not a file",
    },
    "files.problem.unreadable": {
        "fr": f"lecture du fichier impossible{_N}: {{detail}}",
        "en": "cannot read file: {detail}",
    },
    "files.problem.too_large": {
        "fr": "fichier trop gros ({size:.1f} Mo\u00a0; la limite est {limit:g} Mo)",
        "en": "file too large ({size:.1f} MB; the limit is {limit:g} MB)",
    },
    "files.problem.utf16": {
        "fr": f"texte en UTF-16{_N}: enregistrez le fichier en UTF-8",
        "en": "text is UTF-16: save the file as UTF-8",
    },
    "files.problem.binary": {
        "fr": f"contenu binaire (octet NUL){_N}: un fichier texte YAML ou JSON est attendu",
        "en": "binary content (NUL byte): expected a YAML or JSON text file",
    },
    "files.problem.not_utf8": {
        "fr": f"texte qui n’est pas en UTF-8 (octet 0x{{byte:02x}}){_N}: enregistrez le "
        "fichier en UTF-8",
        "en": "not UTF-8 text (byte 0x{byte:02x}): save the file as UTF-8",
    },
    "files.problem.control": {
        "fr": "caractère de contrôle U+{code:04X} interdit",
        "en": "control character U+{code:04X} is not allowed",
    },
    "files.problem.too_many_values": {
        "fr": "plus de {n} valeurs dans un seul fichier",
        "en": "more than {n:,} values in one file",
    },
    "files.problem.too_deep": {
        "fr": "imbrication de plus de {n} niveaux",
        "en": "nesting deeper than {n} levels",
    },
    "files.problem.too_deep_aliases": {
        "fr": "imbrication de plus de {n} niveaux (par des alias)",
        "en": "nesting deeper than {n} levels (through aliases)",
    },
    "files.problem.alias_bomb": {
        "fr": "le document se déploie en plus de {n} valeurs par ses alias (*nom)",
        "en": "the document expands to more than {n:,} values through its aliases (*name)",
    },
    "files.problem.recursive_alias": {
        "fr": f"alias récursif{_N}: une valeur se contient elle-même",
        "en": "recursive alias: a value contains itself",
    },
    "files.problem.duplicate_key": {
        "fr": "clé '{key}' en double",
        "en": "duplicate key '{key}'",
    },
    "files.problem.duplicate_key_at": {
        "fr": "clé '{key}' en double (déjà ligne {line})",
        "en": "duplicate key '{key}' (first at line {line})",
    },
    "files.problem.bad_value": {
        "fr": f"valeur invalide{{shown}}{_N}: {{detail}}",
        "en": "invalid value{shown}: {detail}",
    },
    "files.problem.number_too_long": {
        "fr": f"valeur invalide{{shown}}{_N}: nombre trop long",
        "en": "invalid value{shown}: number too long",
    },
    "files.problem.number_too_long_digits": {
        "fr": f"valeur invalide{{shown}}{_N}: nombre trop long ({{n}} chiffres)",
        "en": "invalid value{shown}: number too long ({n:,} digits)",
    },
    "files.problem.invalid_json": {
        "fr": f"JSON invalide{_N}: {{detail}}",
        "en": "invalid JSON: {detail}",
    },
    "files.problem.json_constant": {
        "fr": f"JSON invalide{_N}: {{name}} n’est pas un nombre",
        "en": "invalid JSON: {name} is not a number",
    },
    "files.problem.invalid_yaml": {
        "fr": f"YAML invalide{_N}: {{detail}}",
        "en": "invalid YAML: {detail}",
    },
    "files.problem.tab": {
        "fr": f"une tabulation ne peut pas indenter du YAML{_N}: utilisez des espaces",
        "en": "a tab character cannot indent YAML: use spaces",
    },
    "files.problem.tag": {
        "fr": "étiquette YAML non prise en charge {tag}",
        "en": "unsupported YAML tag {tag}",
    },
    "files.problem.several_documents": {
        "fr": f"plusieurs documents YAML (---) dans un fichier{_N}: un seul est attendu",
        "en": "several YAML documents (---) in one file: expected a single document",
    },
    "files.problem.yaml.indent": {
        "fr": "cette ligne n’est pas indentée comme celles qui l’entourent",
        "en": "this line is not indented like the ones around it",
    },
    "files.problem.yaml.colon": {
        "fr": "«\u00a0:\u00a0» inattendu (mettez entre guillemets un texte contenant "
        "«\u00a0:\u00a0»)",
        "en": "unexpected ':' (put quotes around a text with ': ')",
    },
    "files.problem.yaml.no_colon": {
        "fr": "«\u00a0:\u00a0» manquant après une clé",
        "en": "missing ':' after a key",
    },
    "files.problem.yaml.in_quotes": {
        "fr": "le fichier se termine à l’intérieur d’un texte entre guillemets",
        "en": "the file ends inside a quoted text",
    },
    "files.problem.yaml.too_early": {
        "fr": f"le fichier se termine trop tôt (un crochet jamais fermé{_N}?)",
        "en": "the file ends too early (an unclosed bracket?)",
    },
    "files.problem.yaml.undefined_alias": {
        "fr": "alias inconnu (un *nom sans &nom plus haut dans le fichier)",
        "en": "undefined alias (a *name without an &name above it in the file)",
    },
    "files.problem.yaml.unhashable_key": {
        "fr": "une clé ne peut être ni une liste ni un dictionnaire",
        "en": "a key cannot be a list or a mapping",
    },
    "files.problem.yaml.directive": {
        "fr": "directive %YAML en double ou d’une version non prise en charge",
        "en": "a %YAML directive twice, or of a version that is not supported",
    },
    "files.problem.yaml.character": {
        "fr": "caractère qui ne peut pas commencer une valeur (mettez la valeur entre guillemets)",
        "en": "a character that cannot start a value (put the value in quotes)",
    },
    # --- a library's own words the catalogue has no phrase for (ForeignWords): English as
    # the library wrote it; in French, these general phrases
    "files.problem.yaml.other": {
        "fr": "passage illisible (vérifiez l’indentation, les «\u00a0:\u00a0», les guillemets "
        "et les crochets)",
        "en": "unreadable passage (check the indentation, the colons, quotes and brackets)",
    },
    "files.problem.json.other": {
        "fr": "syntaxe JSON incorrecte à cet endroit",
        "en": "incorrect JSON syntax here",
    },
    "files.problem.value_other": {
        "fr": "hors des limites ou mal formée",
        "en": "out of range or malformed",
    },
    "files.problem.refused": {
        "fr": "valeur refusée",
        "en": "value refused",
    },
    "files.problem.system": {
        "fr": "le système ne peut pas le lire (chemin, droits d’accès ou disque)",
        "en": "the system cannot read it (the path, access rights or the disk)",
    },
    # --- python -m selfdata workshops restore -------------------------------------------------
    "files.restore.created": {
        "fr": "{path}\tcode {code}\tsecret d’animation {secret}",
        "en": "{path}\tcode {code}\tfacilitator secret {secret}",
    },
    "files.restore.refused": {
        "fr": f"{{path}}{_N}: {{why}}",
        "en": "{path}: {why}",
    },
    "files.problem.json.name": {
        "fr": "nom de propriété attendu, entre guillemets doubles",
        "en": "Expecting property name enclosed in double quotes",
    },
    "files.problem.json.value": {"fr": "valeur attendue", "en": "Expecting value"},
    "files.problem.json.comma": {"fr": "virgule attendue", "en": "Expecting ',' delimiter"},
    "files.problem.json.colon": {
        "fr": "«\u00a0:\u00a0» attendu",
        "en": "Expecting ':' delimiter",
    },
    "files.problem.json.string": {
        "fr": "texte entre guillemets jamais fermé",
        "en": "Unterminated string starting at",
    },
    "files.problem.json.extra": {
        "fr": "données en trop après la fin du document",
        "en": "Extra data",
    },
    "files.problem.json.control": {
        "fr": "caractère de contrôle interdit dans un texte",
        "en": "Invalid control character at",
    },
    "files.problem.date.month": {
        "fr": "le mois doit aller de 1 à 12",
        "en": "month must be in 1..12",
    },
    "files.problem.date.day": {
        "fr": "ce jour n’existe pas dans ce mois",
        "en": "day is out of range for month",
    },
    "files.problem.date.hour": {
        "fr": "l’heure doit aller de 0 à 23",
        "en": "hour must be in 0..23",
    },
    "files.problem.date.minute": {
        "fr": "les minutes doivent aller de 0 à 59",
        "en": "minute must be in 0..59",
    },
    "files.problem.date.second": {
        "fr": "les secondes doivent aller de 0 à 59",
        "en": "second must be in 0..59",
    },
    # --- what the file holds ------------------------------------------------------------------
    "files.problem.not_workshop": {
        "fr": f"attendu{_N}: un fichier d’atelier (un dictionnaire avec 'schema:')" + _GOT,
        "en": "expected a workshop file (a mapping with 'schema:'), got {got}",
    },
    "files.problem.no_mapping": {
        "fr": f"attendu{_N}: un dictionnaire avec 'schema:' au premier niveau" + _GOT,
        "en": "expected a mapping with a 'schema:' at the top level, got {got}",
    },
    "files.problem.no_schema": {
        "fr": f"'schema' manquant{_N}: attendu '{{deck}}' ou '{{workshop}}'",
        "en": "missing 'schema': expected '{deck}' or '{workshop}'",
    },
    "files.problem.schema": {
        "fr": f"schéma inconnu {{shown}}{{hint}} (attendu{_N}: {{expected}})",
        "en": "unknown schema {shown}{hint} (expected {expected})",
    },
    "files.problem.either": {"fr": "'{a}' ou '{b}'", "en": "'{a}' or '{b}'"},
    "files.problem.a_deck": {
        "fr": "c’est un paquet de cartes ('{schema}'), pas un fichier d’atelier",
        "en": "this is a card deck ('{schema}'), not a workshop file",
    },
    "files.problem.no_deck": {
        "fr": "le fichier du paquet manque",
        "en": "deck file is missing",
    },
    # --- values, in the words of the messages -------------------------------------------------
    "files.problem.empty_value": {"fr": "une valeur vide", "en": "an empty value"},
    "files.problem.a_list": {"fr": "une liste", "en": "a list"},
    "files.problem.a_mapping": {"fr": "un dictionnaire", "en": "a mapping"},
    "files.problem.a_value": {"fr": "une valeur seule", "en": "a single value"},
    "files.problem.a_type": {"fr": "une valeur de type {type}", "en": "a {type}"},
    "files.problem.an_integer": {"fr": "un nombre entier", "en": "an integer"},
    "files.problem.a_number": {"fr": "un nombre", "en": "a number"},
    "files.problem.allowed": {"fr": "une des valeurs permises", "en": "one of the allowed values"},
    "files.problem.at_least": {"fr": "au moins {n}", "en": "at least {n}"},
    "files.problem.at_most": {"fr": "au plus {n}", "en": "at most {n}"},
    "files.problem.greater_than": {"fr": "plus grand que {n}", "en": "greater than {n}"},
    "files.problem.less_than": {"fr": "plus petit que {n}", "en": "less than {n}"},
    "files.problem.between": {"fr": "entre {low} et {high}", "en": "between {low} and {high}"},
    "files.problem.both": {"fr": "{low} et {high}", "en": "{low} and {high}"},
    "files.problem.did_you_mean": {
        "fr": f" — vouliez-vous dire '{{word}}'{_N}?",
        "en": " — did you mean '{word}'?",
    },
    # --- schema errors ------------------------------------------------------------------------
    "files.problem.missing_one": {
        "fr": f"champ obligatoire manquant{_N}: {{names}}",
        "en": "missing required field {names}",
    },
    "files.problem.missing_many": {
        "fr": f"champs obligatoires manquants{_N}: {{names}}",
        "en": "missing required fields {names}",
    },
    "files.problem.unknown_field": {
        "fr": "champ inconnu '{name}'{hint}",
        "en": "unknown field '{name}'{hint}",
    },
    "files.problem.expected_value": {
        "fr": f"attendu{_N}: '{{value}}'" + _GOT,
        "en": "expected '{value}', got {got}",
    },
    "files.problem.unknown_value": {
        "fr": f"valeur inconnue {{got}}{{hint}} (attendu{_N}: l’une de {{values}})",
        "en": "unknown value {got}{hint} (expected one of: {values})",
    },
    "files.problem.expected_got": {
        "fr": f"attendu{_N}: {{expected}}" + _GOT,
        "en": "expected {expected}, got {got}",
    },
    "files.problem.expected_bounded": {
        "fr": f"attendu{_N}: {{number}} {{bounds}}" + _GOT,
        "en": "expected {number} {bounds}, got {got}",
    },
    "files.problem.expected_id": {
        "fr": f"attendu{_N}: un identifiant (minuscules, chiffres, '_' et '-')",
        "en": "expected an id (lower-case letters, digits, '_' and '-')",
    },
    "files.problem.expected_colour": {
        "fr": f"attendu{_N}: une couleur comme '#0072B2'",
        "en": "expected a colour like '#0072B2'",
    },
    "files.problem.expected_pattern": {
        "fr": f"attendu{_N}: un texte de la forme {{pattern}}",
        "en": "expected text matching {pattern}",
    },
    "files.problem.got": {"fr": "{message}" + _GOT, "en": "{message}, got {got}"},
    "files.problem.invalid_key": {
        "fr": f"clé invalide{_N}: {{message}}" + _GOT,
        "en": "invalid key: {message}, got {got}",
    },
    "files.problem.expected_text": {
        "fr": f"attendu{_N}: un texte" + _GOT,
        "en": "expected a text, got {got}",
    },
    "files.problem.not_empty": {"fr": "ne doit pas être vide", "en": "must not be empty"},
    "files.problem.too_short": {
        "fr": "trop court (au moins {n} caractères)",
        "en": "too short (at least {n} characters)",
    },
    "files.problem.too_long": {
        "fr": "trop long ({length} caractères\u00a0; au plus {n})",
        "en": "too long ({length} characters; at most {n})",
    },
    "files.problem.expected_bool": {
        "fr": f"attendu{_N}: true ou false" + _GOT,
        "en": "expected true or false, got {got}",
    },
    "files.problem.expected_list": {
        "fr": f"attendu{_N}: une liste" + _GOT,
        "en": "expected a list, got {got}",
    },
    "files.problem.expected_mapping": {
        "fr": f"attendu{_N}: un dictionnaire (clé{_N}: valeur)" + _GOT,
        "en": "expected a mapping (key: value), got {got}",
    },
    "files.problem.min_items": {
        "fr": f"attendu{_N}: au moins {{n}} éléments\u00a0; reçu{_N}: {{actual}}",
        "en": "expected at least {n} items, got {actual}",
    },
    "files.problem.min_items_one": {
        "fr": f"attendu{_N}: au moins {{n}} élément\u00a0; reçu{_N}: {{actual}}",
        "en": "expected at least {n} item, got {actual}",
    },
    "files.problem.max_items": {
        "fr": f"attendu{_N}: au plus {{n}} éléments\u00a0; reçu{_N}: {{actual}}",
        "en": "expected at most {n} items, got {actual}",
    },
    "files.problem.max_items_one": {
        "fr": f"attendu{_N}: au plus {{n}} élément\u00a0; reçu{_N}: {{actual}}",
        "en": "expected at most {n} item, got {actual}",
    },
    "files.problem.expected_datetime": {
        "fr": f"attendu{_N}: une date et une heure comme 2019-10-01T09:30:00" + _GOT,
        "en": "expected a date and time like 2019-10-01T09:30:00, got {got}",
    },
    # --- references ---------------------------------------------------------------------------
    "files.problem.unknown": {
        "fr": "{what} '{value}' introuvable{hint}",
        "en": "unknown {what} '{value}'{hint}",
    },
    "files.problem.duplicate": {
        "fr": "{what} '{value}' en double (aussi {other})",
        "en": "duplicate {what} '{value}' (also {other})",
    },
    "files.problem.missing_card": {
        "fr": "il manque la carte {names}",
        "en": "missing the card {names}",
    },
    "files.problem.missing_cards": {
        "fr": "il manque les cartes {names}",
        "en": "missing the cards {names}",
    },
    "files.problem.level": {
        "fr": f"attendu{_N}: un nombre entre 0 et 1" + _GOT,
        "en": "expected a number between 0 and 1, got {got}",
    },
    "files.problem.no_level": {
        "fr": "aucun niveau pour le trait {names}",
        "en": "no level for the trait {names}",
    },
    "files.problem.no_levels": {
        "fr": "aucun niveau pour les traits {names}",
        "en": "no level for the traits {names}",
    },
    "files.problem.card_id": {
        "fr": f"attendu{_N}: '{{id}}' (identifiant de {{what}})\u00a0; reçu{_N}: '{{got}}'",
        "en": "expected '{id}' (the {what}'s id), got '{got}'",
    },
    "files.problem.over_cap": {
        "fr": "'{participant}' met {n} gommettes sur le besoin '{need}', au-delà du plafond "
        "de {cap}",
        "en": "participant '{participant}' puts {n} dots on need '{need}', over the cap of {cap}",
    },
    "files.problem.over_budget": {
        "fr": "'{participant}' place {n} gommettes, au-delà du budget de {budget}",
        "en": "participant '{participant}' places {n} dots, over the budget of {budget}",
    },
    "files.problem.not_in_inventory": {
        "fr": "la source de données '{value}' n’est pas dans l’inventaire de l’atelier (sources)",
        "en": "data source '{value}' is not in the workshop's inventory (sources)",
    },
    "files.problem.actor_in_network": {
        "fr": "l’identifiant d’acteur '{value}' est déjà dans le réseau",
        "en": "actor id '{value}' is already in the network",
    },
    "files.problem.flow_in_network": {
        "fr": "l’identifiant de flux '{value}' est déjà dans le réseau",
        "en": "flow id '{value}' is already in the network",
    },
    "files.problem.duplicate_rating": {
        "fr": "note en double de '{scenario}' sur '{criterion}' par '{participant}' "
        "(aussi {other})",
        "en": "duplicate rating of '{scenario}' on '{criterion}' by '{participant}' (also {other})",
    },
    # --- what the database refuses to store --------------------------------------------------
    "files.problem.at": {"fr": "{where}: {message}", "en": "{where}: {message}"},
    "files.problem.over_limit": {
        "fr": "{field}: {n} éléments, plus que la limite de {limit}",
        "en": "{field}: {n} items, more than the limit of {limit}",
    },
    "files.problem.nul": {
        "fr": "le fichier contient un caractère NUL, qu’aucun texte ne peut contenir",
        "en": "the file contains a NUL character, which no text may hold",
    },
    "files.problem.not_unicode": {
        "fr": "le fichier contient des caractères qui ne sont pas du texte Unicode valide",
        "en": "the file contains characters that are not valid Unicode text",
    },
    "files.problem.pseudonym_taken": {
        "fr": "{where}: le pseudonyme '{name}' est déjà pris par {other}",
        "en": "{where}: pseudonym '{name}' is already used by {other}",
    },
    "files.problem.dots_max": {
        "fr": "{where}: au plus {n} gommettes sur un besoin",
        "en": "{where}: at most {n} dots on one need",
    },
    "files.problem.voted_twice": {
        "fr": "{where}: '{participant}' vote déjà pour '{need}' dans {other}",
        "en": "{where}: participant '{participant}' already votes for '{need}' in {other}",
    },
    "files.problem.source_twice": {
        "fr": "{where}: une source de données figure deux fois",
        "en": "{where}: a data source is listed twice",
    },
    "files.problem.unknown_bare": {
        "fr": "{where}: '{value}' introuvable",
        "en": "{where}: unknown '{value}'",
    },
    "files.problem.criterion_twice": {
        "fr": "{where}: un critère figure deux fois",
        "en": "{where}: a criterion is listed twice",
    },
    "files.problem.unknown_round": {
        "fr": "{where}: personne participante ou scénario introuvable",
        "en": "{where}: unknown participant or scenario",
    },
    "files.problem.objected_twice": {
        "fr": "{where}: une deuxième objection de la même personne",
        "en": "{where}: a second objection by the same participant",
    },
    "files.problem.worker_failed": {
        "fr": "le fichier n’a pas pu être lu",
        "en": "the file could not be read",
    },
}

_NOUNS = {
    "id": "identifiant",
    "actor": "acteur",
    "actor id": "identifiant d’acteur",
    "answer": "réponse",
    "criterion": "critère",
    "data category": "catégorie de données",
    "data source": "source de données",
    "data source id": "identifiant de source de données",
    "flow id": "identifiant de flux",
    "governance model": "modèle de gouvernance",
    "governance question": "question de gouvernance",
    "need": "besoin",
    "need id": "identifiant de besoin",
    "network actor": "acteur du réseau",
    "network flow": "flux du réseau",
    "option id": "identifiant d’option",
    "participant": "personne participante",
    "participant id": "identifiant de personne participante",
    "scenario": "scénario",
    "scenario id": "identifiant de scénario",
    "table": "table",
    "table id": "identifiant de table",
    "theme": "thème",
    "trait": "trait",
    "use case": "cas d’usage",
    "use case id": "identifiant de cas d’usage",
}
MESSAGES.update(
    {
        "files.problem.noun." + en.replace(" ", "_"): {"fr": fr, "en": en}
        for en, fr in _NOUNS.items()
    }
)
