"""The one-way dependencies of design.md: the domain imports no Qt and never reads the clock, the store
never imports the services, and the rules import neither SQLAlchemy nor Alembic."""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import domain

DOMAIN_DIR = Path(domain.__file__).resolve().parent
ROOT = DOMAIN_DIR.parent
FORBIDDEN_IMPORTS = ("desktop", "PySide6", "shiboken6")
SERVICES = ("domain.services",)
DRIVERS = ("sqlalchemy", "alembic")
CLOCK_READS = {"now", "today", "utcnow"}


def run_python(code: str) -> dict:
    """Run `code` in a fresh interpreter (nothing imported yet) and return its JSON output."""
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_importing_every_domain_module_and_the_cli_loads_no_qt():
    loaded = run_python("""
import json, pkgutil, importlib, sys
import domain
names = [m.name for m in pkgutil.walk_packages(domain.__path__, "domain.")
         if m.name != "domain.store.migrations.env"]  # run by Alembic only, inside a migration
for name in names:
    importlib.import_module(name)
import desktop.cli
print(json.dumps({"modules": names, "qt": sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))}))
""")
    # The walk really reached the store and the services ...
    assert {"domain.opening_hours", "domain.closed_days", "domain.store.database", "domain.services.hours",
            "domain.store.opening"} <= set(loaded["modules"])
    assert loaded["qt"] == []  # ... and no Qt came with them


def test_answering_from_the_cli_loads_no_qt(tmp_path, now):
    from domain.store import open_store

    db = tmp_path / "cli.sqlite3"
    open_store(db, now=now).close()  # named by --db: a read command does not create it
    loaded = run_python(f"""
import contextlib, io, json, sys
from desktop import cli
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = cli.main(["hours", "--json", "--country", "SE", "--at", "2026-12-24T10:00", "--db", {str(db)!r}])
print(json.dumps({{"code": code, "answer": json.loads(out.getvalue()),
                  "qt": sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))}}))
""")
    assert loaded["code"] == 0
    assert loaded["answer"]["closed_reason"] == "Christmas Eve"
    assert loaded["qt"] == []


def test_the_rule_modules_load_neither_qt_nor_sqlalchemy():
    loaded = run_python("""
import json, sys
import domain.desks, domain.closed_days, domain.opening_hours, domain.reference_data, domain.errors
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules} & {"PySide6", "shiboken6", "sqlalchemy", "alembic"})))
""")
    assert loaded == []


# --- source checks -------------------------------------------------------------------------

def domain_sources() -> list[Path]:
    files = sorted(DOMAIN_DIR.rglob("*.py"))
    assert DOMAIN_DIR / "store" / "migrations" / "versions" / "0001_desks.py" in files
    return files


def imported_modules(source: str) -> list[tuple[str, ...]]:
    """Every import of `source`, at the top or inside a function, as the names it may
    mean: `import a.b` -> ("a.b",); `from a import b` -> ("a", "a.b") (b may be a module);
    importlib.import_module("a.b") / __import__("a.b") with a literal name -> ("a.b",)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(alias.name,) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found += [(node.module, f"{node.module}.{alias.name}") for alias in node.names]
        elif (isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute))
              and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module", "__import__")
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            found.append((node.args[0].value,))
    return found


def imports_of(source: str, packages: tuple[str, ...]) -> list[str]:
    """The imports of `source` that are, or are inside, one of `packages` ("domain.services")."""
    def inside(name: str) -> bool:
        return any(name == package or name.startswith(package + ".") for package in packages)

    found = []
    for names in imported_modules(source):
        name = next((name for name in names if inside(name)), None)
        if name is not None and name not in found:
            found.append(name)
    return found


def forbidden_imports(source: str) -> list[str]:
    return imports_of(source, FORBIDDEN_IMPORTS)


def clock_reads(source: str) -> list[str]:
    return [f"line {node.lineno}: .{node.attr}" for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Attribute) and node.attr in CLOCK_READS]


def test_the_checks_themselves_find_what_they_look_for():
    assert forbidden_imports("import PySide6.QtCore") == ["PySide6.QtCore"]
    assert forbidden_imports("from desktop.cli import main") == ["desktop.cli"]
    assert forbidden_imports("importlib.import_module('PySide6.QtWidgets')") == ["PySide6.QtWidgets"]
    assert forbidden_imports("import datetime\nfrom domain.desks import Desk") == []
    assert imports_of("def f():\n    from domain.services.escalation import Case", SERVICES) == [
        "domain.services.escalation"]
    assert imports_of("from domain import services", SERVICES) == ["domain.services"]
    assert imports_of("from domain.servicesx import y\nimport domain.store", SERVICES) == []
    assert imports_of("from sqlalchemy.orm import Session\nimport alembic", DRIVERS) == ["sqlalchemy.orm", "alembic"]
    assert clock_reads("import datetime as dt\nx = dt.datetime.now(dt.timezone.utc)") == ["line 2: .now"]
    assert clock_reads("from datetime import date\ny = date.today()") == ["line 2: .today"]
    assert clock_reads("f = datetime.utcnow") == ["line 1: .utcnow"]
    assert clock_reads("def status(now): return now") == []


def test_no_domain_module_imports_qt_or_the_desktop_package():
    offenders = {str(path.relative_to(ROOT)): found for path in domain_sources()
                 if (found := forbidden_imports(path.read_text(encoding="utf-8")))}
    assert offenders == {}


def test_no_domain_module_reads_the_clock():
    offenders = {str(path.relative_to(ROOT)): found for path in domain_sources()
                 if (found := clock_reads(path.read_text(encoding="utf-8")))}
    assert offenders == {}


def test_the_store_never_imports_the_services():
    # The services use the store; the other way round would make a cycle (design.md).
    offenders = {str(path.relative_to(ROOT)): found for path in domain_sources()
                 if (DOMAIN_DIR / "store") in path.parents
                 and (found := imports_of(path.read_text(encoding="utf-8"), SERVICES))}
    assert offenders == {}


def rule_sources() -> list[Path]:
    """The rule modules: domain/*.py at the top, not the store's nor the services'."""
    files = sorted(DOMAIN_DIR.glob("*.py"))
    assert DOMAIN_DIR / "notice.py" in files and DOMAIN_DIR / "cases.py" in files
    return files


def test_the_rules_import_neither_sqlalchemy_nor_alembic():
    offenders = {str(path.relative_to(ROOT)): found for path in rule_sources()
                 if (found := imports_of(path.read_text(encoding="utf-8"), DRIVERS))}
    assert offenders == {}
