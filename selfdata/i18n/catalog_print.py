"""Words of the accessible, printable PDFs (issue 27): the alternative texts a screen
reader speaks for each figure (``selfdata/export/network_drawing.py``) and the deck's note on
cards printed over several A6 cards (``selfdata/export/deck.py``)."""

MESSAGES: dict[str, dict[str, str]] = {
    "pdf.cover_pieces": {
        "fr": "Une carte trop longue pour un A6 continue sur la suivante, numérotée (1/2), "
        "(2/2)\u202f: {pieces} cartes A6 à découper en tout, sur {sheets} feuilles.",
        "en": "A card too long for one A6 goes on over the next, numbered (1/2), (2/2): "
        "{pieces} A6 cards to cut in all, on {sheets} sheets.",
    },
    "pdf.alt.network": {
        "fr": "Schéma du réseau de valeur\u202f: {actors} acteurs ({names}) et {flows} flux "
        "numérotés, repris dans le tableau qui suit.",
        "en": "Diagram of the value network: {actors} actors ({names}) and {flows} numbered "
        "flows, listed in the table that follows.",
    },
    "pdf.alt.flow": {
        "fr": "{number}. {source} vers {target}, {type}",
        "en": "{number}. {source} to {target}, {type}",
    },
}
