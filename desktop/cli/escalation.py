"""`deskguide escalate`: severity, first-response target, due time, duties (no Qt)."""
from __future__ import annotations

from desktop.cli import customer_message
from desktop.cli.context import CliContext
from desktop.cli.output import EXIT_OK, emit
from desktop.common.i18n import _, ngettext


def _describe(answer, hours, country: str, notes: list[str], explain: bool) -> str:
    """The answer in the language of the run; with --explain the GUI's day-by-day
    explanation (desktop/wording/escalation.py), ready to paste to the customer."""
    from desktop.common.i18n import format_clock
    from desktop.wording import escalation as escalation_text
    from desktop.wording.citations import ref_text
    from desktop.wording.hours import moment_text

    minutes, route = answer.target.minutes, answer.route
    # Cited by document and section (issue 16), not by the line in our source files.
    values = {"severity": answer.severity.id, "offering": _(answer.offering.title), "n": minutes,
              "ref": ref_text(answer.target.ref)}
    if answer.clock == escalation_text.CLOCK_24X7:
        target = ngettext("Severity {severity}, {offering}: first response within {n} minute, counted around the "
                          "clock (24x7) ({ref}).",
                          "Severity {severity}, {offering}: first response within {n} minutes, counted around the "
                          "clock (24x7) ({ref}).", minutes).format(**values)
    else:
        target = ngettext("Severity {severity}, {offering}: first response within {n} minute, counted in business "
                          "hours ({opens}–{closes}, weekdays) ({ref}).",
                          "Severity {severity}, {offering}: first response within {n} minutes, counted in business "
                          "hours ({opens}–{closes}, weekdays) ({ref}).", minutes).format(
            opens=format_clock(hours.opens), closes=format_clock(hours.closes), **values)
    lines = [target, _("Opened {opened}; due {due} ({zone}).").format(
        opened=moment_text(answer.opened, with_year=True), due=moment_text(answer.due, with_year=True),
        zone=escalation_text.zone_text(answer.due))]
    if answer.target.extra:
        lines.append(_(answer.target.extra))
    lines += [_("Note: {note}").format(note=_(note)) for note in notes]
    lines.append(_("The customer must:"))
    lines += [f"  - {_(duty)}" for duty in answer.severity.obligations]
    lines.append(_("Submit: {how}").format(how=_(route.submit_via)))
    lines.append(_("Languages: {languages} ({ref}).").format(
        languages=", ".join(_(language) for language in route.languages), ref=ref_text(route.languages_ref)))
    lines.append(_("If not: {downgrade}").format(downgrade=_(route.downgrade)))
    if explain:
        lines += ["", *escalation_text.explanation_lines(answer, country)]
    return "\n".join(lines)


def _local_day(opened, country: str):
    """The day the case was opened on the customer's clock (for the lifecycle phase)."""
    if opened.tzinfo is None:
        return opened.date()
    from domain.reference_data import load_desks

    zone = next(desk.zone for desk in load_desks().desks if desk.country == country)
    return opened.astimezone(zone).date()


def cmd_escalate(args, context: CliContext) -> int:
    from domain.dates import parse_moment
    from domain.escalation import escalation_as_dict
    from domain.services.escalation import check_question, escalator

    severity, offering, country = check_question(args.severity, args.offering, args.country)
    opened = parse_moment(args.opened, "opened")  # all checked before the store opens
    if args.product is not None:
        from domain.services import lifecycle

        lifecycle.check_question(args.product, _local_day(opened, country))
    with context.store(args, quick="desks") as store:
        escalating = escalator(store)
        answer = escalating.escalate(severity, offering, opened, country, args.azure)
        product = None
        if args.product is not None:
            from domain.services import lifecycle

            product = lifecycle.check(store, args.product, answer.opened.date())
    payload = escalation_as_dict(answer, explain=args.explain)
    # Escalating a product whose support has ended: Microsoft gives limited help only.
    warnings = [product.warning] if product is not None and product.warning else []
    if product is not None:
        payload["product"] = {"name": product.product.name, "phase": product.phase.value,
                              "warning": product.warning or None}
        payload["notes"][:0] = warnings
    if args.customer_message:
        from desktop.cli.customer_message import print_customer_message, signature
        from desktop.common import i18n
        from desktop.wording.letters.escalation import escalation_message

        return print_customer_message(args, escalation_message(
            answer, escalating.rules.business_hours, i18n.current_locale(), signature(args, country)))
    text = _describe(answer, escalating.rules.business_hours, country, [*warnings, *answer.notes], args.explain)
    emit(args, payload, text)
    return EXIT_OK


def add_commands(commands, common_options) -> None:
    escalate = commands.add_parser("escalate", help=_("escalate a case to Microsoft: target, due time, duties"))
    common_options(escalate, suppress=True)
    escalate.add_argument("--severity", required=True, metavar="1|A|B|C")
    escalate.add_argument("--country", required=True, metavar="SE|NO|DK|FI",
                          help=_("the customer's country: its time zone and closed days run the business-hours "
                                 "clock"))
    escalate.add_argument("--opened", required=True, metavar="TIME",
                          help=_("ISO 8601; without an offset the wall time in the customer's country"))
    escalate.add_argument("--offering", default="unified",
                          metavar="unified|enhanced-response|rapid-response|event-management")
    escalate.add_argument("--azure", action="store_true",
                          help=_("an Azure component not on the offering's exclusion list"))
    escalate.add_argument("--explain", action="store_true",
                          help=_("add the timeline of counted minutes, day by day"))
    escalate.add_argument("--product", metavar="TEXT",
                          help=_('the product, e.g. "Exchange Server 2016": warns when its support has ended'))
    customer_message.add_option(escalate)
    escalate.set_defaults(handler=cmd_escalate)
