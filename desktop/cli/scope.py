"""`deskguide scope`: is a problem covered by the customer's Office 365 support."""
from __future__ import annotations

from desktop.cli import customer_message
from desktop.cli.context import CliContext
from desktop.cli.output import EXIT_OK, emit
from desktop.common import i18n
from desktop.common.i18n import _


def _facts_from_args(args):
    from domain.scope import CustomerFacts, Device, Support

    return CustomerFacts(
        support=Support(args.support), from_reseller=not args.not_from_reseller, migrating=args.migrating,
        device=Device(args.device), antivirus=not args.no_antivirus, firewall=not args.no_firewall,
        backup=not args.no_backup, version=args.product_version,
        app_approved={"yes": True, "no": False}.get(args.app_approved), manager_approved=args.manager_approved,
    )


def _describe_answer(answer) -> str:
    from desktop.wording.scope import clause_text, verdict_text

    title = answer.topic.title(i18n.current_locale())  # the topics carry their own five languages
    lines = [f"{answer.topic.id}: {verdict_text(answer.verdict).upper()}  ({title})"]
    # Each reason, then the document, edition and section it rests on (issue 16).
    lines += [f"  - {_(reason.text)}\n    {clause_text(reason)}" for reason in answer.reasons]
    lines.append(_("Next step: {step}").format(step=_(answer.next_step)))
    return "\n".join(lines)


def _describe_matches(matches, catalogue) -> str:
    from babel.numbers import format_decimal

    language = i18n.current_locale()
    return "\n".join(f"{format_decimal(m.score, '0.0', locale=language):>5}  {m.topic:<30} "
                     f"{catalogue.topics[m.topic].title(language)}" for m in matches) or _("No matching topic.")


def cmd_scope(args, context: CliContext) -> int:
    from domain.services import scope

    if args.search is not None:
        from domain.scope_search import ScopeSearch

        with context.store(args, quick="reference") as store:
            catalogue = scope.load_catalogue(store)
        matches = ScopeSearch(catalogue).search(args.search)  # titles in English for JSON
        emit(args, scope.search_as_dict(matches), _describe_matches(matches, catalogue))
        return EXIT_OK
    facts = _facts_from_args(args)
    scope.check_question(args.topic, facts)  # bad input writes nothing: checked before the store opens
    with context.store(args, quick="reference") as store:
        from domain.scope import evaluate

        answer = evaluate(scope.load_catalogue(store), args.topic, facts)
    if args.customer_message:
        from desktop.cli.customer_message import print_customer_message, signature
        from desktop.wording.letters.scope import scope_message

        return print_customer_message(args, scope_message(answer, answer.topic, i18n.current_locale(),
                                                          signature(args, args.country)))
    emit(args, scope.answer_as_dict(answer), _describe_answer(answer))
    return EXIT_OK


def add_commands(commands, common_options) -> None:
    scope = commands.add_parser("scope", help=_("is a problem covered by the customer's Office 365 support"))
    common_options(scope, suppress=True)
    question = scope.add_mutually_exclusive_group(required=True)
    question.add_argument("--topic", metavar="ID", help=_("the topic to judge (see --search)"))
    question.add_argument("--search", metavar="TEXT", help=_("find topics from the customer's words"))
    scope.add_argument("--support", choices=("end-user", "software-only"), default="end-user",
                       help=_("licence with end-user support (default) or software only"))
    scope.add_argument("--not-from-reseller", action="store_true",
                       help=_("licences not bought from the reseller"))
    scope.add_argument("--migrating", action="store_true", help=_("the migration to Office 365 is not finished"))
    scope.add_argument("--device", choices=("computer", "tablet", "smartphone"), default="computer",
                       help=_("the device the problem is on (default: computer)"))
    scope.add_argument("--no-antivirus", action="store_true", help=_("the device has no active antivirus"))
    scope.add_argument("--no-firewall", action="store_true", help=_("the device has no active firewall"))
    scope.add_argument("--no-backup", action="store_true", help=_("the device has no current backup"))
    scope.add_argument("--version", dest="product_version", metavar="TEXT",
                       help=_('the product version in words: "Windows 11", "Office 2010", "macOS 15"'))
    scope.add_argument("--app-approved", choices=("yes", "no"),
                       help=_("third-party app approved by the reseller"))
    scope.add_argument("--manager-approved", action="store_true",
                       help=_("an authorised manager has approved the permission change"))
    customer_message.add_option(scope)
    scope.add_argument("--country", metavar="SE|NO|DK|FI", type=_country,
                       help=_("the customer's country: the message for the customer gives its desk's phone "
                              "(default: the desk for --lang)"))
    scope.set_defaults(handler=cmd_scope)


def _country(text: str) -> str:
    from domain.desks import parse_country

    return parse_country(text)
