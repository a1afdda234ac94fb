"""The opening-hours view switches language while it runs, as an agent would switch it:
cards, what-if bar, calendars, closed-day names and the note all follow, and the
agent's what-if moment, country, tab and month stay put. The clock is pinned to
Monday 23 November 2026, 12:00 UTC.

Expected texts come from the real catalogues (`in_language`), and each is also checked
to differ from English: these fail until the translators have translated the msgid.
"""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QTableView, QToolButton

from desktop.common.i18n import _, in_language
from desktop.gui.hours.hours_view import HoursView
from desktop.gui.platform.language import apply_language
from desktop.wording import hours as hours_text

pytestmark = pytest.mark.gui

CHRISTMAS_EVE_IN_HELSINKI = dt.datetime(2026, 12, 24, 10, 0)


def pick(view: HoursView, country: str, wall: dt.datetime) -> None:
    """Choose the country in the combo, then type the moment into the picker."""
    bar = view.what_if
    bar.country_combo.setCurrentIndex(bar.country_combo.findData(country))
    bar.datetime_edit.set_moment(wall)


def translated(language: str, english: str) -> str:
    """`english` in `language`, checked to be a real translation."""
    with in_language(language):
        text = _(english)
    assert text != english, f"{english!r} is not translated into {language} yet"
    return text


def month_button(view: HoursView, country: str) -> str:
    """The month name the calendar's navigation bar shows."""
    return view.calendars.pages[country].calendar.findChild(QToolButton, "qt_calendar_monthbutton").text()


def weekday_header(view: HoursView, country: str) -> list[str]:
    grid = view.calendars.pages[country].calendar.findChild(QTableView, "qt_calendar_calendarview")
    return [grid.model().data(grid.model().index(0, column)) for column in range(1, 8)]


def listed_names(view: HoursView, country: str) -> list[str]:
    """The Reason column of the closed-day list, as the table shows it."""
    model = view.calendars.pages[country].model
    return [model.data(model.index(row, model.NAME)) for row in range(model.rowCount())]


@pytest.fixture
def finnish_christmas_eve(hours_view):
    """The agent asks about Christmas Eve in Finland and is on the Finnish tab."""
    pick(hours_view, "FI", CHRISTMAS_EVE_IN_HELSINKI)
    hours_view.calendars.setCurrentWidget(hours_view.calendars.pages["FI"])
    return hours_view


def assert_what_if_kept(view: HoursView) -> None:
    assert not view.is_live
    assert view.what_if.wall_time() == CHRISTMAS_EVE_IN_HELSINKI
    assert view.what_if.country() == "FI"
    assert view.what_if.now_button.isEnabled()
    assert view.calendars.currentWidget() is view.calendars.pages["FI"]
    for page in view.calendars.pages.values():
        assert (page.calendar.yearShown(), page.calendar.monthShown()) == (2026, 12)


def test_swedish_cards_calendar_names_and_note_keep_the_what_if(finnish_christmas_eve):
    view = finnish_christmas_eve

    apply_language("sv")

    assert_what_if_kept(view)
    se, fi = view.cards["SE"].text(), view.cards["FI"].text()
    assert view.cards["SE"].state.text() == translated("sv", "CLOSED")
    assert "Julafton" in se and "Julafton" in fi  # the library's Swedish names (sv_FI for Finland)
    assert "Christmas Eve" not in fi
    assert "Sverige" in se  # CLDR's name for the desk's country
    assert translated("sv", "Phone: {phone}").format(phone="+46 77 017 61 00") in se
    with in_language("sv"):
        opens = _("opens {moment}").format(moment=hours_text.moment_text(dt.datetime(
            2026, 12, 28, 8, 0, tzinfo=view.model.answerer.policies["FI"].desk.zone)))
    assert opens in fi and "mån 28 dec." in opens  # Swedish weekday and month
    assert view.what_if.country_combo.currentText() == "Finland"  # Finland is Finland in Swedish too
    assert view.what_if.now_button.text() == translated("sv", "&Now")

    assert month_button(view, "FI") == "december"
    assert weekday_header(view, "FI")[0] == QLocale("sv").dayName(1, QLocale.FormatType.ShortFormat)
    assert listed_names(view, "SE")[:3] == ["Julafton", "Juldagen", "Annandag jul"]
    assert listed_names(view, "FI")[:4] == ["Självständighetsdagen", "Julafton", "Juldagen", "Annandag jul"]
    page = view.calendars.pages["SE"]
    assert page.month_label.text() == translated("sv", "Closed days in {month}").format(month="december 2026")
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == translated("sv", "Reason")
    assert view.calendars.tabText(0) == "Sverige"

    note = view.note.toPlainText()
    assert translated("sv", "About these hours") in note
    assert translated("sv", view.model.answerer.policies["SE"].desk.closed_days_note) in note


