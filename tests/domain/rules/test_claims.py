"""The claims arithmetic (issue 19): a month's uptime and its Service Credit band, exactly.

The reference below uses integers only: uptime >= L thousandths of a percent exactly when
(month - outage) * 100000 >= L * month. Exact band edges exist only for some month
lengths: 0.1 % of a month (99.9) is days * 1.44 minutes, never whole for 28-31 days; 1 %
(99) is days * 14.4, whole only for 30 days (432 minutes); 5 % (95) is days * 72, whole
for every month (2016, 2088, 2160, 2232 minutes).

Worked by hand (every service; SLA 99.9 %, 25 % below 99.9, 50 % below 99, 100 % below 95):

    service            month    minutes  outage  uptime (exact)       credit
    exchange-online    2026-11  43,200       43  99.90046... %        0 % (43 * 1000 < 43,200)
    exchange-online    2026-11  43,200       44  99.89814... %       25 %
    sharepoint-online  2026-12  44,640      446  99.00089... %       25 %
    sharepoint-online  2026-12  44,640      447  98.99865... %       50 %
    onedrive           2027-02  40,320    2,016  95 % exactly        50 % (not below 95)
    onedrive           2027-02  40,320    2,017  94.99751... %      100 %
    teams              2028-02  41,760       41  99.90182... %        0 % (leap February)
    teams              2028-02  41,760       42  99.89942... %       25 %
    m365-apps          2026-11  43,200      432  99 % exactly        25 % (not below 99)
    m365-apps          2026-11  43,200      433  98.99768... %       50 %
    m365-apps          2026-11  43,200   43,200  0 %                100 %
"""
from __future__ import annotations

import datetime as dt
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.claims import (
    CAP,
    EXCLUDED,
    NEXT_COLLECT,
    NEXT_NO_CREDIT,
    NEXT_WRONG_PORTAL,
    SERVICES,
    assess_claim,
    load_claim_rules,
    month_minutes,
    outage_minutes,
    parse_minutes,
)
from domain.errors import InvalidInput

RULES = load_claim_rules()
LIMITS = ((99900, 25), (99000, 50), (95000, 100))  # thousandths of a percent, credit; strictest last
DAYS = {28: "2027-02", 29: "2028-02", 30: "2026-11", 31: "2026-12"}


def reference_credit(month: int, outage: int) -> int:
    up = (month - outage) * 100000
    credit = 0
    for limit, band in LIMITS:
        if up < limit * month:
            credit = band
    return credit


@st.composite
def claims(draw):
    year, month = draw(st.integers(1990, 2200)), draw(st.integers(1, 12))
    total = month_minutes(year, month)
    return draw(st.sampled_from(SERVICES)), f"{year:04d}-{month:02d}", total, draw(st.integers(0, total))


@given(claims())
def test_the_credit_is_the_integer_reference_for_every_service_month_and_outage(claim):
    service, month, total, outage = claim
    answer = assess_claim(RULES, service, month, outage)
    assert answer.month_minutes == total
    assert answer.uptime == Fraction((total - outage) * 100, total)
    assert answer.credit_percent == reference_credit(total, outage)
    assert answer.credit_due == (answer.credit_percent > 0)
    assert answer.next_step == (NEXT_COLLECT if answer.credit_due else NEXT_NO_CREDIT)


@given(claims(), st.integers(0, 500))
def test_a_longer_outage_never_gets_a_smaller_credit(claim, more):
    service, month, total, outage = claim
    longer = min(total, outage + more)
    assert (assess_claim(RULES, service, month, longer).credit_percent
            >= assess_claim(RULES, service, month, outage).credit_percent)


@given(claims())
def test_the_displayed_uptime_is_on_the_same_side_of_every_limit_as_the_exact_one(claim):
    service, month, total, outage = claim
    answer = assess_claim(RULES, service, month, outage)
    assert 0 <= answer.uptime - Fraction(str(answer.uptime_percent)) < Fraction(1, 100)
    for limit, _credit in LIMITS:
        exact = Fraction(limit, 1000)
        assert (Fraction(str(answer.uptime_percent)) >= exact) == (answer.uptime >= exact)


@pytest.mark.parametrize("days, month", sorted(DAYS.items()))
def test_every_month_length_counts_its_calendar_minutes(days, month):
    year, number = map(int, month.split("-"))
    assert month_minutes(year, number) == days * 1440
    assert assess_claim(RULES, "teams", month, 0).month_minutes == days * 1440


