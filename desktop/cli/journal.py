"""`deskguide journal`: a customer's case journal, and the retention purge (no Qt).

    deskguide journal --customer ID [--search TEXT] [--json]
    deskguide journal add --customer ID --note TEXT [--agent NAME] [--json]
    deskguide journal purge --older-than-months N [--dry-run] [--json]

ID is the customer's register id (`C-1001`, issue 15's "CLI contract"); a register id of
digits only is `#1001`; the store's number (ASCII digits only) where it is unambiguous
(desktop/cli/customer_ids.py, docs/journal.md). Answers name the customer by register id.

`journal add` writes the agent's note; with a team database out of reach it waits in the
outbox of this PC (status "queued", exit 0) and `deskguide team sync` or the app sends it
(issue 15, docs/team-database.md). The agent is --agent NAME, else this computer's user
name (the app's setting lives in the GUI's own settings, which the command line does not
read).

The purge is for IT's scheduled retention job: every value is checked before the store
is opened, so a bad N writes nothing (exit 2). docs/journal.md has the contract.
"""
from __future__ import annotations

import re

from desktop.cli import customer_ids
from desktop.cli.context import CliContext, agent_name
from desktop.cli.output import EXIT_OK, emit
from desktop.common.i18n import _, ngettext
from desktop.wording.journal import kind_text
from domain.errors import ReasonOnly
from domain.messages import Message


def parse_months(text: str) -> int:
    """--older-than-months: a whole number of months, 1 to 120 (domain.journal)."""
    from domain.journal import check_retention_months

    value = (text or "").strip()
    months = int(value) if re.fullmatch(r"-?[0-9]+", value) else text
    return check_retention_months(months, "older_than_months")


def _indented(text: str) -> list[str]:
    return ["    " + line if line.strip() else "" for line in text.splitlines()]


def _describe_entry(entry) -> str:
    from desktop.wording.hours import moment_text

    # On the agent's own clock (the machine's zone), as the GUI shows it.
    head = [moment_text(entry.created.astimezone(), with_year=True), entry.agent, kind_text(entry.kind)]
    head += [part for part in (entry.topic, entry.verdict) if part]
    lines = ["  ".join(head)]
    if entry.note:
        lines += _indented(_("Agent's note: {note}").format(note=entry.note))
    if entry.summary:
        lines += _indented(entry.summary)
    return "\n".join(lines)


def _describe_journal(customer, entries, search: str) -> str:
    if not entries:
        if search:
            return _("No journal entries of {customer} match {search}.").format(customer=customer.name,
                                                                               search=repr(search))
        return _("No journal entries of {customer}.").format(customer=customer.name)
    count = len(entries)
    title = ngettext("{count} journal entry of {customer} (customer {id}), newest first:",
                     "{count} journal entries of {customer} (customer {id}), newest first:", count).format(
        count=count, customer=customer.name, id=customer_ids.shown_id(customer.external_id, customer.id))
    return "\n\n".join([title, *map(_describe_entry, entries)])


def _register_id(register_id: str | None) -> dict:
    """The JSON's "register_id", when it is known (the customer's external_id)."""
    return {"register_id": register_id} if register_id else {}


def cmd_journal(args, context: CliContext) -> int:

    if args.action == "purge":
        return _purge(args, context)
    if args.action == "add":
        return _add(args, context)
    if args.customer is None:
        raise ReasonOnly("--customer", None, Message("journal: give --customer ID, or purge --older-than-months N"))
    from domain.services import journal, register

    named = customer_ids.customer_ref(args.customer)  # before the store opens
    with context.store(args) as store:
        customer_id = customer_ids.customer_number(store, named)
        entries = journal.journal(store, customer_id, args.search or "")
        customer = register.get_customer(store, customer_id).customer
    payload = {"customer_id": customer_id, **_register_id(customer.external_id),
               "entries": [journal.entry_as_dict(e) for e in entries]}
    emit(args, payload, _describe_journal(customer, entries, args.search or ""))
    return EXIT_OK


