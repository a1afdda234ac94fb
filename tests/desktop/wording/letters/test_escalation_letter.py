"""The escalation summarised for the customer (desktop/wording/letters/escalation.py): plain text
in the customer's language, whatever language the agent reads; the due moment on the
customer's clock, written the way their language writes dates and times."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.common import i18n
from desktop.common.i18n import _, ngettext
from desktop.wording.letters.escalation import escalation_message


@pytest.fixture
def escalating(store):
    from domain.services.escalation import escalator

    return escalator(store)


def test_the_summary_says_the_severity_the_target_the_due_time_the_clock_and_the_commitments(escalating):
    # Opened on the Wednesday before Christmas at 16:45 in Sweden: 45 minutes that day,
    # Christmas and the weekend skipped, 75 minutes on Monday.
    answer = escalating.escalate("B", "unified", dt.datetime(2026, 12, 23, 16, 45), "SE")

    summary = escalation_message(answer, escalating.rules.business_hours, "en")

    assert summary.splitlines() == [
        "Your case is escalated to Microsoft at severity B (Moderate business impact).",
        "Moderate loss or degradation of services, but work can reasonably continue in a degraded way "
        "(\"Måttlig påverkan på verksamheten\").",
        "",
        "Microsoft's first-response target is 120 business minutes, counted in business hours only: 09:00–17:30 "
        "your local time on weekdays, not on holidays.",
        "The first response is due by Monday, 28 December 2026 at 10:15 (Sweden Time, GMT+01:00).",
        "",
        "For this severity, Microsoft needs you to commit to the following:",
        "• Allocate appropriate resources to support Microsoft's actions.",
        "• Access to and response from the change-control authority within 4 business hours.",
        "",
        "The severities and these commitments are described in Microsoft's Unified Enterprise Support Services "
        "description, Appendix A.",
    ]


def test_severity_1_runs_around_the_clock_and_is_due_on_the_finnish_clock_in_finnish(escalating):
    # 14:00 in Finland (13:00 in Sweden): an hour later on the customer's own clock.
    answer = escalating.escalate("1", "unified", dt.datetime(2026, 11, 23, 14, 0), "FI")

    summary = escalation_message(answer, escalating.rules.business_hours, "fi")

    with i18n.in_language("fi"):
        target = ngettext(
            "Microsoft's first-response target is {n} minute, counted around the clock (24x7): nights, weekends "
            "and holidays count too.",
            "Microsoft's first-response target is {n} minutes, counted around the clock (24x7): nights, weekends "
            "and holidays count too.", 60).format(n=60)
        due = _("The first response is due by {date} at {time} ({zone}).").format(
            date=i18n.format_date(dt.date(2026, 11, 23), "full"), time="15.00",
            zone=i18n.format_datetime(answer.due, "VVVV, ZZZZ"))
        obligation = _("• {line}").format(line=_(answer.severity.obligations[0]))
    assert target in summary and not target.startswith("Microsoft's first-response target")
    assert due in summary and "maanantai 23. marraskuuta 2026" in due  # babel writes the Finnish date
    assert obligation in summary and obligation != f"• {answer.severity.obligations[0]}"


def test_the_summary_is_in_the_customers_language_not_the_agents(escalating):
    answer = escalating.escalate("A", "unified", dt.datetime(2026, 11, 23, 13, 0), "NO")
    english = escalation_message(answer, escalating.rules.business_hours, "en")
    i18n.set_language("fi")  # the agent reads Finnish
    try:
        summary = escalation_message(answer, escalating.rules.business_hours, "nb")
        assert i18n.current_locale() == "fi"  # the agent's language is back
    finally:
        i18n.set_language("en")

    with i18n.in_language("nb"):
        opening = _("Your case is escalated to Microsoft at severity {id} ({title}).").format(
            id="A", title=_(answer.severity.title))
        commit = _("For this severity, Microsoft needs you to commit to the following:")
    finnish = escalation_message(answer, escalating.rules.business_hours, "fi")
    lines = summary.splitlines()
    assert lines[0] == opening != english.splitlines()[0]
    assert commit in lines and commit not in english.splitlines()
    assert lines != finnish.splitlines()
    assert "mandag 23. november 2026" in summary  # the due day, in Norwegian
