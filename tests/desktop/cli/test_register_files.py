"""What `deskguide import` reads and what `deskguide export` writes over: regular files only,
a size limit on import, the umask on export (issue 13, "Security")."""
from __future__ import annotations

import datetime as dt
import os
import stat
import sys
from pathlib import Path

import pytest

from desktop.cli.context import CliContext
from tests.desktop.cli.cli_run import run

CONTEXT = CliContext.pinned(dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc))
EXAMPLE = Path(__file__).resolve().parents[2] / "data" / "register-semicolon.csv"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="devices, FIFOs and umask are POSIX's")


def refused(capsys, db: Path, *argv: str) -> str:
    before = db.read_bytes()
    code, _, out, err = run(capsys, *argv, context=CONTEXT)
    assert code == 2, err
    assert out == "" and len(err.splitlines()) == 1, err
    assert db.read_bytes() == before
    return err


@posix_only
def test_import_refuses_a_device(capsys, filled_db):
    err = refused(capsys, filled_db, "import", "/dev/zero")
    assert "'/dev/zero' is not a regular file" in err


@posix_only
def test_import_refuses_a_fifo_without_waiting_for_a_writer(capsys, filled_db, tmp_path):
    fifo = tmp_path / "register.csv"
    os.mkfifo(fifo)
    assert "is not a regular file" in refused(capsys, filled_db, "import", str(fifo))


def test_import_refuses_a_file_over_the_limit(capsys, filled_db, monkeypatch):
    from domain.services import register_csv

    monkeypatch.setattr(register_csv, "MAX_IMPORT_BYTES", EXAMPLE.stat().st_size - 1)
    err = refused(capsys, filled_db, "import", str(EXAMPLE))
    assert "is larger than 200 MB, the most an import reads" in err


def test_import_reads_a_file_at_the_limit(capsys, filled_db, monkeypatch):
    from domain.services import register_csv

    monkeypatch.setattr(register_csv, "MAX_IMPORT_BYTES", EXAMPLE.stat().st_size)
    code, _, _, err = run(capsys, "import", str(EXAMPLE), context=CONTEXT)
    assert code == 0, err


@posix_only
def test_export_never_replaces_a_device_or_a_pipe(capsys, filled_db, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link.csv"
    link.symlink_to(fifo)
    for target in (fifo, link):
        assert "is not a regular file" in refused(capsys, filled_db, "export", str(target))
    assert stat.S_ISFIFO(fifo.stat().st_mode) and link.is_symlink()
    assert not list(tmp_path.glob(".*.part"))  # nothing left beside it


@pytest.fixture
def umask():
    """Set the process's umask for one test, and put the old one back."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield lambda mask: os.umask(mask)
    os.umask(previous)


@posix_only
@pytest.mark.parametrize("mask, existing, expected", [
    (0o077, None, 0o600),  # a new file: what the umask allows
    (0o022, None, 0o644),
    (0o077, 0o644, 0o600),  # replacing a file: never more than the umask allows...
    (0o022, 0o600, 0o600),  # ...nor more than the replaced file allowed
])
def test_export_follows_the_umask(capsys, filled_db, tmp_path, umask, mask, existing, expected):
    target = tmp_path / "register.csv"
    if existing is not None:
        target.write_text("old")
        target.chmod(existing)
    umask(mask)
    code, _, _, err = run(capsys, "export", str(target), context=CONTEXT)
    assert code == 0, err
    assert stat.S_IMODE(target.stat().st_mode) == expected
    assert target.read_bytes().startswith(b"\xef\xbb\xbfcustomer_id;")


@posix_only
def test_export_through_a_link_writes_the_linked_file(capsys, filled_db, tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "register.csv"
    link.symlink_to(real)
    code, _, _, err = run(capsys, "export", str(link), context=CONTEXT)
    assert code == 0, err
    assert link.is_symlink() and real.read_bytes().startswith(b"\xef\xbb\xbfcustomer_id;")
