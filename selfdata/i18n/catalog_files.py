"""Messages of the spreadsheet inventories (:mod:`selfdata.files.spreadsheets` and
:mod:`selfdata.files.inventory`): ``files.sheet.*`` for reading a sheet, ``files.inventory.*``
for mapping its rows to cards, ``files.kind.*`` for what a sheet lists."""

MESSAGES: dict[str, dict[str, str]] = {
    "files.sheet.line": {"fr": "ligne {line}", "en": "line {line}"},
    "files.sheet.column": {"fr": "colonne {letter} ({header})", "en": "column {letter} ({header})"},
    "files.sheet.empty": {"fr": "le fichier est vide", "en": "the file is empty"},
    "files.sheet.no_header": {
        "fr": "aucune ligne d’en-têtes\u00a0: la première ligne doit nommer les colonnes",
        "en": "no header row: the first row must name the columns",
    },
    "files.sheet.too_large": {
        "fr": "fichier trop gros ({size:.1f} Mo\u00a0; la limite est {limit:g} Mo)",
        "en": "file too large ({size:.1f} MB; the limit is {limit:g} MB)",
    },
    "files.sheet.too_many_rows": {
        "fr": "trop de lignes ({rows}\u00a0; la limite est {limit})",
        "en": "too many rows ({rows}; the limit is {limit})",
    },
    "files.sheet.too_many_cells": {
        "fr": "trop de cellules dans une feuille ({cells} ; la limite est {limit}) : "
        "gardez l’inventaire seul dans sa feuille",
        "en": "too many cells in one sheet ({cells}; the limit is {limit}): keep the inventory "
        "alone on its sheet",
    },
    "files.sheet.too_many_columns": {
        "fr": "trop de colonnes ({columns}\u00a0; la limite est {limit})",
        "en": "too many columns ({columns}; the limit is {limit})",
    },
    "files.sheet.cell_too_long": {
        "fr": "texte trop long ({length} caractères\u00a0; au plus {limit})",
        "en": "text too long ({length} characters; at most {limit})",
    },
    "files.sheet.binary": {
        "fr": "contenu binaire\u00a0: un fichier CSV est du texte (enregistrez la feuille en CSV)",
        "en": "binary content: a CSV file is text (save the sheet as CSV)",
    },
    "files.sheet.xlsx_as_csv": {
        "fr": "c’est un classeur XLSX nommé .csv\u00a0: renommez-le en .xlsx",
        "en": "this is an XLSX workbook named .csv: rename it .xlsx",
    },
    "files.sheet.encoding": {
        "fr": "encodage inconnu (ni UTF-8 ni Windows-1252, octet 0x{byte:02x})\u00a0: "
        "enregistrez en «\u202fCSV UTF-8\u202f»",
        "en": "unknown encoding (neither UTF-8 nor Windows-1252, byte 0x{byte:02x}): save as "
        "'CSV UTF-8'",
    },
    "files.sheet.bad_csv": {
        "fr": 'CSV mal formé ({detail})\u00a0: un guillemet " ouvert et jamais fermé\u00a0?',
        "en": 'malformed CSV ({detail}): a quote " opened and never closed?',
    },
    "files.sheet.xls": {
        "fr": "ancien format Excel (.xls)\u00a0: enregistrez le classeur au format .xlsx",
        "en": "old Excel format (.xls): save the workbook as .xlsx",
    },
    "files.sheet.ods": {
        "fr": "classeur LibreOffice (.ods)\u00a0: enregistrez-le au format .xlsx ou .csv",
        "en": "LibreOffice workbook (.ods): save it as .xlsx or .csv",
    },
    "files.sheet.not_xlsx": {
        "fr": "ce n’est pas un classeur XLSX (enregistrez la feuille au format .xlsx ou .csv)",
        "en": "not an XLSX workbook (save the sheet as .xlsx or .csv)",
    },
    "files.sheet.zip_bomb": {
        "fr": "classeur qui se décompresse au-delà de {limit:g} Mo\u00a0: refusé",
        "en": "workbook that unpacks beyond {limit:g} MB: refused",
    },
    "files.sheet.zip_ratio": {
        "fr": "classeur plus de {ratio} fois plus gros une fois décompressé : refusé "
        "(une bombe de décompression, pas un inventaire)",
        "en": "workbook over {ratio} times larger once unpacked: refused (a zip bomb, not an "
        "inventory)",
    },
    "files.sheet.unreadable_xlsx": {
        "fr": "classeur XLSX illisible ({detail})\u00a0: ouvrez-le et enregistrez-le de nouveau",
        "en": "unreadable XLSX workbook ({detail}): open it and save it again",
    },
    "files.sheet.no_sheet": {
        "fr": "le classeur n’a aucune feuille de calcul",
        "en": "the workbook has no worksheet",
    },
    "files.sheet.merged": {
        "fr": "cellules fusionnées {cells}\u00a0: défusionnez-les (chaque ligne porte ses "
        "propres valeurs)",
        "en": "merged cells {cells}: unmerge them (each row carries its own values)",
    },
    "files.sheet.formula": {
        "fr": "formule sans valeur calculée ({formula})\u00a0: ouvrez et enregistrez le classeur "
        "dans un tableur, ou collez les valeurs",
        "en": "formula with no computed value ({formula}): open and save the workbook in a "
        "spreadsheet app, or paste the values",
    },
    "files.sheet.unsupported_format": {
        "fr": "format non pris en charge\u00a0: enregistrez la feuille en .csv ou .xlsx",
        "en": "unsupported format: save the sheet as .csv or .xlsx",
    },
    "files.inventory.required": {
        "fr": "valeur obligatoire manquante",
        "en": "missing required value",
    },
    "files.inventory.missing_columns": {
        "fr": "colonne{s} obligatoire{s} absente{s}\u00a0: {names}",
        "en": "missing required column{s}: {names}",
    },
    "files.inventory.unknown_column": {
        "fr": "colonne inconnue «\u202f{name}\u202f»{hint}",
        "en": "unknown column '{name}'{hint}",
    },
    "files.inventory.twice": {
        "fr": "colonne «\u202f{name}\u202f» en double (aussi colonne {other})",
        "en": "column '{name}' appears twice (also column {other})",
    },
    "files.inventory.unknown_value": {
        "fr": "valeur inconnue «\u202f{value}\u202f»{hint} (valeurs permises\u00a0: {allowed})",
        "en": "unknown value '{value}'{hint} (allowed: {allowed})",
    },
    "files.inventory.unknown_theme": {
        "fr": "thème inconnu «\u202f{value}\u202f»{hint} (valeurs permises\u00a0: {allowed})",
        "en": "unknown theme '{value}'{hint} (allowed: {allowed})",
    },
    "files.inventory.unknown_category": {
        "fr": "catégorie de données inconnue «\u202f{value}\u202f»{hint} (valeurs "
        "permises\u00a0: {allowed})",
        "en": "unknown data category '{value}'{hint} (allowed: {allowed})",
    },
    "files.inventory.bad_slug": {
        "fr": "identifiant invalide «\u202f{value}\u202f»\u00a0: minuscules, chiffres, _ et - (64 "
        "caractères au plus)",
        "en": "invalid id '{value}': lower-case letters, digits, _ and - (at most 64 characters)",
    },
    "files.inventory.duplicate_id": {
        "fr": "identifiant «\u202f{value}\u202f» en double (aussi ligne {other})",
        "en": "duplicate id '{value}' (also line {other})",
    },
    "files.inventory.ease": {
        "fr": "attendu 1, 2 ou 3, reçu «\u202f{value}\u202f» (valeurs permises\u00a0: 1, 2, 3, "
        "difficile, moyenne, facile)",
        "en": "expected 1, 2 or 3, got '{value}' (allowed: 1, 2, 3, hard, medium, easy)",
    },
    "files.inventory.bool": {
        "fr": "attendu oui ou non, reçu «\u202f{value}\u202f»",
        "en": "expected yes or no, got '{value}'",
    },
    "files.inventory.no_rows": {
        "fr": "aucune ligne sous les en-têtes",
        "en": "no row under the headers",
    },
    "files.inventory.wrong_kind": {
        "fr": "ce tableau ressemble à un inventaire de {found}, pas de {expected}",
        "en": "this sheet looks like an inventory of {found}, not of {expected}",
    },
    "files.inventory.which_kind": {
        "fr": "impossible de dire s’il s’agit de sources de données ou de besoins\u00a0: les "
        "en-têtes ne correspondent à aucun modèle",
        "en": "cannot tell whether this lists data sources or needs: the headers match no template",
    },
    "files.inventory.internal": {
        "fr": "ce fichier n’a pas pu être lu (erreur interne {error})\u00a0: signalez-le",
        "en": "this file could not be read (internal error {error}): please report it",
    },
    "files.inventory.did_you_mean": {
        "fr": " — vouliez-vous dire «\u202f{value}\u202f»\u00a0?",
        "en": " — did you mean '{value}'?",
    },
    "files.kind.sources": {"fr": "sources de données", "en": "data sources"},
    "files.kind.needs": {"fr": "besoins", "en": "needs"},
}
