"""`deskguide lifecycle --product TEXT [--on DATE]`: a Microsoft product's support phase.

Imports no Qt. The product and the day are checked against the bundled lifecycle list
before the store is opened, so bad input writes nothing. The JSON contract is
{"product", "phase": "mainstream"|"extended"|"ended", "mainstream_end", "extended_end",
"source", "checked", "allows", "notes", "matched_from", ...}. Text that names no product,
or several ("Windows 11"), exits 2; with --json stdout also gets {"error", "message",
"candidates"} (the products it fits) or {"error", "message", "closest"} (the nearest names).
"""
from __future__ import annotations

from desktop.cli.context import CliContext
from desktop.cli.output import EXIT_OK, emit
from desktop.common.i18n import _


def add_commands(commands, common_options) -> None:
    lifecycle = commands.add_parser(
        "lifecycle", help=_("a Microsoft product's support phase on a day, and what it allows"))
    common_options(lifecycle, suppress=True)
    lifecycle.add_argument("--product", required=True, metavar="TEXT",
                           help=_('the product in words: "Windows 11 24H2 Pro", "Server 2019", "Exchange 2016"'))
    lifecycle.add_argument("--on", metavar="DATE",
                           help=_("the day to ask about, 2026-11-22 or 22.11.2026 (default: today)"))
    lifecycle.set_defaults(handler=cmd_lifecycle)


def _phase_text(answer) -> str:
    """The first line: the phase on the day asked about, and until when."""
    from desktop.wording.lifecycle import day_text
    from domain.lifecycle import Phase

    values = {"product": answer.product.name, "day": day_text(answer.on)}
    if answer.phase is Phase.ENDED:
        return _("{product}: support had ENDED by {day}").format(**values)
    mainstream = answer.phase is Phase.MAINSTREAM
    if answer.phase_ends is None:
        template = (_("{product}: MAINSTREAM support on {day}, no end announced") if mainstream
                    else _("{product}: EXTENDED support on {day}, no end announced"))
        return template.format(**values)
    template = (_("{product}: MAINSTREAM support on {day} (until {end})") if mainstream
                else _("{product}: EXTENDED support on {day} (until {end})"))
    return template.format(end=day_text(answer.phase_ends), **values)


def _policy_text(policy: str) -> str:
    # Microsoft's names for its two policies (domain.lifecycle.Policy).
    return {"fixed": _("Fixed Lifecycle Policy"), "modern": _("Modern Lifecycle Policy")}.get(policy, policy)


def _confidence_text(confidence: str) -> str:
    # domain.lifecycle.CONFIDENCE: how sure the dataset is of this product's dates.
    return {"confirmed": _("confirmed"), "secondary source": _("secondary source"),
            "from memory, not confirmed": _("from memory, not confirmed")}.get(confidence, confidence)


def _describe(answer) -> str:
    from desktop.wording import lifecycle as lifecycle_text

    product = answer.product
    lines = [_phase_text(answer), f"  {lifecycle_text.dates_text(answer)}", f"  {_policy_text(product.policy.value)}"]
    if answer.warning:
        lines.append(_("Warning: {message}").format(message=_(answer.warning)))
    lines.append(_("Allowed:"))
    lines += [f"  - {_(text)}" for text in answer.allows]
    if answer.not_allowed:
        lines.append(_("Not allowed:"))
        lines += [f"  - {_(text)}" for text in answer.not_allowed]
    lines += [_("Note: {note}").format(note=_(note)) for note in answer.notes]
    lines.append(_("Source: {source} (checked {day}, {confidence})").format(
        source=product.source, day=lifecycle_text.day_text(product.checked),
        confidence=_confidence_text(product.confidence)))
    return "\n".join(lines)


def cmd_lifecycle(args, context: CliContext) -> int:
    from domain.dates import parse_day
    from domain.services import lifecycle

    on = parse_day(args.on, "on") if args.on is not None else context.today()
    # Before the store opens: an unknown product or a day before its release writes nothing;
    # main() names the products it could have meant (output.choices_of).
    lifecycle.check_question(args.product, on)
    with context.store(args, quick="reference") as store:
        result = lifecycle.check(store, args.product, on)
    emit(args, lifecycle.answer_as_dict(result), _describe(result))
    return EXIT_OK
