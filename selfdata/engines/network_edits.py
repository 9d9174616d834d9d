"""What the value network screen does to a scenario, as pure functions.

The facilitator adds or removes an actor or a flow; each action returns the scenario's new
:class:`~selfdata.domain.workshop.NetworkEdits` (saved with
:func:`selfdata.app.services.set_network_edits`). Edits stay minimal: removing something the
scenario added takes it out of the additions rather than listing a removal, and removing
an actor also drops the added flows that touched it (the template's flows go with it when
the network is built).

Also: the network of the same use case under another governance model, for the
side-by-side comparison.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from selfdata.domain.cards import Decks, I18nText, NetworkActor, NetworkFlow, NetworkTemplate
from selfdata.domain.workshop import NetworkEdits, Scenario, Workshop
from selfdata.engines.network import NetworkError, build_network, scenario_network
from selfdata.i18n import t

MAX_LABEL = 200


class EditError(ValueError):
    """The edit makes no sense (unknown actor, a flow from an actor to itself…)."""


def _slug(text: str) -> str:
    import re
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")[:40] or "x"


def unique_id(base: str, taken: set[str]) -> str:
    """``base`` as a slug, with ``_2``, ``_3``… appended until it is free."""
    stem = _slug(base)
    if stem[0] in "_-":
        stem = "x" + stem
    candidate, n = stem, 2
    while candidate in taken:
        candidate = f"{stem}_{n}"
        n += 1
    return candidate


def _ids(template: NetworkTemplate, edits: NetworkEdits) -> tuple[set[str], set[str]]:
    actors = {a.id for a in template.actors} | {a.id for a in edits.add_actors}
    flows = {f.id for f in template.flows} | {f.id for f in edits.add_flows}
    return actors, flows


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())[:MAX_LABEL]


class DuplicateActorName(EditError):
    """Another actor of the network is already shown under this name (pickers could not
    tell them apart)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"an actor is already called '{name}'")
        self.name = name


def name_key(name: str) -> str:
    """How two display names are compared: case, accents and spacing do not count
    ("Mairie", "MAIRIE " and "mairié" are the same name)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", " ".join(name.split()))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def add_actor(
    template: NetworkTemplate,
    edits: NetworkEdits,
    actor_card: str,
    label: str | None = None,
    *,
    taken_names: Sequence[str] = (),
    card_name: str = "",
) -> NetworkEdits:
    """Add an actor playing the role ``actor_card`` (an actor card id), shown as ``label``
    when given. A template actor of that role that the scenario removed comes back instead
    (without its flows, which went with it), unless a label asks for a new one.

    The new actor is shown as ``label``, or else ``card_name`` (the card's title): when an
    actor of ``taken_names`` (the names on screen) already reads the same
    (:func:`name_key`), :class:`DuplicateActorName` is raised and nothing changes."""
    name = _clean(label)
    shown = name or _clean(card_name)
    if shown and name_key(shown) in {name_key(n) for n in taken_names}:
        raise DuplicateActorName(shown)
    if not name:
        for removed in edits.remove_actors:
            original = next((a for a in template.actors if a.id == removed), None)
            if original is not None and original.actor == actor_card:
                return edits.model_copy(
                    update={"remove_actors": [a for a in edits.remove_actors if a != removed]}
                )
    actors, _ = _ids(template, edits)
    actor = NetworkActor(
        id=unique_id(name or actor_card, actors),
        actor=actor_card,
        label=I18nText.same(name) if name else None,
    )
    return edits.model_copy(update={"add_actors": [*edits.add_actors, actor]})


def remove_actor(template: NetworkTemplate, edits: NetworkEdits, actor_id: str) -> NetworkEdits:
    """Take an actor out, with every flow the scenario added to or from it."""
    added = [a for a in edits.add_actors if a.id != actor_id]
    in_template = any(a.id == actor_id for a in template.actors)
    if len(added) == len(edits.add_actors) and not in_template:
        raise EditError(f"no actor '{actor_id}' in this network")
    removed = list(edits.remove_actors)
    if in_template and actor_id not in removed:
        removed.append(actor_id)
    flows = [f for f in edits.add_flows if actor_id not in (f.source, f.target)]
    return edits.model_copy(
        update={"add_actors": added, "remove_actors": removed, "add_flows": flows}
    )


def add_flow(
    template: NetworkTemplate,
    edits: NetworkEdits,
    source: str,
    target: str,
    flow_type: str,
    label: str | None = None,
) -> NetworkEdits:
    """Add a flow of ``flow_type`` from ``source`` to ``target`` (actor ids of the current
    network). Without a label, the flow type's name in both languages."""
    if source == target:
        raise EditError("a flow joins two different actors")
    name = _clean(label)
    text = (
        I18nText.same(name)
        if name
        else I18nText(
            fr=t(f"network.flow.{flow_type}", "fr"), en=t(f"network.flow.{flow_type}", "en")
        )
    )
    _, flows = _ids(template, edits)
    flow = NetworkFlow.model_validate(
        {
            "id": unique_id(f"{flow_type}_{source}_{target}", flows | set(edits.remove_flows)),
            "source": source,
            "target": target,
            "type": flow_type,
            "label": text,
        }
    )
    return edits.model_copy(update={"add_flows": [*edits.add_flows, flow]})


def remove_flow(template: NetworkTemplate, edits: NetworkEdits, flow_id: str) -> NetworkEdits:
    """Take a flow out (an added one disappears from the additions)."""
    added = [f for f in edits.add_flows if f.id != flow_id]
    if len(added) < len(edits.add_flows):
        return edits.model_copy(update={"add_flows": added})
    if not any(f.id == flow_id for f in template.flows):
        raise EditError(f"no flow '{flow_id}' in this network")
    if flow_id in edits.remove_flows:
        return edits
    return edits.model_copy(update={"remove_flows": [*edits.remove_flows, flow_id]})


@dataclass(frozen=True)
class FlowChoice:
    """A flow as the removal list shows it."""

    id: str
    text: str


def flow_choices(graph: nx.MultiDiGraph, lang: str) -> list[FlowChoice]:
    """Every flow of the network as ``source → target · type · label`` (user text as typed:
    render as text)."""

    def name(node: str) -> str:
        label = graph.nodes[node].get("label")
        return label.get(lang) if isinstance(label, I18nText) else node

    out = []
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        label = attrs.get("label")
        words = label.get(lang) if isinstance(label, I18nText) else ""
        kind = t(f"network.flow.{attrs.get('type')}", lang)
        out.append(FlowChoice(str(key), f"{name(u)} → {name(v)} · {kind} · {words}"))
    return out


@dataclass(frozen=True)
class Comparison:
    """The network of a use case under another model, and where it comes from."""

    model: str
    graph: nx.MultiDiGraph
    scenario: Scenario | None
    """The workshop's scenario of the same use case under that model, if any (its edits
    are applied); ``None`` means the model's template."""


def compare_network(
    scenario: Scenario, model_id: str, workshop: Workshop, decks: Decks
) -> Comparison:
    """The same use case as ``scenario`` under ``model_id``: another scenario of that use
    case and model when the workshop has one, else the model's template."""
    model = decks.model(model_id)
    if model is None:
        raise NetworkError(f"unknown governance model '{model_id}'")
    for other in workshop.scenarios:
        if other.id != scenario.id and other.use_case == scenario.use_case:
            if other.model == model_id:
                try:
                    return Comparison(model_id, scenario_network(other, decks), other)
                except NetworkError:
                    break
    return Comparison(model_id, build_network(model.network, None, decks), None)
