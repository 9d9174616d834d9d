"""A newcomer's walk through a whole workshop, in a real Chromium, against a running server.

    .venv/bin/python -m bench.newcomer_walk --base http://127.0.0.1:8771 --db /tmp/walk/w.db \
        --lang fr --out /tmp/walk/fr

The server is the real one (``make run`` or ``python -m selfdata serve --port N`` with
``SELFDATA_DB`` under /tmp and ``SELFDATA_PUBLIC_URL`` set to ``--base``). A facilitator's
laptop (1440×900), a projector (1920×1080 and 1280×720) and three touch tablets play the
seven steps in order; every screen is saved as a PNG in ``--out`` and every problem met is
written to ``--out/walk.json`` (with the timings: join link → first vote, vote → projector,
step change → tablets). French plays one room; English plays two tables and a register
import. What the script cannot do through the page (nothing it should be unable to do) is
done through :mod:`selfdata.app.services` and said so in ``walk.json`` ("shortcut").
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from selfdata.app import services
from selfdata.app.facilitator import ScenarioDraft
from selfdata.files.loading import load_decks
from selfdata.i18n import t
from selfdata.store import Store
from selfdata.store.engine import sqlite_url

ROOT = Path(__file__).resolve().parents[1]
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LAPTOP = {"viewport": {"width": 1440, "height": 900}}
IPAD = {
    "viewport": {"width": 820, "height": 1180},
    "has_touch": True,
    "is_mobile": True,
    "device_scale_factor": 1,
}
WALL = {"1080": {"width": 1920, "height": 1080}, "720": {"width": 1280, "height": 720}}
WAIT_MS = 90_000
STEPS = ("inventory", "needs", "use_cases", "governance", "network", "scenarios", "export")
PSEUDONYMS = {"fr": ["Héron", "Loutre", "Mouette"], "en": ["Heron", "Otter", "Gull"]}


@dataclass
class Walk:
    base: str
    db: Path
    lang: str
    out: Path
    browser: Any
    code: str = ""
    secret: str = ""
    laptop: Any = None
    walls: dict[str, Any] = field(default_factory=dict)
    tablets: list[Any] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)
    timings: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    n: int = 0
    taps: int = 0

    def tr(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def note(self, kind: str, what: str, shot: str = "") -> None:
        self.notes.append({"kind": kind, "what": what, "shot": shot})
        print(f"[{kind}] {what} {shot}", flush=True)

    def time(self, name: str, seconds: float) -> None:
        self.timings.setdefault(name, []).append(round(seconds, 2))
        print(f"  {name}: {seconds:.2f} s", flush=True)

    def page(self, name: str, options: dict[str, Any]) -> Any:
        page = self.browser.new_context(**options).new_page()
        page.set_default_timeout(WAIT_MS)

        def on_console(message: Any) -> None:
            if message.type == "error" and "status of 404" not in message.text:
                self.errors.append(f"{name}: {message.text}")

        page.on("console", on_console)
        page.on("pageerror", lambda e: self.errors.append(f"{name}: uncaught {e}"))
        return page

    def shot(self, page: Any, name: str) -> str:
        settle(page)
        self.n += 1
        path = self.out / f"{self.n:02d}_{name}.png"
        size = page.viewport_size
        page.mouse.move(size["width"] - 2, size["height"] - 2)
        page.screenshot(path=str(path))
        exceptions = page.locator('[data-testid="stException"]')
        if exceptions.count():
            self.note(
                "major", f"traceback on {name}: {exceptions.first.inner_text()[:300]}", path.name
            )
        return path.name

    def store(self) -> Store:
        return Store(sqlite_url(self.db))

    def url(self, path: str, **params: str) -> str:
        query = "&".join(f"{k}={v}" for k, v in {"code": self.code, **params}.items())
        lang = "&lang=en" if self.lang == "en" else ""
        return f"{self.base}{path}?{query}{lang}"


def settle(page: Any) -> None:
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stMainBlockContainer\"] *')"
        " && !document.querySelector('[data-testid=\"stSkeleton\"]')"
        " && !document.querySelector('[data-testid=\"stStatusWidget\"]')",
        timeout=WAIT_MS,
    )
    page.wait_for_function(
        "() => [...document.querySelectorAll('.stPlotlyChart')].every("
        "c => c.querySelector('.main-svg'))",
        timeout=WAIT_MS,
    )
    time.sleep(0.3)


def attempt(walk: Walk, what: str, fn: Any, *args: Any) -> Any:
    """Run one action of the walk; a failure is noted (with a screenshot) and the walk goes on."""
    try:
        return fn(walk, *args)
    except Exception as error:  # noqa: BLE001 - a walk notes and goes on
        shot = ""
        if walk.laptop is not None:
            try:
                shot = walk.shot(walk.laptop, f"failed_{what}")
            except Exception:  # noqa: BLE001
                pass
        walk.note("blocked", f"{what}: {type(error).__name__}: {str(error)[:400]}", shot)
        return None


# === the facilitator creates and prepares =====================================================


def create(walk: Walk) -> None:
    page = walk.laptop = walk.page("laptop", LAPTOP)
    page.goto(walk.base + "/" + ("?lang=en" if walk.lang == "en" else ""))
    page.get_by_role("button", name=walk.tr("home.create")).wait_for()
    walk.shot(page, "home")
    title = {"fr": "Atelier Self Data de Rochefort", "en": "Rochefort Self Data workshop"}
    page.get_by_label(walk.tr("home.title")).fill(title[walk.lang])
    page.get_by_label(walk.tr("home.territory")).fill("Rochefort")
    page.get_by_role("button", name=walk.tr("home.create")).click()
    page.get_by_text(walk.tr("home.facilitator_ready")).wait_for()
    walk.shot(page, "created")
    join = page.get_by_role("link", name=re.compile(re.escape(walk.tr("wall.open_join"))))
    href = join.first.get_attribute("href") or ""
    walk.code = re.search(r"code=([A-Z0-9]+)", href).group(1)  # type: ignore[union-attr]
    # the private facilitator link, as a newcomer bookmarks it (the console takes the secret
    # out of the address bar: issue 30)
    page.get_by_text(walk.tr("wall.show_private")).click()
    shown = page.get_by_text(re.compile(r"secret=")).first
    shown.wait_for()
    walk.secret = re.search(r"secret=([A-Za-z0-9_-]+)", shown.inner_text()).group(1)  # type: ignore[union-attr]
    page.get_by_role("link", name=re.compile(re.escape(walk.tr("wall.go_console")))).click()
    page.wait_for_url(re.compile("/console"))
    walk.shot(page, "console_empty")


def prepare(walk: Walk) -> None:
    page = walk.laptop
    page.goto(walk.url("/prepare", secret=walk.secret))
    settle(page)
    walk.shot(page, "prepare")
    if walk.lang == "en":
        upload = page.locator('[data-testid="stFileUploader"] input[type=file]').first
        upload.set_input_files(str(ROOT / "tests/fixtures/registre_traitements.csv"))
        settle(page)
        walk.shot(page, "prepare_register_preview")
        add = page.get_by_role("button", name=re.compile(r"\d")).filter(
            has_text=re.compile(walk.tr("prepare.inventory_button", n=9)[:8])
        )
        if add.count():
            add.first.click()
            settle(page)
            walk.shot(page, "prepare_register_added")
        else:
            walk.note("minor", "no add button found after the register preview", "")


def tables(walk: Walk) -> None:
    store = walk.store()
    for name in ("Blue table", "Orange table"):
        services.create_table(store, walk.code, walk.secret, name)
    store.dispose()
    walk.note("shortcut", "two tables created through services.create_table")


def open_walls(walk: Walk) -> None:
    for size, viewport in WALL.items():
        wall = walk.walls[size] = walk.page(f"wall{size}", {"viewport": viewport})
        wall.goto(walk.url("/projection", view="projection"))
        settle(wall)
        walk.shot(wall, f"wall_{size}_start")


def join(walk: Walk) -> None:
    link = walk.url("/")
    for i, name in enumerate(PSEUDONYMS[walk.lang]):
        tablet = walk.page(f"tablet{i}", IPAD)
        started = time.monotonic()
        tablet.goto(link)
        tablet.get_by_label(walk.tr("home.pseudonym")).fill(name)
        tablet.get_by_role("button", name=walk.tr("home.join")).click()
        tablet.wait_for_url(re.compile("token="))
        settle(tablet)
        walk.time("join link → joined", time.monotonic() - started)
        walk.tokens.append(re.search(r"token=([^&]+)", tablet.url).group(1))  # type: ignore[union-attr]
        walk.tablets.append(tablet)
        tablet._walk_started = started  # noqa: SLF001
    walk.shot(walk.tablets[0], "tablet_joined")
    walk.shot(walk.walls["1080"], "wall_1080_joined")


# === the steps ===============================================================================


def go_step(walk: Walk, step: str) -> None:
    page = walk.laptop
    page.goto(walk.url("/console", secret=walk.secret))
    settle(page)
    button = page.get_by_role(
        "button", name=re.compile(r"\d\. " + re.escape(walk.tr(f"step.{step}")))
    )
    if button.first.is_disabled():  # already the room's step
        walk.shot(page, f"console_{step}")
        return
    started = time.monotonic()
    button.first.click()
    heading = {"scenarios": walk.tr("scenarios.title"), "export": walk.tr("export.title")}.get(
        step, walk.tr(f"step.{step}")
    )
    for tablet in walk.tablets:
        tablet.get_by_role("heading", name=heading).first.wait_for(timeout=WAIT_MS)
    walk.time("step change → tablets", time.monotonic() - started)
    walk.shot(page, f"console_{step}")
    walk.shot(walk.tablets[0], f"tablet_{step}")


def reveal(walk: Walk, step: str) -> None:
    page = walk.laptop
    page.goto(walk.url("/console", secret=walk.secret))
    settle(page)
    hide = page.get_by_role("button", name=walk.tr("console.hide"))
    if not hide.count():
        page.get_by_role("button", name=walk.tr("console.reveal")).first.click()
        hide.first.wait_for()
    for size, wall in walk.walls.items():
        walk.shot(wall, f"wall_{size}_{step}_revealed")
    walk.shot(walk.tablets[0], f"tablet_{step}_revealed")


def inventory(walk: Walk) -> None:
    """The facilitator puts three deck cards on the table; a tablet puts a fourth; the
    facilitator keeps (selects) the tablet's one."""
    tablet = walk.tablets[0]
    tablet.get_by_role("tab", name=walk.tr("inventory.deck")).click()
    tablet.get_by_role("button", name=walk.tr("inventory.add")).first.click()
    settle(tablet)
    walk.shot(tablet, "tablet_inventory_put")
    page = walk.laptop
    page.goto(walk.url("/inventory", secret=walk.secret))
    settle(page)
    for k in range(3):
        deck = page.get_by_role("tab", name=walk.tr("inventory.deck"))
        if deck.get_attribute("aria-selected") != "true":
            if k:
                walk.note("minor", "after 'put on the table' the page is back on the first tab")
            deck.click()
        page.get_by_role("button", name=walk.tr("inventory.add")).first.click()
        settle(page)
    page.get_by_role("tab", name=re.compile(re.escape(walk.tr("inventory.on_table")[:6]))).click()
    settle(page)
    walk.shot(page, "inventory_on_table")
    select = page.get_by_role("button", name=walk.tr("inventory.select"), exact=True)
    while select.count():
        select.first.click()
        settle(page)
    walk.shot(page, "inventory_selected")


