"""A workshop's agenda and the clock of the room (pure: no I/O).

The seven steps' guide cards say how long each step takes (``duration_minutes``, 4 h 50 in
all); a real session is a half-day (3 h 30) or two sessions of 3 h. A preset scales the
steps' durations to the time available, in five-minute slots, so that they add up to it
exactly (:func:`scale_minutes`); a custom agenda sets each step by hand and may run over,
which the readiness check says.

The clock records how long the room spent on each step: :func:`change_step` closes the
running step and opens the next; :func:`used_seconds` and :func:`elapsed_seconds` read it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from selfdata.domain.cards import STEP_IDS

AgendaPreset = Literal["half_day", "two_sessions", "custom"]
PRESETS: tuple[str, ...] = AgendaPreset.__args__  # type: ignore[attr-defined]
PRESET_SESSIONS: dict[str, tuple[int, ...]] = {"half_day": (210,), "two_sessions": (180, 180)}
"""Minutes of each session of a preset: a half-day of 3 h 30, two sessions of 3 h."""
DEFAULT_SESSIONS: tuple[int, ...] = (210,)
"""A custom agenda's time available until the facilitator says otherwise."""
SLOT_MINUTES = 5
"""A preset's times are multiples of five minutes."""
MAX_STEP_MINUTES = 240
MIN_SESSION_MINUTES = 15
MAX_SESSION_MINUTES = 600
MAX_SESSIONS = 3

AgendaStep = Literal[
    "inventory", "needs", "use_cases", "governance", "network", "scenarios", "export"
]
assert STEP_IDS == AgendaStep.__args__  # type: ignore[attr-defined]

StepMinutes = Annotated[int, Field(ge=0, le=MAX_STEP_MINUTES)]
SessionMinutes = Annotated[int, Field(ge=MIN_SESSION_MINUTES, le=MAX_SESSION_MINUTES)]


