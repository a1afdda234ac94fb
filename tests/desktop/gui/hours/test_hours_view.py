"""The opening-hours view, driven as an agent would: read the cards, ask "what if",
page the calendars. The clock is pinned to Monday 23 November 2026, 12:00 UTC."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from desktop.gui.hours.hours_view import HoursView
from desktop.gui.widgets.desk_card import DeskCardWidget
from desktop.wording import hours as hours_text

pytestmark = pytest.mark.gui


def pick(view: HoursView, country: str, wall: dt.datetime) -> None:
    """Choose the country in the combo, then type the moment into the picker."""
    bar = view.what_if
    bar.country_combo.setCurrentIndex(bar.country_combo.findData(country))
    bar.datetime_edit.set_moment(wall)


def card_text(view: HoursView, country: str) -> str:
    return view.cards[country].text()


def test_the_hours_view_shows_four_live_cards(main_window, hours_view):
    assert main_window.stack.currentWidget() is hours_view
    assert list(hours_view.cards) == ["SE", "NO", "DK", "FI"]
    assert all(card.isVisible() for card in hours_view.cards.values())
    assert hours_view.is_live
    se = card_text(hours_view, "SE")
    assert "Sweden" in se and "OPEN" in se and "until 17:00" in se
    assert "Local time Mon 23 Nov 13:00" in se
    assert "Europe/Stockholm" in se
    assert "Phone: +46 77 017 61 00" in se and "servicedesk@dustin.eu" in se
    assert "Local time Mon 23 Nov 14:00" in card_text(hours_view, "FI")  # Finland is an hour ahead


def test_what_if_finland_christmas_eve_closes_every_desk(hours_view):
    pick(hours_view, "FI", dt.datetime(2026, 12, 24, 10, 0))

    assert not hours_view.is_live
    for country in ("SE", "NO", "DK", "FI"):
        assert "CLOSED" in card_text(hours_view, country), country
    fi = card_text(hours_view, "FI")
    assert "Christmas Eve" in fi
    assert "opens Mon 28 Dec 08:00" in fi  # Finnish time, on the Finnish card
    assert "At Thu 24 Dec 10:00" in fi
    # The same instant everywhere: 10:00 in Helsinki is 09:00 in Stockholm.
    assert "At Thu 24 Dec 09:00" in card_text(hours_view, "SE")
    assert "Thu 24 Dec 2026 10:00, Finland time" in hours_view.what_if.mode_label.text()


def test_what_if_monday_afternoon_in_sweden(hours_view):
    pick(hours_view, "SE", dt.datetime(2026, 11, 23, 16, 30))

    se = card_text(hours_view, "SE")
    assert "OPEN" in se and "until 17:00" in se and "CLOSED" not in se
    for country in ("NO", "DK"):
        text = card_text(hours_view, country)
        assert "CLOSED" in text and "Outside opening hours" in text and "opens Tue 24 Nov 08:00" in text
    fi = card_text(hours_view, "FI")
    assert "CLOSED" in fi and "At Mon 23 Nov 17:30" in fi


def test_changing_the_country_reads_the_same_wall_time_on_its_clock(hours_view):
    pick(hours_view, "SE", dt.datetime(2026, 11, 23, 15, 30))
    fi = card_text(hours_view, "FI")
    assert "CLOSED" in fi and "At Mon 23 Nov 16:30" in fi

    hours_view.what_if.set_country("FI")  # now 15:30 on the Finnish clock

    fi = card_text(hours_view, "FI")
    assert "OPEN" in fi and "At Mon 23 Nov 15:30" in fi
    assert "At Mon 23 Nov 14:30" in card_text(hours_view, "SE")


def test_the_minute_tick_does_not_overwrite_a_what_if_moment(hours_view, clock):
    pick(hours_view, "FI", dt.datetime(2026, 12, 24, 10, 0))
    clock.moment += dt.timedelta(minutes=1)
    hours_view.model.tick()
    assert "At Thu 24 Dec 10:00" in card_text(hours_view, "FI")
    assert not hours_view.is_live


def test_now_returns_to_live_answers(qtbot, hours_view):
    pick(hours_view, "FI", dt.datetime(2026, 12, 24, 10, 0))
    assert hours_view.what_if.now_button.isEnabled()

    qtbot.mouseClick(hours_view.what_if.now_button, Qt.MouseButton.LeftButton)

    assert hours_view.is_live
    assert "Local time Mon 23 Nov 13:00" in card_text(hours_view, "SE")
    assert "OPEN" in card_text(hours_view, "FI")
    assert not hours_view.what_if.now_button.isEnabled()
    # The picker is back at now, read on the chosen (Finnish) clock.
    assert hours_view.what_if.wall_time() == dt.datetime(2026, 11, 23, 14, 0)


def test_live_cards_follow_the_clock_each_minute(hours_view, clock):
    assert hours_view.model.timer.isActive()  # armed for the next minute, no busy loop
    clock.moment = dt.datetime(2026, 11, 23, 15, 45, tzinfo=dt.timezone.utc)  # 16:45 in Stockholm
    hours_view.model.tick()
    se = card_text(hours_view, "SE")
    assert "Closing soon: closes in 15 minutes" in se
    clock.moment = dt.datetime(2026, 11, 23, 16, 0, tzinfo=dt.timezone.utc)  # 17:00 in Stockholm
    hours_view.model.tick()
    se = card_text(hours_view, "SE")
    assert "CLOSED" in se and "opens Tue 24 Nov 08:00" in se


def test_the_tick_is_aligned_to_the_next_minute(main_window, clock):
    clock.moment = dt.datetime(2026, 11, 23, 12, 0, 45, tzinfo=dt.timezone.utc)
    main_window.hours.tick()
    assert 15_000 <= main_window.hours.timer.interval() <= 15_500


def test_a_time_that_does_not_exist_warns(hours_view):
    pick(hours_view, "SE", dt.datetime(2027, 3, 28, 2, 30))  # clocks go 02:00 -> 03:00 in Sweden

    bar = hours_view.what_if
    assert bar.warning_label.isVisible()
    assert "does not exist" in bar.warning_label.text()
    assert "does not exist" in card_text(hours_view, "SE")
    assert "At Sun 28 Mar 03:30" in card_text(hours_view, "SE")


def test_an_unreviewed_year_warns_on_the_cards(hours_view):
    pick(hours_view, "SE", dt.datetime(2031, 6, 2, 10, 0))
    assert "Warning: The closed days for 2031 have not been reviewed" in card_text(hours_view, "DK")


def test_the_calendar_lists_the_december_closed_days(hours_view):
    page = hours_view.calendars.pages["SE"]
    page.calendar.setCurrentPage(2026, 12)

    assert [day.name for day in page.closed_days_shown()] == [
        "Christmas Eve", "Christmas Day", "Second Day of Christmas", "New Year's Eve"]
    assert "December 2026" in page.month_label.text()
    assert dt.date(2026, 12, 24) in page.calendar.closed_dates
    assert dt.date(2026, 12, 26) in page.calendar.closed_dates  # a Saturday, closed anyway
    assert dt.date(2026, 12, 23) not in page.calendar.closed_dates
    marked = page.calendar.dateTextFormat(QDate(2026, 12, 24))
    assert marked.background().style() != Qt.BrushStyle.NoBrush
    assert page.calendar.dateTextFormat(QDate(2026, 12, 23)).background().style() == Qt.BrushStyle.NoBrush


def test_the_calendar_follows_the_month_paged_to(hours_view):
    page = hours_view.calendars.pages["FI"]
    page.calendar.setCurrentPage(2026, 6)
    assert "Midsummer Eve" in [day.name for day in page.closed_days_shown()]
    page.calendar.setCurrentPage(2026, 11)
    assert not page.closed_days_shown() or all(d.date.month == 11 for d in page.closed_days_shown())
    assert page.empty_label.isHidden() == bool(page.closed_days_shown())  # the tab itself is not shown


def test_clicking_a_calendar_day_asks_what_if_for_that_day(hours_view):
    page = hours_view.calendars.pages["FI"]
    page.calendar.setCurrentPage(2026, 12)
    page.calendar.clicked.emit(QDate(2026, 12, 24))

    assert not hours_view.is_live
    assert hours_view.what_if.country() == "FI"
    assert hours_view.what_if.wall_time() == dt.datetime(2026, 12, 24, 13, 0)  # the picker's time kept
    assert "Christmas Eve" in card_text(hours_view, "FI")


def test_a_what_if_moment_pages_the_calendars_to_its_month(hours_view):
    pick(hours_view, "FI", dt.datetime(2026, 12, 24, 10, 0))
    for page in hours_view.calendars.pages.values():
        assert (page.calendar.yearShown(), page.calendar.monthShown()) == (2026, 12)


def test_an_override_shows_its_origin_on_the_card_and_in_the_note(open_window, store, now):
    from domain.desks import OverrideKind
    from domain.services.hours import add_override, new_override

    add_override(store, new_override(OverrideKind.CLOSED_DATE, "SE", now=now, by="Anna",
                                     on_date=dt.date(2026, 11, 23), note="Office move"))
    view = open_window().view("hours")

    se = card_text(view, "SE")
    assert "CLOSED" in se and "Office move" in se
    assert "Hours from administrator override #1 by Anna on 2026-11-23: Office move" in se
    note = view.note.toPlainText()
    assert "administrator override #1 by Anna" in note
    assert "deskguide overrides" in note
    assert dt.date(2026, 11, 23) in view.calendars.pages["SE"].calendar.closed_dates


def test_the_note_says_where_every_rule_comes_from(hours_view):
    note = hours_view.note.toPlainText()
    # Cited by document, edition and section, not by our files' lines (issue 16).
    assert note.count("Dustin “Villkor Office 365 Support” 2017:3 §6") == 4 and "003:" not in note
    assert "Mon–Fri 08:00–17:00" in note
    assert "Europe/Helsinki" in note and "no time zone" in note
    assert "Great Prayer Day was abolished" in note  # Denmark's closed-day policy
    assert "Villkor Office 365 Support, version 2017:3" in note
    assert "2024–2030" in note
    assert "none in effect" in note and "deskguide overrides" in note


def test_cards_and_controls_are_named_for_screen_readers(hours_view):
    card: DeskCardWidget = hours_view.cards["FI"]
    assert card.accessibleName() == "Finland desk"
    assert "OPEN" in card.accessibleDescription()
    bar = hours_view.what_if
    for widget in (bar.datetime_edit, bar.country_combo, bar.now_button, hours_view.calendars, hours_view.note):
        assert widget.accessibleName()


def test_tab_moves_through_the_what_if_bar_in_reading_order(qtbot, main_window, hours_view):
    from PySide6.QtWidgets import QApplication

    bar = hours_view.what_if
    pick(hours_view, "FI", dt.datetime(2026, 12, 24, 10, 0))  # so that Now is enabled
    main_window.activateWindow()
    bar.datetime_edit.setFocus()
    qtbot.waitUntil(lambda: bar.datetime_edit.hasFocus())
    # The picker is one line edit (issue 16): Tab moves straight on.
    order = []
    for _step in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is not bar.datetime_edit.line_edit and QApplication.focusWidget() not in order:
            order.append(QApplication.focusWidget())
    assert order[:2] == [bar.country_combo, bar.now_button]


def test_the_wording_uses_the_domains_reason_codes():
    from domain import opening_hours

    assert hours_text.WEEKEND == opening_hours.WEEKEND
    assert hours_text.OUTSIDE_HOURS == opening_hours.OUTSIDE_HOURS


def test_a_shortened_day_is_marked_listed_and_answered(open_window, store, now):
    from domain.desks import OverrideKind
    from domain.services.hours import add_override, new_override

    add_override(store, new_override(OverrideKind.SHORTENED_DAY, "DK", now=now, by="Mette", note="Staff meeting",
                                     on_date=dt.date(2026, 11, 25), closes=dt.time(12, 0)))
    view = open_window().view("hours")
    page = view.calendars.pages["DK"]

    assert page.calendar.shortened_dates == {dt.date(2026, 11, 25)}
    assert [day.name for day in page.closed_days_shown()] == ["Closes at 12:00: Staff meeting"]
    pick(view, "DK", dt.datetime(2026, 11, 25, 12, 30))
    dk = card_text(view, "DK")
    assert "CLOSED" in dk and "opens Thu 26 Nov 08:00" in dk
    assert "Hours from administrator override #1 by Mette on 2026-11-23: Staff meeting" in dk
