"""The customer card's data: the customer, its subscriptions with their next notice
deadlines (soonest first), and its escalations still waiting for Microsoft.

Read in one unit of work, each part by an indexed query, so that opening a card answers
within a frame at 100,000 customers (benchmarks/run_benchmarks.py, section "card").
The deadlines are domain.notice's, computed for `today` (a customer has a handful of
subscriptions); the stored copies in the subscription table serve the register-wide list.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from domain.cases import Case
from domain.customers import Customer, Subscription
from domain.errors import InvalidInput
from domain.messages import Message
from domain.notice import next_notice_deadline

if TYPE_CHECKING:
    from domain.store import Store


@dataclass(frozen=True)
class CardSubscription:
    subscription: Subscription
    # The last day written notice may arrive (terms §10); None for pay-as-you-go, which
    # has no deadline: it ends on the day notice arrives.
    next_deadline: dt.date | None
    days_left: int | None  # from today; 0 = the deadline is today; None for pay-as-you-go


@dataclass(frozen=True)
class CustomerCard:
    customer: Customer
    subscriptions: tuple[CardSubscription, ...]  # soonest deadline first, pay-as-you-go last
    soonest_subscription_id: int | None  # the one to highlight; None when none has a deadline
    open_cases: tuple[Case, ...]  # not yet answered by Microsoft, soonest due first


def _card_subscription(subscription: Subscription, today: dt.date) -> CardSubscription:
    deadline = next_notice_deadline(subscription.start_date, subscription.term, today)
    return CardSubscription(subscription, deadline, None if deadline is None else (deadline - today).days)


def _soonest_first(item: CardSubscription) -> tuple:
    return (item.next_deadline is None, item.next_deadline or dt.date.max, item.subscription.product,
            item.subscription.id)


def customer_card(store: Store, customer_id: int, today: dt.date) -> CustomerCard:
    """Everything the card shows of one customer on `today` (the agent's calendar day).
    A customer not in the register is InvalidInput."""
    with store.unit_of_work() as uow:
        customer = uow.customers.get(customer_id)
        if customer is None:
            raise InvalidInput("customer", customer_id, Message("is not a customer in the register"))
        subscriptions = uow.subscriptions.of_customer(customer_id)
        cases = tuple(uow.cases.open_of(customer_id))
    items = sorted((_card_subscription(s, today) for s in subscriptions), key=_soonest_first)
    soonest = items[0].subscription.id if items and items[0].next_deadline is not None else None
    return CustomerCard(customer, tuple(items), soonest, cases)
