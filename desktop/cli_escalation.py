"""`deskguide escalate`: severity, first-response target, due time, duties (no Qt)."""
from __future__ import annotations


def _describe(item: dict) -> str:
    clock = "around the clock (24x7)" if item["clock"] == "24x7" else "in business hours (09:00-17:30, weekdays)"
    lines = [f"Severity {item['severity']}, {item['offering']}: first response within {item['target_minutes']} "
             f"minutes, counted {clock} ({item['target_ref']}).",
             f"Opened {item['opened']}; due {item['due']}."]
    if item["extra"]:
        lines.append(item["extra"])
    lines += [f"Note: {note}" for note in item["notes"]]
    lines.append("The customer must:")
    lines += [f"  - {duty}" for duty in item["customer_obligations"]]
    lines.append(f"Submit: {item['submit_via']}")
    lines.append(f"Languages: {', '.join(item['languages'])}")
    lines.append(f"If not: {item['downgrade']}")
    for day in item.get("timeline", []):
        if day["skipped"]:
            lines.append(f"  {day['day']}: skipped ({day['skipped']})")
        else:
            spans = ", ".join(f"{s['from'][11:16]}-{s['to'][11:16]}" for s in day["counted"])
            lines.append(f"  {day['day']}: {spans} = {day['minutes']:g} min")
    return "\n".join(lines)


def _local_day(opened, country: str):
    """The day the case was opened on the customer's clock (for the lifecycle phase)."""
    if opened.tzinfo is None:
        return opened.date()
    from domain.reference_data import load_desks

    zone = next(desk.zone for desk in load_desks().desks if desk.country == country)
    return opened.astimezone(zone).date()


def cmd_escalate(args) -> int:
    from desktop import cli
    from domain.escalation import escalation_as_dict
    from domain.services.escalation import check_question, escalator
    from domain.services.hours import parse_moment

    severity, offering, country = check_question(args.severity, args.offering, args.country)
    opened = parse_moment(args.opened, "--opened")  # all checked before the store opens
    if args.product is not None:
        from domain.services import lifecycle

        lifecycle.check_question(args.product, _local_day(opened, country), product_field="--product")
    store = cli._open_store(args)
    try:
        answer = escalator(store).escalate(severity, offering, opened, country, args.azure)
        product = None
        if args.product is not None:
            from domain.services import lifecycle

            product = lifecycle.check(store, args.product, answer.opened.date(), product_field="--product")
    finally:
        store.close()
    payload = escalation_as_dict(answer, explain=args.explain)
    if product is not None:
        # Escalating a product whose support has ended: Microsoft gives limited help only.
        payload["product"] = {"name": product.product.name, "phase": product.phase.value,
                              "warning": product.warning or None}
        if product.warning:
            payload["notes"].insert(0, product.warning)
    cli._emit(args, payload, _describe(payload))
    return cli.EXIT_OK


def add_commands(commands, common_options) -> None:
    escalate = commands.add_parser("escalate", help="escalate a case to Microsoft: target, due time, duties")
    common_options(escalate, suppress=True)
    escalate.add_argument("--severity", required=True, metavar="1|A|B|C")
    escalate.add_argument("--country", required=True, metavar="SE|NO|DK|FI",
                          help="the customer's country: its time zone and closed days run the business-hours clock")
    escalate.add_argument("--opened", required=True, metavar="TIME",
                          help="ISO 8601; without an offset the wall time in the customer's country")
    escalate.add_argument("--offering", default="unified",
                          metavar="unified|enhanced-response|rapid-response|event-management")
    escalate.add_argument("--azure", action="store_true",
                          help="an Azure component not on the offering's exclusion list")
    escalate.add_argument("--explain", action="store_true", help="add the timeline of counted minutes, day by day")
    escalate.add_argument("--product", metavar="TEXT",
                          help='the product, e.g. "Exchange Server 2016": warns when its support has ended')
    escalate.set_defaults(handler=cmd_escalate)
