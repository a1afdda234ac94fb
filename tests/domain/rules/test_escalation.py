"""Escalation to Microsoft: the issue's table, fallbacks, duties and due times a person can check.

Every expected value here is written from the issue "Escalation to Microsoft" (and the fact
sheet it rests on, 000 Appendix A), not read from resources/reference/escalation.toml: the
tests check that the data and the code together give the answers the contract promises.
"""
from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest

from domain.errors import InvalidInput
from domain.escalation import (
    choose_target,
    escalate,
    escalation_as_dict,
    parse_offering_id,
    parse_severity,
    propose_severity,
)
from domain.escalation_data import load_escalation
from domain.services.escalation import Escalator

UTC = dt.timezone.utc
SE, NO, DK, FI = (ZoneInfo(z) for z in ("Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen", "Europe/Helsinki"))
OFFERINGS = ("unified", "enhanced-response", "rapid-response", "event-management")
SEVERITIES = ("1", "A", "B", "C")

# The issue's table: (offering, severity, azure) -> (minutes, clock, fallback).
# fallback: None = the offering's own row; "no row" = the offering has no row for the
# severity, the base (unified) target applies; "azure only" = an Azure-only offering for a
# product that is not an Azure component, the base target applies.
TABLE = {
    ("unified", "1", True): (15, "24x7", None),
    ("unified", "1", False): (60, "24x7", None),
    ("unified", "A", True): (60, "24x7", None),
    ("unified", "A", False): (60, "24x7", None),
    ("unified", "B", True): (120, "business_hours", None),
    ("unified", "B", False): (120, "business_hours", None),
    ("unified", "C", True): (240, "business_hours", None),
    ("unified", "C", False): (240, "business_hours", None),

    ("enhanced-response", "1", True): (15, "24x7", None),
    ("enhanced-response", "1", False): (30, "24x7", None),
    ("enhanced-response", "A", True): (30, "24x7", None),
    ("enhanced-response", "A", False): (30, "24x7", None),
    ("enhanced-response", "B", True): (120, "business_hours", "no row"),
    ("enhanced-response", "B", False): (120, "business_hours", "no row"),
    ("enhanced-response", "C", True): (240, "business_hours", "no row"),
    ("enhanced-response", "C", False): (240, "business_hours", "no row"),

    ("rapid-response", "1", True): (15, "24x7", None),
    ("rapid-response", "1", False): (60, "24x7", "azure only"),
    ("rapid-response", "A", True): (60, "24x7", "no row"),
    ("rapid-response", "A", False): (60, "24x7", "azure only"),
    ("rapid-response", "B", True): (120, "business_hours", "no row"),
    ("rapid-response", "B", False): (120, "business_hours", "azure only"),
    ("rapid-response", "C", True): (240, "business_hours", "no row"),
    ("rapid-response", "C", False): (240, "business_hours", "azure only"),

    ("event-management", "1", True): (15, "24x7", None),
    ("event-management", "1", False): (60, "24x7", "azure only"),
    ("event-management", "A", True): (60, "24x7", "no row"),
    ("event-management", "A", False): (60, "24x7", "azure only"),
    ("event-management", "B", True): (120, "business_hours", "no row"),
    ("event-management", "B", False): (120, "business_hours", "azure only"),
    ("event-management", "C", True): (240, "business_hours", "no row"),
    ("event-management", "C", False): (240, "business_hours", "azure only"),
}

# A Tuesday morning in Stockholm: inside business hours, with the whole target left that day.
TUESDAY_10 = dt.datetime(2026, 11, 24, 10, 0, tzinfo=SE)


@pytest.fixture(scope="module")
def rules():
    return load_escalation()[1]


@pytest.fixture(scope="module")
def escalator(rules, bundled_policies) -> Escalator:
    return Escalator(rules, bundled_policies)


def base_notes(notes) -> list[str]:
    return [n for n in notes if "base package" in n]


# --- the table, in full -------------------------------------------------------------------------