def _add(args, context: CliContext) -> int:
    from domain.journal import JournalEntry, JournalKind, check_entry
    from domain.outbox import SendStatus
    from domain.services import journal, outbox, register

    named = customer_ids.customer_ref(args.customer)  # before the store opens
    register_id = named if isinstance(named, str) else None
    now = context.now()
    # Checked before the store opens too: an empty note writes nothing, queues nothing.
    entry = check_entry(JournalEntry(customer_id=None if register_id else named, created=now,
                                     agent=agent_name(args.agent), kind=JournalKind.NOTE, topic="", verdict="",
                                     note=args.note or ""), customer_pending=register_id is not None)
    with context.store(args, offline_ok=True) as store:
        online = not getattr(store, "offline", False)
        if online and register_id is None:
            customer_ids.customer_number(store, named)  # a number that is another's register id: exit 2
        # A register id is looked up on the server, or (offline) when the outbox sends it.
        written = outbox.add_journal_entry(store, entry, now, register_id=register_id)
        customer_id = written.value.customer_id  # None while it waits to be looked up
        if register_id is None and written.status is SendStatus.SAVED:
            # Issue 16: the answer names the customer by register id, also when given a number.
            register_id = register.get_customer(store, customer_id).customer.external_id
    payload = {"status": written.status.value, "client_key": written.client_key, "customer_id": customer_id,
               **_register_id(register_id), **journal.entry_as_dict(written.value)}
    if written.status is SendStatus.SAVED:
        text = _("Saved in the journal of customer {id}.").format(id=customer_ids.shown_id(register_id, customer_id))
    else:
        text = _("The team database cannot be reached: the entry waits in this computer's outbox and is sent "
                 "by `deskguide team sync` or the app when the server answers. Nothing is lost.")
    emit(args, payload, text)
    return EXIT_OK


def _purge(args, context: CliContext) -> int:
    from desktop.wording.hours import moment_text
    from domain.journal import retention_cutoff
    from domain.services import journal

    if args.customer is not None or args.search is not None:
        raise ReasonOnly("--customer", args.customer,
                         Message("journal purge: --customer and --search are for listing a journal"))
    months = parse_months(args.older_than_months)  # before the store opens: bad input writes nothing
    now = context.now()
    cutoff = retention_cutoff(now, months)
    with context.store(args, create=not args.dry_run) as store:
        count = (journal.count_older_than(store, months, now) if args.dry_run
                 else journal.purge_older_than(store, months, now))
    # The months stay out of the sentence (one plural per sentence): the cutoff says it exactly.
    values = dict(count=count, cutoff=moment_text(cutoff.astimezone(), with_year=True))
    if args.dry_run:
        payload = {"would_delete": count}
        text = ngettext("{count} journal entry was made before {cutoff}; nothing was deleted.",
                        "{count} journal entries were made before {cutoff}; nothing was deleted.",
                        count).format(**values)
    else:
        payload = {"deleted": count}
        text = ngettext("Deleted {count} journal entry made before {cutoff}.",
                        "Deleted {count} journal entries made before {cutoff}.", count).format(**values)
    emit(args, {**payload, "older_than_months": months, "cutoff": cutoff.isoformat()}, text)
    return EXIT_OK


def add_commands(commands, common_options) -> None:
    journal = commands.add_parser("journal", help=_("a customer's case journal, newest first; purge old entries"))
    common_options(journal, suppress=True)
    journal.add_argument("--customer", metavar="ID", help=customer_ids.customer_help())
    journal.add_argument("--search", metavar="TEXT",
                         help=_("only entries with every word of TEXT (any case, with or without accents)"))
    actions = journal.add_subparsers(dest="action", metavar="ACTION", parser_class=type(journal))
    purge = actions.add_parser("purge", help=_("delete the entries older than N months (for the retention job)"))
    common_options(purge, suppress=True)
    purge.add_argument("--older-than-months", required=True, metavar="N",
                       help=_("whole calendar months, 1 to 120"))
    purge.add_argument("--dry-run", action="store_true", help=_("count what would be deleted, delete nothing"))
    add = actions.add_parser("add", help=_("write a note in a customer's journal (waits in the outbox when the "
                                           "team database cannot be reached)"))
    common_options(add, suppress=True)
    add.add_argument("--customer", required=True, metavar="ID", help=customer_ids.customer_help())
    add.add_argument("--note", required=True, metavar="TEXT", help=_("the note"))
    add.add_argument("--agent", metavar="NAME", help=_("who writes it (default: this computer's user name)"))
    journal.set_defaults(handler=cmd_journal)
