"""`deskguide customers --search TEXT [--json]`: find customers in the register (issue 16).

The same search as the GUI's customer finder (domain.customer_search over the register's
summaries): by name (any case, with or without accents, words in any order), organisation
number, phone (national or international form) or e-mail; best first, at most the GUI's
50. The JSON contract: {"customers": [{"customer_id", "name", "country", "org_number",
"phone", "email"}], "truncated"}; customer_id is the register id, what --customer takes.
Nothing found is not an error: exit 0 and an empty list. Imports no Qt.
"""
from __future__ import annotations

from desktop.cli.context import CliContext
from desktop.cli.customer_ids import shown_id
from desktop.cli.output import EXIT_OK, emit, table
from desktop.common.i18n import _, ngettext

WIDEST_CELL = 40  # a longer name or e-mail is cut, with "…"


def add_commands(commands, common_options) -> None:
    customers = commands.add_parser("customers", help=_("find customers in the register, as the app's search does"))
    common_options(customers, suppress=True)
    customers.add_argument("--search", required=True, metavar="TEXT",
                           help=_("a name, organisation number, phone number or e-mail address, or part of one"))
    customers.set_defaults(handler=cmd_customers)


def customer_as_dict(summary) -> dict:
    """One item of the JSON contract."""
    return {"customer_id": shown_id(summary.external_id, summary.id), "name": summary.name,
            "country": summary.country, "org_number": summary.org_number, "phone": summary.phone,
            "email": summary.email}


def _describe(search: str, found: list[dict], truncated: bool) -> str:
    if not found:
        return _("No customer matches {search}.").format(search=repr(search))
    header = (_("Customer ID"), _("Name"), _("Country"), _("Org. number"), _("Phone"), _("E-mail"))
    keys = ("customer_id", "name", "country", "org_number", "phone", "email")
    rows = [tuple(item[key] or "" for key in keys) for item in found]
    count = len(found)
    title = (ngettext("The best {count} customer for {search}; type more to narrow the search:",
                      "The best {count} customers for {search}; type more to narrow the search:", count)
             if truncated else
             ngettext("{count} customer matches {search}:", "{count} customers match {search}:", count))
    return "\n".join([title.format(count=count, search=repr(search)), *table(header, rows, WIDEST_CELL)])


def cmd_customers(args, context: CliContext) -> int:
    from domain.customer_search import DEFAULT_LIMIT, CustomerSearch
    from domain.services.register import customer_summaries

    search = args.search
    with context.store(args) as store:
        summaries = customer_summaries(store)
    # One more than is shown says whether there are more (the GUI's list shows the same 50).
    matches = CustomerSearch(summaries).search(search, limit=DEFAULT_LIMIT + 1)
    truncated = len(matches) > DEFAULT_LIMIT
    found = [customer_as_dict(summary) for summary in matches[:DEFAULT_LIMIT]]
    emit(args, {"search": search, "customers": found, "truncated": truncated}, _describe(search, found, truncated))
    return EXIT_OK