def test_the_table_covers_every_offering_severity_and_product_kind():
    assert set(TABLE) == {(o, s, a) for o in OFFERINGS for s in SEVERITIES for a in (True, False)}


@pytest.mark.parametrize(("offering", "severity", "azure"), sorted(TABLE))
def test_every_offering_severity_and_product_kind_gets_the_issue_target(escalator, offering, severity, azure):
    minutes, clock, fallback = TABLE[offering, severity, azure]
    answer = escalator.escalate(severity, offering, TUESDAY_10, "SE", azure)

    assert answer.target.minutes == minutes
    assert answer.clock == clock
    assert answer.severity.id == severity and answer.offering.id == offering
    # Inside business hours with the target left that day, both clocks give opened + target.
    assert answer.due == TUESDAY_10 + dt.timedelta(minutes=minutes)
    assert answer.due.isoformat() == f"2026-11-24T{10 + minutes // 60:02d}:{minutes % 60:02d}:00+01:00"

    notes = base_notes(answer.notes)
    if fallback is None:
        assert answer.notes == ()
        assert answer.target.offering == offering
    else:
        # The answer says the base package applies, and why.
        assert answer.target.offering == "unified"
        assert len(notes) == 1
        if fallback == "no row":
            assert f"no row for severity {severity}" in notes[0]
        else:
            assert "Azure components only" in notes[0]


@pytest.mark.parametrize("offering", OFFERINGS)
def test_severity_1_and_a_run_around_the_clock_b_and_c_in_business_hours(escalator, offering):
    saturday_night = dt.datetime(2026, 11, 28, 23, 0, tzinfo=SE)
    for severity in ("1", "A"):
        answer = escalator.escalate(severity, offering, saturday_night, "SE", azure=True)
        assert answer.clock == "24x7"
        assert answer.due.astimezone(UTC) - saturday_night.astimezone(UTC) == dt.timedelta(
            minutes=answer.target.minutes)
    for severity in ("B", "C"):
        answer = escalator.escalate(severity, offering, saturday_night, "SE", azure=True)
        assert answer.clock == "business_hours"
        assert answer.due == dt.datetime(2026, 11, 30, 9, 0, tzinfo=SE) + dt.timedelta(
            minutes=answer.target.minutes)


def test_choose_target_reports_which_time_applies(rules):
    target, azure, notes = choose_target(rules, "enhanced-response", "1", azure=True)
    assert (target.minutes, azure, notes) == (15, True, ())
    target, azure, notes = choose_target(rules, "enhanced-response", "1", azure=False)
    assert (target.minutes, azure, notes) == (30, False, ())


# --- exclusion lists ----------------------------------------------------------------------------

# Base fn1 (000:2697-2699) and UER fn1 (000:2818-2820), in the issue's English.
BASE_EXCLUDED = ["Azure StorSimple", "GitHub AE", "Azure Communication Services", "Billing & Subscription Management"]
UER_EXCLUDED = ["US Gov Clouds", "Azure StorSimple", "GitHub AE", "A40", "Azure Media Services", "Azure Stack",
                "Test Base for M365", "Microsoft Mesh", "Universal Print"]


@pytest.mark.parametrize("product", BASE_EXCLUDED)
def test_unified_azure_products_on_the_exclusion_list_get_the_all_other_products_time(escalator, product):
    answer = escalator.escalate("1", "unified", TUESDAY_10, "SE", azure=True, azure_product=product)
    assert answer.target.minutes == 60
    assert answer.azure is False
    assert answer.due.isoformat() == "2026-11-24T11:00:00+01:00"
    assert len(answer.notes) == 1
    assert product in answer.notes[0] and "exclusion list" in answer.notes[0] and "000:2697-2699" in answer.notes[0]


