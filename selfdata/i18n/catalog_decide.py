"""How the room decides: participants' weights, the two rating rounds, the resampled
room, the consent round on the top scenario (screens, PDFs and refusals)."""

MESSAGES: dict[str, dict[str, str]] = {
    # Kendall's tau on too few shared items (plenary and report)
    "decide.tau_few_needs": {
        "fr": "{first} et {second}\u202f: trop peu de besoins en commun pour comparer",
        "en": "{first} and {second}: too few shared needs to compare",
    },
    "decide.tau_few_scenarios": {
        "fr": "{first} et {second}\u202f: trop peu de scénarios en commun pour comparer",
        "en": "{first} and {second}: too few shared scenarios to compare",
    },
    "pdf.decide_tau_few_needs": {
        "fr": "{first} et {second}\u202f: trop peu de besoins en commun pour comparer",
        "en": "{first} and {second}: too few shared needs to compare",
    },
    "pdf.decide_tau_few_scenarios": {
        "fr": "{first} et {second}\u202f: trop peu de scénarios en commun pour comparer",
        "en": "{first} and {second}: too few shared scenarios to compare",
    },
}