class Agenda(BaseModel):
    """The time planned for each step, and the sessions' lengths (the time available)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    preset: AgendaPreset
    sessions: list[SessionMinutes] = Field(min_length=1, max_length=MAX_SESSIONS)
    minutes: dict[AgendaStep, StepMinutes]
    """Minutes per step; a step left out has none."""

    @property
    def total(self) -> int:
        """Minutes planned, all steps together."""
        return sum(self.minutes.values())

    @property
    def available(self) -> int:
        """Minutes the sessions give, all together."""
        return sum(self.sessions)

    def planned(self, step: str) -> int:
        return int(self.minutes.get(step, 0))  # type: ignore[call-overload]


def scale_minutes(durations: Mapping[str, int], total: int) -> dict[str, int]:
    """``durations`` scaled to add up to ``total`` minutes, in five-minute slots (largest
    remainder first, ties to the earlier step; every step keeps at least one slot when there
    are slots enough). ``total`` not a multiple of five: the last slot takes the rest."""
    steps = [s for s in durations if durations[s] > 0]
    if not steps or total <= 0:
        return {s: 0 for s in durations}
    slots, rest = divmod(total, SLOT_MINUTES)
    weight = sum(durations[s] for s in steps)
    raw = {s: durations[s] * slots / weight for s in steps}
    given = {s: int(raw[s]) for s in steps}
    if slots >= len(steps):
        given = {s: max(1, n) for s, n in given.items()}
    order = sorted(steps, key=lambda s: (-(raw[s] - int(raw[s])), steps.index(s)))
    while sum(given.values()) < slots:
        for s in order:
            if sum(given.values()) == slots:
                break
            given[s] += 1
    while sum(given.values()) > slots:  # the floor of one slot overshot: trim the largest
        largest = max(steps, key=lambda s: (given[s], -steps.index(s)))
        given[largest] -= 1
    out = {s: given.get(s, 0) * SLOT_MINUTES for s in durations}
    if rest:
        out[max(steps, key=lambda s: (out[s], -steps.index(s)))] += rest
    return out


def split_steps(durations: Mapping[str, int], sessions: Sequence[int]) -> list[list[str]]:
    """The steps (in order, those with time) cut into one run per session, each cut falling
    between two steps where the time before it is the closest share of the whole to the
    sessions' share before the break; every session keeps at least one step while there
    are steps enough."""
    steps = [s for s in STEP_IDS if durations.get(s, 0) > 0]
    if len(sessions) <= 1 or len(steps) <= 1:
        return [steps]
    whole = sum(durations[s] for s in steps)
    available = sum(sessions)
    runs: list[list[str]] = []
    first = 0
    for n in range(len(sessions) - 1):
        target = sum(sessions[: n + 1]) / available * whole
        left = len(sessions) - n - 1
        if first + 1 > len(steps) - 1:
            break  # one step left: it is the last session's
        cuts = range(first + 1, min(max(first + 1, len(steps) - left), len(steps) - 1) + 1)
        cut = min(cuts, key=lambda c: (abs(sum(durations[s] for s in steps[:c]) - target), c))
        runs.append(steps[first:cut])
        first = cut
    runs.append(steps[first:])
    return runs


def preset_agenda(preset: str, durations: Mapping[str, int]) -> Agenda:
    """The agenda a preset proposes: the steps cut into one run per session
    (:func:`split_steps`, the break falling between two steps) and each run's durations
    scaled to its session."""
    sessions = PRESET_SESSIONS[preset]
    given = {s: durations.get(s, 0) for s in STEP_IDS}
    minutes = dict.fromkeys(STEP_IDS, 0)
    runs = split_steps(given, sessions)
    for run, length in zip(runs, sessions, strict=False):
        minutes.update(scale_minutes({s: given[s] for s in run}, length))
    return Agenda.model_validate({"preset": preset, "sessions": sessions, "minutes": minutes})


def custom_agenda(minutes: Mapping[str, int], sessions: Sequence[int] = DEFAULT_SESSIONS) -> Agenda:
    """An agenda set by hand (raises pydantic's ``ValidationError`` on a bad value)."""
    return Agenda.model_validate(
        {"preset": "custom", "sessions": list(sessions), "minutes": dict(minutes)}
    )


def step_sessions(plan: Agenda) -> dict[str, int]:
    """The session (1, 2, …) each planned step starts in, the steps running one after the
    other from the first session's start: a step that would start at or past a session's end
    starts the next one (after the break). Steps with no time are left out; a plan longer
    than its sessions keeps its last steps in the last session."""
    out: dict[str, int] = {}
    session, start, end = 0, 0, plan.sessions[0]
    for step in STEP_IDS:
        minutes = plan.planned(step)
        if minutes <= 0:
            continue
        while start >= end and session + 1 < len(plan.sessions):
            session += 1
            end += plan.sessions[session]
        out[step] = session + 1
        start += minutes
    return out


def format_minutes(minutes: float) -> str:
    """``3 h 30``, ``45 min``, ``2 h`` (no-break spaces): how long, at a glance (whole minutes)."""
    whole = int(round(minutes))
    sign = "-" if whole < 0 else ""
    hours, mins = divmod(abs(whole), 60)
    if not hours:
        return f"{sign}{mins}\u00a0min"
    return f"{sign}{hours}\u00a0h\u00a0{mins:02d}" if mins else f"{sign}{hours}\u00a0h"


# --- the clock of the room -----------------------------------------------------------------


class StepClock(BaseModel):
    """When the running step started (``since``, epoch seconds; ``None``: the clock has not
    started) and the seconds already spent on each step."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    step: str | None = None
    since: float | None = None
    used: dict[str, float] = Field(default_factory=dict)

    @property
    def started(self) -> bool:
        return self.since is not None


def start_clock(step: str, now: float) -> StepClock:
    """A fresh clock running on ``step`` from ``now`` (time spent before is forgotten)."""
    return StepClock(step=step, since=now)


def change_step(clock: StepClock, step: str, now: float) -> StepClock:
    """The clock after the room moves to ``step`` at ``now``: the time on the step it
    leaves is added to that step's; a clock not yet started starts now."""
    used = dict(clock.used)
    if clock.since is not None and clock.step is not None:
        used[clock.step] = used.get(clock.step, 0.0) + max(0.0, now - clock.since)
    return StepClock(step=step, since=now, used=used)


def used_seconds(clock: StepClock, step: str, now: float) -> float:
    """Seconds spent on ``step`` so far (earlier visits included)."""
    running = now - clock.since if clock.since is not None and clock.step == step else 0.0
    return clock.used.get(step, 0.0) + max(0.0, running)


def elapsed_seconds(clock: StepClock, now: float) -> float:
    """Seconds spent on all steps since the clock started."""
    running = now - clock.since if clock.since is not None else 0.0
    return sum(clock.used.values()) + max(0.0, running)
