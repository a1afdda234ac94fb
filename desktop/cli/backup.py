"""`deskguide backup PATH`: a copy of the database by SQLite's online backup API.

    deskguide backup PATH [--force] [--json]

Safe while Deskguide runs (the GUI, an import): the copy is one consistent state,
committed work only, including what still sits in `<database>-wal`, which copying the
file would miss. The database is copied as it is (not migrated first), so a database
of any Deskguide version can be backed up. The copy is one file, written beside PATH
and renamed into place when whole.

PATH must not exist unless --force is given, and even then only a regular file is
replaced (never a folder or a device); PATH must not be the database itself. With
--json: {"backup": PATH, "bytes": n}. Bad input: exit 2; a busy database: exit 3.
A team database is refused (exit 2): its backups are the server's, pg_dump by IT
(docs/team-database.md).
"""
from __future__ import annotations

import os
from pathlib import Path

from desktop.cli.context import CliContext
from desktop.cli.output import EXIT_OK, emit
from desktop.common.i18n import _
from domain.errors import ReasonOnly
from domain.messages import Message


def add_commands(commands, common_options) -> None:
    backup = commands.add_parser("backup", help=_("copy the database to PATH, safely while Deskguide runs"))
    common_options(backup, suppress=True)
    backup.add_argument("path", metavar="PATH", help=_("the file to write the copy to"))
    backup.add_argument("--force", action="store_true", help=_("replace PATH if it is a file already"))
    backup.set_defaults(handler=cmd_backup)


def _check_target(target: Path, force: bool) -> None:
    if target.exists() or target.is_symlink():
        if not target.is_file():
            raise ReasonOnly("path", str(target), Message(
                "backup: {path} is not a regular file; give the name of a new file", path=str(target)))
        if not force:
            raise ReasonOnly("path", str(target), Message(
                "backup: {path} exists; give another name, or --force to replace it", path=str(target)))
    if not target.parent.is_dir():
        raise ReasonOnly("path", str(target), Message(
            "backup: the folder {folder} does not exist", folder=str(target.parent)))


def cmd_backup(args, context: CliContext) -> int:
    from domain.store.backup import copy_database
    from domain.store.opening import database_path

    target = Path(os.path.expanduser(args.path))
    database = context.target(args)
    if database.is_team:
        raise ReasonOnly("database_url", "", Message(
            "backup: {database} is backed up on the server (pg_dump, by IT), not by Deskguide; see "
            "docs/team-database.md", database=database.describe()))
    try:
        _check_target(target, args.force)
        source = database_path(database.path)
        if not source.is_file():
            raise ReasonOnly("db", str(source), Message(
                "backup: there is no database {path} to copy", path=str(source)))
        if target.exists() and os.path.samefile(source, target):
            raise ReasonOnly("path", str(target), Message(
                "backup: {path} is the database itself; give the name of another file", path=str(target)))
        size = copy_database(source, target)
    except OSError as error:  # a name too long, no permission, a full disk: the system's reason
        raise ReasonOnly("path", str(target), Message(
            "cannot write the copy {path}: {why}", path=str(target), why=str(error.strerror or error))) from None
    emit(args, {"backup": str(target), "bytes": size},
         _("Copied the database {database} to {path} ({size} bytes).").format(
             database=source, path=target, size=size))
    return EXIT_OK