def test_leap_february_has_a_day_more_and_century_years_follow_the_calendar():
    assert month_minutes(2028, 2) == 41760
    assert month_minutes(2027, 2) == 40320
    assert month_minutes(2100, 2) == 40320  # not a leap year
    assert month_minutes(2000, 2) == 41760  # a leap year


@pytest.mark.parametrize("days", sorted(DAYS))
def test_exactly_95_percent_is_50_and_a_minute_more_is_100(days):
    month, total = DAYS[days], days * 1440
    edge = days * 72
    assert assess_claim(RULES, "onedrive", month, edge).uptime == 95
    assert assess_claim(RULES, "onedrive", month, edge - 1).credit_percent == 50
    assert assess_claim(RULES, "onedrive", month, edge).credit_percent == 50
    assert assess_claim(RULES, "onedrive", month, edge + 1).credit_percent == 100
    assert total == month_minutes(*map(int, month.split("-")))


def test_exactly_99_percent_exists_in_a_30_day_month_only_and_is_25():
    assert assess_claim(RULES, "exchange-online", "2026-11", 432).uptime == 99
    assert [assess_claim(RULES, "exchange-online", "2026-11", m).credit_percent for m in (431, 432, 433)] == [
        25, 25, 50]
    for days in (28, 29, 31):
        assert (days * 1440) % 100 != 0


@pytest.mark.parametrize("days", sorted(DAYS))
def test_the_minutes_either_side_of_99_9_percent(days):
    """0.1 % of a month is never whole: the last minute that meets the SLA and the first that
    does not are floor and ceiling of days * 1.44."""
    met, missed = (days * 144) // 100, (days * 144) // 100 + 1
    answer_met = assess_claim(RULES, "sharepoint-online", DAYS[days], met)
    answer_missed = assess_claim(RULES, "sharepoint-online", DAYS[days], missed)
    assert answer_met.uptime > Fraction(999, 10) > answer_missed.uptime
    assert (answer_met.credit_percent, answer_missed.credit_percent) == (0, 25)


@pytest.mark.parametrize("service, month, outage, credit", [
    ("exchange-online", "2026-11", 43, 0), ("exchange-online", "2026-11", 44, 25),
    ("sharepoint-online", "2026-12", 446, 25), ("sharepoint-online", "2026-12", 447, 50),
    ("onedrive", "2027-02", 2016, 50), ("onedrive", "2027-02", 2017, 100),
    ("teams", "2028-02", 41, 0), ("teams", "2028-02", 42, 25),
    ("m365-apps", "2026-11", 432, 25), ("m365-apps", "2026-11", 433, 50), ("m365-apps", "2026-11", 43200, 100),
])
def test_the_examples_worked_by_hand(service, month, outage, credit):
    answer = assess_claim(RULES, service, month, outage)
    assert answer.credit_percent == credit
    assert (answer.claim_to, answer.paid_after_microsoft, answer.cap, answer.excluded) == (
        "reseller", True, CAP, EXCLUDED)


def test_every_service_has_microsofts_99_9_and_the_three_bands_with_edition_and_date():
    for service in SERVICES:
        level = RULES.levels[service]
        assert level.sla_percent == Fraction(999, 10)
        assert [(float(b), float(c)) for b, c in level.bands] == [(99.9, 25), (99, 50), (95, 100)]
        assert level.edition and level.checked == dt.date(2026, 12, 7) and level.ref


def test_a_wrong_portal_claim_is_corrected_first_and_data_loss_is_always_excluded():
    answer = assess_claim(RULES, "teams", "2026-11", 500, wrong_portal=True, data_loss=True)
    assert answer.next_step == NEXT_WRONG_PORTAL
    keys = [reason.text_key for reason in answer.reasons]
    assert "wrong-portal" in keys and "data-loss" in keys and "details" in keys
    assert [r.clause for r in answer.reasons if r.text_key == "wrong-portal"] == ["§4"]
    met = assess_claim(RULES, "teams", "2026-11", 0)
    assert "data-loss" in met.excluded and "claim-to-reseller" not in [r.text_key for r in met.reasons]


