"""Saying a widget's texts again when the agent switches language, in one place.

A widget puts the mixin first (`class FooWidget(Retranslating, QWidget)`) and has a
`retranslate()` that sets every text it owns. On the LanguageChange the app sends once
per switch (desktop/gui/platform/language.py), the base class's changeEvent runs first,
then `retranslate()`: the texts are said once, and Qt hands the event on to the
children after this returns.

A widget that tints a warning by the palette names that in `recolour()`; it runs on a
light/dark switch (PaletteChange, or ApplicationPaletteChange for a widget without a
palette of its own).

The mixin has no `__init__` and no Qt base, so it sits before the Qt class in the MRO
and Shiboken calls its `changeEvent` as the widget's override.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent

_PALETTE_CHANGES = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


class Retranslating:
    def retranslate(self) -> None:
        """Every text the widget owns, in the current language."""
        raise NotImplementedError

    def recolour(self) -> None:
        """Colours taken from the palette, again (light <-> dark); most widgets have none."""

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self.retranslate()
        elif kind in _PALETTE_CHANGES:
            self.recolour()
