"""The privacy notice on the join screen (short, then the full art. 13 notice one click
away) and "My data", a participant's own data: see it, download it, withdraw a
contribution, leave and erase."""

from __future__ import annotations

import json
import os
from typing import Any

import streamlit as st
import yaml

from selfdata.app import services
from selfdata.app.privacy import privacy_notice, privacy_settings, privacy_summary
from selfdata.domain.errors import SelfDataError
from selfdata.ui.flash import flash
from selfdata.ui.session import PageContext
from selfdata.ui.widgets import action_button, safe


def privacy_notice_section(ctx: PageContext, *, key: str) -> None:
    """The four lines of the short notice, then an expander with the full notice under the
    GDPR article 13 headings; both from the settings (``SELFDATA_CONTROLLER``,
    ``SELFDATA_CONTACT``, ``SELFDATA_DPO``, ``SELFDATA_LEGAL_BASIS``,
    ``SELFDATA_RETENTION_DAYS``)."""
    settings = privacy_settings(os.environ)
    with st.container(key=f"{key}_privacy"):
        st.markdown(f"**{safe(ctx.t('privacy.title'))}**")
        st.caption("  \n".join(safe(line) for line in privacy_summary(settings, ctx.lang)))
        with st.expander(ctx.t("privacy.full"), icon=":material/policy:"):
            st.markdown(
                "\n\n".join(
                    f"**{safe(heading)}**  \n{safe(text)}"
                    for heading, text in privacy_notice(settings, ctx.lang)
                )
            )


def _title(item: dict[str, Any], lang: str, deck_card: Any = None) -> str:
    """The item's title: its own card's, else the deck card's it was taken from (issue 30:
    never a raw id like ``lower_energy_bill``)."""
    card = item.get("card") or {}
    title = card.get("title") if isinstance(card, dict) else None
    if isinstance(title, dict):
        return str(title.get(lang) or title.get("fr") or item.get("id", ""))
    if deck_card is not None:
        return str(deck_card.title.get(lang))
    return str(item.get("id", ""))


def _deck_card(ctx: PageContext, kind: str, item: dict[str, Any]) -> Any:
    card_id = str(item.get("id", ""))
    return ctx.decks.need(card_id) if kind == "need" else ctx.decks.source(card_id)


def my_data_downloads(document: dict[str, Any]) -> tuple[bytes, bytes]:
    """The portable document as JSON and as YAML (UTF-8, keys in the document's order)."""
    as_json = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
    as_yaml = yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode("utf-8")
    return as_json, as_yaml


def _leave(ctx: PageContext) -> None:
    """Leave and erase (a button's callback): on success the address keeps only the code,
    so the tablet is back at the join screen."""
    if ctx.code is None or ctx.token is None:
        return
    try:
        services.leave_workshop(ctx.store, ctx.code, ctx.token)
    except SelfDataError as err:
        flash(err.message(ctx.lang))
        return
    st.query_params.from_dict(
        {"code": ctx.code, **({"lang": ctx.lang} if ctx.lang != "fr" else {})}
    )
    flash(ctx.t("mydata.left"), "success")


def my_data_section(ctx: PageContext) -> None:
    """ "My data" («Mes données»): everything the workshop holds about this participant, a
    download of it (JSON or YAML), a withdraw button on each of their proposals, and
    «Quitter et effacer» ("Leave and erase") behind a confirmation."""
    if ctx.code is None or ctx.token is None:
        return
    document = services.my_data(ctx.store, ctx.code, ctx.token)
    with st.container(key="my_data"):
        st.header(ctx.t("mydata.title"), anchor="my-data")
        st.caption(ctx.t("mydata.intro"))
        dots = sum(int(d["dots"]) for d in document["dots"])
        st.markdown(
            safe(
                ctx.t(
                    "mydata.counts",
                    needs=len(document["proposed_needs"]),
                    sources=len(document["proposed_sources"]),
                    dots=dots,
                    ratings=len(document["ratings"]),
                )
            )
        )
        locked = bool(ctx.room and ctx.room.locked)
        for kind, items in (
            ("need", document["proposed_needs"]),
            ("source", document["proposed_sources"]),
        ):
            for item in items:
                left, right = st.columns([3, 1], vertical_alignment="center")
                left.markdown(
                    f"{safe(ctx.t(f'mydata.kind.{kind}'))} · "
                    f"**{safe(_title(item, ctx.lang, _deck_card(ctx, kind, item)))}**"
                )
                with right:
                    action_button(
                        ctx,
                        ctx.t("mydata.withdraw"),
                        f"my_data_withdraw_{kind}_{item['id']}",
                        services.withdraw_proposal,
                        ctx.store,
                        ctx.code,
                        ctx.token,
                        kind,
                        item["id"],
                        disabled=locked,
                    )
        with st.expander(ctx.t("mydata.everything"), icon=":material/data_object:"):
            st.json(document, expanded=True)
        as_json, as_yaml = my_data_downloads(document)
        c1, c2 = st.columns(2)
        c1.download_button(
            ctx.t("mydata.download_json"),
            as_json,
            file_name="mes-donnees.json" if ctx.lang != "en" else "my-data.json",
            mime="application/json",
            key="my_data_json",
            icon=":material/download:",
            on_click="ignore",
            width="stretch",
        )
        c2.download_button(
            ctx.t("mydata.download_yaml"),
            as_yaml,
            file_name="mes-donnees.yaml" if ctx.lang != "en" else "my-data.yaml",
            mime="application/yaml",
            key="my_data_yaml",
            icon=":material/download:",
            on_click="ignore",
            width="stretch",
        )
        with st.expander(ctx.t("mydata.leave"), icon=":material/logout:"):
            st.markdown(safe(ctx.t("mydata.leave_explained")))
            sure = st.checkbox(ctx.t("mydata.leave_confirm"), key="my_data_leave_sure")
            st.button(
                ctx.t("mydata.leave"),
                key="my_data_leave",
                type="primary",
                disabled=not sure,
                on_click=_leave,
                args=(ctx,),
                width="stretch",
            )
