"""`deskguide hours`: is the desk open, until when, when does it open next."""
from __future__ import annotations

from desktop.cli.context import CliContext
from desktop.cli.output import EXIT_OK, emit
from desktop.common.i18n import _


def _describe_status(status, state_width: int) -> str:
    """One desk on a line (state, until when or why closed and when it opens, the moment
    asked about), its phone and e-mail, then its warnings. The columns are the GUI's
    desk-card texts (desktop/wording/hours.py), so both say the same."""
    from desktop.wording import hours as hours_text
    from desktop.wording.phones import phone_text

    state = hours_text.state_text(status).ljust(state_width)
    at = f"({hours_text.moment_text(status.at, with_year=True)} {status.timezone})"
    if status.open:
        columns = [status.country, state, hours_text.until_text(status), at]
    else:
        columns = [status.country, state, hours_text.reason_text(status.closed_reason),
                   hours_text.opens_text(status), at]
    lines = ["  ".join(columns)]
    # Grouped to read aloud (issue 16); the JSON keeps the number as stored.
    lines.append("    " + _("Phone: {phone}").format(phone=phone_text(status.phone, status.country)) + "   "
                 + _("Fault reports, any time: {email}").format(email=status.email))
    lines += ["    " + _("Warning: {message}").format(message=_(warning.message)) for warning in status.warnings]
    return "\n".join(lines)


def cmd_hours(args, context: CliContext) -> int:
    from desktop.wording.hours import state_text
    from domain.dates import parse_moment
    from domain.desks import parse_country
    from domain.services.hours import hours_answers, status_as_dict

    # Check the input before the store is opened (or created): bad input writes nothing.
    if args.country is not None:
        parse_country(args.country)
    if args.at is not None:
        parse_moment(args.at)
    with context.store(args, quick="desks") as store:
        # English names for the JSON contract; `_()` says them in --lang (HolidayName).
        statuses = hours_answers(store, args.country, args.at, context.now())
    items = [status_as_dict(s) for s in statuses]
    payload = items[0] if args.country is not None else {"countries": items}
    width = max(len(state_text(s)) for s in statuses)  # the four desks' columns line up
    emit(args, payload, "\n".join(_describe_status(s, width) for s in statuses))
    return EXIT_OK


def add_commands(commands, common_options) -> None:
    hours = commands.add_parser("hours", help=_("is the desk open, until when, when does it open next"))
    common_options(hours, suppress=True)
    hours.add_argument("--country", metavar="SE|NO|DK|FI", help=_("one desk (default: all four)"))
    hours.add_argument("--at", metavar="TIME",
                       help=_("ISO 8601; with an offset that instant, without one the wall time in the country "
                              "asked about (default: now)"))
    hours.set_defaults(handler=cmd_hours)