@pytest.mark.parametrize("product", UER_EXCLUDED)
def test_enhanced_response_azure_products_on_its_exclusion_list_get_30_minutes(escalator, product):
    answer = escalator.escalate("1", "enhanced-response", TUESDAY_10, "SE", azure=True, azure_product=product)
    assert answer.target.minutes == 30
    assert answer.azure is False
    assert len(answer.notes) == 1 and product in answer.notes[0] and "000:2818-2820" in answer.notes[0]


def test_the_exclusion_lists_differ_by_offering(escalator):
    # Universal Print is on the UER list, not the base list; Azure Communication Services the other way round.
    answer = escalator.escalate("1", "unified", TUESDAY_10, "SE", azure=True, azure_product="Universal Print")
    assert (answer.target.minutes, answer.azure, answer.notes) == (15, True, ())
    answer = escalator.escalate("1", "enhanced-response", TUESDAY_10, "SE", azure=True,
                                azure_product="Azure Communication Services")
    assert (answer.target.minutes, answer.azure, answer.notes) == (15, True, ())


def test_an_azure_product_not_on_any_list_keeps_the_azure_time(escalator):
    for offering in OFFERINGS:
        answer = escalator.escalate("1", offering, TUESDAY_10, "SE", azure=True, azure_product="Azure Virtual Machines")
        assert answer.target.minutes == 15 and answer.azure is True and answer.notes == (), offering


def test_exclusion_list_matching_ignores_how_the_agent_typed_the_name(escalator):
    answer = escalator.escalate("1", "unified", TUESDAY_10, "SE", azure=True, azure_product="azure storsimple")
    assert answer.target.minutes == 60 and answer.azure is False


def test_an_excluded_product_on_an_azure_only_offering_is_not_given_its_azure_time(escalator):
    # Rapid Response does not cover Azure Stack (000:1358-1364): its 15 minutes do not apply,
    # the base package does, and the answer names both reasons.
    answer = escalator.escalate("1", "rapid-response", TUESDAY_10, "SE", azure=True, azure_product="Azure Stack")
    assert answer.target.offering == "unified"
    assert any("Azure Stack" in n and "exclusion list" in n for n in answer.notes)
    assert any("base package" in n for n in answer.notes)


# --- Azure-only offerings -------------------------------------------------------------------------

@pytest.mark.parametrize("offering", ["rapid-response", "event-management"])
def test_an_azure_only_offering_for_a_non_azure_product_falls_back_to_unified(escalator, offering):
    answer = escalator.escalate("1", offering, TUESDAY_10, "SE", azure=False)
    assert answer.target.minutes == 60 and answer.target.offering == "unified"
    assert answer.due.isoformat() == "2026-11-24T11:00:00+01:00"
    assert len(answer.notes) == 1 and "Azure components only" in answer.notes[0]
    assert "base package" in answer.notes[0]
    # The event's critical-situation resource is AEM's, not the base package's.
    assert not answer.target.extra


def test_event_management_assigns_a_critical_situation_resource_within_30_minutes(escalator):
    answer = escalator.escalate("1", "event-management", TUESDAY_10, "SE", azure=True)
    assert answer.target.minutes == 15
    assert "critical-situation resource" in answer.target.extra and "30 minutes" in answer.target.extra
    payload = escalation_as_dict(answer)
    assert "30 minutes" in payload["extra"]
    for offering in ("unified", "enhanced-response", "rapid-response"):
        assert escalation_as_dict(escalator.escalate("1", offering, TUESDAY_10, "SE", azure=True))["extra"] is None


# --- what the customer must do, how to submit, in which language ----------------------------------

@pytest.mark.parametrize("offering", OFFERINGS)
def test_customer_obligations_follow_the_severity(escalator, offering):
    def duties(severity: str) -> str:
        return " ".join(escalator.escalate(severity, offering, TUESDAY_10, "SE", azure=True).severity.obligations)

    assert "24x7" in duties("1") and "senior executives" in duties("1")
    assert "24x7" in duties("A")
    assert "change-control authority within 4 business hours" in duties("B")
    assert "24x7" not in duties("B")
    assert "contact details for the case owner" in duties("C") and "within 24 hours" in duties("C")