def wall_text(walk: Walk) -> str:
    return str(walk.walls["1080"].locator('[data-testid="stMain"]').inner_text())


def needs(walk: Walk) -> None:
    ideas = {
        "fr": ["Comparer ma consommation d’eau à celle du quartier", "Savoir quand passe le bus"],
        "en": ["Compare my water use with the neighbourhood", "Know when the bus comes"],
    }
    for tablet, title in zip(walk.tablets, ideas[walk.lang], strict=False):
        tablet.get_by_label(walk.tr("needs.title")).fill(title)
        tablet.get_by_label(walk.tr("needs.persona")).fill(
            "Une famille" if walk.lang == "fr" else "A family"
        )
        tablet.get_by_role("button", name=walk.tr("needs.propose")).click()
        tablet.locator("strong", has_text=title).first.wait_for()
    walk.shot(walk.tablets[0], "tablet_need_proposed")
    for i, tablet in enumerate(walk.tablets):
        settle(tablet)
        for k in range(3):
            before = wall_text(walk)
            started = time.monotonic()
            buttons = tablet.get_by_role("button", name=walk.tr("needs.add_dot"))
            buttons.nth(k % max(1, buttons.count())).click()
            if i == 0 and k == 0:
                walk.time("join link → first vote", time.monotonic() - tablet._walk_started)  # noqa: SLF001
            deadline = time.monotonic() + 30
            while wall_text(walk) == before and time.monotonic() < deadline:
                time.sleep(0.05)
            walk.time("vote → projector", time.monotonic() - started)
            settle(tablet)
    walk.shot(walk.tablets[0], "tablet_dots")
    walk.shot(walk.walls["1080"], "wall_1080_needs_live")


