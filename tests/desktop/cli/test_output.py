"""desktop/cli/output.py: the domain names a field, the command line names its option."""
from __future__ import annotations

from desktop.cli import build_parser
from desktop.cli.output import as_option, options_used
from domain.errors import InvalidInput, ReasonOnly
from domain.messages import Message


def test_a_field_the_command_has_as_an_option_is_named_as_that_option():
    error = InvalidInput("older_than_months", "x", Message("must be a whole number"))
    assert as_option(error, {"--older-than-months", "--json"}) == "--older-than-months: 'x' must be a whole number"


def test_a_field_the_command_has_no_option_for_keeps_its_name():
    error = InvalidInput("country", "XX", Message("is not a desk country"))
    assert as_option(error, {"--json"}) == "country: 'XX' is not a desk country"
    whole = ReasonOnly("file", None, Message("line 3: no name"))
    assert as_option(whole, {"--file"}) == "line 3: no name"


def test_the_options_are_those_of_the_command_that_ran():
    parser = build_parser()
    notice = options_used(parser, parser.parse_args(["notice", "--start", "2026-01-01", "--term", "12"]))
    assert {"--start", "--term", "--on", "--subscription", "--country", "--json"} <= notice
    assert "--within" not in notice  # deadlines' option, not notice's
    purge = options_used(parser, parser.parse_args(["journal", "purge", "--older-than-months", "6"]))
    assert "--older-than-months" in purge
