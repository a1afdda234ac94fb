"""Code signing (packaging/sign_windows.py and its steps in .github/workflows/windows.yml).

signtool exists only on Windows, so what runs here is everything around it: a build with
no certificate goes on unsigned and says so, a configured certificate that cannot be used
stops the build with the reason, the signtool command is the one the docs promise, and the
workflow signs the programs before the MSI is built and the MSIs after. The signature itself
is proven by the Windows workflow (signtool verify /pa), when the secrets are configured.
"""
from __future__ import annotations

import base64
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "sign_windows.py"
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"


def load_sign_windows():
    # By path: "packaging" is also the name of a well-known PyPI library.
    spec = importlib.util.spec_from_file_location("sign_windows", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sign_windows = load_sign_windows()


def run_script(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", **env})


@pytest.fixture
def programs(tmp_path: Path) -> list[Path]:
    files = [tmp_path / "Deskguide.exe", tmp_path / "deskguide-cli.exe"]
    for path in files:
        path.write_bytes(b"MZ" + b"\0" * 62)
    return files


def test_without_a_certificate_the_build_goes_on_unsigned_and_says_so(programs):
    before = [path.read_bytes() for path in programs]
    result = run_script(*map(str, programs), env={})
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1
    assert "signing skipped: no WINDOWS_SIGNING_CERTIFICATE" in result.stdout
    assert "Deskguide.exe, deskguide-cli.exe stay unsigned" in result.stdout
    assert [path.read_bytes() for path in programs] == before


def test_a_certificate_that_is_not_base64_stops_the_build(programs):
    result = run_script(*map(str, programs), env={"WINDOWS_SIGNING_CERTIFICATE": "not base64 at all!"})
    assert result.returncode == 2
    assert result.stderr.startswith("sign_windows: WINDOWS_SIGNING_CERTIFICATE is not base64")
    assert "Traceback" not in result.stderr


def test_a_configured_certificate_without_signtool_stops_the_build(programs):
    certificate = base64.b64encode(b"a pfx file").decode()
    result = run_script(*map(str, programs), env={"WINDOWS_SIGNING_CERTIFICATE": certificate,
                                                  "WINDOWS_SIGNING_CERTIFICATE_PASSWORD": "secret"})
    assert result.returncode == 2
    assert "signtool.exe not found" in result.stderr
    assert "secret" not in result.stdout + result.stderr


def test_a_missing_file_is_named(tmp_path):
    certificate = base64.b64encode(b"a pfx file").decode()
    result = run_script(str(tmp_path / "Deskguide.msi"), env={"WINDOWS_SIGNING_CERTIFICATE": certificate})
    assert result.returncode == 2
    assert "nothing to sign at" in result.stderr and "Deskguide.msi" in result.stderr


def test_signtool_signs_with_sha256_and_an_rfc3161_time_stamp(tmp_path):
    command = sign_windows.signtool_command("signtool.exe", tmp_path / "c.pfx", "pw", "http://ts.example",
                                            [Path("dist/Deskguide.msi")], description="Deskguide")
    assert command == ["signtool.exe", "sign", "/fd", "SHA256", "/tr", "http://ts.example", "/td", "SHA256",
                       "/f", str(tmp_path / "c.pfx"), "/p", "pw", "/d", "Deskguide", str(Path("dist/Deskguide.msi"))]


def workflow_steps() -> list[dict]:
    document = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return document["jobs"]["build-install"]["steps"]


def step_index(steps: list[dict], text: str) -> int:
    found = [index for index, step in enumerate(steps) if text in step.get("run", "")]
    assert len(found) == 1, f"{len(found)} steps run {text!r}"
    return found[0]


def test_the_workflow_signs_the_programs_before_the_msi_and_the_msis_after():
    steps = workflow_steps()
    programs = step_index(steps, "sign_windows.py dist\\Deskguide\\Deskguide.exe dist\\Deskguide\\deskguide-cli.exe")
    build = step_index(steps, "build_msi.py --toolset wix3 --output dist\\Deskguide.msi")
    msis = step_index(steps, "sign_windows.py --description Deskguide dist\\Deskguide.msi dist\\Deskguide-upgrade.msi")
    install = step_index(steps, "'/i', 'dist\\Deskguide.msi', '/qn', '/l*v', 'install.log'")
    assert step_index(steps, "dev.py build") < programs < build < msis < install


def test_the_secrets_reach_the_signing_steps_only_through_their_environment():
    for step in workflow_steps():
        # In a run: script a secret would be pasted into the script text (and into its log on error).
        assert "secrets." not in step.get("run", "")
        if "sign_windows.py" in step.get("run", ""):
            assert step["env"]["WINDOWS_SIGNING_CERTIFICATE"] == "${{ secrets.WINDOWS_SIGNING_CERTIFICATE }}"
            assert step["env"]["WINDOWS_SIGNING_CERTIFICATE_PASSWORD"] == \
                "${{ secrets.WINDOWS_SIGNING_CERTIFICATE_PASSWORD }}"
