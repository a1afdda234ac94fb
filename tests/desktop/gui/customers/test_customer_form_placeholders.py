"""The org-number and phone placeholders follow the customer's country (issue 16)."""
from __future__ import annotations

import pytest

from desktop.gui.customers.customer_form_widget import EXAMPLES, CustomerFormWidget
from desktop.wording.phones import phone_text
from domain.customers import Customer, customer_problems


@pytest.fixture
def form(qtbot):
    widget = CustomerFormWidget()
    qtbot.addWidget(widget)
    return widget


def placeholders(form: CustomerFormWidget) -> tuple[str, str]:
    return form.org_number_edit.placeholderText(), form.phone_edit.placeholderText()


def test_choosing_a_country_changes_both_placeholders(form):
    assert placeholders(form) == ("e.g. 556677-8899", "e.g. +46 8 123 456 78")  # a new customer, in Sweden
    for country, shown in (("NO", ("e.g. 923 609 016", "e.g. +47 22 12 34 56")),
                           ("DK", ("e.g. 25 31 37 63", "e.g. +45 33 12 34 56")),
                           ("FI", ("e.g. 0112038-9", "e.g. +358 9 1234567")),
                           ("SE", ("e.g. 556677-8899", "e.g. +46 8 123 456 78"))):
        form.country_combo.setCurrentIndex(form.country_combo.findData(country))  # as the agent picks it
        assert placeholders(form) == shown, country


def test_a_new_customer_in_another_country_and_a_stored_one_show_their_countrys_examples(form):
    form.set_customer(None, "DK")
    assert placeholders(form) == ("e.g. 25 31 37 63", "e.g. +45 33 12 34 56")
    form.set_customer(Customer(name="Virtanen Oy", country="FI", id=7))
    assert placeholders(form) == ("e.g. 0112038-9", "e.g. +358 9 1234567")


@pytest.mark.parametrize("country", sorted(EXAMPLES))
def test_each_example_passes_the_checks_and_reads_as_the_card_shows_it(country):
    org_number, phone = EXAMPLES[country]
    assert customer_problems(Customer(name="Example", country=country, org_number=org_number, phone=phone)) == []
    assert phone_text(phone, country) == phone


def test_the_placeholders_speak_the_agents_language(form, qtbot):
    from desktop.common import i18n

    with i18n.in_language("fi"):
        form.retranslate()
        expected = i18n._("e.g. {example}").format(example="556677-8899")
    assert expected != "e.g. 556677-8899"
    assert form.org_number_edit.placeholderText() == expected
