"""Where the user's database file and the schema's migrations are, without SQLAlchemy (issue 17: the command line's
quick answers find the file before deciding whether the store is needed at all)."""
from __future__ import annotations

import ntpath
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "Deskguide"
DB_FILENAME = "deskguide.sqlite3"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def default_db_path(environ: Mapping[str, str] | None = None, platform: str = sys.platform) -> Path:
    """DESKGUIDE_DB, else the user's data folder. `environ` and `platform` are the
    machine's facts (this process's when not given; the tests give Windows' on Linux)."""
    environ = os.environ if environ is None else environ
    env = environ.get("DESKGUIDE_DB")
    if env:
        return Path(os.path.expanduser(env))
    if platform == "win32" and environ.get("LOCALAPPDATA"):
        # %LOCALAPPDATA%\Deskguide, what platformdirs' user_data_dir answers on Windows,
        # without its shell32 call at start-up (issue 18: the Windows path, testable).
        return Path(ntpath.join(environ["LOCALAPPDATA"], APP_NAME, DB_FILENAME))
    from platformdirs import user_data_dir  # only needed when nothing else says where

    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME



# The team store's local companion: the reference data and the outbox (domain/store/team.py).
LOCAL_FILENAME = "team-local.sqlite3"


def team_local_path() -> Path:
    """The team store's local file (reference data, outbox), beside the agent's own database."""
    return default_db_path().with_name(LOCAL_FILENAME)


_REVISION_LINE = re.compile(r'^(down_revision|revision)\s*=\s*["\']?([\w-]+|None)["\']?\s*$', re.MULTILINE)


def head_revision_from_files() -> str | None:
    """The newest migration, read from the migration files without importing Alembic
    (~100 ms of start-up). None when the files do not form one simple chain; then the
    caller asks Alembic. tests/domain/store/test_opening.py checks both agree."""
    revisions, parents = set(), set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict((key, value) for key, value in _REVISION_LINE.findall(script.read_text("utf-8")))
        if "revision" not in found:
            return None
        revisions.add(found["revision"])
        if found.get("down_revision", "None") != "None":
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None
