#!/usr/bin/env python3
"""Sign Deskguide's Windows files with signtool (Authenticode, SHA-256, RFC 3161 timestamp).

    python packaging/sign_windows.py dist/Deskguide/Deskguide.exe dist/Deskguide/deskguide-cli.exe
    python packaging/sign_windows.py --description Deskguide dist/Deskguide.msi

Why: SmartScreen warns about, and many IT policies (AppLocker, WDAC, Intune's app rules)
block, unsigned executables and installers. The Windows workflow signs both executables
before the MSI is built (so the MSI carries signed programs) and then the MSI itself.

The certificate comes from the environment, which the workflow fills from the repository's
secrets (docs/deployment.md, "Code signing"):

    WINDOWS_SIGNING_CERTIFICATE           the code-signing certificate and key, a .pfx in base64
    WINDOWS_SIGNING_CERTIFICATE_PASSWORD  its password
    WINDOWS_SIGNING_TIMESTAMP_URL         optional; an RFC 3161 time-stamp server (DigiCert's by default)

With no certificate configured (a fork, a pull request from outside, a trial build) nothing is
signed and the script says so in one line and exits 0: an unsigned build is still a build.
A certificate that is configured but unusable (bad base64, no signtool, signtool fails) exits 2
with the reason: a release must never go out unsigned by accident.

The time stamp keeps the signature valid after the certificate expires. The .pfx is written to
a private temporary folder and deleted afterwards; the password goes to signtool on its command
line, which is the only way signtool takes it (the runner masks secrets in the log).

Standard library only, so it runs before or outside the venv.
"""
from __future__ import annotations

import argparse
import base64
import binascii
import glob
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

CERTIFICATE = "WINDOWS_SIGNING_CERTIFICATE"
PASSWORD = "WINDOWS_SIGNING_CERTIFICATE_PASSWORD"
TIMESTAMP_URL = "WINDOWS_SIGNING_TIMESTAMP_URL"
DEFAULT_TIMESTAMP_URL = "http://timestamp.digicert.com"
# Where the Windows SDK puts signtool on the GitHub runners and on a developer's PC.
SDK_SIGNTOOL = r"C:\Program Files (x86)\Windows Kits\10\bin\*\x64\signtool.exe"


class SigningError(Exception):
    """A configured certificate that cannot be used: the release must stop."""


def signtool_command(signtool: str, certificate: Path, password: str, timestamp_url: str,
                     files: Sequence[Path], description: str | None = None) -> list[str]:
    """signtool's arguments: SHA-256 file digest, RFC 3161 time stamp with a SHA-256 digest.
    /d is the name Windows shows in its UAC prompt for an MSI."""
    command = [signtool, "sign", "/fd", "SHA256", "/tr", timestamp_url, "/td", "SHA256",
               "/f", str(certificate), "/p", password]
    if description:
        command += ["/d", description]
    return command + [str(path) for path in files]


def find_signtool(environ: Mapping[str, str]) -> str | None:
    """signtool on PATH, else the newest Windows SDK's x64 one."""
    found = shutil.which("signtool", path=environ.get("PATH"))
    if found:
        return found
    candidates = sorted(glob.glob(SDK_SIGNTOOL))
    return candidates[-1] if candidates else None


def sign(files: Sequence[Path], environ: Mapping[str, str], description: str | None = None) -> str:
    """Sign `files` in place; what was done, in one line. SigningError when it cannot be done."""
    encoded = environ.get(CERTIFICATE, "").strip()
    if not encoded:
        return (f"signing skipped: no {CERTIFICATE} is configured (a repository secret), so "
                f"{', '.join(path.name for path in files)} stay unsigned; see docs/deployment.md, \"Code signing\"")
    missing = [str(path) for path in files if not path.is_file()]
    if missing:
        raise SigningError(f"nothing to sign at {', '.join(missing)}")
    try:
        pfx = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise SigningError(f"{CERTIFICATE} is not base64 (encode the .pfx file: "
                           "[Convert]::ToBase64String([IO.File]::ReadAllBytes('cert.pfx')))") from None
    signtool = find_signtool(environ)
    if signtool is None:
        raise SigningError("signtool.exe not found: install the Windows SDK's signing tools")
    timestamp_url = environ.get(TIMESTAMP_URL, "").strip() or DEFAULT_TIMESTAMP_URL
    with tempfile.TemporaryDirectory(prefix="deskguide-signing-") as folder:
        certificate = Path(folder) / "signing.pfx"
        certificate.write_bytes(pfx)
        command = signtool_command(signtool, certificate, environ.get(PASSWORD, ""), timestamp_url,
                                   files, description)
        result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        # signtool's own words; they never contain the password.
        raise SigningError(f"signtool failed ({result.returncode}): {(result.stdout + result.stderr).strip()}")
    verify = subprocess.run([signtool, "verify", "/pa", *map(str, files)], capture_output=True, text=True)
    if verify.returncode != 0:
        raise SigningError(f"signtool verify failed: {(verify.stdout + verify.stderr).strip()}")
    return f"signed and verified: {', '.join(path.name for path in files)} (time stamp {timestamp_url})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--description", help="the name shown in Windows' UAC prompt (for the MSI)")
    arguments = parser.parse_args(argv)
    try:
        print(sign(arguments.files, os.environ, arguments.description))
    except SigningError as error:
        print(f"sign_windows: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
