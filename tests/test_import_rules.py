"""The one-way dependencies of design.md, read from the source (AST), not at run time.

A run-time check only sees the imports a test happens to execute; this one reads every
`import` statement, including those inside functions and under TYPE_CHECKING, so a slip
fails here before it ships.

- desktop/common, desktop/wording, desktop/cli: no Qt (they serve the CLI too).
- desktop/gui/<feature>/: only the shared GUI rooms (widgets, platform, operations,
  view_context), wording, common, and its own feature; never another feature.
- Only desktop/gui/operations/ and the store worker call domain.services; nothing in the
  GUI touches domain.store.
- domain/ never imports desktop or Qt; domain/store never imports domain/services.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT = ("PySide6", "shiboken6")
GUI = ROOT / "desktop" / "gui"
FEATURES = sorted(p.name for p in GUI.iterdir() if p.is_dir() and p.name not in ("widgets", "platform", "operations")
                  and p.name != "__pycache__")
# What a feature's modules may import from the desktop package, besides their own feature.
FEATURE_MAY_IMPORT = ("desktop.gui.widgets", "desktop.gui.platform", "desktop.gui.operations",
                      "desktop.gui.view_context", "desktop.wording", "desktop.common")
SERVICE_CALLERS = ("desktop/gui/operations/", "desktop/gui/platform/store_worker.py")


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, root: Path = ROOT) -> list[str]:
    """Every module `path` imports, absolute, wherever the statement stands."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the importing package
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # `from desktop.gui import widgets` imports desktop.gui.widgets: name both.
            found += [base] + [f"{base}.{alias.name}" for alias in node.names]
    return found


def sources(folder: str) -> list[Path]:
    files = sorted((ROOT / folder).rglob("*.py"))
    assert files, f"no Python files under {folder}: the layout changed, update this test"
    return files


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def offenders(files: list[Path], forbidden) -> dict[str, list[str]]:
    found = {}
    for path in files:
        bad = sorted({name for name in imported_modules(path) if forbidden(path, name)})
        if bad:
            found[relative(path)] = bad
    return found


def under(name: str, *prefixes: str) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


# --- the checks check what they claim ------------------------------------------------------

def test_the_reader_finds_imports_everywhere(tmp_path):
    package = tmp_path / "desktop" / "gui" / "hours"
    package.mkdir(parents=True)
    sample = package / "hours_view.py"
    sample.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import PySide6.QtCore\n"
                      "def f():\n    from ..scope import scope_view\n    from desktop.gui import widgets\n")
    names = imported_modules(sample, root=tmp_path)
    assert "PySide6.QtCore" in names  # under TYPE_CHECKING
    assert "desktop.gui.scope.scope_view" in names  # relative, inside a function
    assert "desktop.gui.widgets" in names


def test_every_feature_folder_is_seen():
    assert {"hours", "scope", "customers", "call", "escalation", "settings"} <= set(FEATURES)


# --- the rules ---------------------------------------------------------------------------

@pytest.mark.parametrize("folder", ["desktop/common", "desktop/wording", "desktop/cli"])
def test_the_qt_free_rooms_import_no_qt_and_no_gui(folder):
    assert offenders(sources(folder), lambda _, name: under(name, *QT, "desktop.gui")) == {}


@pytest.mark.parametrize("feature", FEATURES)
def test_a_feature_imports_only_the_shared_rooms_and_itself(feature):
    own = f"desktop.gui.{feature}"

    def forbidden(_, name: str) -> bool:
        return under(name, "desktop") and not under(name, own, *FEATURE_MAY_IMPORT)

    assert offenders(sources(f"desktop/gui/{feature}"), forbidden) == {}


def test_in_the_gui_only_the_operations_and_the_store_worker_call_the_services():
    def forbidden(path: Path, name: str) -> bool:
        return under(name, "domain.services") and not relative(path).startswith(SERVICE_CALLERS)

    assert offenders(sources("desktop/gui"), forbidden) == {}


def test_nothing_in_the_gui_but_the_store_worker_touches_the_store():
    def forbidden(path: Path, name: str) -> bool:
        # The worker opens the store; everything else reaches it through the operations.
        return under(name, "domain.store") and relative(path) != "desktop/gui/platform/store_worker.py"

    assert offenders(sources("desktop/gui"), forbidden) == {}


def test_the_domain_imports_no_desktop_and_no_qt():
    assert offenders(sources("domain"), lambda _, name: under(name, "desktop", *QT)) == {}


def test_the_store_never_imports_the_services():
    assert offenders(sources("domain/store"), lambda _, name: under(name, "domain.services")) == {}
