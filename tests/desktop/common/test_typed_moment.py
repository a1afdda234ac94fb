"""Reading a whole typed date and time (issue 16): every accepted form of a random moment
reads back as that moment; nonsense is refused, never guessed."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.common.typed_moment import TypedMoment, UnreadableMoment, iso_text, parse_typed_moment

moments = st.datetimes(min_value=dt.datetime(1000, 1, 1), max_value=dt.datetime(9999, 12, 31, 23, 59)).map(
    lambda moment: moment.replace(second=0, microsecond=0))


def written_forms(m: dt.datetime) -> list[str]:
    """The reference: the moment written each way an agent may type it, by plain formatting."""
    d, mo, y, h, mi = m.day, m.month, m.year, m.hour, m.minute
    return [
        f"{y:04d}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}",  # ISO, as the field shows it
        f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}",  # ISO 8601 with its T
        f"{y:04d}-{mo}-{d} {h}:{mi:02d}",  # ISO without leading zeros
        f"{d}.{mo}.{y:04d} {h}.{mi:02d}",  # 16.5.2025 10.00
        f"{d:02d}.{mo:02d}.{y:04d} {h:02d}.{mi:02d}",  # 16.05.2025 10.00
        f"{d}.{mo}.{y:04d} kl. {h:02d}.{mi:02d}",  # Swedish, Norwegian, Danish
        f"{d}.{mo}.{y:04d} kl {h}:{mi:02d}",
        f"{d}.{mo}.{y:04d} klo {h}.{mi:02d}",  # Finnish
        f"{d}/{mo}/{y:04d} {h}:{mi:02d}",  # 16/5/2025 10:00
        f"{d}-{mo}-{y:04d} {h:02d}:{mi:02d}",  # Danish 16-05-2025
        f"  {d}.{mo}.{y:04d}, {h}.{mi:02d}  ",  # a comma and stray spaces
    ]


@given(moments)
def test_every_written_form_reads_back_as_the_moment(moment):
    for text in written_forms(moment):
        assert parse_typed_moment(text) == TypedMoment(moment.date(), moment.time()), text


@given(moments)
def test_a_date_alone_reads_as_a_day_without_a_time(moment):
    day = moment.date()
    for text in (iso_text(day), f"{day.day}.{day.month}.{day.year:04d}", f"{day.day}/{day.month}/{day.year:04d}"):
        assert parse_typed_moment(text) == TypedMoment(day, None)


@given(moments)
def test_what_a_field_shows_reads_back(moment):
    assert parse_typed_moment(iso_text(moment)) == TypedMoment(moment.date(), moment.time())


@pytest.mark.parametrize("text", ["", "banana", "16.5.25 10.00", "2025-05-1610:00", "16.5/2025", "5/16/2025 10:00 PM",
                                  "2025-05-16 10", "10:00", "16.5.2025 10.00.00"])
def test_text_that_is_no_date_is_refused_as_such(text):
    with pytest.raises(UnreadableMoment) as refused:
        parse_typed_moment(text)
    assert refused.value.kind == "form"


@pytest.mark.parametrize("text", ["30.2.2025", "2025-13-01 10:00", "16.5.2025 24.00", "16.5.2025 10.75",
                                  "5/16/2025 10:00"])  # month first: there is no 16th month
def test_a_day_or_time_not_in_the_calendar_is_refused_as_such(text):
    with pytest.raises(UnreadableMoment) as refused:
        parse_typed_moment(text)
    assert refused.value.kind == "calendar"
