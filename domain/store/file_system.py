"""No SQLite database on a network share (issue 14, "No SQLite on a network share").

SQLite's own documentation: file locking is broken on many network file systems, "your
best defense is to not use SQLite for files on a network filesystem" (sqlite.org,
"How To Corrupt An SQLite Database File", §2.1 and "SQLite Over a Network"), and WAL,
which Deskguide uses, "does not work over a network filesystem" (sqlite.org/wal.html).
IT pointing DATABASE_LOCATION at a share is the trap; a team shares one PostgreSQL
database instead (docs/team-database.md).

Where the file is decides, before anything is created or written:
- Windows: a UNC path (\\\\server\\share\\..., also \\\\?\\UNC\\server\\share\\...) or a drive
  letter whose GetDriveTypeW is DRIVE_REMOTE (a drive mapped to an SMB share); the real
  path is checked too, which Windows gives as UNC for a mapped drive.
- Linux: the type of the file system the folder is on, from /proc/self/mountinfo (the
  longest mount point above the path): NFS, CIFS/SMB and the other network file systems.
- Elsewhere (macOS): not checked.
The decisions are plain functions of text, so the tests feed them real mountinfo lines and
real UNC strings on any OS.
"""
from __future__ import annotations

import ntpath
import os
import sys
from collections.abc import Callable
from pathlib import Path

from domain.errors import ReasonOnly
from domain.messages import Message

# File system types (mountinfo's third field from the end; FUSE ones as "fuse.<name>")
# that put the file on another machine. Not here: cluster file systems on shared disks
# with working POSIX locks (gfs2, ocfs2), and a virtual machine's view of its host's
# folders (9p, virtiofs), where a developer's checkout may live.
NETWORK_FILE_SYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "smb2", "ncpfs", "coda", "afs", "ceph", "glusterfs", "lustre",
    "davfs", "fuse.sshfs", "fuse.glusterfs", "fuse.cephfs", "fuse.davfs2", "fuse.rclone",
    "fuse.s3fs", "fuse.smbnetfs", "fuse.gvfsd-fuse",
})
DRIVE_REMOTE = 4  # GetDriveTypeW: "The drive is a remote (network) drive."
MOUNTINFO = "/proc/self/mountinfo"  # this process's mounts (its mount namespace's)


def _unescape(field: str) -> str:
    # mountinfo writes space, tab, newline and backslash in octal (\040, \011, \012, \134).
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def mount_type(path: str, mountinfo: str) -> str | None:
    """The file system type that `path` (absolute, real) is on, per the text of
    /proc/self/mountinfo; None when no mount point is above it (not a Linux path)."""
    best, found = -1, None
    for line in mountinfo.splitlines():
        fields = line.split(" ")
        if "-" not in fields[6:] or len(fields) < 10:
            continue
        separator = fields.index("-", 6)
        point, fstype = _unescape(fields[4]), fields[separator + 1]
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        # Later lines win on a tie: a mount over another at the same point hides it.
        if inside and len(point) >= best:
            best, found = len(point), fstype
    return found


def unc_share(path: str) -> str | None:
    r"""The share (\\server\share) of a Windows UNC path, else None; also for the long form
    \\?\UNC\server\share. Device paths (\\?\C:\..., \\.\pipe\...) are local."""
    text = path.replace("/", "\\")
    upper = text.upper()
    if upper.startswith("\\\\?\\UNC\\"):
        text = "\\\\" + text[len("\\\\?\\UNC\\"):]
    elif upper.startswith(("\\\\?\\", "\\\\.\\")) or not text.startswith("\\\\"):
        return None
    drive = ntpath.splitdrive(text)[0]
    return drive if len(drive) > 2 else None


def windows_drive_type(root: str) -> int:
    """GetDriveTypeW of a drive's root ("H:\\"): DRIVE_REMOTE for a network drive."""
    import ctypes

    get_drive_type = ctypes.windll.kernel32.GetDriveTypeW
    get_drive_type.argtypes = [ctypes.c_wchar_p]
    return get_drive_type(root)


def _remote_drive(path: str, drive_type: Callable[[str], int]) -> str | None:
    """The drive letter of `path` when Windows says it is a network drive."""
    drive = ntpath.splitdrive(path)[0]
    if len(drive) != 2 or drive[1] != ":":
        return None
    return drive if drive_type(drive + "\\") == DRIVE_REMOTE else None


def network_location(path: Path | str, *, platform: str = sys.platform,
                     drive_type: Callable[[str], int] = windows_drive_type) -> str | None:
    """What puts `path` on another machine (the share, the drive, the file system type),
    or None when it is on a local disk (or this OS is not checked). `platform` and
    `drive_type` (GetDriveTypeW) are Windows' facts, given by the tests on any OS."""
    if platform == "win32":
        given = ntpath.abspath(os.fspath(path))  # a Windows path even when the tests run elsewhere
        found = unc_share(given) or _remote_drive(given, drive_type)
        if found:  # (asked first: resolving a path on a share may wait for the server)
            return found
        real = ntpath.realpath(given)  # a symlink or a mapped drive may point at a share
        return unc_share(real) or _remote_drive(real, drive_type)
    if platform.startswith("linux"):
        real = os.path.realpath(os.path.abspath(os.fspath(path)))  # a symlink may point at a share
        try:
            with open(MOUNTINFO, encoding="utf-8", errors="surrogateescape") as mounts:
                fstype = mount_type(real, mounts.read())
        except OSError:  # no /proc (a chroot): nothing to go by
            return None
        return fstype if fstype in NETWORK_FILE_SYSTEMS else None
    return None


def refuse_network_share(path: Path | str) -> None:
    """Refuse (ReasonOnly, exit 2 on the command line) a SQLite database file on a network
    file system, with SQLite's reason and the way to share data instead."""
    where = network_location(path)
    if where is None:
        return
    raise ReasonOnly("db", str(path), Message(
        "{path} is on a network file system ({where}). SQLite warns: \"your best defense is to not use SQLite "
        "for files on a network filesystem\", and its write-ahead log \"does not work over a network "
        "filesystem\". Keep the database on this computer, or share one team database (--database-url; "
        "docs/team-database.md).", path=str(path), where=where))