def use_cases(walk: Walk) -> None:
    page = walk.laptop
    page.goto(walk.url("/use_cases", secret=walk.secret))
    settle(page)
    walk.shot(page, "use_cases")
    for k in range(2):
        title = {"fr": f"Cas d’usage {k + 1}", "en": f"Use case {k + 1}"}[walk.lang]
        if k:  # a second need for the second case
            box = page.get_by_role("combobox").first
            box.click()
            page.get_by_role("option").nth(1).click()
            settle(page)
        sources = page.locator('[data-testid="stMultiSelect"]').first
        if sources.count():
            sources.click()
            page.get_by_role("option").first.click()
            page.keyboard.press("Escape")
        page.get_by_label(walk.tr("use_cases.title")).fill(title)
        page.get_by_role("button", name=walk.tr("use_cases.create")).click()
        page.get_by_text(title).first.wait_for()
        settle(page)
    walk.shot(page, "use_cases_created")


def governance(walk: Walk) -> None:
    page = walk.laptop
    page.goto(walk.url("/governance", secret=walk.secret))
    settle(page)
    walk.shot(page, "governance")
    radios = page.locator('[data-testid="stMain"]').get_by_role("radiogroup")  # not the language
    for i in range(radios.count()):
        radios.nth(i).locator("label").nth(1).click()  # the first is "no answer"
        settle(page)
    settle(page)
    save = page.get_by_role("button", name=walk.tr("governance.save_answers"))
    if save.count():
        save.first.click()
        settle(page)
    walk.shot(page, "governance_answered")
    page.get_by_role("button", name=walk.tr("governance.confirm")).first.click()
    settle(page)
    walk.shot(page, "governance_confirmed")


