"""A ready-to-paste message to the customer about cancelling a subscription.

Written the way the desk writes to customers, in the customer's language (Swedish or
English for now), from the same NoticeAnswer the notice panel shows. Not gettext: the
message is in the customer's language, which need not be the agent's, and each
language is its own wording rather than a word-for-word translation.

No Qt here, so the wording is tested on its own (tests/desktop/test_notice_message.py).
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from domain.notice import CANCEL_EMAIL, NOTICE_DAYS, RENEWAL_MONTHS, NoticeAnswer, Term

Language = Literal["sv", "en"]
LANGUAGES: tuple[Language, ...] = ("sv", "en")


def language_for_country(country: str) -> Language:
    """The message language a customer gets by default: Swedish in Sweden, else English
    (Norwegian, Danish and Finnish messages come with the localisation issue)."""
    return "sv" if country == "SE" else "en"


def _date(day: dt.date, language: Language, weekday: bool = False) -> str:
    from babel.dates import format_date

    # "15 december 2026" / "15 December 2026": the day first, as the Nordic desks write it.
    return format_date(day, format="EEEE d MMMM y" if weekday else "d MMMM y",
                       locale="sv" if language == "sv" else "en_GB")


def _time(moment: dt.datetime, language: Language) -> str:
    from babel.dates import format_time

    return format_time(moment, format="short", tzinfo=moment.tzinfo, locale="sv" if language == "sv" else "en_GB")


def customer_message(answer: NoticeAnswer, language: Language, customer_name: str, product: str,
                     self_service_ends_at: dt.datetime | None = None) -> str:
    """The whole message, greeting to sign-off, as plain text.

    `self_service_ends_at` (pay-as-you-go only): when a cancellation made in Appmarket on
    the day of the answer takes effect, the desk's closing time that working day.
    """
    if language not in LANGUAGES:
        raise ValueError(f"no customer message in {language!r}: use sv or en")
    writer = _swedish if language == "sv" else _english
    return writer(answer, customer_name.strip(), product.strip(), self_service_ends_at)


# --- Swedish -------------------------------------------------------------------------------

def _swedish(answer: NoticeAnswer, customer: str, product: str, ends_at: dt.datetime | None) -> str:
    d = lambda day, weekday=False: _date(day, "sv", weekday)  # noqa: E731
    lines = ["Hej!", ""]
    subject = f"{product} för {customer}" if customer else product
    if answer.term is Term.PAYG:
        lines.append(f"Här kommer information om hur du säger upp {subject}.")
        lines.append("")
        lines.append("Abonnemanget har ingen bindningstid (pay-as-you-go), så det avslutas så snart vi har "
                     f"hanterat uppsägningen. Skicka uppsägningen skriftligen via e-post till {CANCEL_EMAIL}.")
        lines.append("")
        when = (f" Gör du det den {d(answer.on)} avslutas det kl. {_time(ends_at, 'sv')} samma dag."
                if ends_at is not None and ends_at.date() == answer.on else
                f" Gör du det den {d(answer.on)} avslutas det kl. {_time(ends_at, 'sv')} den {d(ends_at.date())}."
                if ends_at is not None else "")
        lines.append("Du kan också säga upp abonnemanget själv i Appmarket; då avslutas det i slutet av "
                     f"arbetsdagen då uppsägningen görs.{when}")
    else:
        assert answer.period is not None and answer.notice_deadline is not None
        lines.append(f"Här kommer information om uppsägning av {subject}.")
        lines.append("")
        lines.append(f"Abonnemanget löper just nu från {d(answer.period.start)} till och med "
                     f"{d(answer.period.end)}. För att det ska avslutas när perioden tar slut måste uppsägningen "
                     f"ha kommit in till oss senast {d(answer.notice_deadline)} ({NOTICE_DAYS} dagar innan "
                     f"bindningstidens slut). Uppsägningen görs skriftligen via e-post till {CANCEL_EMAIL}.")
        lines.append("")
        if answer.in_time:
            lines.append(f"Kommer uppsägningen in till oss den {d(answer.on)} avslutas abonnemanget den "
                         f"{d(answer.ends_on)}.")
            if answer.renews_to is not None:
                lines.append(f"Sägs det inte upp förlängs det automatiskt med {RENEWAL_MONTHS} månader, till och "
                             f"med {d(answer.renews_to)}.")
        else:
            next_deadline = answer.ends_on - dt.timedelta(days=NOTICE_DAYS)
            lines.append(f"Sista dagen för uppsägning i den här perioden var {d(answer.notice_deadline)} och har "
                         f"tyvärr passerat. Abonnemanget förlängs därför automatiskt med {RENEWAL_MONTHS} månader, "
                         f"och säger du upp det nu avslutas det den {d(answer.ends_on)}. Uppsägningen måste då ha "
                         f"kommit in till oss senast {d(next_deadline)}.")
        warning = answer.deadline_warning
        if warning is not None and answer.in_time:
            lines.append("")
            lines.append(f"Observera att sista dagen ({d(answer.notice_deadline, weekday=True)}) infaller en dag då "
                         f"vår kundtjänst har stängt. Datumet gäller, men skicka gärna uppsägningen senast "
                         f"{d(warning.safe_day, weekday=True)} för säkerhets skull.")
        lines.append("")
        lines.append("Du kan också säga upp abonnemanget själv i Appmarket om du är systemadministratör eller "
                     "administratör för ”Billing and Business App”: klicka på fliken ”My Business Apps”, på "
                     "kugghjulet uppe till vänster i applikationen och på ”Cancel subscription”, bekräfta med "
                     "”Yes”, kryssa i ”I accept the additional terms and conditions of use.” och klicka på "
                     "beställningsknappen. Du får en köpbekräftelse på skärmen och via e-post.")
    lines += ["", "Hör av dig om du har några frågor.", "", "Med vänliga hälsningar"]
    return "\n".join(lines)


# --- English -------------------------------------------------------------------------------

def _english(answer: NoticeAnswer, customer: str, product: str, ends_at: dt.datetime | None) -> str:
    d = lambda day, weekday=False: _date(day, "en", weekday)  # noqa: E731
    lines = ["Hello,", ""]
    subject = f"{product} for {customer}" if customer else product
    if answer.term is Term.PAYG:
        lines.append(f"Here is how to cancel {subject}.")
        lines.append("")
        lines.append("The subscription has no binding period (pay-as-you-go), so it ends as soon as we have "
                     f"handled the cancellation. Please send the cancellation in writing by e-mail to "
                     f"{CANCEL_EMAIL}.")
        lines.append("")
        when = (f" If you do so on {d(answer.on)}, it ends at {_time(ends_at, 'en')} that day."
                if ends_at is not None and ends_at.date() == answer.on else
                f" If you do so on {d(answer.on)}, it ends at {_time(ends_at, 'en')} on {d(ends_at.date())}."
                if ends_at is not None else "")
        lines.append("You can also cancel it yourself in Appmarket; it then ends at the end of the working day "
                     f"on which you cancel.{when}")
    else:
        assert answer.period is not None and answer.notice_deadline is not None
        lines.append(f"Here is what you need to know about cancelling {subject}.")
        lines.append("")
        lines.append(f"The current subscription period runs from {d(answer.period.start)} to "
                     f"{d(answer.period.end)}. For the subscription to end with this period, your notice must "
                     f"reach us no later than {d(answer.notice_deadline)} ({NOTICE_DAYS} days before the end of "
                     f"the binding period). Please send it in writing by e-mail to {CANCEL_EMAIL}.")
        lines.append("")
        if answer.in_time:
            lines.append(f"If your notice reaches us on {d(answer.on)}, the subscription ends on "
                         f"{d(answer.ends_on)}.")
            if answer.renews_to is not None:
                lines.append(f"If it is not cancelled, it renews automatically for {RENEWAL_MONTHS} months, "
                             f"until {d(answer.renews_to)}.")
        else:
            next_deadline = answer.ends_on - dt.timedelta(days=NOTICE_DAYS)
            lines.append(f"Unfortunately the deadline for this period, {d(answer.notice_deadline)}, has passed, so "
                         f"the subscription renews automatically for {RENEWAL_MONTHS} months. If you cancel now, it "
                         f"ends on {d(answer.ends_on)}; your notice must then reach us no later than "
                         f"{d(next_deadline)}.")
        warning = answer.deadline_warning
        if warning is not None and answer.in_time:
            lines.append("")
            lines.append(f"Please note that the deadline ({d(answer.notice_deadline, weekday=True)}) falls on a day "
                         f"our service desk is closed. The date stands, but to be safe, please send your notice by "
                         f"{d(warning.safe_day, weekday=True)}.")
        lines.append("")
        lines.append("You can also cancel the subscription yourself in Appmarket if you are a system "
                     "administrator or a “Billing and Business App” administrator: click the “My Business "
                     "Apps” tab, the gear icon in the top-left corner of the app and “Cancel subscription”, "
                     "confirm with “Yes”, tick “I accept the additional terms and conditions of use.” and click "
                     "the order button. A purchase confirmation is shown and also sent to you by e-mail.")
    lines += ["", "Please let us know if you have any questions.", "", "Kind regards"]
    return "\n".join(lines)