@pytest.mark.parametrize("service, month, outage, field", [
    ("exchange", "2026-11", 5, "service"), ("teams", "2026-13", 5, "month"), ("teams", "11-2026", 5, "month"),
    ("teams", "2026-1", 5, "month"), ("teams", "2026-11", -1, "outage_minutes"),
    ("teams", "2026-11", 43201, "outage_minutes"), ("teams", "2027-02", 40321, "outage_minutes"),
])
def test_bad_input_names_the_field(service, month, outage, field):
    with pytest.raises(InvalidInput) as raised:
        assess_claim(RULES, service, month, outage)
    assert raised.value.field == field


def test_minutes_must_be_a_whole_number():
    assert parse_minutes(" 95 ") == 95
    for text in ("1.5", "ten", ""):
        with pytest.raises(InvalidInput):
            parse_minutes(text)


STOCKHOLM = ZoneInfo("Europe/Stockholm")


def test_outage_minutes_counts_real_minutes_across_a_clock_change():
    # 29 March 2026: the clocks go from 02:00 to 03:00 in Stockholm; 01:30-03:30 is one hour.
    assert outage_minutes(dt.datetime(2026, 3, 29, 1, 30, tzinfo=STOCKHOLM),
                          dt.datetime(2026, 3, 29, 3, 30, tzinfo=STOCKHOLM)) == 60


def test_outage_minutes_stop_at_the_end_of_the_start_month_and_round_a_started_minute_up():
    start = dt.datetime(2026, 11, 30, 23, 0, tzinfo=STOCKHOLM)
    assert outage_minutes(start, dt.datetime(2026, 12, 1, 2, 0, tzinfo=STOCKHOLM)) == 60
    assert outage_minutes(start, start + dt.timedelta(seconds=61)) == 2
    assert outage_minutes(start, start + dt.timedelta(minutes=5)) == 5


def test_an_outage_must_end_after_it_starts_and_carry_a_time_zone():
    start = dt.datetime(2026, 11, 3, 9, 0, tzinfo=STOCKHOLM)
    with pytest.raises(InvalidInput):
        outage_minutes(start, start)
    with pytest.raises(InvalidInput):
        outage_minutes(start.replace(tzinfo=None), start)


@given(st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1)),
       st.integers(1, 100_000))
def test_outage_minutes_never_exceed_the_start_month(start, seconds):
    start = start.replace(tzinfo=dt.timezone.utc)
    minutes = outage_minutes(start, start + dt.timedelta(seconds=seconds))
    assert 1 <= minutes <= month_minutes(start.year, start.month)
    assert minutes <= -(-seconds // 60)


@pytest.mark.parametrize("key, words", [
    ("service-credits", "Service Credits"), ("service-credits", "innan Microsoft ersatt Dustin"),
    ("claim-to-reseller", "inte till Microsoft"), ("wrong-portal", "inom 30 dagar"),
    ("exclusive-remedy", "exklusiv påföljd"), ("six-months-cap", "sex (6) månadsperioden"),
    ("data-loss", "förlust av data"), ("data-loss", "aktuell backup"), ("details", "all information"),
])
def test_each_clause_cites_the_lines_of_the_terms_that_say_it(key, words):
    from domain.citations import citations, cited_text

    clause = RULES.clauses[key]
    assert any(words in cited_text(cited) for cited in citations(clause.ref)), (key, clause.ref)


def test_a_replacement_file_with_the_bands_in_the_wrong_order_or_a_service_missing_is_refused():
    import copy

    from domain.claims import parse_claim_rules
    from domain.errors import ReferenceDataError
    from domain.reference_data import load_toml, reference_dir

    data = load_toml(reference_dir() / "claims.toml")
    backwards = copy.deepcopy(data)
    backwards["service"]["teams"]["bands"].reverse()
    with pytest.raises(ReferenceDataError, match="service.teams: bands"):
        parse_claim_rules(backwards)
    missing = copy.deepcopy(data)
    del missing["service"]["onedrive"]
    with pytest.raises(ReferenceDataError, match="onedrive"):
        parse_claim_rules(missing)
    bad = copy.deepcopy(data)
    bad["service"]["teams"]["sla"] = "99,9"
    with pytest.raises(ReferenceDataError, match="percentage"):
        parse_claim_rules(bad)


def test_an_outage_across_the_autumn_clock_change_counts_the_real_hour_twice_lived():
    # 25 October 2026: 03:00 summer time becomes 02:00 winter time; 02:30 (summer) to 02:30
    # (winter, fold=1) is one real hour though the wall clock shows the same time.
    start = dt.datetime(2026, 10, 25, 2, 30, tzinfo=STOCKHOLM)
    assert outage_minutes(start, start.replace(fold=1)) == 60