def test_the_downgrade_warning_follows_the_offering(escalator):
    def downgrade(offering: str) -> str:
        return escalator.escalate("1", offering, TUESDAY_10, "SE", azure=True).offering.downgrade

    assert "downgrade the severity" in downgrade("unified")
    assert "downgrade the severity" in downgrade("enhanced-response")
    assert "downgrade from 24x7" in downgrade("rapid-response")
    assert "downgrade from 24x7" in downgrade("event-management")


def test_languages_per_offering(escalator):
    def languages(offering: str) -> list[str]:
        return escalation_as_dict(escalator.escalate("1", offering, TUESDAY_10, "SE", azure=True))["languages"]

    assert languages("enhanced-response") == ["English", "Chinese", "Japanese"]
    assert languages("rapid-response") == ["English", "Japanese"]
    assert languages("event-management") == ["English"]
    assert languages("unified")[0] == "English"


def test_how_to_submit_per_offering(escalator):
    def submit(offering: str) -> str:
        return escalation_as_dict(escalator.escalate("1", offering, TUESDAY_10, "SE", azure=True))["submit_via"]

    assert "Azure portal" in submit("event-management")
    assert '"AEM"' in submit("event-management") and "case description" in submit("event-management")
    assert "Azure portal" in submit("rapid-response")
    assert "phone" in submit("unified") and "online" in submit("unified")


# --- which severity ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("down", "degraded", "moderate", "expected"), [
    (True, True, True, "1"), (True, True, False, "1"), (True, False, True, "1"), (True, False, False, "1"),
    (False, True, True, "A"), (False, True, False, "A"),
    (False, False, True, "B"),
    (False, False, False, "C"),
])
def test_propose_severity_the_first_yes_decides(down, degraded, moderate, expected):
    assert propose_severity(down, degraded, moderate) == expected


# --- due times a person can check by hand ------------------------------------------------------------

def test_sweden_severity_b_before_christmas(escalator):
    # Wednesday 23 December 16:45: 45 minutes that day, 24-27 December closed, 75 minutes Monday.
    answer = escalator.escalate("B", "unified", dt.datetime(2026, 12, 23, 16, 45), "SE")
    assert answer.opened.isoformat() == "2026-12-23T16:45:00+01:00"
    assert answer.due.isoformat() == "2026-12-28T10:15:00+01:00"
    days = [(d.day.isoformat(), d.minutes, d.skipped) for d in answer.timeline]
    assert days == [
        ("2026-12-23", 45, None),
        ("2026-12-24", 0, "Christmas Eve"),
        ("2026-12-25", 0, "Christmas Day"),
        ("2026-12-26", 0, "Second Day of Christmas"),
        ("2026-12-27", 0, "weekend"),
        ("2026-12-28", 75, None),
    ]
    assert answer.notes == ()


def test_norway_severity_c_rapid_response_over_easter(escalator):
    # Wednesday 1 April 15:00: 150 minutes that day; Maundy Thursday, Good Friday, the weekend
    # and Easter Monday are closed; 90 minutes on Tuesday, in summer time by then.
    answer = escalator.escalate("C", "rapid-response", dt.datetime(2026, 4, 1, 15, 0), "NO")
    assert answer.target.minutes == 240
    assert answer.due.isoformat() == "2026-04-07T10:30:00+02:00"
    assert [d.skipped for d in answer.timeline] == [
        None, "Maundy Thursday", "Good Friday", "weekend", "Easter Sunday", "Easter Monday", None]
    assert [d.minutes for d in answer.timeline] == [150, 0, 0, 0, 0, 0, 90]
    assert any("Azure components only" in n for n in answer.notes)  # not an Azure component: base package


