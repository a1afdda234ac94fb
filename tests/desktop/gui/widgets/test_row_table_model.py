"""Lists sort by the UI language's alphabet (issue 16): Å, Ä, Ö after Z in Swedish;
Æ, Ø, Å after Z in Danish; not as A and O."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.gui.platform.language import apply_language
from desktop.gui.widgets.customer_table_model import NAME, CustomerTableModel
from domain.customers import CustomerSummary

pytestmark = pytest.mark.gui

NAMES = ["Örebro Bygg AB", "Åkerlund AB", "Ängby Konsult AB", "Zeta Data AB", "Alfa AB", "Ørsted Regnskab ApS",
         "Æble ApS", "Kontor 10 AB", "Kontor 9 AB"]
IN_SWEDISH = ["Alfa AB", "Kontor 9 AB", "Kontor 10 AB", "Zeta Data AB", "Åkerlund AB", "Æble ApS",
              "Ängby Konsult AB", "Örebro Bygg AB", "Ørsted Regnskab ApS"]
IN_DANISH = ["Alfa AB", "Kontor 9 AB", "Kontor 10 AB", "Zeta Data AB", "Æble ApS", "Ängby Konsult AB",
             "Örebro Bygg AB", "Ørsted Regnskab ApS", "Åkerlund AB"]


def summaries(names: list[str]) -> list[CustomerSummary]:
    return [CustomerSummary(id=number, name=name, org_number="", country="SE", phone="", email="", offering="")
            for number, name in enumerate(names, 1)]


@pytest.mark.parametrize(("language", "expected"), [("sv", IN_SWEDISH), ("da", IN_DANISH)])
def test_the_register_list_by_name_follows_the_ui_languages_alphabet(qapp, language, expected):
    apply_language(language)
    model = CustomerTableModel()
    model.show(summaries(NAMES), by_name=True)
    assert model.names() == expected


def test_search_results_keep_their_ranking(qapp):
    apply_language("sv")
    model = CustomerTableModel()
    model.show(summaries(["Örebro Bygg AB", "Alfa AB"]))
    assert model.names() == ["Örebro Bygg AB", "Alfa AB"]


def test_sorting_a_column_uses_the_collation_both_ways(qapp):
    apply_language("sv")
    model = CustomerTableModel()
    model.show(summaries(NAMES))
    model.sort(NAME, Qt.SortOrder.AscendingOrder)
    assert model.names() == IN_SWEDISH
    model.sort(NAME, Qt.SortOrder.DescendingOrder)
    assert model.names() == IN_SWEDISH[::-1]
    apply_language("en")  # English files Å with A
    model.sort(NAME)
    assert model.names().index("Åkerlund AB") < model.names().index("Alfa AB") < model.names().index("Zeta Data AB")


def test_the_real_customer_list_in_swedish(qtbot, store, main_window):
    from domain.customers import Customer
    from domain.services.register import save_customer

    for name in ["Östberg AB", "Åhléns Kontor AB", "Zander AB", "Andersson AB"]:
        save_customer(store, Customer(name=name, country="SE", org_number=""))
    view = main_window.show_view("customers")
    apply_language("sv")
    qtbot.waitUntil(lambda: view.finder.model.names()[:4] == ["Andersson AB", "Zander AB", "Åhléns Kontor AB",
                                                              "Östberg AB"])
