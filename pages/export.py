"""Export: the scenario dossiers, the workshop report, the printable card deck and the whole
workshop as a portable file, in the interface language. Files are built on click."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from selfdata.app import services
from selfdata.domain import visibility
from selfdata.ui import decision_view, live_updates, page_context
from selfdata.ui import export_files as files

ctx = page_context("export")
live_updates(ctx, follow_step=ctx.is_participant)
st.title(ctx.t("export.title"))
if ctx.code is None or ctx.room is None:
    st.stop()
code, room = ctx.code, ctx.room
st.markdown(ctx.t("export.intro", lang=ctx.t(f"export.lang.{ctx.lang}")))
names = files.file_names(room.title, ctx.lang)


def offer(kind: str, data: Callable[[], bytes], file_name: str, mime: str = files.PDF) -> None:
    if problem is not None and kind in ("dossier", "report"):
        return  # said once above the sections
    st.download_button(
        ctx.t("export.download"),
        data=data,
        file_name=file_name,
        mime=mime,
        key=f"export_{kind}_download",
        on_click="ignore",
        icon=":material/download:",
        type="primary",
    )


def section(kind: str) -> None:
    st.subheader(ctx.t(f"export.{kind}"))
    st.caption(ctx.t(f"export.{kind}.help"))


def allow_report() -> None:
    ctx.act(
        services.set_revealed,
        ctx.store,
        code,
        ctx.secret,
        "export",
        bool(st.session_state.get("export_reveal")),
    )


problem = (
    files.weights_problem(ctx.store, code, ctx.lang, token=ctx.token, secret=ctx.secret)
    if ctx.secret is not None or ctx.token
    else None
)
if problem is not None:
    st.error(problem)  # the report and the dossiers refuse, like `export` (no empty ranking)

if ctx.secret is not None:
    secret = ctx.secret
    with st.container(border=True):
        section("dossier")
        scenarios = {s.id: s for s in services.scenarios(ctx.store, code).scenarios}
        if scenarios:
            chosen = st.selectbox(
                ctx.t("network.scenario"),
                list(scenarios),
                format_func=lambda sid: scenarios[sid].title,
                key="export_scenario",
                placeholder=ctx.t("common.choose"),
            )
            sid = chosen or next(iter(scenarios))
            offer(
                "dossier",
                files.dossier(ctx.store, code, secret, ctx.decks, sid, ctx.lang),
                files.dossier_name(room.title, sid, ctx.lang),
            )
            workshop = services.export_workshop(ctx.store, code, secret, ratings=False)
            decision_view.pre_check_panel(ctx, code, secret, workshop, sid)
            decision_view.city_roles_panel(ctx, code, secret, workshop, sid)
            decision_view.plan_panel(ctx, code, secret, workshop, sid)
        else:
            st.info(ctx.t("export.no_scenario"))
    with st.container(border=True):
        section("report")
        st.caption(
            ctx.t("export.pseudonyms_shown" if room.show_pseudonyms else "export.pseudonyms_hidden")
        )
        offer("report", files.report(ctx.store, code, secret, ctx.decks, ctx.lang), names["report"])
        st.toggle(
            ctx.t("export.reveal"),
            value=visibility.participants_may_download_report(room.revealed),
            key="export_reveal",
            on_change=allow_report,
            disabled="scenarios" in room.revealed,
        )
    with st.container(border=True):
        section("deck")
        offer("deck", files.deck(ctx.decks, ctx.lang, ctx.store, code, secret), names["deck"])
    with st.container(border=True):
        section("workshop")
        offer(
            "workshop", files.workshop_file(ctx.store, code, secret), names["workshop"], files.YAML
        )
elif ctx.is_participant and visibility.may_download_report(ctx.role, room.revealed):
    with st.container(border=True):
        section("report")
        report = files.report(ctx.store, code, None, ctx.decks, ctx.lang, token=ctx.token)
        offer("report", report, names["report"])
elif ctx.is_participant:
    st.info(ctx.t("export.participant"))
else:
    st.info(ctx.t("export.projection"))
