"""The message to the customer: plain text from a NoticeAnswer, in any of the app's five
languages, whatever language the agent reads the app in.

English is the source: its wording is asserted word for word. The other languages are
the same msgids said through their catalogues (`in_language`): their expected texts are
computed from the catalogue and must differ from English, so those assertions fail until
the translators have translated the message (on purpose: an untranslated message must
not pass for a Swedish one)."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.common import i18n
from desktop.common.i18n import _, format_date, in_language
from desktop.wording.letters.notice import customer_message
from domain.notice import CANCEL_EMAIL, Term, notice_answer

ROOT = Path(__file__).resolve().parents[4]
MONDAY = dt.date(2026, 11, 23)
PRODUCT = "Microsoft 365 Business Standard"
CUSTOMER = "Åkesson & Söner AB"
TRANSLATED = ("sv", "nb", "da", "fi")


def weekends(day: dt.date) -> str | None:
    return "weekend" if day.weekday() >= 5 else None


@pytest.fixture(autouse=True)
def agent_reads_english():
    """Each test starts with the agent's language English, and leaves it so."""
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def long_date(day: dt.date, language: str) -> str:
    with in_language(language):
        return format_date(day, "long")


def en(year: int, month: int, day: int) -> str:
    """The English long date, as i18n writes it (CLDR's; the sentences around it are what is tested here)."""
    return long_date(dt.date(year, month, day), "en")


# --- English, the source -------------------------------------------------------------------

def test_english_in_time_names_the_period_the_deadline_the_address_and_the_renewal():
    answer = notice_answer(dt.date(2024, 2, 29), Term.MONTHS_12, MONDAY)
    message = customer_message(answer, "en", CUSTOMER, PRODUCT)
    assert message.startswith("Hello,\n\nHere is what you need to know about cancelling Microsoft 365 Business "
                              "Standard for Åkesson & Söner AB.\n\n")
    assert (f"The current subscription period runs from {en(2026, 3, 1)} to {en(2027, 2, 28)}. For the "
            f"subscription to end with this period, your notice must reach us no later than {en(2027, 1, 29)} "
            "(30 days before the end of the binding period). Please send it in writing by e-mail to "
            "cspavtal@dustin.se.") in message
    assert (f"If your notice reaches us on {en(2026, 11, 23)}, the subscription ends on {en(2027, 2, 28)}. If it "
            f"is not cancelled, it renews automatically for 12 months, until {en(2028, 2, 28)}.") in message
    assert "“My Business Apps”" in message and "“Billing and Business App”" in message
    assert message.endswith("\n\nPlease let us know if you have any questions.\n\nKind regards")
    assert "Please note" not in message  # no warning: the deadline is a Friday


def test_without_a_customer_name_the_message_names_the_product_alone():
    answer = notice_answer(dt.date(2024, 2, 29), Term.MONTHS_12, MONDAY)
    message = customer_message(answer, "en", "  ", PRODUCT)
    assert "Here is what you need to know about cancelling Microsoft 365 Business Standard.\n" in message


def test_too_late_says_it_renews_and_gives_the_next_deadline():
    answer = notice_answer(dt.date(2024, 2, 29), Term.MONTHS_12, dt.date(2027, 2, 10), weekends)
    assert not answer.in_time
    message = customer_message(answer, "en", CUSTOMER, PRODUCT)
    assert (f"Unfortunately the deadline for this period, {en(2027, 1, 29)}, has passed, so the subscription "
            f"renews automatically for 12 months. If you cancel now, it ends on {en(2028, 2, 28)}; your notice must "
            f"then reach us no later than {en(2028, 1, 29)}.") in message
    assert "If your notice reaches us" not in message


def test_a_deadline_on_a_closed_day_gives_the_safe_day_with_the_weekday():
    answer = notice_answer(dt.date(2024, 3, 30), Term.MONTHS_12, MONDAY, weekends)
    assert answer.deadline_warning is not None
    saturday, friday = (format_date(dt.date(2027, 2, day), "full") for day in (27, 26))
    assert "Saturday" in saturday and "Friday" in friday
    assert (f"Please note that the deadline ({saturday}) falls on a day our service desk is closed. The date "
            f"stands, but to be safe, please send your notice by {friday}.") in customer_message(
        answer, "en", CUSTOMER, PRODUCT)


def test_a_passed_deadline_on_a_closed_day_needs_no_safe_day():
    answer = notice_answer(dt.date(2024, 3, 30), Term.MONTHS_12, dt.date(2027, 3, 1), weekends)
    assert not answer.in_time and answer.deadline_warning is not None
    assert "Please note" not in customer_message(answer, "en", CUSTOMER, PRODUCT)


