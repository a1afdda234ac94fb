"""Team database passwords in the operating system's credential store (issue 14).

Through the `keyring` library: Windows Credential Manager on Windows (a "Generic
credential" named SERVICE, visible and removable in Control Panel), the Keychain on macOS,
the Secret Service on a Linux desktop. The user name under which a password is kept
says who logs in where (TeamUrl.credential_key: user@host:port/database).

A computer without a usable store (a Linux server with no Secret Service, a locked or
broken backend) is a computer with no stored password: every failure here is logged
and answered as "nothing stored" / "not remembered", never raised. keyring's backends
raise whatever their platform raises (KeyringError, D-Bus and OS errors), so the
catches are broad on purpose. keyring is imported on first use (only in team mode).
"""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)

SERVICE = "Deskguide team database"


def _keyring():
    import keyring

    return keyring


def available() -> bool:
    """Whether this computer has a credential store that can keep a password."""
    try:
        from keyring.backends import fail

        backend = _keyring().get_keyring()
        return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 1) > 0
    except Exception as error:  # noqa: BLE001 - see the module's docstring
        log.warning("no credential store: %s", error)
        return False


def stored_password(key: str) -> str | None:
    """The password kept for `key`, or None (none kept, or no store on this computer)."""
    try:
        return _keyring().get_password(SERVICE, key)
    except Exception as error:  # noqa: BLE001
        log.info("no stored password for %s: %s", key, error)
        return None


def remember(key: str, password: str) -> bool:
    """Keep `password` for `key`; False when this computer cannot keep it."""
    try:
        _keyring().set_password(SERVICE, key, password)
    except Exception as error:  # noqa: BLE001
        log.warning("the password for %s could not be stored: %s", key, error)
        return False
    return True


def forget(key: str) -> None:
    """Remove the password kept for `key`, if any (it was refused by the server)."""
    try:
        _keyring().delete_password(SERVICE, key)
    except Exception as error:  # noqa: BLE001 - PasswordDeleteError when there was none
        log.info("no stored password removed for %s: %s", key, error)
