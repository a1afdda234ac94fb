"""`--lang`: every command speaks the agent's language; JSON keeps its contract and adds
"message"; without --lang the machine's deskguide.ini, then the OS's language, decides.

Expected texts are the real translations (`i18n.in_language`), and each is also checked
to differ from the English: those checks fail until the translators have translated the
command line's sentences, as they should.
"""
from __future__ import annotations

import datetime as dt
import json
import locale
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import cli
from desktop.cli import language as cli_language
from desktop.cli.context import CliContext
from desktop.common import i18n, machine_config
from desktop.wording.hours import moment_text
from desktop.wording.notice import day_text
from domain.desks import parse_country
from domain.errors import InvalidInput
from domain.scope_data import load_scope

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = str(ROOT / "tests" / "data" / "register-semicolon.csv")
NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)  # Monday 23 November 2026
CHRISTMAS_EVE = ["hours", "--country", "SE", "--at", "2026-12-24T10:00"]

# One question of each kind, asked without --json and --lang.
COMMANDS = {
    "hours": ["hours", "--at", "2026-12-24T10:00"],
    "scope": ["scope", "--topic", "os-problem", "--version", "Windows XP", "--no-backup"],
    "search": ["scope", "--search", "glömt lösenordet"],
    "notice": ["notice", "--start", "2025-01-31", "--term", "12", "--on", "2025-11-22"],
    "payg": ["notice", "--start", "2025-01-31", "--term", "payg", "--on", "2025-11-22"],
    "deadlines": ["deadlines"],
    "escalate": ["escalate", "--severity", "B", "--country", "SE", "--opened", "2026-12-23T16:45", "--explain",
                 "--product", "Exchange 2016"],
    "lifecycle": ["lifecycle", "--product", "Server 2022", "--on", "2026-11-22"],
    "import": ["import", EXAMPLE, "--dry-run"],
    "overrides": ["overrides", "list"],
}


def main(argv, context: CliContext = CliContext.pinned(NOW)) -> int:
    """The command line on the pinned clock."""
    return cli.main(argv, context)


@pytest.fixture
def machine_ini(isolated_data, monkeypatch):
    """Write the machine's deskguide.ini where tests/conftest.py points Deskguide."""
    def write(text: str) -> None:
        path = Path(os.environ[machine_config.ENV_FILE])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        machine_config._cached.cache_clear()

    yield write
    machine_config._cached.cache_clear()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def translated(language: str, text: str) -> str:
    """`text` (a msgid or a domain Message) as the catalogue of `language` says it,
    checked to be a translation: English here means the catalogue lacks it."""
    with i18n.in_language(language):
        result = i18n._(text)
    assert result != str.__str__(text), f"not translated to {language} yet: {text!r}"
    return result


# --- the answers in the agent's language ----------------------------------------------

@pytest.mark.parametrize("language", ["sv", "fi"])
def test_hours_in_the_language_asked_for(capsys, language):
    code, out, _ = run(capsys, *CHRISTMAS_EVE, "--lang", language)
    assert code == 0
    first, phone = out.splitlines()[:2]
    assert translated(language, "CLOSED") in first.split()
    assert phone.strip().startswith(translated(language, "Phone: {phone}").format(phone="+46 77 017 61 00"))
    with i18n.in_language(language):
        opens = moment_text(dt.datetime(2026, 12, 28, 8, 0))
    assert opens in first and opens not in run(capsys, *CHRISTMAS_EVE)[1]  # the day as the language writes it


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_scope_verdict_and_next_step_in_the_language_asked_for(capsys, language):
    code, out, _ = run(capsys, *COMMANDS["scope"], "--lang", language)
    assert code == 0
    lines = out.splitlines()
    assert translated(language, "Out of scope").upper() in lines[0]
    next_step = translated(language, "Next step: {step}").split("{step}")[0]
    assert lines[-1].startswith(next_step)
    title = load_scope()[1].topics["os-problem"].title(language)
    assert f"({title})" in lines[0]  # the topic's own title in that language


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_notice_in_the_language_asked_for(capsys, language):
    code, out, _ = run(capsys, *COMMANDS["notice"], "--lang", language)
    assert code == 0
    how = translated(language, "Cancel in writing to {email}, or self-service in Appmarket (terms §10).")
    assert out.splitlines()[-1] == how.format(email="cspavtal@dustin.se")
    deadline = translated(language, "Notice deadline: {deadline}").split("{deadline}")[0]
    assert any(line.startswith(deadline) for line in out.splitlines())


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_escalation_in_the_language_asked_for(capsys, language):
    code, out, _ = run(capsys, *COMMANDS["escalate"], "--lang", language)
    assert code == 0
    assert translated(language, "The customer must:") in out.splitlines()
    duty = "Allocate appropriate resources to support Microsoft's actions."
    assert f"  - {translated(language, duty)}" in out.splitlines()  # reference data through the catalogue


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_lifecycle_in_the_language_asked_for(capsys, language):
    code, out, _ = run(capsys, *COMMANDS["lifecycle"], "--lang", language)
    assert code == 0
    assert translated(language, "Allowed:") in out.splitlines()
    assert translated(language, "Security updates, free of charge") in out  # reference data, via the catalogue


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_an_empty_deadline_list_in_the_language_asked_for(capsys, language):
    code, out, _ = run(capsys, "deadlines", "--lang", language)
    assert code == 0
    with i18n.in_language(language):
        today = day_text(NOW.date())
    expected = translated(language, "No notice deadlines from {today} within {days} days.")
    assert out.strip() == expected.format(today=today, days=45)


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_an_import_summary_in_the_language_asked_for(capsys, language):
    code, out, _ = run(capsys, *COMMANDS["import"], "--lang", language)
    assert code == 0
    assert out.splitlines()[0] == translated(language, "Dry run of {file}: nothing written.").format(file=EXAMPLE)
    counts = translated(language, "{added} to add, {updated} to update, {unchanged} unchanged")
    assert out.splitlines()[1].endswith(counts.format(added=4, updated=0, unchanged=0))


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_bad_input_is_said_in_the_language_asked_for(capsys, isolated_data, language):
    with pytest.raises(InvalidInput) as refused:
        parse_country("XX", "--country")
    code, out, err = run(capsys, "hours", "--country", "XX", "--lang", language)
    assert code == 2 and out == ""
    assert err == f"deskguide: {translated(language, refused.value.message)}\n"
    assert not isolated_data.exists()