def test_sweden_midsummer_eve_is_closed_but_norway_is_open(escalator):
    # Thursday 18 June 2026 16:30: one hour left that day; Friday is Midsummer Eve in Sweden only.
    se = escalator.escalate("B", "unified", dt.datetime(2026, 6, 18, 16, 30), "SE")
    no = escalator.escalate("B", "unified", dt.datetime(2026, 6, 18, 16, 30), "NO")
    assert se.due.isoformat() == "2026-06-22T10:00:00+02:00"
    assert [d.skipped for d in se.timeline] == [None, "Midsummer Eve", "Midsummer Day", "weekend", None]
    assert no.due.isoformat() == "2026-06-19T10:00:00+02:00"


def test_finland_is_one_hour_ahead_same_instant_other_business_time(escalator):
    # Monday 23 November 16:00 UTC: 17:00 in Stockholm (half an hour of business time left),
    # 18:00 in Helsinki (closed: the clock starts Tuesday 09:00 Finnish time).
    instant = dt.datetime(2026, 11, 23, 16, 0, tzinfo=UTC)
    se = escalator.escalate("B", "unified", instant, "SE")
    fi = escalator.escalate("B", "unified", instant, "FI")
    assert se.due.isoformat() == "2026-11-24T10:30:00+01:00"
    assert fi.due.isoformat() == "2026-11-24T11:00:00+02:00"
    assert se.notes == ()
    assert fi.notes == ("Opened outside business hours: the clock starts at the next opening.",)
    assert fi.timeline[0].skipped == "after business hours"


def test_finland_the_same_instant_falls_on_another_local_day(escalator):
    # Friday 27 November 22:30 UTC is Friday evening in Stockholm but Saturday in Helsinki.
    instant = dt.datetime(2026, 11, 27, 22, 30, tzinfo=UTC)
    se = escalator.escalate("C", "unified", instant, "SE")
    fi = escalator.escalate("C", "unified", instant, "FI")
    assert se.opened.isoformat() == "2026-11-27T23:30:00+01:00"
    assert fi.opened.isoformat() == "2026-11-28T00:30:00+02:00"
    assert (se.timeline[0].day.isoformat(), se.timeline[0].skipped) == ("2026-11-27", "after business hours")
    assert (fi.timeline[0].day.isoformat(), fi.timeline[0].skipped) == ("2026-11-28", "weekend")
    assert se.due.isoformat() == "2026-11-30T13:00:00+01:00"
    assert fi.due.isoformat() == "2026-11-30T13:00:00+02:00"
    assert se.due - fi.due == dt.timedelta(hours=1)


def test_a_case_opened_on_saturday_starts_its_clock_monday_0900(escalator):
    answer = escalator.escalate("C", "unified", dt.datetime(2026, 11, 28, 11, 0), "DK")
    assert answer.due.isoformat() == "2026-11-30T13:00:00+01:00"
    assert [(d.skipped, d.minutes) for d in answer.timeline] == [("weekend", 0), ("weekend", 0), (None, 240)]
    assert answer.timeline[-1].counted[0].start.isoformat() == "2026-11-30T09:00:00+01:00"
    assert "Opened outside business hours: the clock starts at the next opening." in answer.notes


def test_a_case_opened_before_opening_time_starts_at_0900(escalator):
    answer = escalator.escalate("B", "unified", dt.datetime(2026, 11, 24, 7, 45, 30), "SE")
    assert answer.due.isoformat() == "2026-11-24T11:00:00+01:00"
    assert answer.notes == ("Opened outside business hours: the clock starts at the next opening.",)


def test_a_target_that_runs_out_at_closing_time_is_due_at_closing_time(escalator):
    answer = escalator.escalate("B", "unified", dt.datetime(2026, 11, 24, 15, 30), "SE")
    assert answer.due.isoformat() == "2026-11-24T17:30:00+01:00"
    answer = escalator.escalate("B", "unified", dt.datetime(2026, 11, 24, 17, 30), "SE")  # at closing: closed
    assert answer.due.isoformat() == "2026-11-25T11:00:00+01:00"


