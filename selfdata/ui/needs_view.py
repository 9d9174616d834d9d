"""The needs page's sections: the vote board (counts, chart, need cards with their dot
buttons) and the ways to put a need on the board (from the deck, or a new one).
``pages/needs.py`` lists them."""

from __future__ import annotations

import streamlit as st

from selfdata.app import services
from selfdata.app.read_models import NeedItem, NeedsBoard
from selfdata.domain.rules import dot_breaches
from selfdata.domain.visibility import may_see_results
from selfdata.ui.charts import plotly_chart
from selfdata.ui.figures.ready import NO_TOOLBAR
from selfdata.ui.fragment_run import fresh
from selfdata.ui.room_views import deck_in_play, need_totals, vote_figure
from selfdata.ui.session import PageContext
from selfdata.ui.widgets import action_button, card_box, proposal_form, safe


@st.fragment
def vote_board(ctx: PageContext, code: str, first: NeedsBoard) -> None:
    """What a tap changes: the counts, the chart (once revealed) and the need cards. A
    fragment: a dot reruns the board, not the page (header, sidebar, deck, proposal form:
    docs/load.md, §9). ``first`` is the board the page's run read; the board's own runs read
    it again. A step, lock, timer or reveal still redraws the whole page (the page's live
    fragment, :mod:`selfdata.ui.live`); the rate limit of taps (``ctx.act``) and the pace of
    a session's runs hold for the board's runs too."""
    board = fresh(
        ctx, first, lambda: services.needs_board(ctx.store, code, ctx.token, secret=ctx.secret)
    )
    if board is None:  # the read was refused: said where the finger is
        return
    board_counts(ctx, board)
    for need in board.needs:
        need_card(ctx, board, need, code)


def board_counts(ctx: PageContext, board: NeedsBoard) -> None:
    """The participant's dots left; the room's dots and voters, and the chart, where the
    room's dots are shown: to the facilitator, and to everyone once revealed. A tablet is
    not redrawn for other people's dots (:func:`selfdata.ui.push.content_key`): before the
    reveal the room's totals are the projector's."""
    room_wide = may_see_results(board.role, ("needs",) if board.revealed else (), "needs")
    mine = (ctx.t("needs.remaining"), f"{board.remaining} / {board.budget}")
    if not room_wide:
        # a tablet before the reveal: its own count only, one element, not a row of three
        # columns for one metric (five messages on every tap and page run, each a turn of
        # the server's event loop, which relays every tablet's messages: docs/load.md, §10)
        if board.remaining is not None:
            st.metric(*mine, width="content")
    else:
        m1, m2, m3 = st.columns(3)
        if board.remaining is not None:
            m1.metric(*mine)
        m2.metric(ctx.t("counts.dots"), board.dots_cast)
        m3.metric(ctx.t("counts.voters"), board.voters)
    if board.locked:
        st.info(ctx.t("needs.locked"))
    totals = need_totals(board, ctx.lang) if room_wide else ()
    if totals:
        plotly_chart(
            ctx.lang,
            vote_figure(totals, ctx.lang),
            width="stretch",
            key="needs_votes_chart",
            config=NO_TOOLBAR,
        )


def need_card(ctx: PageContext, board: NeedsBoard, need: NeedItem, code: str) -> None:
    """A need: the card, its persona and counts, and (participant) add / remove a dot or
    (facilitator) show / hide it."""
    with st.container(border=True):
        # one text element (card, persona, counts) and one row of buttons per card: each
        # element is a message the server sends and wakes its event loop for (40 tablets:
        # see docs/load.md)
        counts = []
        if need.hidden:
            counts.append(safe(ctx.t("needs.hidden")))
        if need.total is not None:
            counts.append(safe(ctx.t("needs.total", n=need.total, voters=need.voters or 0)))
        if ctx.is_participant:
            counts.append(safe(ctx.t("needs.mine", n=need.my_dots, left=board.remaining)))
        if need.card is not None:
            card_box(need.card, ctx.lang, details=False, extra=counts)
        elif counts:
            st.markdown("\n\n".join(counts))
        if ctx.is_participant:
            with st.container(horizontal=True):
                action_button(
                    ctx,
                    ctx.t("needs.add_dot"),
                    f"needs_vote_{need.id}",
                    services.vote,
                    ctx.store,
                    code,
                    ctx.token,
                    need.id,
                    1,
                    # cap reached, budget spent or locked: the button says so by being off
                    disabled=board.locked or need.hidden or not _may_change(board, need, 1),
                    primary=True,
                )
                action_button(
                    ctx,
                    ctx.t("needs.remove_dot"),
                    f"needs_unvote_{need.id}",
                    services.vote,
                    ctx.store,
                    code,
                    ctx.token,
                    need.id,
                    -1,
                    disabled=board.locked or not _may_change(board, need, -1),
                )
        if ctx.is_facilitator:
            action_button(
                ctx,
                ctx.t("console.show" if need.hidden else "console.hide_item"),
                f"needs_hide_{need.id}",
                services.hide_contribution,
                ctx.store,
                code,
                ctx.secret,
                "need",
                need.id,
                not need.hidden,
            )


def _may_change(board: NeedsBoard, need: NeedItem, delta: int) -> bool:
    """Whether the dot rules (:func:`selfdata.domain.rules.dot_breaches`: the budget, the
    cap per need, withdrawing only one's own dots) let this participant add (``delta``
    1) or withdraw (-1) a dot on ``need``: the service asks the same rule again."""
    left = board.remaining or 0
    spent = board.budget - left
    return not dot_breaches(need.my_dots, spent, delta, board.budget, board.cap)


def from_deck(ctx: PageContext, board: NeedsBoard, code: str) -> None:
    """A deck card not yet on the board: added (facilitator) or proposed (participant)."""
    on_board = {n.id for n in board.needs}
    assert ctx.room is not None
    library = deck_in_play(code, ctx.room.ranking_version, "needs")  # the cards in play
    deck = [c for c in library if c.id not in on_board]
    if not deck:
        return
    pick = st.selectbox(
        ctx.t("needs.from_deck"),
        [c.id for c in deck],
        key="needs_deck_pick",
        format_func=lambda i: next(c.title.get(ctx.lang) for c in deck if c.id == i),
        placeholder=ctx.t("common.choose"),
    )
    add = services.add_need if ctx.is_facilitator else services.propose_need
    who = ctx.secret if ctx.is_facilitator else ctx.token
    action_button(
        ctx,
        ctx.t("needs.add_card"),
        "needs_add_card",
        add,
        ctx.store,
        code,
        who,
        card_id=pick,
        disabled=board.locked and not ctx.is_facilitator,
    )


def propose_form(ctx: PageContext, code: str) -> None:
    """A new need (title, persona, description): added or proposed."""
    proposal_form(
        ctx,
        code,
        form_key="needs_propose_form",
        key_prefix="needs_new_",
        fields=(
            ("title", "needs.title"),
            ("persona", "needs.persona"),
            ("description", "needs.description"),
        ),
        make_draft=services.NeedDraft,
        add=services.add_need,
        propose=services.propose_need,
        pickers=(
            ("themes", "proposal.theme", {x.id: x.title.get(ctx.lang) for x in ctx.decks.themes}),
            (
                "categories",
                "proposal.category",
                {x.id: x.title.get(ctx.lang) for x in ctx.decks.data_categories},
            ),
        ),
    )