def network(walk: Walk) -> None:
    page = walk.laptop
    page.goto(walk.url("/network", secret=walk.secret))
    settle(page)
    walk.shot(page, "network_before_scenarios")


def scenarios(walk: Walk) -> None:
    store = walk.store()
    cases = services.use_cases(store, walk.code).use_cases
    for k, case in enumerate([c for c in cases if c.governance_choice][:2]):
        model = case.governance_choice or ""  # the room's choice at step 4, never a default
        draft = ScenarioDraft(
            title=f"Scénario {k + 1}" if walk.lang == "fr" else f"Scenario {k + 1}",
            use_case=case.id,
            model=model,
            residents=200,
            duration_months=12,
        )
        services.create_scenario(store, walk.code, walk.secret, draft)
    store.dispose()
    walk.note("shortcut", "two scenarios created through services.create_scenario")
    page = walk.laptop
    page.goto(walk.url("/scenarios", secret=walk.secret))
    settle(page)
    walk.shot(page, "scenarios_facilitator")
    page.goto(walk.url("/network", secret=walk.secret))
    settle(page)
    walk.shot(page, "network_with_scenarios")


def criteria_in_use(walk: Walk) -> list[str]:
    """The criteria a tablet rates (weight above 0): the workshop's, else the deck's."""
    store = walk.store()
    try:
        weights = services.scenario_ratings(store, walk.code, walk.tokens[0]).criteria
    finally:
        store.dispose()
    if weights:
        return [w.criterion for w in weights if w.weight > 0]
    return [c.id for c in load_decks().criteria if c.default_weight > 0]