def test_finnish_cards_calendar_names_and_note_keep_the_what_if(finnish_christmas_eve):
    view = finnish_christmas_eve

    apply_language("fi")

    assert_what_if_kept(view)
    fi = view.cards["FI"].text()
    assert view.cards["FI"].state.text() == translated("fi", "CLOSED")
    assert "Jouluaatto" in fi  # the library's Finnish name
    assert "Suomi" in fi and "Ruotsi" in view.cards["SE"].text()
    with in_language("fi"):
        at = _("At {moment}").format(moment="to 24.12. 10.00")  # Finnish date order and clock
    assert at in fi
    assert translated("fi", "Showing {moment}, {country} time: every desk below is at this same instant. "
                            "Press Now to go back to live.").format(
        moment="to 24.12.2026 10.00", country="Suomi") == view.what_if.mode_label.text()
    assert view.what_if.country_combo.currentText() == "Suomi"

    assert month_button(view, "FI") == "joulukuu"
    assert weekday_header(view, "FI") == ["ma", "ti", "ke", "to", "pe", "la", "su"]  # still Monday first
    assert listed_names(view, "FI") == ["Itsenäisyyspäivä", "Jouluaatto", "Joulupäivä", "Tapaninpäivä",
                                        translated("fi", "New Year's Eve")]
    page = view.calendars.pages["FI"]
    assert page.model.data(page.model.index(1, page.model.DATE)) == "to 24."  # the month is in the label above
    assert page.legend.text() == translated(
        "fi", "Tinted, bold days: the desk is closed (weekend, holiday, eve or an administrator's closure). "
              "Amber: it closes early.")

    note = view.note.toPlainText()
    assert translated("fi", "About these hours") in note
    assert translated("fi", view.model.answerer.policies["FI"].desk.closed_days_note) in note
    assert "ma–pe 8.00–16.00" in note  # weekday names and clock in Finnish


def test_midsummer_eve_is_named_in_finnish_after_paging_to_june(hours_view):
    apply_language("fi")
    page = hours_view.calendars.pages["FI"]
    page.calendar.setCurrentPage(2026, 6)
    assert listed_names(hours_view, "FI") == ["Juhannusaatto", "Juhannuspäivä"]
    assert month_button(hours_view, "FI") == "kesäkuu"


def test_norwegian_and_danish_name_their_desks_christmas_eve(hours_view):
    pick(hours_view, "NO", dt.datetime(2026, 12, 24, 10, 0))

    apply_language("nb")
    # Norway's eves are the reference data's (the library lists none): the catalogue names them.
    assert translated("nb", "Christmas Eve") in hours_view.cards["NO"].text()
    assert "Første juledag" in listed_names(hours_view, "NO")

    apply_language("da")
    assert "Juleaftensdag" in hours_view.cards["DK"].text()
    assert listed_names(hours_view, "DK")[-1] == "Nytårsaften"
    assert hours_view.what_if.wall_time() == dt.datetime(2026, 12, 24, 10, 0)
    assert hours_view.what_if.country() == "NO"


def test_back_to_english_restores_english_names_and_monday_weeks(finnish_christmas_eve):
    view = finnish_christmas_eve
    apply_language("fi")

    apply_language("en")

    assert_what_if_kept(view)
    fi = view.cards["FI"].text()
    assert "CLOSED" in fi and "Christmas Eve" in fi and "At Thu 24 Dec 10:00" in fi
    assert month_button(view, "FI") == "December"
    # English locales start the week on Sunday; the desks' calendars keep Monday.
    assert weekday_header(view, "FI")[0] == "Mon"
    assert view.what_if.datetime_edit.calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    assert listed_names(view, "SE") == ["Christmas Eve", "Christmas Day", "Second Day of Christmas",
                                        "New Year's Eve"]
    assert view.note.toPlainText().startswith("About these hours")


def test_a_live_view_stays_live_and_answers_in_the_new_language(hours_view, clock):
    apply_language("sv")

    assert hours_view.is_live
    assert not hours_view.what_if.now_button.isEnabled()
    se = hours_view.cards["SE"].text()
    assert translated("sv", "OPEN") in se
    assert translated("sv", "until {time}").format(time="17:00") in se
    assert hours_view.what_if.mode_label.text() == translated(
        "sv", "Live: every desk now, updated as the minute turns. Pick a date and time to ask “what if”.")
    clock.moment += dt.timedelta(hours=4)  # 17:00 in Stockholm: the minute tick answers in Swedish
    hours_view.model.tick()
    assert translated("sv", "CLOSED") in hours_view.cards["SE"].text()


def test_the_switch_answers_at_once_from_the_loaded_desks(hours_view):
    """No database round trip and no waiting: the new language's answers come from the
    policies in memory, so the view speaks it as soon as the switch returns."""
    policies = hours_view.model.answerer.policies

    apply_language("fi")

    assert hours_view.model.answerer.policies is policies
    assert "Jouluaatto" in [day.name for day in hours_view.model.answerer.calendar("FI").closed_days_between(
        dt.date(2026, 12, 1), dt.date(2026, 12, 31))]
    assert hours_view.cards["FI"].text().startswith("Suomi")
