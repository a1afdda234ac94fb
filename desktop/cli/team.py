"""`deskguide team ...`: setting up a team's PostgreSQL database and moving into it.

    deskguide team init --database-url URL [--json]
    deskguide team import-local --from PATH --database-url URL [--dry-run] [--json]
    deskguide team sync [--json]
    deskguide team status [--json]

`team init` is IT's (docs/team-database.md): run with a role that owns the database, it
creates or upgrades the schema to this version's, loads this version's reference data
and creates the group roles deskguide_agent and deskguide_admin with their grants; run
again it changes nothing. The app itself never migrates a team database.

`team import-local` uploads an agent's local database (the file at PATH) into the team
database: all or nothing, idempotent, collisions reported (domain/services/team_import.py).
A collision is not an error: the import lands, the team's record is kept, and the exit
status is 0; the report (and its JSON "collisions") says what differed.

`team sync` sends what this PC's outbox holds (what was written while the team database
could not be reached, issue 15); exit 3 when the server still cannot be reached (nothing
is lost: the items wait). `team status` says which database, whether it answers, the
schema revision of this Deskguide and of the database, how many items wait in the
outbox, and the group role of this login. On a local database both say so and exit 0:
there is no server and no outbox, and nothing is wrong (a logon script may run them on
every PC).

Exit status: 0 done; 2 bad input or refused (no such file, a database of another
version, a role without the rights); 3 temporary (the server cannot be reached).
"""
from __future__ import annotations

import os
from pathlib import Path

from desktop.cli.context import CliContext
from desktop.cli.output import EXIT_OK, EXIT_TEMPORARY, emit
from desktop.common.i18n import _, ngettext
from domain.errors import ReasonOnly
from domain.messages import Message


def add_commands(commands, common_options) -> None:
    team = commands.add_parser("team", help=_("set up a team's shared database and move into it"))
    common_options(team, suppress=True)
    actions = team.add_subparsers(dest="team_command", metavar="ACTION", parser_class=type(team))
    actions.required = True

    init = actions.add_parser("init", help=_("create or upgrade the team database and its roles (for IT)"))
    common_options(init, suppress=True)
    init.set_defaults(handler=cmd_init)

    upload = actions.add_parser("import-local", help=_("upload a local database into the team database"))
    common_options(upload, suppress=True)
    upload.add_argument("--from", dest="source", metavar="PATH", required=True,
                        help=_("the local database file to upload"))
    upload.add_argument("--dry-run", action="store_true", help=_("say what would be uploaded, write nothing"))
    upload.set_defaults(handler=cmd_import_local)

    sync = actions.add_parser("sync", help=_("send what waits in this computer's outbox to the team database"))
    common_options(sync, suppress=True)
    sync.set_defaults(handler=cmd_sync)

    status = actions.add_parser("status", help=_("which database, whether it answers, its schema, the outbox and "
                                                 "the role of this login"))
    common_options(status, suppress=True)
    status.set_defaults(handler=cmd_status)


def _team_target(args, context: CliContext):
    target = context.target(args)
    if not target.is_team:
        raise ReasonOnly("database_url", "", Message(
            "team: name the team database with --database-url URL (or DESKGUIDE_DATABASE_URL)"))
    return target


def cmd_init(args, context: CliContext) -> int:
    from desktop.common import credential_store
    from domain.store import init_team_database

    team = _team_target(args, context).team
    # IT's scripts give the owner's password by libpq's means (PGPASSWORD, PGPASSFILE, SSO);
    # one kept in the credential store by the app is used too.
    password = credential_store.stored_password(team.credential_key())
    done = init_team_database(team.sqlalchemy_url(), now=context.now(), password=password)
    payload = {"database": done.database, "from_revision": done.from_revision, "revision": done.revision,
               "roles_created": list(done.roles_created), "reference_loaded": list(done.reference_loaded)}
    lines = [_("Team database {database}: schema {revision} (it was {before}).").format(
        database=done.database, revision=done.revision, before=done.from_revision or _("empty"))]
    if done.roles_created:
        lines.append(_("Roles created: {roles}.").format(roles=", ".join(done.roles_created)))
    lines.append(_("Roles granted: {roles}.").format(roles="deskguide_agent, deskguide_admin"))
    if done.reference_loaded:
        lines.append(_("Reference data loaded: {names}.").format(names=", ".join(done.reference_loaded)))
    emit(args, payload, "\n".join(lines))
    return EXIT_OK


def _counts(counts: dict) -> str:
    return ", ".join([
        ngettext("{count} customer", "{count} customers", counts["customers"]).format(count=counts["customers"]),
        ngettext("{count} subscription", "{count} subscriptions", counts["subscriptions"]).format(
            count=counts["subscriptions"]),
        ngettext("{count} case", "{count} cases", counts["cases"]).format(count=counts["cases"]),
        ngettext("{count} journal entry", "{count} journal entries", counts["journal_entries"]).format(
            count=counts["journal_entries"]),
    ])