RATING_KEY = "st-key-scenarios_rate_"


def shown_scenario(tablet: Any, criteria: list[str]) -> str:
    """The scenario whose rating rows the tablet shows, once every criterion's row is drawn.
    Streamlit draws a page's elements as they arrive, not top to bottom: counting the rows
    (or taking the n-th) before the page is whole gave 6 of 10 rows, the first missing, so
    "the first row" was another criterion (the re-walks' "taps that did not hold")."""
    tablet.wait_for_function(
        "([prefix, n]) => document.querySelectorAll("
        "`[data-testid=stMain] [class*=${prefix}] [role=radiogroup]`).length >= n",
        arg=[RATING_KEY, len(criteria)],
        timeout=WAIT_MS,
    )
    classes = tablet.locator(f'[data-testid="stMain"] [class*="{RATING_KEY}"]').evaluate_all(
        "els => els.flatMap(e => [...e.classList])"
    )
    suffix = "_" + criteria[0]
    return next(
        c[len(RATING_KEY) : -len(suffix)]
        for c in classes
        if c.startswith(RATING_KEY) and c.endswith(suffix)
    )


def rate(walk: Walk, round_name: str) -> None:
    """Each tablet rates every criterion of each scenario it is shown, one tap at a time,
    each row found by its criterion (never by its position); a tap must show chosen once the
    page settled, and the tablet's ratings in the store must end as tapped."""
    criteria = criteria_in_use(walk)
    for i, tablet in enumerate(walk.tablets):
        tablet.goto(walk.url("/scenarios", token=walk.tokens[i]))
        settle(tablet)
        tapped: dict[tuple[str, str], int] = {}
        for k in range(2):  # two scenarios, "next" between them
            scenario = shown_scenario(tablet, criteria)
            for g, criterion in enumerate(criteria):
                # round 2 changes each rating: a tap on the rating already chosen (round 1's,
                # shown chosen) unselects it, and the app then removes it (R2's "no rating")
                # and each pass another value (with one scenario, "next" stays on it)
                value = 1 + (g + i + 2 * k + (round_name == "round2")) % 5
                row = tablet.locator(f".{RATING_KEY}{scenario}_{criterion}")
                radio = row.get_by_role("radio", name=str(value), exact=True)
                radio.click()
                tapped[(scenario, criterion)] = value
                walk.taps += 1
                settle(tablet)
                if radio.get_attribute("aria-checked") != "true":
                    walk.note("major", f"tablet {i}: the tap {criterion}={value} did not hold")
            nxt = tablet.get_by_role(
                "button", name=re.compile(re.escape(walk.tr("scenarios.next", title="")[:8]))
            )
            if nxt.count() and nxt.first.is_enabled():
                nxt.first.click()
                settle(tablet)
        stored = stored_ratings(walk, walk.tokens[i], tapped)
        lost = {key: v for key, v in tapped.items() if stored.get(key) != v}
        if lost:
            walk.note("major", f"tablet {i}: ratings tapped but not stored {lost}")
        walk.shot(tablet, f"tablet{i}_rated_{round_name}")


def stored_ratings(
    walk: Walk, token: str, want: dict[tuple[str, str], int]
) -> dict[tuple[str, str], int]:
    """The tablet's ratings in the store, once they are as tapped (or after 20 s)."""
    deadline = time.monotonic() + 20
    while True:
        store = walk.store()
        try:
            mine = services.scenario_ratings(store, walk.code, token).mine
        finally:
            store.dispose()
        if all(mine.get(key) == v for key, v in want.items()) or time.monotonic() > deadline:
            return mine
        time.sleep(0.5)