def test_pay_as_you_go_ends_when_handled_or_at_the_end_of_the_working_day():
    answer = notice_answer(dt.date(2025, 6, 1), Term.PAYG, MONDAY)
    closing = dt.datetime(2026, 11, 23, 17, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    message = customer_message(answer, "en", CUSTOMER, "Exchange Online (Plan 1)", closing)
    assert "Here is how to cancel Exchange Online (Plan 1) for Åkesson & Söner AB." in message
    assert ("The subscription has no binding period (pay-as-you-go), so it ends as soon as we have handled the "
            "cancellation. Please send the cancellation in writing by e-mail to cspavtal@dustin.se.") in message
    assert ("You can also cancel it yourself in Appmarket; it then ends at the end of the working day on which you "
            f"cancel. If you do so on {en(2026, 11, 23)}, it ends at 17:00 that day.") in message
    assert "no later than" not in message  # no deadline to meet


def test_pay_as_you_go_cancelled_on_a_closed_day_ends_the_next_working_day():
    saturday = dt.date(2026, 11, 28)
    answer = notice_answer(dt.date(2025, 6, 1), Term.PAYG, saturday)
    monday_close = dt.datetime(2026, 11, 30, 17, 0)
    message = customer_message(answer, "en", CUSTOMER, PRODUCT, monday_close)
    assert f"If you do so on {en(2026, 11, 28)}, it ends at 17:00 on {en(2026, 11, 30)}." in message
    assert "If you do so" not in customer_message(answer, "en", CUSTOMER, PRODUCT)  # no closing time: none said


def test_an_unknown_language_is_refused():
    answer = notice_answer(dt.date(2024, 2, 29), Term.MONTHS_12, MONDAY)
    with pytest.raises(ValueError, match="en, sv, nb, da, fi"):
        customer_message(answer, "de", CUSTOMER, PRODUCT)


# --- the customer's language -------------------------------------------------------------------

@pytest.mark.parametrize("language", TRANSLATED)
def test_the_message_is_in_the_customers_language_dates_and_all(language):
    answer = notice_answer(dt.date(2024, 2, 29), Term.MONTHS_12, MONDAY)
    message = customer_message(answer, language, CUSTOMER, PRODUCT)
    with in_language(language):
        greeting, sign_off = _("Hello,"), _("Kind regards")
        outcome = _("If your notice reaches us on {on}, the subscription ends on {end}.").format(
            on=format_date(MONDAY, "long"), end=format_date(dt.date(2027, 2, 28), "long"))
    assert message.startswith(greeting + "\n\n") and message.endswith("\n\n" + sign_off)
    assert outcome in message
    # Written the way the language writes dates: "29. tammikuuta 2027", "29 januari 2027".
    assert long_date(dt.date(2027, 1, 29), language) in message
    assert en(2027, 1, 29) not in message
    # ...and in its words, not English ones (fails until the catalogue translates the message).
    assert greeting != "Hello," and sign_off != "Kind regards"
    assert "If your notice reaches us" not in message


def test_a_danish_message_while_the_agent_reads_finnish():
    i18n.set_language("fi")
    answer = notice_answer(dt.date(2024, 3, 30), Term.MONTHS_12, MONDAY, weekends)
    message = customer_message(answer, "da", CUSTOMER, PRODUCT)
    assert i18n.current_locale() == "fi"  # the agent's language is back after the message
    with in_language("da"):
        warning = _("Please note that the deadline ({deadline}) falls on a day our service desk is closed. The "
                    "date stands, but to be safe, please send your notice by {safe}.").format(
            deadline=format_date(dt.date(2027, 2, 27), "full"), safe=format_date(dt.date(2027, 2, 26), "full"))
    assert "lørdag den 27. februar 2027" in warning  # Danish dates, weekday and all
    assert warning in message
    assert "Please note" not in message  # Danish words (fails until the Danish catalogue has them)
    i18n.set_language("en")
    assert customer_message(answer, "da", CUSTOMER, PRODUCT) == message  # the same whatever the agent reads


def test_the_time_of_day_is_written_the_customers_way():
    answer = notice_answer(dt.date(2025, 6, 1), Term.PAYG, MONDAY)
    closing = dt.datetime(2026, 11, 23, 17, 0)
    assert "17.00" in customer_message(answer, "fi", CUSTOMER, PRODUCT, closing)  # Finnish: a dot
    assert "17:00" in customer_message(answer, "en", CUSTOMER, PRODUCT, closing)


@given(start=st.dates(dt.date(2015, 1, 1), dt.date(2026, 11, 23)),
       term=st.sampled_from([Term.MONTHS_12, Term.MONTHS_24, Term.MONTHS_36]),
       days_after=st.integers(0, 2000), language=st.sampled_from(i18n.LANGUAGES))
def test_property_every_message_has_the_deadline_the_end_and_the_address(start, term, days_after, language):
    answer = notice_answer(start, term, start + dt.timedelta(days=days_after), weekends)
    message = customer_message(answer, language, CUSTOMER, PRODUCT)
    assert long_date(answer.notice_deadline, language) in message
    assert long_date(answer.ends_on, language) in message
    assert CANCEL_EMAIL in message
    assert PRODUCT in message and CUSTOMER in message


def test_the_message_builder_imports_no_qt(tmp_path):
    code = ("import sys\nimport desktop.wording.letters.notice, desktop.wording.notice\n"
            "assert not [m for m in sys.modules if m.startswith('PySide6')]\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