def test_severity_1_on_the_spring_forward_night_is_due_60_elapsed_minutes_later(escalator):
    # 01:30 on Sunday 29 March 2026 in Stockholm; at 02:00 the clocks jump to 03:00.
    answer = escalator.escalate("1", "unified", dt.datetime(2026, 3, 29, 1, 30), "SE")
    assert answer.opened.isoformat() == "2026-03-29T01:30:00+01:00"
    assert answer.due.isoformat() == "2026-03-29T03:30:00+02:00"  # the wall clock shows two hours
    assert answer.due.astimezone(UTC) - answer.opened.astimezone(UTC) == dt.timedelta(minutes=60)  # elapsed
    assert [d.minutes for d in answer.timeline] == [60]


def test_severity_a_in_the_repeated_autumn_hour_is_due_60_elapsed_minutes_later(escalator):
    # 02:30 on Sunday 25 October 2026 in Oslo is ambiguous: the first (summer time) is meant.
    answer = escalator.escalate("A", "unified", dt.datetime(2026, 10, 25, 2, 30), "NO")
    assert answer.opened.isoformat() == "2026-10-25T02:30:00+02:00"
    assert answer.due.isoformat() == "2026-10-25T02:30:00+01:00"  # the wall clock shows no time at all
    assert [d.minutes for d in answer.timeline] == [60]


def test_severity_a_runs_through_christmas_eve_night(escalator):
    answer = escalator.escalate("A", "enhanced-response", dt.datetime(2026, 12, 24, 23, 45), "DK")
    assert answer.due.isoformat() == "2026-12-25T00:15:00+01:00"
    assert [(d.day.isoformat(), d.minutes) for d in answer.timeline] == [("2026-12-24", 15), ("2026-12-25", 15)]


def test_business_days_across_the_spring_change_keep_the_local_hours(escalator):
    # Friday 27 March 15:00 (+01:00): 150 minutes; Monday 30 March from 09:00 (+02:00): 90 minutes.
    answer = escalator.escalate("C", "unified", dt.datetime(2026, 3, 27, 15, 0), "NO")
    assert answer.due.isoformat() == "2026-03-30T10:30:00+02:00"


def test_an_instant_with_an_offset_is_that_instant(escalator):
    # 15:45 UTC is 16:45 in Stockholm: the Christmas example again.
    answer = escalator.escalate("B", "unified", dt.datetime(2026, 12, 23, 15, 45, tzinfo=UTC), "SE")
    assert answer.opened.isoformat() == "2026-12-23T16:45:00+01:00"
    assert answer.due.isoformat() == "2026-12-28T10:15:00+01:00"


# --- the JSON contract ----------------------------------------------------------------------------

def test_escalation_as_dict_has_the_contract_fields(escalator):
    answer = escalator.escalate("B", "enhanced-response", dt.datetime(2026, 12, 23, 16, 45), "SE", azure=True)
    payload = escalation_as_dict(answer)
    assert json.loads(json.dumps(payload)) == payload  # plain JSON values only
    assert payload["severity"] == "B"
    assert payload["offering"] == "enhanced-response"
    assert payload["target_minutes"] == 120
    assert payload["clock"] == "business_hours"
    assert payload["due"] == "2026-12-28T10:15:00+01:00"
    assert dt.datetime.fromisoformat(payload["due"]).utcoffset() == dt.timedelta(hours=1)
    assert isinstance(payload["customer_obligations"], list) and len(payload["customer_obligations"]) >= 2
    assert any("change-control authority" in duty for duty in payload["customer_obligations"])
    assert isinstance(payload["submit_via"], str) and payload["submit_via"]
    assert payload["languages"] == ["English", "Chinese", "Japanese"]
    assert any("no row for severity B" in note for note in payload["notes"])
    assert "timeline" not in payload