def test_the_help_is_in_the_language_asked_for(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["hours", "--help", "--lang", "fi"])
    assert exited.value.code == 0
    help_text = " ".join(capsys.readouterr().out.split())  # argparse wraps the lines
    assert " ".join(translated("fi", "one desk (default: all four)").split()) in help_text


# --- JSON: the same contract in every language, plus "message" ------------------------------

@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_json_keeps_every_field_and_code_and_adds_the_answer_in_words(capsys, command):
    argv = COMMANDS[command]
    code, english, _ = run(capsys, *argv, "--json")
    assert code == 0
    code, finnish, _ = run(capsys, *argv, "--json", "--lang", "fi")
    assert code == 0
    english, finnish = json.loads(english), json.loads(finnish)
    english_message, finnish_message = english.pop("message"), finnish.pop("message")
    assert finnish == english  # field names, codes, values and the English texts: all as they were
    assert english_message == run(capsys, *argv)[1].rstrip("\n")  # what the command prints without --json
    assert finnish_message == run(capsys, *argv, "--lang", "fi")[1].rstrip("\n")


def test_a_json_error_keeps_the_english_and_adds_the_message_in_the_language(capsys):
    with pytest.raises(InvalidInput) as refused:
        parse_country("XX", "--country")
    code, out, _ = run(capsys, "hours", "--country", "XX", "--json", "--lang", "fi")
    assert code == 2
    assert json.loads(out) == {"error": str(refused.value), "message": translated("fi", refused.value.message)}


# --- an unknown language ----------------------------------------------------------------------

@pytest.mark.parametrize("argv", [
    ["--lang", "de", "hours"],
    ["hours", "--lang", "de"],
    ["hours", "--lang=klingon", "--country", "SE"],
    ["overrides", "close-date", "--country", "SE", "--date", "2026-12-24", "--lang", "sv_SE"],
])
def test_an_unknown_language_exits_2_names_the_languages_and_writes_nothing(capsys, isolated_data, argv):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and err.startswith("deskguide: --lang: ")
    assert all(language in err for language in ("en", "sv", "nb", "da", "fi"))
    payload = json.loads(out)
    assert set(payload) == {"error", "message"} and payload["error"] in err
    assert not isolated_data.exists() and not isolated_data.parent.exists()


def test_no_is_norwegian_bokmal_and_the_option_goes_before_or_after_the_command(capsys):
    bokmal = run(capsys, *CHRISTMAS_EVE, "--lang", "nb")[1]
    assert run(capsys, *CHRISTMAS_EVE, "--lang", "no")[1] == bokmal
    assert run(capsys, "--lang", "NO", *CHRISTMAS_EVE)[1] == bokmal
    assert run(capsys, "--lang=nb", *CHRISTMAS_EVE)[1] == bokmal
    assert bokmal != run(capsys, *CHRISTMAS_EVE)[1]  # Norwegian days, not English ones


def test_a_run_leaves_the_language_as_it_found_it(capsys):
    run(capsys, *CHRISTMAS_EVE, "--lang", "fi")
    run(capsys, "hours", "--lang", "xx")
    assert i18n.current_locale() == "en"


# --- without --lang: the machine's default, then the operating system's language --------------

