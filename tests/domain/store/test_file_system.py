"""No SQLite database on a network share (domain/store/file_system.py): the decisions on
real mountinfo lines and real Windows path strings, and open_store refusing before it
creates or writes anything."""
from __future__ import annotations

import sys

import pytest

from domain.errors import ReasonOnly
from domain.store import file_system, open_store
from domain.store.file_system import NETWORK_FILE_SYSTEMS, mount_type, network_location, unc_share

# From real machines: a root file system, an NFS export, a Samba share mounted at a folder
# with spaces (mountinfo writes them \040), an sshfs, a bind mount of a local folder.
MOUNTINFO = r"""27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard
25 24 0:23 / /dev/shm rw,relatime - tmpfs tmpfs rw,size=24683772k
417 27 0:52 / /mnt/team rw,relatime shared:230 - nfs4 filer.example:/export/deskguide rw,vers=4.2,rsize=1048576
418 27 0:53 / /srv/Helpdesk\040Share rw,relatime shared:231 - cifs //filer/desk rw,vers=3.1.1,cache=strict
419 27 0:54 / /home/anna/remote rw,nosuid,nodev,relatime shared:232 - fuse.sshfs anna@jump:/home/anna rw,user_id=0
420 417 254:0 /var/lib/local /mnt/team/local rw,relatime - ext4 /dev/vda rw,discard
"""


@pytest.mark.parametrize(("path", "expected"), [
    ("/home/anna/deskguide.sqlite3", "ext4"),
    ("/mnt/team/deskguide.sqlite3", "nfs4"),
    ("/mnt/team", "nfs4"),
    ("/mnt/teamwork/deskguide.sqlite3", "ext4"),  # a name that starts like a mount point is not under it
    ("/srv/Helpdesk Share/desk/deskguide.sqlite3", "cifs"),
    ("/home/anna/remote/deskguide.sqlite3", "fuse.sshfs"),
    ("/mnt/team/local/deskguide.sqlite3", "ext4"),  # a local disk mounted inside the share
    ("/dev/shm/x", "tmpfs"),
])
def test_the_folder_s_file_system_is_the_nearest_mount_above_it(path, expected):
    assert mount_type(path, MOUNTINFO) == expected


def test_network_types_are_the_ones_sqlite_warns_about():
    assert {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs"} <= NETWORK_FILE_SYSTEMS
    assert not {"ext4", "xfs", "btrfs", "tmpfs", "overlay", "ntfs3", "zfs"} & NETWORK_FILE_SYSTEMS


@pytest.mark.parametrize(("path", "share"), [
    (r"\\filer\desk\deskguide.sqlite3", r"\\filer\desk"),
    (r"\\filer.example.com\Helpdesk Share\Anna\deskguide.sqlite3", r"\\filer.example.com\Helpdesk Share"),
    (r"\\?\UNC\filer\desk\deskguide.sqlite3", r"\\filer\desk"),
    ("//filer/desk/deskguide.sqlite3", r"\\filer\desk"),
    (r"C:\Users\anna\AppData\Local\Deskguide\deskguide.sqlite3", None),
    (r"\\?\C:\Users\anna\deskguide.sqlite3", None),  # the long form of a local path
    (r"\\.\pipe\deskguide", None),  # a device, not a share
    ("D:deskguide.sqlite3", None),
])
def test_unc_paths_are_shares_and_drive_paths_are_not(path, share):
    assert unc_share(path) == share


def test_a_local_folder_is_accepted(tmp_path, now):
    assert network_location(tmp_path / "deskguide.sqlite3") is None
    open_store(tmp_path / "deskguide.sqlite3", now=now).close()
    assert (tmp_path / "deskguide.sqlite3").is_file()


@pytest.fixture
def share(tmp_path, monkeypatch):
    """A folder this process's mount table says is an NFS export (the table is the input
    the decision reads; this machine has no NFS server to mount)."""
    if not sys.platform.startswith("linux"):
        pytest.fail("the mount table is Linux's; Windows decides by UNC path and drive type")
    folder = tmp_path / "share"
    folder.mkdir()
    table = tmp_path / "mountinfo"
    table.write_text(MOUNTINFO + f"500 27 0:60 / {folder} rw,relatime - nfs4 filer:/desk rw,vers=4.2\n")
    monkeypatch.setattr(file_system, "MOUNTINFO", str(table))
    return folder


def test_a_database_on_a_network_share_is_refused_before_anything_is_written(share, now):
    path = share / "team" / "deskguide.sqlite3"
    with pytest.raises(ReasonOnly) as refused:
        open_store(path, now=now)
    said = refused.value.message
    assert str(path) in said and "nfs4" in said
    assert "your best defense is to not use SQLite for files on a network filesystem" in said
    assert "does not work over a network filesystem" in said
    assert "--database-url" in said and "docs/team-database.md" in said
    assert list(share.iterdir()) == []  # not even the folder


def test_a_symlink_into_a_share_is_seen_through(share, tmp_path, now):
    link = tmp_path / "looks-local"
    link.symlink_to(share, target_is_directory=True)
    with pytest.raises(ReasonOnly):
        open_store(link / "deskguide.sqlite3", now=now)


# --- Windows, with its facts given (tests/windows_facts.py): GetDriveTypeW per drive ---------

@pytest.mark.parametrize(("path", "where"), [
    (r"H:\Deskguide\deskguide.sqlite3", "H:"),  # a home drive mapped to a share: DRIVE_REMOTE
    (r"h:\deskguide.sqlite3", "h:"),
    (r"C:\Users\anna\AppData\Local\Deskguide\deskguide.sqlite3", None),  # a local disk
    (r"D:\Kundtjänst\deskguide.sqlite3", None),
    (r"\\filer\desk\Anna\deskguide.sqlite3", r"\\filer\desk"),  # UNC: a share, whatever the drives say
    (r"\\?\UNC\filer\desk\deskguide.sqlite3", r"\\filer\desk"),
])
def test_on_windows_a_mapped_network_drive_and_a_unc_path_are_network_locations(path, where):
    from tests.windows_facts import DRIVE_REMOTE, FakeWindows

    windows = FakeWindows(drives={"H:": DRIVE_REMOTE})
    assert network_location(path, platform=windows.platform, drive_type=windows.drive_type) == where


def test_on_windows_the_drive_is_asked_by_its_root():
    from tests.windows_facts import FakeWindows

    windows = FakeWindows()
    assert network_location(r"E:\Desk\deskguide.sqlite3", platform="win32", drive_type=windows.drive_type) is None
    assert set(windows.asked) == {"E:\\"}  # GetDriveTypeW wants the root with its backslash
    network_location(r"\\filer\desk\deskguide.sqlite3", platform="win32", drive_type=windows.drive_type)
    assert set(windows.asked) == {"E:\\"}  # a UNC path has no drive to ask about


def test_the_real_drive_query_is_windows_own():
    assert network_location.__kwdefaults__["drive_type"] is file_system.windows_drive_type
