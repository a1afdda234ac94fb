"""Qt's own strings (standard buttons, context menus) in the agent's language.

gettext covers Deskguide's strings (desktop/common/i18n.py); Qt ships its own catalogues,
qtbase_sv.qm and so on, in QLibraryInfo's translations folder (inside the bundle in a
frozen build: PyInstaller's PySide6 hook collects them).
"""
from __future__ import annotations

from pathlib import Path

_installed = []  # the QTranslator in use: Qt does not own it, so keep it alive
# Qt ships no Bokmål catalogue (qtbase_nb), only Nynorsk (qtbase_nn): its standard buttons
# ("Avbryt", "Lukk") read naturally to a Bokmål user, far more so than English.
_QT_CATALOGUES = {"nb": ("nb", "nn"), "no": ("nb", "nn")}


def qt_translations_dir() -> Path:
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def load_qt_translator(locale: str):
    """A QTranslator with qtbase_<locale>, or None when Qt has no such catalogue
    (English needs none)."""
    from PySide6.QtCore import QTranslator

    for name in _QT_CATALOGUES.get(locale, (locale,)):
        translator = QTranslator()
        if translator.load(f"qtbase_{name}", str(qt_translations_dir())):
            return translator
    return None


def install_qt_translations(app, locale: str) -> bool:
    """Replace Qt's catalogue in `app` with `locale`'s; False when there is none."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    translator = load_qt_translator(locale)
    if translator is None:
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
