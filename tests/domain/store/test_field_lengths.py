"""The rules' field lengths (which cannot import SQLAlchemy) are the store's column sizes."""
from __future__ import annotations

import pytest
from sqlalchemy import String

from domain import cases, customers, desks, journal, outbox, roles
from domain.store import models

# Checked against their few values instead of a length.
ENUMERATED = {"country", "offering", "term", "kind", "severity", "clock", "status"}
# Stamped by the program, never typed (migration 0009): who changed or opened a record is
# an agent's name, as the journal's author is; an outbox item's key is a uuid4's text.
STAMPED = {"changed_by": roles.AUTHOR_LENGTH, "opened_by": roles.AUTHOR_LENGTH,
           "client_key": len(outbox.new_client_key())}


def lengths(row) -> dict[str, int]:
    return {column.name: column.type.length for column in row.__table__.columns
            if isinstance(column.type, String) and column.type.length and not column.foreign_keys}


@pytest.mark.parametrize("row, rules", [
    (models.CustomerRow, customers.CUSTOMER_FIELD_LENGTHS),
    (models.SubscriptionRow, customers.SUBSCRIPTION_FIELD_LENGTHS),
    (models.EscalationCaseRow, cases.CASE_FIELD_LENGTHS),
    (models.JournalEntryRow, {"agent": journal.MAX_AGENT, "topic": journal.MAX_TOPIC, "verdict": journal.MAX_VERDICT}),
])
def test_every_text_column_has_its_length_in_the_rules(row, rules):
    columns = lengths(row)
    assert rules == {name: size for name, size in columns.items() if name not in ENUMERATED | set(STAMPED)}
    assert {name: size for name, size in columns.items() if name in STAMPED} == {
        name: size for name, size in STAMPED.items() if name in columns}


def test_an_overrides_author_fits_its_column():
    assert desks.OVERRIDE_BY_LENGTH == lengths(models.DeskOverrideRow)["created_by"]
