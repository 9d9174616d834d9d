"""Value network of a scenario: who gives what to whom, and what looks wrong.

A scenario's network is its governance model's template (``network`` in
``cards/governance_models.yaml``) with the scenario's own edits applied. It is a
``networkx.MultiDiGraph``: nodes are network actor ids (attributes ``actor``, the actor
card id, ``label`` an :class:`~selfdata.domain.cards.I18nText`, ``kind`` the actor card's kind
when known); edges are flows, keyed by flow id (attributes ``type``, ``label``,
``tangible``).

Diagnostics, each defined so a facilitator can check it by hand:

* **balance** per actor, as e3value does: flows given and received by type;
  ``takes_without_giving`` when an actor receives personal data and gives no service,
  money or insight to anyone; ``gives_without_getting`` when it gives something tangible
  and receives no service, money or insight.
* **unconsented**: personal-data flows whose recipient cannot be reached from the
  resident through consent/mandate flows (directly or through a chain of mandates).
* **data leaves the resident's control** when personal data reaches an actor the resident
  gave no direct consent to (a mandate through a board or a city is not direct).
* **single points of control**: articulation points of the network (actors whose removal
  cuts it in two), the resident excluded; and betweenness centrality of every actor
  (exact up to 100 actors, estimated from 100 seeded pivots beyond).
* **intermediaries**: on the shortest chain of ``service`` flows from a service provider
  to the resident, the actors in between (``None`` without a service provider reaching
  the resident).
* **isolated** actors: in no flow at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import networkx as nx

from selfdata.domain.cards import (
    TANGIBLE_FLOWS,
    Decks,
    GovernanceModelCard,
    I18nText,
    NetworkActor,
    NetworkFlow,
    NetworkTemplate,
)
from selfdata.domain.workshop import NetworkEdits, Scenario

RESIDENT = "resident"
"""Actor card id of the resident."""
VALUE_FLOWS = frozenset({"service", "money", "insight"})
"""What an actor can give back in exchange."""
FLOW_TYPES = ("personal_data", "consent", "service", "money", "insight", "oversight")
EXACT_BETWEENNESS = 100


class NetworkError(ValueError):
    """The network edits do not fit the template (named in plain words)."""


# --- building -------------------------------------------------------------------------


def build_network(
    template: NetworkTemplate,
    edits: NetworkEdits | None = None,
    decks: Decks | None = None,
    city_actors: Sequence[str] = (),
) -> nx.MultiDiGraph:
    """The template with ``edits`` applied: removals first, then additions. Actors of kind
    ``city`` and those named in ``city_actors`` carry ``city=True``: one body, the city,
    in several roles."""
    edits = edits or NetworkEdits()
    cards = {a.id: a for a in decks.actors} if decks is not None else {}
    actors, flows = _edited(template, edits)
    graph = nx.MultiDiGraph()
    for actor in actors.values():
        card = cards.get(actor.actor)
        label = actor.label or (card.title if card else I18nText.same(actor.actor))
        kind = card.kind if card else None
        graph.add_node(
            actor.id,
            actor=actor.actor,
            label=label,
            kind=kind,
            city=kind == "city" or actor.id in city_actors,
        )
    for flow in flows.values():
        for end in (flow.source, flow.target):
            if end not in actors:
                raise NetworkError(f"flow '{flow.id}' joins '{end}', which is not in the network")
        graph.add_edge(
            flow.source,
            flow.target,
            key=flow.id,
            type=flow.type,
            label=flow.label,
            tangible=flow.type in TANGIBLE_FLOWS,
        )
    return graph


def _edited(
    template: NetworkTemplate, edits: NetworkEdits
) -> tuple[dict[str, NetworkActor], dict[str, NetworkFlow]]:
    """The template's actors and flows with the edits applied: removals first (an actor's
    flows go with it), then additions; an edit that does not fit raises NetworkError."""
    actors = {a.id: a for a in template.actors}
    flows = {f.id: f for f in template.flows}
    for flow_id in edits.remove_flows:
        if flows.pop(flow_id, None) is None:
            raise NetworkError(f"cannot remove flow '{flow_id}': it is not in the network")
    for actor_id in edits.remove_actors:
        if actors.pop(actor_id, None) is None:
            raise NetworkError(f"cannot remove actor '{actor_id}': it is not in the network")
        flows = {k: f for k, f in flows.items() if actor_id not in (f.source, f.target)}
    for actor in edits.add_actors:
        if actor.id in actors:
            raise NetworkError(f"actor '{actor.id}' is already in the network")
        actors[actor.id] = actor
    for flow in edits.add_flows:
        if flow.id in flows:
            raise NetworkError(f"flow '{flow.id}' is already in the network")
        flows[flow.id] = flow
    return actors, flows


def model_network(model: GovernanceModelCard, decks: Decks | None = None) -> nx.MultiDiGraph:
    return build_network(model.network, None, decks)


def scenario_network(scenario: Scenario, decks: Decks) -> nx.MultiDiGraph:
    model = decks.model(scenario.model)
    if model is None:
        raise NetworkError(f"unknown governance model '{scenario.model}'")
    return build_network(model.network, scenario.network_edits, decks, scenario.city_actors or ())


# --- diagnostics ----------------------------------------------------------------------


@dataclass(frozen=True)
class ActorBalance:
    actor: str
    gives: dict[str, int]
    """Flow type → number of flows this actor gives."""
    gets: dict[str, int]
    takes_without_giving: bool
    gives_without_getting: bool


@dataclass(frozen=True)
class NetworkFinding:
    """Something the group should look at, in plain words."""

    kind: str
    """``unconsented``, ``leaves_control``, ``takes_without_giving``, ``single_point``,
    ``isolated``, ``no_resident`` or ``city_role_conflict``."""
    actors: tuple[str, ...]
    flows: tuple[str, ...]
    text: I18nText


@dataclass(frozen=True)
class NetworkDiagnostics:
    balances: tuple[ActorBalance, ...]
    unconsented: tuple[str, ...]
    """Personal-data flows with no consent or mandate covering their recipient."""
    data_leaves_control: bool
    leaving: tuple[str, ...]
    """Personal-data flows to actors the resident did not consent to directly."""
    single_points: tuple[str, ...]
    betweenness: dict[str, float]
    intermediaries: int | None
    isolated: tuple[str, ...]
    findings: tuple[NetworkFinding, ...]


def residents(graph: nx.MultiDiGraph) -> list[str]:
    return [n for n, actor in graph.nodes(data="actor") if actor == RESIDENT]


def _flows(graph: nx.MultiDiGraph, flow_type: str) -> list[tuple[str, str, str]]:
    return [(u, v, k) for u, v, k, t in graph.edges(keys=True, data="type") if t == flow_type]


def _label(graph: nx.MultiDiGraph, node: str) -> I18nText:
    label: I18nText = graph.nodes[node]["label"]
    return label


def _names(graph: nx.MultiDiGraph, nodes: Iterable[str], lang: str) -> str:
    return ", ".join(_label(graph, n).get(lang) for n in nodes)


def _finding(
    graph: nx.MultiDiGraph,
    kind: str,
    actors: list[str],
    flows: list[str],
    fr: str,
    en: str,
) -> NetworkFinding:
    return NetworkFinding(
        kind,
        tuple(actors),
        tuple(flows),
        I18nText(
            fr=fr.format(_names(graph, actors, "fr")), en=en.format(_names(graph, actors, "en"))
        ),
    )


def balances(graph: nx.MultiDiGraph) -> tuple[ActorBalance, ...]:
    out = []
    for node in graph.nodes:
        gives = {t: 0 for t in FLOW_TYPES}
        gets = {t: 0 for t in FLOW_TYPES}
        for _, _, t in graph.out_edges(node, data="type"):
            gives[t] += 1
        for _, _, t in graph.in_edges(node, data="type"):
            gets[t] += 1
        gives_back = sum(gives[t] for t in VALUE_FLOWS)
        gets_back = sum(gets[t] for t in VALUE_FLOWS)
        gives_tangible = sum(gives[t] for t in TANGIBLE_FLOWS)
        out.append(
            ActorBalance(
                actor=node,
                gives=gives,
                gets=gets,
                takes_without_giving=gets["personal_data"] > 0 and gives_back == 0,
                gives_without_getting=gives_tangible > 0 and gets_back == 0,
            )
        )
    return tuple(out)


def _consent_reach(graph: nx.MultiDiGraph, sources: list[str]) -> set[str]:
    consent = nx.DiGraph()
    consent.add_nodes_from(graph.nodes)
    consent.add_edges_from((u, v) for u, v, _ in _flows(graph, "consent"))
    reached: set[str] = set(sources)
    for s in sources:
        reached |= nx.descendants(consent, s)
    return reached


def _intermediaries(graph: nx.MultiDiGraph, resident: str) -> int | None:
    service = nx.DiGraph()
    service.add_nodes_from(graph.nodes)
    service.add_edges_from((u, v) for u, v, _ in _flows(graph, "service"))
    providers = [n for n, a in graph.nodes(data="actor") if a == "service_provider"]
    lengths = []
    for p in providers:
        try:
            lengths.append(nx.shortest_path_length(service, p, resident))
        except nx.NetworkXNoPath:
            continue
    return min(lengths) - 1 if lengths else None


_WORDS: dict[str, I18nText] = {
    "unconsented": I18nText(
        fr="{} reçoit des données personnelles sans consentement ni mandat qui le couvre.",
        en="{} receives personal data with no consent or mandate covering it.",
    ),
    "leaves_control": I18nText(
        fr="Des données personnelles sortent du contrôle de l’habitant\u202f: "
        "{} les reçoit sans son accord direct.",
        en="Personal data leaves the resident’s control: "
        "{} receives it without their direct consent.",
    ),
    "takes_without_giving": I18nText(
        fr="{} reçoit des données personnelles et ne rend ni service, ni argent, ni résultat.",
        en="{} takes personal data and gives no service, money or insight back.",
    ),
    "single_point": I18nText(
        fr="Point de contrôle unique\u202f: sans {}, le réseau se coupe en deux.",
        en="Single point of control: without {}, the network falls apart.",
    ),
    "isolated": I18nText(fr="{} ne participe à aucun flux.", en="{} takes part in no flow."),
    "city_role_conflict": I18nText(
        fr="Un même organisme, la collectivité, détient les données, opère la plateforme "
        "et décide des droits ({})\u00a0: séparez ces rôles ou confiez le contrôle à un "
        "tiers indépendant.",
        en="One body, the city, holds the data, runs the platform and decides "
        "entitlements ({}): separate these roles or give oversight to an independent "
        "party.",
    ),
}
"""Each finding in plain words (``{}``: the actors it names)."""

_NO_RESIDENT = NetworkFinding(
    "no_resident",
    (),
    (),
    I18nText(
        fr="L’habitant ne figure pas dans le réseau.", en="The resident is not in the network."
    ),
)


def _say(
    graph: nx.MultiDiGraph, kind: str, actors: list[str], flows: Iterable[str] = ()
) -> NetworkFinding:
    words = _WORDS[kind]
    return _finding(graph, kind, actors, list(flows), words.fr, words.en)


def _without_loops(graph: nx.MultiDiGraph) -> nx.Graph:
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    return simple


def diagnose(graph: nx.MultiDiGraph) -> NetworkDiagnostics:
    """Every diagnostic of the module docstring, with findings in plain words."""
    people = residents(graph)
    resident = people[0] if people else None
    findings: list[NetworkFinding] = [] if resident is not None else [_NO_RESIDENT]
    order = list(graph.nodes)

    covered = _consent_reach(graph, people)
    data_flows = _flows(graph, "personal_data")
    unconsented = [(u, v, k) for u, v, k in data_flows if v not in covered]
    findings += [_say(graph, "unconsented", [v], [k]) for _, v, k in unconsented]

    direct = {v for u, v, _ in _flows(graph, "consent") if u in people}
    leaving = [(u, v, k) for u, v, k in data_flows if v not in people and v not in direct]
    if leaving:
        receivers = sorted({v for _, v, _ in leaving}, key=order.index)
        findings.append(_say(graph, "leaves_control", receivers, (k for _, _, k in leaving)))

    actor_balances = balances(graph)
    findings += [
        _say(graph, "takes_without_giving", [b.actor])
        for b in actor_balances
        if b.takes_without_giving
    ]

    simple = _without_loops(graph)
    single_points = sorted(set(nx.articulation_points(simple)) - set(people), key=order.index)
    if single_points:
        findings.append(_say(graph, "single_point", single_points))
    isolated = [n for n in order if simple.degree(n) == 0]
    findings += [_say(graph, "isolated", [actor]) for actor in isolated]
    conflict = city_role_conflict(graph)
    if conflict:
        findings.append(_say(graph, "city_role_conflict", list(conflict)))

    betweenness = _betweenness(simple)
    return NetworkDiagnostics(
        balances=actor_balances,
        unconsented=tuple(k for _, _, k in unconsented),
        data_leaves_control=bool(leaving),
        leaving=tuple(k for _, _, k in leaving),
        single_points=tuple(single_points),
        betweenness={n: float(betweenness.get(n, 0.0)) for n in order},
        intermediaries=None if resident is None else _intermediaries(graph, resident),
        isolated=tuple(isolated),
        findings=tuple(findings),
    )


IMBALANCE_KINDS: tuple[str, ...] = (
    "unconsented",
    "leaves_control",
    "takes_without_giving",
    "single_point",
)
"""The findings that flag an actor: the one rule the screen (ring and gives/gets table), the
dossier and the report use; "no imbalance" is said only when there is no finding at all.
Giving without getting (a data holder answering residents' requests, a city funding a
service) is shown in the balance, not flagged: it is often the point."""


def imbalances(diagnostics: NetworkDiagnostics) -> dict[str, tuple[str, ...]]:
    """Each flagged actor and the kinds of imbalance it is flagged for, in finding order."""
    out: dict[str, tuple[str, ...]] = {}
    for finding in diagnostics.findings:
        if finding.kind in IMBALANCE_KINDS:
            for actor in finding.actors:
                if finding.kind not in out.get(actor, ()):
                    out[actor] = (*out.get(actor, ()), finding.kind)
    return out


HOLDER_KINDS = frozenset({"data_holder"})
PLATFORM_KINDS = frozenset({"intermediary", "operator", "collective"})
DECIDER_KINDS = frozenset({"city"})


def city_role_conflict(graph: nx.MultiDiGraph) -> tuple[str, ...]:
    """The city's actors when the city is at once data holder, platform operator and the
    body deciding entitlements (empty otherwise): the conflict of interest the Fing's kit
    warns of when the city holds the data, runs the vault and grants the benefits."""
    city = [n for n, data in graph.nodes(data=True) if data.get("city")]
    kinds = {n: graph.nodes[n].get("kind") for n in city}
    holder = [n for n in city if kinds[n] in HOLDER_KINDS]
    platform = [n for n in city if kinds[n] in PLATFORM_KINDS]
    decider = [n for n in city if kinds[n] in DECIDER_KINDS]
    if holder and platform and decider:
        return (holder[0], platform[0], decider[0])
    return ()


def _betweenness(simple: nx.Graph) -> dict[str, float]:
    """Normalised betweenness: exact up to ``EXACT_BETWEENNESS`` actors (any real workshop),
    estimated from that many pivots, with a fixed seed, above (same graph, same values).
    """
    if len(simple) <= 2:
        return {}
    if len(simple) <= EXACT_BETWEENNESS:
        values: dict[str, float] = nx.betweenness_centrality(simple)
    else:
        values = nx.betweenness_centrality(simple, k=EXACT_BETWEENNESS, seed=0)
    return values


# --- layout ---------------------------------------------------------------------------


def layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Deterministic positions: columns by distance from the resident (placed first, at
    x = 0), actors in a column in network order and centred on y = 0; actors not
    connected to the resident form a last column. Same graph → same positions.
    """
    order = list(graph.nodes)
    if not order:
        return {}
    people = residents(graph)
    start = people[0] if people else order[0]
    undirected = nx.Graph()
    undirected.add_nodes_from(order)
    undirected.add_edges_from(graph.edges())
    distance = nx.single_source_shortest_path_length(undirected, start)
    last = max(distance.values()) + 1
    columns: dict[int, list[str]] = {}
    for node in order:
        columns.setdefault(distance.get(node, last), []).append(node)
    positions: dict[str, tuple[float, float]] = {}
    for x, nodes in sorted(columns.items()):
        if start in nodes:  # the resident heads its column
            nodes = [start] + [n for n in nodes if n != start]
        middle = (len(nodes) - 1) / 2
        for i, node in enumerate(nodes):
            positions[node] = (float(x), float(middle - i))
    return positions