def open_round(walk: Walk, n: int) -> None:
    page = walk.laptop
    page.goto(walk.url("/scenarios", secret=walk.secret))
    settle(page)
    walk.shot(page, f"scenarios_before_round{n}")
    store = walk.store()
    if n > 1:
        services.close_rating_round(store, walk.code, walk.secret)
    services.open_rating_round(store, walk.code, walk.secret)
    store.dispose()
    walk.note("shortcut", f"rating round {n} opened through services.open_rating_round")


def close_round(walk: Walk) -> None:
    store = walk.store()
    services.close_rating_round(store, walk.code, walk.secret)
    store.dispose()
    walk.note("shortcut", "last rating round closed through services.close_rating_round")
    page = walk.laptop
    page.goto(walk.url("/scenarios", secret=walk.secret))
    settle(page)
    walk.shot(page, "scenarios_rounds_closed")


def export(walk: Walk) -> None:
    page = walk.laptop
    page.goto(walk.url("/export", secret=walk.secret))
    settle(page)
    walk.shot(page, "export")
    # the page's download buttons themselves: a name matching "Download" also found the plan
    # table's toolbar button ("Download as CSV", Streamlit's own), which saves no file here
    buttons = page.locator('[data-testid="stMain"] [data-testid="stDownloadButton"] button')
    for k in range(buttons.count()):
        with page.expect_download(timeout=WAIT_MS * 2) as info:
            buttons.nth(k).click()
        target = walk.out / (info.value.suggested_filename or f"download{k}")
        info.value.save_as(str(target))
        if target.suffix == ".pdf":
            text = subprocess.run(
                ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True
            ).stdout
            target.with_suffix(".txt").write_text(text)
            print(f"  {target.name}: {len(text)} chars", flush=True)


def walk_through(walk: Walk) -> None:
    attempt(walk, "create", create)
    if not walk.secret:
        return
    if walk.lang == "en":
        attempt(walk, "tables", tables)
    attempt(walk, "prepare", prepare)
    attempt(walk, "walls", open_walls)
    attempt(walk, "join", join)
    attempt(walk, "step inventory", go_step, "inventory")
    attempt(walk, "inventory", inventory)
    attempt(walk, "reveal inventory", reveal, "inventory")
    attempt(walk, "step needs", go_step, "needs")
    attempt(walk, "needs", needs)
    attempt(walk, "reveal needs", reveal, "needs")
    attempt(walk, "step use_cases", go_step, "use_cases")
    attempt(walk, "use cases", use_cases)
    attempt(walk, "step governance", go_step, "governance")
    attempt(walk, "governance", governance)
    attempt(walk, "step network", go_step, "network")
    attempt(walk, "network", network)
    attempt(walk, "step scenarios", go_step, "scenarios")
    attempt(walk, "scenarios", scenarios)
    attempt(walk, "round 1", open_round, 1)
    attempt(walk, "rate round 1", rate, "round1")
    attempt(walk, "round 2", open_round, 2)
    attempt(walk, "rate round 2", rate, "round2")
    attempt(walk, "close rounds", close_round)
    attempt(walk, "reveal scenarios", reveal, "scenarios")
    attempt(walk, "step export", go_step, "export")
    attempt(walk, "export", export)


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", required=True)
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    parser.add_argument("--out", required=True, type=Path)
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        walk = Walk(options.base, options.db, options.lang, options.out, browser)
        started = time.monotonic()
        try:
            walk_through(walk)
        finally:
            browser.close()
        report = {
            "code": walk.code,
            "seconds": round(time.monotonic() - started),
            "timings": walk.timings,
            "rating_taps": walk.taps,
            "notes": walk.notes,
            "console_errors": walk.errors,
        }
        (options.out / "walk.json").write_text(json.dumps(report, ensure_ascii=False, indent=1))
        print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
