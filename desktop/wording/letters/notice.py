"""A ready-to-paste message to the customer about cancelling a subscription.

Written the way the desk writes to customers, from the same NoticeAnswer the notice
panel shows, in the customer's language: one set of English msgids, said in any of the
app's languages with `i18n.in_language`, whatever language the agent reads the app in.
Each paragraph is one msgid, so translators word it the way their desks write, and the
dates are written the way that language writes them (CLDR's long format).

No Qt here, so the wording is tested on its own (tests/desktop/wording/letters/test_notice_letter.py).
"""
from __future__ import annotations

import datetime as dt

from desktop.common import i18n
from desktop.common.i18n import _, format_clock, format_date
from desktop.wording.letters.signature import Signature, signature_lines
from domain.notice import CANCEL_EMAIL, NOTICE_DAYS, RENEWAL_MONTHS, NoticeAnswer, Term


def customer_message(answer: NoticeAnswer, language: str, customer_name: str, product: str,
                     self_service_ends_at: dt.datetime | None = None, signature: Signature | None = None) -> str:
    """The whole message, greeting to signature, as plain text in `language` (en, sv, nb, da, fi);
    signed by the agent with the desk's phone (issue 16) when `signature` is given.

    `self_service_ends_at` (pay-as-you-go only): when a cancellation made in Appmarket on
    the day of the answer takes effect, the desk's closing time that working day.
    """
    if language not in i18n.LANGUAGES:
        raise ValueError(f"no customer message in {language!r}: use one of {', '.join(i18n.LANGUAGES)}")
    with i18n.in_language(language):
        customer, product = customer_name.strip(), product.strip()
        if answer.term is Term.PAYG:
            body = _pay_as_you_go(answer, customer, product, self_service_ends_at)
        else:
            body = _fixed_term(answer, customer, product)
        # Translators: the greeting of a message to a customer (an e-mail); polite business register.
        greeting = _("Hello,")
        # Translators: the end of a message to a customer, before the sign-off.
        questions = _("Please let us know if you have any questions.")
        return "\n\n".join([greeting, *body, questions, "\n".join(signature_lines(signature))])


def _date(day: dt.date) -> str:
    """"15 december 2026", "15. joulukuuta 2026": the language's long date."""
    return format_date(day, "long")


def _day(day: dt.date) -> str:
    """The long date with the weekday ("lördag 27 februari 2027"): for a day to act on."""
    return format_date(day, "full")


def _pay_as_you_go(answer: NoticeAnswer, customer: str, product: str, ends_at: dt.datetime | None) -> list[str]:
    if customer:
        intro = _("Here is how to cancel {product} for {customer}.").format(product=product, customer=customer)
    else:
        intro = _("Here is how to cancel {product}.").format(product=product)
    how = _("The subscription has no binding period (pay-as-you-go), so it ends as soon as we have handled the "
            "cancellation. Please send the cancellation in writing by e-mail to {email}.").format(email=CANCEL_EMAIL)
    self_service = _("You can also cancel it yourself in Appmarket; it then ends at the end of the working day on "
                     "which you cancel.")
    if ends_at is not None and ends_at.date() == answer.on:
        self_service += " " + _("If you do so on {on}, it ends at {time} that day.").format(
            on=_date(answer.on), time=format_clock(ends_at))
    elif ends_at is not None:
        self_service += " " + _("If you do so on {on}, it ends at {time} on {day}.").format(
            on=_date(answer.on), time=format_clock(ends_at), day=_date(ends_at.date()))
    return [intro, how, self_service]


def _fixed_term(answer: NoticeAnswer, customer: str, product: str) -> list[str]:
    assert answer.period is not None and answer.notice_deadline is not None
    if customer:
        intro = _("Here is what you need to know about cancelling {product} for {customer}.").format(
            product=product, customer=customer)
    else:
        intro = _("Here is what you need to know about cancelling {product}.").format(product=product)
    deadline = _("The current subscription period runs from {start} to {end}. For the subscription to end with "
                 "this period, your notice must reach us no later than {deadline} ({days} days before the end "
                 "of the binding period). Please send it in writing by e-mail to {email}.").format(
        start=_date(answer.period.start), end=_date(answer.period.end), deadline=_date(answer.notice_deadline),
        days=NOTICE_DAYS, email=CANCEL_EMAIL)
    if answer.in_time:
        outcome = _("If your notice reaches us on {on}, the subscription ends on {end}.").format(
            on=_date(answer.on), end=_date(answer.ends_on))
        if answer.renews_to is not None:
            outcome += " " + _("If it is not cancelled, it renews automatically for {months} months, until "
                               "{end}.").format(months=RENEWAL_MONTHS, end=_date(answer.renews_to))
    else:
        outcome = _("Unfortunately the deadline for this period, {deadline}, has passed, so the subscription "
                    "renews automatically for {months} months. If you cancel now, it ends on {end}; your notice "
                    "must then reach us no later than {next_deadline}.").format(
            deadline=_date(answer.notice_deadline), months=RENEWAL_MONTHS, end=_date(answer.ends_on),
            next_deadline=_date(answer.ends_on - dt.timedelta(days=NOTICE_DAYS)))
    paragraphs = [intro, deadline, outcome]
    warning = answer.deadline_warning
    if warning is not None and answer.in_time:  # a passed deadline needs no safe day
        paragraphs.append(_("Please note that the deadline ({deadline}) falls on a day our service desk is "
                            "closed. The date stands, but to be safe, please send your notice by {safe}.").format(
            deadline=_day(answer.notice_deadline), safe=_day(warning.safe_day)))
    # Translators: Appmarket shows its buttons and tabs in English: keep the quoted labels as they are.
    paragraphs.append(_("You can also cancel the subscription yourself in Appmarket if you are a system "
                        "administrator or a “Billing and Business App” administrator: click the “My Business Apps” "
                        "tab, the gear icon in the top-left corner of the app and “Cancel subscription”, confirm "
                        "with “Yes”, tick “I accept the additional terms and conditions of use.” and click the "
                        "order button. A purchase confirmation is shown and also sent to you by e-mail."))
    return paragraphs
