"""A city's GDPR processing register as cities publish it: nine processings of French local
authorities in the CNIL's register layout, with the columns a register has beyond ours
(Service, Mesures de sécurité, Transferts hors UE, Date de mise à jour). Written in our own
words after the kind of entries cities publish (CNIL, « Le registre des activités de
traitement », model and guide, 2018-2024); the city, Saint-Aubin-sur-Loire, is invented.

``register_csv()`` gives it as Excel on a French Windows writes it (Windows-1252, ``;``),
``register_xlsx()`` as a workbook; ``tests/fixtures/registre_traitements.csv`` is the same
CSV on disk (the README's example), kept equal by ``tests/unit/test_register.py``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl

HEADERS = [
    "Nom du traitement",
    "Responsable de traitement",
    "Service",
    "Finalité(s)",
    "Base légale",
    "Catégories de personnes concernées",
    "Catégories de données",
    "Destinataires",
    "Durée de conservation",
    "Mesures de sécurité",
    "Transferts hors UE",
    "Date de mise à jour",
]

CITY = "Commune de Saint-Aubin-sur-Loire"
ROWS = [
    [
        "Tenue de l’état civil",
        CITY,
        "État civil",
        "Établir et conserver les actes de naissance, de mariage et de décès ; délivrer copies "
        "et extraits",
        "Obligation légale (Code civil, art. 34 et suivants)",
        "Personnes nées, mariées ou décédées dans la commune, leurs parents",
        "État civil, identité, filiation",
        "Officiers de l’état civil, procureur de la République, INSEE",
        "75 à 100 ans selon l’acte, puis versement aux archives départementales",
        "Habilitations nominatives, journalisation des accès",
        "Aucun",
        "12/03/2024",
    ],
    [
        "Portail famille (inscriptions scolaires et périscolaires)",
        CITY,
        "Éducation",
        "Inscrire les enfants à l’école, à la cantine et à l’accueil périscolaire",
        "Mission d’intérêt public (RGPD art. 6-1-e)",
        "Parents, enfants scolarisés",
        "Identité, coordonnées, situation familiale, quotient familial",
        "Service éducation, directions d’école",
        "Durée de la scolarité dans la commune, plus un an",
        "Connexion chiffrée, mot de passe personnel",
        "Aucun",
        "02/09/2024",
    ],
    [
        "Main courante de la police municipale",
        CITY,
        "Police municipale",
        "Consigner les interventions et les faits constatés par les agents",
        "Obligation légale (Code de la sécurité intérieure, art. L.511-1)",
        "Personnes mises en cause, victimes, témoins",
        "Identité, adresse, faits relatés",
        "Agents de police municipale, procureur de la République, gendarmerie",
        "5 ans",
        "Poste dédié, accès restreint aux agents",
        "Aucun",
        "15/01/2024",
    ],
    [
        "Facturation de l’aide à domicile et du portage de repas",
        "CCAS de Saint-Aubin-sur-Loire",
        "Action sociale",
        "Facturer les prestations d’aide à domicile et de portage de repas",
        "Exécution d’un contrat (RGPD art. 6-1-b)",
        "Bénéficiaires, obligés alimentaires",
        "Identité, coordonnées, ressources, données bancaires",
        "Comptable public, service comptabilité du CCAS",
        "10 ans (pièces comptables)",
        "Logiciel métier hébergé en France",
        "Aucun",
        "30/06/2023",
    ],
    [
        "Pass piscines de la métropole",
        "Métropole Loire-Confluence",
        "Sports",
        "Délivrer et gérer la carte d’accès aux piscines métropolitaines",
        "Exécution d’un contrat (RGPD art. 6-1-b)",
        "Abonnés des piscines",
        "Identité, photo, coordonnées, passages aux tourniquets",
        "Agents d’accueil, délégataire d’exploitation",
        "3 ans après la fin de l’abonnement",
        "Badges nominatifs, contrôle d’accès",
        "Aucun",
        "10/10/2024",
    ],
    [
        "Prêts de la bibliothèque départementale",
        "Département de Loire-Confluence",
        "Lecture publique",
        "Gérer les inscriptions et les prêts du réseau de lecture publique",
        "Mission d’intérêt public (RGPD art. 6-1-e)",
        "Lecteurs inscrits",
        "Identité, coordonnées, prêts en cours",
        "Bibliothécaires du réseau",
        "Prêts : 4 mois après le retour ; inscription : 1 an après la dernière activité",
        "Accès par identifiant, sauvegardes quotidiennes",
        "Aucun",
        "21/11/2023",
    ],
    [
        "Vidéoprotection de la voie publique",
        CITY,
        "Police municipale",
        "Prévenir les atteintes aux personnes et aux biens dans les lieux exposés",
        "Mission d’intérêt public (Code de la sécurité intérieure, art. L.251-2)",
        "Passants, usagers de l’espace public",
        "Images vidéo",
        "Agents habilités du centre de supervision, forces de l’ordre sur réquisition",
        "30 jours",
        "Salle fermée, registre des extractions",
        "Aucun",
        "04/04/2024",
    ],
    [
        "Paiement en ligne de la restauration scolaire",
        CITY,
        "Régie de recettes",
        "Encaisser les repas de cantine commandés par les familles",
        "Exécution d’un contrat (RGPD art. 6-1-b)",
        "Familles",
        "Identité, coordonnées, données bancaires, repas commandés",
        "Régisseur, prestataire de paiement",
        "13 mois pour les données de carte, 10 ans pour les factures",
        "Paiement sécurisé 3-D Secure",
        "Aucun",
        "08/02/2024",
    ],
    [
        "Caméras-piétons des policiers municipaux",
        CITY,
        "Police municipale",
        "Enregistrer les interventions quand un incident survient ou peut survenir",
        "Obligation légale (Code de la sécurité intérieure, art. L.241-2)",
        "Personnes présentes lors des interventions",
        "Images et sons",
        "Agents habilités, autorités judiciaires",
        "1 mois",
        "Déchargement sur poste sécurisé, pas de modification possible",
        "Aucun",
        "19/05/2024",
    ],
]
"""Nine processings, in the register's own words."""

FIXTURE = Path(__file__).parent / "fixtures" / "registre_traitements.csv"


def register_csv(rows: list[list[str]] | None = None) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows(ROWS if rows is None else rows)
    return out.getvalue().replace("’", "'").encode("cp1252")


def register_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Registre"
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
