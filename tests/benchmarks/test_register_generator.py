"""The benchmark's register is one an agent could have typed: every customer passes the
register's own checks (organisation-number check digits per country), and the stored
deadlines are the ones the services would store."""
from __future__ import annotations

import datetime as dt
import importlib.util
from collections import Counter
from pathlib import Path

from domain.customers import check_customer, check_subscription
from domain.services import register

# benchmarks/ is not a package that is installed: load the module from its file.
_SPEC = importlib.util.spec_from_file_location(
    "register_generator", Path(__file__).resolve().parents[2] / "benchmarks" / "register_generator.py")
generator = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(generator)

TODAY = dt.date(2026, 11, 23)


def test_every_generated_record_passes_the_registers_checks(store):
    generator.generate(store, customers=400, subscriptions=1200, seed=3, today=TODAY)
    records = register.export_records(store)
    assert len(records) == 400 and sum(len(r.subscriptions) for r in records) == 1200
    for record in records:
        assert check_customer(record.customer) == record.customer
        for sub in record.subscriptions:
            check_subscription(sub, TODAY)
    customers = [r.customer for r in records]
    assert set(Counter(c.country for c in customers)) == {"SE", "NO", "DK", "FI"}
    assert any(len(c.name) > 45 for c in customers)
    assert any(ch in c.name for c in customers for ch in "åäöøæ")
    terms = Counter(s.term.value for r in records for s in r.subscriptions)
    assert set(terms) == {"payg", "12", "24", "36"}
    starts = [s.start_date for r in records for s in r.subscriptions]
    assert min(starts).year == 2019 and max(starts).year == 2026


def test_generated_deadlines_are_the_services_deadlines(store):
    generator.generate(store, customers=100, subscriptions=600, seed=4, today=TODAY)
    listed = register.coming_deadlines(store, TODAY, 60)
    assert listed
    # Re-saving every subscription through the service stores the same deadlines.
    for record in register.export_records(store):
        for sub in record.subscriptions:
            register.save_subscription(store, sub, TODAY)
    assert register.coming_deadlines(store, TODAY, 60) == listed
