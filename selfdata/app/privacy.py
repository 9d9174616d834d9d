"""The privacy notice a participant reads before joining, built from the settings.

A Self Data tool must practise what it asks cities to do: say, in plain words, what it
keeps about the people in the room, who sees it, for how long, and how to get it back or
erase it. :func:`privacy_notice` gives the full notice under the headings of GDPR article
13; :func:`privacy_summary` gives the 4 lines for the join screen. Both are pure: the
operator's settings come from :func:`privacy_settings`, which reads a mapping the caller
passes (``os.environ`` at the edge, a dict in tests).

Settings (all optional):

- ``SELFDATA_CONTROLLER``: who is responsible for the data (default: the workshop's
  organiser, the city running it);
- ``SELFDATA_CONTACT``: whom to ask (default: the facilitator in the room);
- ``SELFDATA_DPO``: the data protection officer's contact, if there is one;
- ``SELFDATA_LEGAL_BASIS``: the legal basis, when the organiser's is not consent (a city
  may rely on its public-interest mission);
- ``SELFDATA_RETENTION_DAYS``: days a workshop is kept (default 90; 0 = until the
  facilitator deletes it), the same setting that makes workshops expire.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from selfdata.i18n import t

RETENTION_DAYS_DEFAULT = 90.0


@dataclass(frozen=True)
class PrivacySettings:
    controller: str | None = None
    contact: str | None = None
    dpo: str | None = None
    legal_basis: str | None = None
    retention_days: float = RETENTION_DAYS_DEFAULT
    """0 (or less) means kept until the facilitator deletes the workshop."""


def privacy_settings(environ: Mapping[str, str]) -> PrivacySettings:
    """The notice's settings from ``environ`` (blank values count as unset; a retention that
    is not a number falls back to the default, as the store's expiry does)."""

    def text(name: str, limit: int = 300) -> str | None:
        value = " ".join(str(environ.get(name, "")).split())
        return value[:limit] or None

    raw = str(environ.get("SELFDATA_RETENTION_DAYS", "")).strip()
    try:
        days = float(raw) if raw else RETENTION_DAYS_DEFAULT
    except ValueError:
        days = RETENTION_DAYS_DEFAULT
    if days != days or days in (float("inf"), float("-inf")):  # NaN, infinity
        days = RETENTION_DAYS_DEFAULT
    return PrivacySettings(
        controller=text("SELFDATA_CONTROLLER"),
        contact=text("SELFDATA_CONTACT"),
        dpo=text("SELFDATA_DPO"),
        legal_basis=text("SELFDATA_LEGAL_BASIS", 1000),
        retention_days=max(0.0, days),
    )


HEADINGS: tuple[str, ...] = (
    "controller",
    "dpo",
    "purposes",
    "data",
    "recipients",
    "retention",
    "rights",
    "required",
    "automated",
)
"""The notice's sections, in order (art. 13: controller and contact, DPO, purposes and
legal basis, recipients, retention, rights and complaint, whether data is required,
automated decision-making); their texts are ``privacy.heading.<key>`` and
``privacy.text.<key>`` in the i18n catalogue (``selfdata/i18n/catalog_privacy.py``)."""


def _days(days: float, lang: str) -> str:
    amount = f"{days:g}" if days != int(days) else str(int(days))
    if lang != "en":
        amount = amount.replace(".", ",")
    return t("privacy.day" if days <= 1 else "privacy.days", lang, amount=amount)


def _retention(settings: PrivacySettings, lang: str) -> str:
    if settings.retention_days <= 0:
        return t("privacy.retention.until_deleted", lang)
    return t("privacy.retention.after_created", lang, days=_days(settings.retention_days, lang))


def _controller(settings: PrivacySettings, lang: str) -> str:
    return settings.controller or t("privacy.controller.default", lang)


def _contact(settings: PrivacySettings, lang: str) -> str:
    return settings.contact or t("privacy.contact.default", lang)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def privacy_notice(settings: PrivacySettings, lang: str = "fr") -> list[tuple[str, str]]:
    """The full notice, ``[(heading, text), …]`` in the order of :data:`HEADINGS`, in French
    unless ``lang == "en"``. The DPO section says when there is none."""
    lang = "en" if lang == "en" else "fr"
    contact = _contact(settings, lang)
    retention = _retention(settings, lang)
    basis = (
        t("privacy.text.basis_given", lang, legal_basis=settings.legal_basis)
        if settings.legal_basis
        else t("privacy.text.basis_consent", lang)
    )
    texts = {
        "controller": t(
            "privacy.text.controller",
            lang,
            controller=_capital(_controller(settings, lang)),
            contact=contact,
        ),
        "dpo": f"{settings.dpo}." if settings.dpo else t("privacy.text.dpo_none", lang),
        "purposes": t("privacy.text.purposes", lang, basis=basis),
        "data": t("privacy.text.data", lang),
        "recipients": t("privacy.text.recipients", lang),
        "retention": t(
            "privacy.text.retention_kept"
            if settings.retention_days > 0
            else "privacy.text.retention_forever",
            lang,
            retention=retention,
        )
        + " "
        + t("privacy.text.copies", lang),
        "rights": t("privacy.text.rights", lang, contact=contact),
        "required": t("privacy.text.required", lang),
        "automated": t("privacy.text.automated", lang),
    }
    return [(t(f"privacy.heading.{key}", lang), texts[key]) for key in HEADINGS]


def privacy_summary(settings: PrivacySettings, lang: str = "fr") -> list[str]:
    """Four short lines for the join screen: what is stored, who sees what, how long, whom
    to ask (the full notice is one link away)."""
    lang = "en" if lang == "en" else "fr"
    return [
        t("privacy.summary.kept", lang),
        t("privacy.summary.who", lang),
        t("privacy.summary.how_long", lang, retention=_retention(settings, lang)),
        t(
            "privacy.summary.contact",
            lang,
            controller=_controller(settings, lang),
            contact=_contact(settings, lang),
        ),
    ]
