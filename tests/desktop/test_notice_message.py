"""The message to the customer: plain text, in Swedish or English, from a NoticeAnswer."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.notice_message import customer_message, language_for_country
from domain.notice import CANCEL_EMAIL, Term, notice_answer

ROOT = Path(__file__).resolve().parents[2]
MONDAY = dt.date(2026, 11, 23)
PRODUCT = "Microsoft 365 Business Standard"
CUSTOMER = "Åkesson & Söner AB"


def weekends(day: dt.date) -> str | None:
    return "weekend" if day.weekday() >= 5 else None


def test_swedish_in_time_names_the_period_the_deadline_the_address_and_the_renewal():
    answer = notice_answer(dt.date(2024, 2, 29), Term.MONTHS_12, MONDAY)
    message = customer_message(answer, "sv", CUSTOMER, PRODUCT)
    assert message.startswith("Hej!\n\nHär kommer information om uppsägning av Microsoft 365 Business Standard "
                              "för Åkesson & Söner AB.")
    assert ("Abonnemanget löper just nu från 1 mars 2026 till och med 28 februari 2027. För att det ska avslutas "
            "när perioden tar slut måste uppsägningen ha kommit in till oss senast 29 januari 2027 (30 dagar innan "
            "bindningstidens slut). Uppsägningen görs skriftligen via e-post till cspavtal@dustin.se.") in message
    assert ("Kommer uppsägningen in till oss den 23 november 2026 avslutas abonnemanget den 28 februari 2027."
            in message)
    assert "förlängs det automatiskt med 12 månader, till och med 28 februari 2028." in message
    assert "”My Business Apps”" in message and "”Billing and Business App”" in message
    assert message.endswith("Med vänliga hälsningar")
    assert "Observera" not in message  # no warning: the deadline is a Friday


def test_english_in_time():
    answer = notice_answer(dt.date(2024, 2, 29), Term.MONTHS_12, MONDAY)
    message = customer_message(answer, "en", CUSTOMER, PRODUCT)
    assert message.startswith("Hello,\n\nHere is what you need to know about cancelling Microsoft 365 Business "
                              "Standard for Åkesson & Söner AB.")
    assert "runs from 1 March 2026 to 28 February 2027" in message
    assert "must reach us no later than 29 January 2027" in message
    assert f"in writing by e-mail to {CANCEL_EMAIL}" in message
    assert "If your notice reaches us on 23 November 2026, the subscription ends on 28 February 2027." in message
    assert "renews automatically for 12 months, until 28 February 2028." in message
    assert message.endswith("Kind regards")


@pytest.mark.parametrize(("language", "words"), [
    ("sv", ["Sista dagen för uppsägning i den här perioden var 29 januari 2027 och har tyvärr passerat",
            "förlängs därför automatiskt med 12 månader", "avslutas det den 28 februari 2028",
            "senast 29 januari 2028"]),
    ("en", ["the deadline for this period, 29 January 2027, has passed",
            "renews automatically for 12 months", "it ends on 28 February 2028",
            "no later than 29 January 2028"]),
])
def test_too_late_says_it_renews_and_gives_the_next_deadline(language, words):
    answer = notice_answer(dt.date(2024, 2, 29), Term.MONTHS_12, dt.date(2027, 2, 10), weekends)
    assert not answer.in_time
    message = customer_message(answer, language, CUSTOMER, PRODUCT)
    for phrase in words:
        assert phrase in message
    assert "Kommer uppsägningen in" not in message and "If your notice reaches us" not in message


@pytest.mark.parametrize(("language", "phrase"), [
    ("sv", "Observera att sista dagen (lördag 27 februari 2027) infaller en dag då vår kundtjänst har stängt. "
           "Datumet gäller, men skicka gärna uppsägningen senast fredag 26 februari 2027 för säkerhets skull."),
    ("en", "Please note that the deadline (Saturday 27 February 2027) falls on a day our service desk is closed. "
           "The date stands, but to be safe, please send your notice by Friday 26 February 2027."),
])
def test_a_deadline_on_a_closed_day_gives_the_safe_day(language, phrase):
    answer = notice_answer(dt.date(2024, 3, 30), Term.MONTHS_12, MONDAY, weekends)
    assert answer.deadline_warning is not None
    assert phrase in customer_message(answer, language, CUSTOMER, PRODUCT)


def test_a_passed_deadline_on_a_closed_day_needs_no_safe_day():
    answer = notice_answer(dt.date(2024, 3, 30), Term.MONTHS_12, dt.date(2027, 3, 1), weekends)
    assert not answer.in_time and answer.deadline_warning is not None
    assert "Observera" not in customer_message(answer, "sv", CUSTOMER, PRODUCT)


@pytest.mark.parametrize(("language", "words"), [
    ("sv", ["Abonnemanget har ingen bindningstid (pay-as-you-go), så det avslutas så snart vi har hanterat "
            "uppsägningen.", "skriftligen via e-post till cspavtal@dustin.se",
            "i slutet av arbetsdagen då uppsägningen görs. Gör du det den 23 november 2026 avslutas det kl. 17:00 "
            "samma dag."]),
    ("en", ["no binding period (pay-as-you-go), so it ends as soon as we have handled the cancellation",
            "in writing by e-mail to cspavtal@dustin.se",
            "at the end of the working day on which you cancel. If you do so on 23 November 2026, it ends at 17:00 "
            "that day."]),
])
def test_pay_as_you_go_ends_when_handled_or_at_the_end_of_the_working_day(language, words):
    answer = notice_answer(dt.date(2025, 6, 1), Term.PAYG, MONDAY)
    closing = dt.datetime(2026, 11, 23, 17, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    message = customer_message(answer, language, CUSTOMER, "Exchange Online (Plan 1)", closing)
    for phrase in words:
        assert phrase in message
    assert "senast" not in message and "no later than" not in message  # no deadline to meet


def test_pay_as_you_go_cancelled_on_a_closed_day_ends_the_next_working_day():
    saturday = dt.date(2026, 11, 28)
    answer = notice_answer(dt.date(2025, 6, 1), Term.PAYG, saturday)
    monday_close = dt.datetime(2026, 11, 30, 17, 0)
    message = customer_message(answer, "sv", CUSTOMER, PRODUCT, monday_close)
    assert "Gör du det den 28 november 2026 avslutas det kl. 17:00 den 30 november 2026." in message
    assert "kl." not in customer_message(answer, "sv", CUSTOMER, PRODUCT)  # no closing time known: none said


def test_the_default_language_follows_the_country():
    assert language_for_country("SE") == "sv"
    assert [language_for_country(c) for c in ("NO", "DK", "FI")] == ["en", "en", "en"]


def test_an_unknown_language_is_refused():
    answer = notice_answer(dt.date(2024, 2, 29), Term.MONTHS_12, MONDAY)
    with pytest.raises(ValueError, match="sv or en"):
        customer_message(answer, "fi", CUSTOMER, PRODUCT)  # type: ignore[arg-type]


@given(start=st.dates(dt.date(2015, 1, 1), dt.date(2026, 11, 23)),
       term=st.sampled_from([Term.MONTHS_12, Term.MONTHS_24, Term.MONTHS_36]),
       days_after=st.integers(0, 2000), language=st.sampled_from(["sv", "en"]))
def test_property_every_message_has_the_deadline_the_end_and_the_address(start, term, days_after, language):
    from babel.dates import format_date

    answer = notice_answer(start, term, start + dt.timedelta(days=days_after), weekends)
    message = customer_message(answer, language, CUSTOMER, PRODUCT)
    day = lambda d: format_date(d, "d MMMM y", locale="sv" if language == "sv" else "en_GB")  # noqa: E731
    assert day(answer.notice_deadline) in message
    assert day(answer.ends_on) in message
    assert CANCEL_EMAIL in message
    assert PRODUCT in message and CUSTOMER in message


def test_the_message_builder_imports_no_qt(tmp_path):
    code = ("import sys\nimport desktop.notice_message, desktop.notice_text\n"
            "assert not [m for m in sys.modules if m.startswith('PySide6')]\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
