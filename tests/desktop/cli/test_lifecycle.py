"""`deskguide lifecycle --product TEXT [--on DATE] [--json]`: the JSON contract, the text, bad input."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.cli.context import CliContext
from desktop.wording.lifecycle import day_text
from tests.desktop.cli import cli_run

TODAY = dt.date(2026, 11, 22)


# The agent's day is Sunday 22 November 2026 unless --on says otherwise: noon there, on
# the machine's own clock, whatever its zone.
CONTEXT = CliContext.pinned(dt.datetime.combine(TODAY, dt.time(12)).astimezone())


def run(capsys, *argv: str) -> tuple[int, dict | None, str, str]:
    return cli_run.run(capsys, "lifecycle", *argv, context=CONTEXT)


def test_the_json_contract(capsys):
    code, payload, _, err = run(capsys, "--product", "Windows Server 2019", "--json")
    assert code == 0, err
    assert {"product", "phase", "mainstream_end", "extended_end", "source", "checked", "allows", "notes",
            "matched_from"} <= set(payload)
    assert payload["product"] == "Windows Server 2019"
    assert payload["phase"] == "extended"
    assert (payload["mainstream_end"], payload["extended_end"]) == ("2024-01-09", "2029-01-09")
    assert payload["source"] == "https://learn.microsoft.com/lifecycle/products/windows-server-2019"
    assert payload["checked"] == "2026-11-22" and payload["on"] == "2026-11-22"
    assert payload["matched_from"] == "Windows Server 2019"
    assert all(isinstance(text, str) and "(004:" in text for text in payload["allows"])
    assert payload["warning"] is None


@pytest.mark.parametrize(("product", "on", "phase", "mainstream_end", "extended_end"), [
    ("Office 2016", "2025-10-14", "extended", "2020-10-13", "2025-10-14"),
    ("Office 2016", "15.10.2025", "ended", "2020-10-13", "2025-10-14"),  # the Nordic way to write a day
    ("Windows 10 22H2", "2025-10-14", "mainstream", "2025-10-14", None),  # modern: one end date
    ("Windows 10 22H2", "2025-10-15", "ended", "2025-10-14", None),
    ("Exchange Server 2019", "2024-01-09", "mainstream", "2024-01-09", "2025-10-14"),
    ("Exchange Server 2019", "2024-01-10", "extended", "2024-01-09", "2025-10-14"),
    ("Microsoft 365 Apps", "2026-11-22", "mainstream", None, None),
])
def test_the_phase_on_a_day(capsys, product, on, phase, mainstream_end, extended_end):
    code, payload, _, err = run(capsys, "--product", product, "--on", on, "--json")
    assert code == 0, err
    assert (payload["phase"], payload["mainstream_end"], payload["extended_end"]) == (phase, mainstream_end,
                                                                                       extended_end)


def test_on_defaults_to_the_agents_today(capsys):
    code, payload, _, _ = run(capsys, "--product", "Windows 11 24H2 Pro", "--json")
    assert code == 0 and payload["on"] == "2026-11-22" and payload["phase"] == "ended"  # ended 2026-10-13


def test_lenient_spellings_answer_with_what_was_typed(capsys):
    for typed, name in [("win 10", "Windows 10 22H2 (Home, Pro, Enterprise, Education)"),
                        ("Server 2019", "Windows Server 2019"), ("Exchange 2016", "Exchange Server 2016"),
                        ("O2016", "Office 2016"), ("Windows10", "Windows 10 22H2 (Home, Pro, Enterprise, Education)")]:
        code, payload, _, _ = run(capsys, "--product", typed, "--json")
        assert code == 0 and payload["product"] == name and payload["matched_from"] == typed


def test_an_ended_product_warns_before_escalating(capsys):
    code, payload, _, _ = run(capsys, "--product", "Exchange 2016", "--json")
    assert code == 0 and payload["phase"] == "ended"
    assert payload["warning"].startswith("Microsoft support for Exchange Server 2016 ended on 2025-10-14.")
    code, _, out, _ = run(capsys, "--product", "Exchange 2016")
    assert code == 0 and "support had ENDED by" in out and "Warning: Microsoft support for Exchange Server 2016" in out


def test_the_text_answer_lists_the_phase_its_allowances_and_the_source(capsys):
    code, _, out, _ = run(capsys, "--product", "Server 2022")
    assert code == 0
    assert out.startswith(f"Windows Server 2022: EXTENDED support on {day_text(TODAY)} "
                          f"(until {day_text(dt.date(2031, 10, 14))})")
    assert "Security updates, free of charge (004:69)" in out
    assert "Not allowed:" in out
    assert ("Source: https://learn.microsoft.com/lifecycle/products/windows-server-2022 "
            f"(checked {day_text(dt.date(2026, 11, 22))}") in out


def test_an_unknown_product_exits_2_with_the_closest_names_and_writes_nothing(capsys, isolated_data):
    code, payload, _, err = run(capsys, "--product", "SQL Server 2019", "--json")
    assert code == 2
    assert err.startswith("deskguide: --product: 'SQL Server 2019' is not a product in the lifecycle list; closest: ")
    assert "Windows Server 2019" in payload["closest"] and payload["error"] in err
    assert not isolated_data.exists(), "bad input must not create the database"


def test_an_ambiguous_product_exits_2_listing_the_candidates_and_writes_nothing(capsys, isolated_data):
    code, payload, _, err = run(capsys, "--product", "Windows 11 24H2", "--json")
    assert code == 2
    assert payload["candidates"] == ["Windows 11 24H2 (Home, Pro)", "Windows 11 24H2 (Enterprise, Education)"]
    assert "say which one" in err and err.count("\n") == 1
    assert not isolated_data.exists()


def test_without_json_bad_input_is_one_line_on_stderr_and_nothing_on_stdout(capsys, isolated_data):
    code, _, out, err = run(capsys, "--product", "Windows 11")
    assert code == 2 and out == "" and err.count("\n") == 1 and "Windows 11 25H2 (Home, Pro)" in err
    assert not isolated_data.exists()


@pytest.mark.parametrize(("argv", "named"), [
    (["--product", "Office 2016", "--on", "11/12/2026"], "--on: '11/12/2026'"),
    (["--product", "Office 2016", "--on", "2026-02-30"], "--on: '2026-02-30' is not a day of the calendar"),
    (["--product", "Office 2024", "--on", "2024-09-30"], "--on: '2024-09-30' is before Office 2024 was released"),
    (["--product", ""], "--product: '' is empty"),
    (["--on", "2026-11-22"], "the following arguments are required: --product"),
])
def test_bad_input_exits_2_names_the_value_and_writes_nothing(capsys, isolated_data, argv, named):
    code, payload, _, err = run(capsys, *argv, "--json")
    assert code == 2
    assert named in err and named in payload["error"]
    assert not isolated_data.exists(), "bad input must not create the database"


def test_the_answer_comes_from_the_store(capsys, isolated_data):
    code, _, _, _ = run(capsys, "--product", "Server 2019", "--json")
    assert code == 0 and isolated_data.exists()  # the store was opened (and created) for a good question