@pytest.mark.skipif(sys.platform == "win32", reason="Windows answers in its display language, not LANG")
def test_without_lang_the_environment_decides(capsys, monkeypatch):
    finnish = run(capsys, *CHRISTMAS_EVE, "--lang", "fi")[1]
    english = run(capsys, *CHRISTMAS_EVE)[1]  # tests/desktop/cli/conftest.py: LANG=C.UTF-8
    monkeypatch.setenv("LANG", "fi_FI.UTF-8")
    assert run(capsys, *CHRISTMAS_EVE)[1] == finnish != english
    monkeypatch.setenv("LANGUAGE", "sv:fi")  # GNU's list of preferences comes first
    assert run(capsys, *CHRISTMAS_EVE)[1] == run(capsys, *CHRISTMAS_EVE, "--lang", "sv")[1]
    monkeypatch.setenv("LC_ALL", "C")  # ... unless the locale says: untranslated
    assert run(capsys, *CHRISTMAS_EVE)[1] == english


@pytest.mark.skipif(sys.platform == "win32", reason="Windows answers in its display language, not LANG")
def test_a_terminal_with_lang_fi_gets_finnish(capsys, tmp_path, isolated_data):
    finnish = run(capsys, *CHRISTMAS_EVE, "--lang", "fi")[1]
    env = {**os.environ, "LANG": "fi_FI.UTF-8", "PYTHONIOENCODING": "utf-8", "DESKGUIDE_DB": str(isolated_data)}
    result = subprocess.run([sys.executable, "-m", "desktop.cli", *CHRISTMAS_EVE], cwd=ROOT, env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == finnish
    assert result.stdout != run(capsys, *CHRISTMAS_EVE)[1]


def test_the_machine_default_beats_the_environment_and_lang_beats_both(capsys, monkeypatch, machine_ini):
    swedish = run(capsys, *CHRISTMAS_EVE, "--lang", "sv")[1]
    finnish = run(capsys, *CHRISTMAS_EVE, "--lang", "fi")[1]
    monkeypatch.setenv("LANG", "fi_FI.UTF-8")
    machine_ini("[defaults]\nlanguage = sv\n")
    assert run(capsys, *CHRISTMAS_EVE)[1] == swedish != finnish
    assert run(capsys, *CHRISTMAS_EVE, "--lang", "fi")[1] == finnish
    machine_ini("[defaults]\nlanguage = no\n")  # as IT may write it
    assert run(capsys, *CHRISTMAS_EVE)[1] == run(capsys, *CHRISTMAS_EVE, "--lang", "nb")[1]


@pytest.mark.parametrize(("environ", "languages"), [
    ({"LANG": "fi_FI.UTF-8"}, ["fi_FI.UTF-8"]),
    ({"LANG": "fi_FI.UTF-8", "LC_MESSAGES": "sv_SE.UTF-8"}, ["sv_SE.UTF-8"]),
    ({"LANG": "fi_FI.UTF-8", "LC_MESSAGES": "sv_SE.UTF-8", "LC_ALL": "da_DK.UTF-8"}, ["da_DK.UTF-8"]),
    ({"LANGUAGE": "nb:sv", "LANG": "fi_FI.UTF-8"}, ["nb", "sv", "fi_FI.UTF-8"]),
    ({"LANGUAGE": "fi", "LC_ALL": "C.UTF-8"}, []),
    ({"LANG": "POSIX"}, []),
    ({}, []),
])
def test_the_environment_variables_in_gnu_gettexts_order(environ, languages):
    assert cli_language.environment_languages(environ) == languages



# --- Windows' display language, given as a fact (tests/windows_facts.py) ----------------------

WINDOWS_LANGUAGES = cli_language.windows_languages  # before tests/desktop/cli/conftest.py silences it


@pytest.mark.parametrize(("language_id", "expected"), [
    (0x041D, "sv"), (0x0414, "nb"), (0x0406, "da"), (0x040B, "fi"), (0x081D, "sv"),  # Swedish (Finland)
    (0x0809, "en"), (0x0407, "en"),  # German: the app has no German, so English
])
def test_on_windows_the_user_s_display_language_decides(language_id, expected, monkeypatch):
    from desktop.common.language_choice import choose_language
    from tests.windows_facts import FakeWindows

    monkeypatch.setattr(cli_language, "windows_languages", WINDOWS_LANGUAGES)
    windows = FakeWindows(ui_language=language_id)
    assert choose_language(None, None, cli_language.os_languages(windows)) == expected
    assert choose_language(None, "da", cli_language.os_languages(windows)) == "da"  # IT's default comes first


def test_on_windows_the_gettext_variables_are_not_asked(monkeypatch):
    from tests.windows_facts import FakeWindows

    monkeypatch.setattr(cli_language, "windows_languages", WINDOWS_LANGUAGES)
    monkeypatch.setenv("LANGUAGE", "fi")  # set by an MSYS shell, say: Windows' own language still decides
    assert cli_language.os_languages(FakeWindows(ui_language=0x041D)) == ["sv_SE"]
    assert cli_language.os_languages(FakeWindows(ui_language=None)) == [locale.getlocale()[0] or ""]
