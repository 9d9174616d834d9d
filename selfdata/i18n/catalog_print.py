"""Words of the tagged, accessible PDFs that no page prints: the alternative texts a
screen reader speaks for each figure (``selfdata/export/network_drawing.py``)."""

MESSAGES: dict[str, dict[str, str]] = {
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