def test_escalation_as_dict_explain_adds_the_timeline(escalator):
    answer = escalator.escalate("B", "unified", dt.datetime(2026, 12, 23, 16, 45), "SE")
    timeline = escalation_as_dict(answer, explain=True)["timeline"]
    assert [day["day"] for day in timeline] == [f"2026-12-{d}" for d in range(23, 29)]
    assert timeline[0] == {"day": "2026-12-23", "minutes": 45, "skipped": None, "counted": [
        {"from": "2026-12-23T16:45:00+01:00", "to": "2026-12-23T17:30:00+01:00", "minutes": 45}]}
    assert timeline[1] == {"day": "2026-12-24", "minutes": 0, "skipped": "Christmas Eve", "counted": []}
    assert timeline[-1]["counted"] == [
        {"from": "2026-12-28T09:00:00+01:00", "to": "2026-12-28T10:15:00+01:00", "minutes": 75}]
    assert sum(day["minutes"] for day in timeline) == 120


def test_escalation_as_dict_24x7(escalator):
    payload = escalation_as_dict(escalator.escalate("1", "unified", dt.datetime(2026, 11, 24, 23, 30), "FI",
                                                    azure=True), explain=True)
    assert (payload["target_minutes"], payload["clock"]) == (15, "24x7")
    assert payload["due"] == "2026-11-24T23:45:00+02:00"
    assert [day["minutes"] for day in payload["timeline"]] == [15]
    assert any("24x7" in duty for duty in payload["customer_obligations"])


# --- bad input --------------------------------------------------------------------------------------

@pytest.mark.parametrize("severity", ["X", "", "2", "D", "sev 5"])
def test_a_bad_severity_is_invalid_input_naming_it(rules, bundled_policies, severity):
    from domain.closed_days import ClosedDayCalendar

    policy = bundled_policies["SE"]
    with pytest.raises(InvalidInput) as error:
        escalate(rules, severity, "unified", TUESDAY_10, policy, ClosedDayCalendar(policy))
    assert repr(severity) in str(error.value) and "1, A, B or C" in str(error.value)


@pytest.mark.parametrize("offering", ["premier", "", "unified-plus"])
def test_a_bad_offering_is_invalid_input_naming_it(rules, bundled_policies, offering):
    from domain.closed_days import ClosedDayCalendar

    policy = bundled_policies["SE"]
    with pytest.raises(InvalidInput) as error:
        escalate(rules, "B", offering, TUESDAY_10, policy, ClosedDayCalendar(policy))
    assert repr(offering) in str(error.value) and "enhanced-response" in str(error.value)


def test_a_moment_without_a_time_zone_is_refused(rules, bundled_policies):
    from domain.closed_days import ClosedDayCalendar

    policy = bundled_policies["SE"]
    with pytest.raises(InvalidInput):
        escalate(rules, "B", "unified", dt.datetime(2026, 11, 24, 10, 0), policy, ClosedDayCalendar(policy))


def test_severity_and_offering_are_read_the_way_agents_type_them():
    assert parse_severity("b") == "B" and parse_severity(" Sev A ") == "A" and parse_severity("1") == "1"
    assert parse_offering_id("Rapid-Response") == "rapid-response"


def test_a_product_an_azure_only_add_on_does_not_cover_goes_the_base_packages_way(escalator):
    # Rapid Response is for Azure components: an Exchange case is filed by phone or online,
    # in the base package's languages, not through the Azure portal in English or Japanese.
    answer = escalator.escalate("1", "rapid-response", TUESDAY_10, "SE", azure=False)
    payload = escalation_as_dict(answer)
    assert payload["offering"] == "rapid-response"
    assert payload["target_minutes"] == 60
    assert payload["submit_via"].startswith("By phone or online")
    assert payload["languages"] == ["English", "the customer's language where available"]
    azure = escalation_as_dict(escalator.escalate("1", "rapid-response", TUESDAY_10, "SE", azure=True))
    assert "Azure portal" in azure["submit_via"] and azure["languages"] == ["English", "Japanese"]