def _said(payload: dict) -> str:
    lines = [(_("Would add: {counts}.") if payload["dry_run"] else _("Added: {counts}.")).format(
        counts=_counts(payload["added"])),
             _("Already in the team database: {counts}.").format(counts=_counts(payload["already_there"]))]
    for collision in payload["collisions"]:
        kind = _("customer") if collision["kind"] == "customer" else _("subscription")
        lines.append(_("Collision: {kind} {register_id} differs, the team's is kept:").format(
            kind=kind, register_id=collision["register_id"]))
        lines += ["    " + _("{field}: team {team!r}, local {local!r}").format(field=name, **values)
                  for name, values in collision["fields"].items()]
    if payload["dry_run"]:
        lines.append(_("Dry run: nothing was written."))
    return "\n".join(lines)


def cmd_import_local(args, context: CliContext) -> int:
    from domain.services.team_import import import_local, report_as_dict
    from domain.store import open_store

    source = Path(os.path.expanduser(args.source))
    try:
        is_file = source.is_file()
    except OSError:  # a name too long for the file system, say: no such file either
        is_file = False
    if not is_file:
        raise ReasonOnly("from", str(source), Message(
            "import-local: there is no database file {path}", path=str(source)))
    _team_target(args, context)
    local = open_store(source, now=context.now())
    try:
        with context.store(args) as team:
            report = import_local(local, team, context.today(), dry_run=args.dry_run)
    finally:
        local.close()
    payload = report_as_dict(report)
    emit(args, payload, _said(payload))
    return EXIT_OK


def _sync_said(report) -> str:
    lines = [ngettext("{count} sent", "{count} sent", report.sent).format(count=report.sent) + ", "
             + ngettext("{count} already there", "{count} already there", report.already_there).format(
                 count=report.already_there) + ", "
             + ngettext("{count} still waiting.", "{count} still waiting.", report.waiting).format(
                 count=report.waiting)]
    if report.unreachable:
        lines.append(_("The team database went out of reach again; the rest wait for the next sync. "
                       "Nothing is lost."))
    for item in report.refused:
        lines.append(_("Refused by the team database, kept in the outbox: {kind} written {moment}: {reason}").format(
            kind=item.kind.value, moment=item.created.astimezone().strftime("%Y-%m-%d %H:%M"),
            reason=item.last_error))
    return "\n".join(lines)


def cmd_sync(args, context: CliContext) -> int:
    from domain.errors import StoreUnreachable
    from domain.services import outbox

    target = context.target(args)
    with context.store(args, offline_ok=True) as store:
        if not target.is_team:
            emit(args, {"sent": 0, "already_there": 0, "waiting": 0, "local": True},
                 _("{database}: a local database has no server and no outbox; nothing to send.").format(
                     database=_(target.located(store).describe())))
            return EXIT_OK
        try:
            report = outbox.sync(store)
        except StoreUnreachable:
            count = outbox.waiting_count(store)
            text = ngettext("The team database {database} cannot be reached; {count} item waits in the outbox, "
                            "nothing is lost. Try again later.",
                            "The team database {database} cannot be reached; {count} items wait in the outbox, "
                            "nothing is lost. Try again later.", count).format(database=store.name, count=count)
            emit(args, {"sent": 0, "already_there": 0, "waiting": count, "reachable": False}, text)
            return EXIT_TEMPORARY
    payload = {"sent": report.sent, "already_there": report.already_there, "waiting": report.waiting,
               "reachable": not report.unreachable,
               "refused": [{"client_key": item.client_key, "kind": item.kind.value, "created": item.created.isoformat(),
                            "reason": item.last_error} for item in report.refused]}
    emit(args, payload, _sync_said(report))
    return EXIT_TEMPORARY if report.unreachable else EXIT_OK


def cmd_status(args, context: CliContext) -> int:
    from domain.services import outbox
    from domain.store.opening import head

    target = context.target(args)
    with context.store(args, offline_ok=True) as store:
        database = _(target.located(store).describe())
        if not target.is_team:
            payload = {"database": database, "kind": "local", "reachable": True, "app_revision": head(),
                       "database_revision": store.schema_revision(), "outbox": 0, "role": None}
            lines = [database, _("A local database: no server, no outbox, no roles.")]
        else:
            reachable = not store.offline or store.reconnect()
            revision = role = None
            if reachable:
                from domain.store.database import stored_revision

                revision, role = stored_revision(store), store.role.group
            payload = {"database": database, "kind": "team", "reachable": reachable, "app_revision": head(),
                       "database_revision": revision, "outbox": outbox.waiting_count(store), "role": role}
            lines = [database,
                     _("Reachable: yes.") if reachable else _("Reachable: no (the outbox keeps what is written)."),
                     _("Schema: this Deskguide {app}, the database {database}.").format(
                         app=head(), database=revision or _("unknown")),
                     ngettext("Outbox: {count} item waits to be sent.", "Outbox: {count} items wait to be sent.",
                              payload["outbox"]).format(count=payload["outbox"]),
                     _("Role of this login: {role}.").format(role=role or _("unknown"))]
    emit(args, payload, "\n".join(lines))
    return EXIT_OK
