"""How the GUI words a notice answer and a subscription, in the agent's language.

No Qt here (as hours_text): the notice panel, the subscription table and the coming
deadlines list all word the same things the same way, and the wording is tested on its
own. The message to the customer is another matter: desktop/wording/letters/notice.py writes
it in the customer's language.

Dates follow the current language's own (CLDR) formats, not one English pattern:
Finnish writes "pe 29.1.2027", Danish "fre. 29. jan. 2027".
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from desktop.common.i18n import _, current_locale, format_clock, format_date, format_date_in_sentence, ngettext
from domain.notice import CANCEL_EMAIL, RENEWAL_MONTHS, Term

if TYPE_CHECKING:
    from domain.customers import Offering
    from domain.notice import NoticeAnswer


def day_text(day: dt.date) -> str:
    """"Fri Jan 29, 2027", "pe 29.1.2027": short enough for a table, the weekday for planning a call."""
    return f"{format_date(day, 'EEE')} {short_date_text(day)}"


def short_date_text(day: dt.date) -> str:
    """"Jan 29, 2027", "29 jan. 2027", "29.1.2027": a date in a table column."""
    return format_date(day, "medium")


def long_day_text(day: dt.date) -> str:
    """"Friday, 29 January 2027", "fredag 29 januari 2027", "perjantaina 29. tammikuuta
    2027": a day inside a sentence."""
    return format_date_in_sentence(day)


def number_text(value: int) -> str:
    """"100,000", "100 000": a count the way the current language groups digits."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=current_locale())


def term_text(term: Term) -> str:
    return {
        Term.PAYG: _("Pay-as-you-go"),
        Term.MONTHS_12: _("12 months"),
        Term.MONTHS_24: _("24 months"),
        Term.MONTHS_36: _("36 months"),
    }[term]


def offering_text(offering: Offering) -> str:
    from domain.customers import Offering

    return {
        Offering.NONE: _("None"),
        Offering.UNIFIED: _("Unified Support"),
        Offering.ENHANCED_RESPONSE: _("Enhanced Response"),
        Offering.RAPID_RESPONSE: _("Rapid Response"),
        Offering.EVENT_MANAGEMENT: _("Event Management"),
    }[offering]


def days_left_text(days: int) -> str:
    if days == 0:
        return _("today")
    if days < 0:
        return ngettext("{n} day ago", "{n} days ago", -days).format(n=-days)
    return ngettext("{n} day left", "{n} days left", days).format(n=days)


def period_text(answer: NoticeAnswer) -> str:
    if answer.period is None:
        return _("No binding period (terms §10)")
    return _("{start} – {end}").format(start=day_text(answer.period.start), end=day_text(answer.period.end))


def deadline_text(answer: NoticeAnswer, today: dt.date) -> str:
    """The notice deadline with the days left counted from `today` (not from the what-if day)."""
    if answer.notice_deadline is None:
        return _("None (pay-as-you-go)")
    return _("{day} ({left})").format(day=format_date(answer.notice_deadline, "full"),
                                      left=days_left_text((answer.notice_deadline - today).days))


def outcome_text(answer: NoticeAnswer, self_service_ends_at: dt.datetime | None = None) -> str:
    """What happens if the notice arrives on `answer.on`."""
    on = long_day_text(answer.on)
    if answer.term is Term.PAYG:
        text = _("Notice on {on}: it ends as soon as we have handled the cancellation (terms §10).").format(on=on)
        if self_service_ends_at is not None:
            text += " " + _("Cancelled in Appmarket that day, it ends at the end of the working day: {moment}, "
                            "when the desk closes.").format(
                moment=_("{day} {time}").format(day=day_text(self_service_ends_at.date()),
                                                time=format_clock(self_service_ends_at)))
        return text
    if answer.in_time:
        return _("Notice on {on} is in time: the subscription ends on {end}.").format(
            on=on, end=long_day_text(answer.ends_on))
    return _("Notice on {on} is too late: it renews for {months} months and ends on {end}.").format(
        on=on, months=RENEWAL_MONTHS, end=long_day_text(answer.ends_on))


def renewal_text(answer: NoticeAnswer) -> str:
    if answer.renews_to is None or not answer.in_time:  # too late: the outcome already says it renews
        return ""
    return _("If not cancelled: renews for {months} months, to {end} (terms §10).").format(
        months=RENEWAL_MONTHS, end=long_day_text(answer.renews_to))


def price_text(answer: NoticeAnswer, start: dt.date) -> str:
    """terms §3 (003:23): prices fixed for 12 months from the order; §11 (003:151): changes
    only from the next period, and changed terms need 30 days' written notice. For a 24- or
    36-month deal the two read together: the price holds for the whole period (fact sheet
    §4.15, 13)."""
    from domain.notice import anchored_month

    if answer.period is None:
        fixed_to = anchored_month(start, RENEWAL_MONTHS) - dt.timedelta(days=1)
        if answer.on > fixed_to:
            return _("Price: follows the current Appmarket price list; the first 12 months' fixed price ended "
                     "{end} (terms §3). Changed terms need 30 days' written notice (§11).").format(
                end=day_text(fixed_to))
        return _("Price: fixed for 12 months from the order, to {end} (terms §3). Changed terms need 30 days' "
                 "written notice (§11).").format(end=day_text(fixed_to))
    return _("Price: fixed for this period, to {end}; a change applies only from a new period (terms §3, §11). "
             "Changed terms need 30 days' written notice (§11).").format(end=day_text(answer.period.end))


def warning_text(answer: NoticeAnswer) -> str:
    warning = answer.deadline_warning
    if warning is None or not answer.in_time:  # a passed deadline needs no safe day
        return ""
    from desktop.wording.hours import reason_text

    return _("The deadline is a day the desk is closed ({reason}). The date stands, but send the notice by "
             "{safe} to be safe.").format(reason=reason_text(warning.reason), safe=long_day_text(warning.safe_day))


def how_to_cancel_html(term: Term) -> str:
    """terms §10 (003:137-145): in writing by e-mail, or self-service in Appmarket."""
    from html import escape

    steps = [
        _("Click the tab “My Business Apps”."),
        _("Click the gear icon in the top-left corner of the app, then “Cancel subscription”."),
        _("Confirm with “Yes”."),
        _("Review the order, tick “I accept the additional terms and conditions of use.” and click the order "
          "button."),
    ]
    by_email = _("<b>In writing</b> by e-mail to {email} (terms §10).").format(
        email=f"<a href='mailto:{CANCEL_EMAIL}'>{CANCEL_EMAIL}</a>")
    if term is not Term.PAYG:
        by_email = _("{how} Notice must arrive by the deadline.").format(how=by_email)
    self_service = escape(_("Or self-service in Appmarket, by a system administrator or a “Billing and Business "
                            "App” administrator of the customer:"))
    after = escape(_("A purchase confirmation is shown and also sent by e-mail."))
    items = "".join(f"<li>{escape(step)}</li>" for step in steps)
    return f"<p>{by_email}</p><p><b>{self_service}</b></p><ol style='margin-top:0'>{items}</ol><p>{after}</p>"
