"""A team's database (domain/store/team.py) on a real PostgreSQL server: `team init` sets
it up with its roles; the app never migrates it and says which side to upgrade; the
reference data is the installed version's, so reference answers work with the server
gone; a server that goes away and comes back is found again."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy.engine import make_url

from domain.customers import Customer
from domain.desks import OverrideKind
from domain.errors import NotAllowed, StoreError, StoreUnreachable
from domain.journal import JournalEntry, JournalKind
from domain.services import hours, journal, register, scope
from domain.store import Store, init_team_database, open_team_store
from domain.store.database import head_revision, stored_revision
from domain.store.migrating import NewerSchema
from tests.domain.raw_sql import sql

pytestmark = pytest.mark.postgres


@pytest.fixture
def team_url(postgres_server, postgres_template):
    name = postgres_server.create_database(template=postgres_template)
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


def _open(url, now, **options):
    return open_team_store(url, now=now, **options)


def test_team_init_on_an_empty_database_creates_the_schema_and_the_roles(empty_postgres_url, now):
    done = init_team_database(empty_postgres_url, now=now)
    assert done.from_revision is None and done.revision == head_revision()
    assert set(done.reference_loaded) == {"desks", "scope", "lifecycle", "escalation"}
    store = Store.for_url(empty_postgres_url)
    try:
        roles = {row[0] for row in sql(store, "SELECT rolname FROM pg_roles WHERE rolname LIKE 'deskguide_%'")}
        assert roles == {"deskguide_agent", "deskguide_admin"}
        assert stored_revision(store) == head_revision()
    finally:
        store.close()
    again = init_team_database(empty_postgres_url, now=now)  # run twice: nothing more to do
    assert again.from_revision == head_revision() and again.reference_loaded == ()


def test_the_app_does_not_migrate_an_empty_database_and_says_what_to_do(empty_postgres_url, now):
    store = _open(empty_postgres_url, now)
    try:
        assert "deskguide team init" in store.schema_problem
        with pytest.raises(StoreError, match="team init"):
            register.customer_summaries(store)
        with pytest.raises(StoreError, match="team init"):
            register.save_customer(store, Customer("Acme AB", "SE"))
        # Reference answers come from the installed version all the same.
        assert scope.search(store, "skrivare")
        assert set(hours.load_policies(store)) == {"SE", "NO", "DK", "FI"}
        assert stored_revision(store) is None  # nothing was created
    finally:
        store.close()


def test_an_older_team_database_is_refused_until_it_is_upgraded(team_url, now):
    sql(Store.for_url(team_url), "UPDATE alembic_version SET version_num = '0006'")
    store = _open(team_url, now)
    try:
        assert "IT upgrades the server first" in store.schema_problem
        with pytest.raises(StoreError, match="0006"):
            register.customer_summaries(store)
    finally:
        store.close()


def test_a_newer_team_database_is_read_but_not_written_and_team_init_refuses_it(team_url, now):
    register.save_customer(plain := Store.for_url(team_url), Customer("Acme AB", "SE"))
    plain.close()
    sql(Store.for_url(team_url), "UPDATE alembic_version SET version_num = 'f00d'")
    store = _open(team_url, now)
    try:
        assert [c.name for c in register.customer_summaries(store)] == ["Acme AB"]
        with pytest.raises(StoreError, match="install the newer Deskguide"):
            register.save_customer(store, Customer("Beta Oy", "FI"))
    finally:
        store.close()
    with pytest.raises(NewerSchema):
        init_team_database(team_url, now=now)
    assert sql(Store.for_url(team_url), "SELECT version_num FROM alembic_version") == [("f00d",)]


def test_an_agents_role_keeps_the_register_and_an_administrators_the_hours(postgres_server, team_url, now):
    database = make_url(team_url).database
    postgres_server.execute("CREATE ROLE anna LOGIN IN ROLE deskguide_agent",
                            "CREATE ROLE boss LOGIN IN ROLE deskguide_admin")
    try:
        override = hours.new_override(OverrideKind.CLOSED_DATE, "SE", now=now, by="Anna",
                                      on_date=dt.date(2026, 12, 28))
        agent = _open(postgres_server.url(database).set(username="anna"), now)
        try:
            saved = register.save_customer(agent, Customer("Acme AB", "SE"))
            journal.add_entry(agent, JournalEntry(saved.id, now, "Anna", JournalKind.NOTE, "", "", note="Hi"))
            with pytest.raises(NotAllowed):
                hours.add_override(agent, override)
        finally:
            agent.close()
        admin = _open(postgres_server.url(database).set(username="boss"), now)
        try:
            added = hours.add_override(admin, override)
            assert hours.list_overrides(admin) == [added]
        finally:
            admin.close()
    finally:
        postgres_server.execute("DROP OWNED BY anna, boss", "DROP ROLE anna", "DROP ROLE boss")


@pytest.fixture
def own_server():
    """A PostgreSQL server of this test's own, to stop and start."""
    from tests.postgres_server import PostgresServer

    server = PostgresServer().start()
    yield server
    server.stop()


def test_a_server_that_is_gone_leaves_reference_answers_and_says_so(own_server, now):
    name = own_server.create_database()
    url = own_server.url(name)
    init_team_database(url, now=now)
    store = _open(url, now)
    try:
        override = hours.add_override(store, hours.new_override(OverrideKind.CLOSED_DATE, "FI", now=now, by="Anna",
                                                                on_date=dt.date(2026, 11, 27)))
        register.save_customer(store, Customer("Acme AB", "SE"))
        own_server.stop_server()
        with pytest.raises(StoreUnreachable):
            register.customer_summaries(store)
        assert store.offline
        with pytest.raises(StoreUnreachable):  # said at once, no second wait for the network
            register.customer_summaries(store)
        policies = hours.load_policies(store)  # the installed reference hours, without the overrides
        assert policies["FI"].overrides == ()
        status = hours.HoursAnswerer(policies).status("FI", dt.datetime(2026, 11, 27, 10, tzinfo=dt.timezone.utc))
        assert status.open and [w.code for w in status.warnings] == ["overrides_missing"]
        assert not store.reconnect()

        own_server.start_server()
        assert store.reconnect()
        assert [c.name for c in register.customer_summaries(store)] == ["Acme AB"]
        assert hours.list_overrides(store) == [override]
    finally:
        store.close()


def test_opening_with_the_server_down_is_unreachable_or_for_the_app_an_offline_store(own_server, now):
    name = own_server.create_database()
    url = own_server.url(name)
    init_team_database(url, now=now)
    own_server.stop_server()
    with pytest.raises(StoreUnreachable):  # a command: exit 3
        _open(url, now)
    store = _open(url, now, offline_ok=True)  # the app: reference answers, a banner, reconnecting
    try:
        assert store.offline
        assert scope.search(store, "skrivare")
        with pytest.raises(StoreUnreachable):
            register.save_customer(store, Customer("Acme AB", "SE"))
    finally:
        store.close()


# --- Roles (issue 15): what each group role may change, enforced by the database -------------

@pytest.fixture
def logins(postgres_server, team_url, now):
    """Real logins in the group roles (trust over the socket): `open(name)` is that login's
    store on the test's team database."""
    names = {"karin": "deskguide_agent", "lars": "deskguide_admin"}
    postgres_server.execute(*(f"CREATE ROLE {name} LOGIN IN ROLE {group}" for name, group in names.items()))
    opened = []

    def open_as(name):
        opened.append(_open(team_url.set(username=name), now))
        return opened[-1]

    yield open_as
    for store in opened:
        store.close()
    postgres_server.execute("DROP OWNED BY karin, lars", "DROP ROLE karin", "DROP ROLE lars")


def _case(store, customer_id, now):
    from domain.cases import new_case
    from domain.services import escalation

    answer = escalation.escalator(store).escalate("B", "unified", now, "SE")
    return escalation.save_case(store, new_case(answer, "SE", "Exchange Online", "Acme AB", customer_id=customer_id))


def test_an_agent_keeps_the_register_cases_and_journal_but_deletes_no_customer_and_purges_nothing(logins, now):
    from domain.customers import Subscription
    from domain.notice import Term
    from domain.roles import Role
    from domain.services import escalation

    agent = logins("karin")
    assert (agent.role, agent.login) == (Role.AGENT, "karin")
    agent.agent_name = "Karin Lund"
    customer = register.save_customer(agent, Customer("Acme AB", "SE"))
    # Who changed what: the name the agent gave and the login the database vouches for.
    assert register.get_customer(agent, customer.id).customer.changed.by == "Karin Lund (karin)"
    customer = register.save_customer(agent, replace(customer, phone="+46 8 1"), customer.version)
    subscription = register.save_subscription(
        agent, Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2026, 1, 1), customer_id=customer.id),
        now.date())
    # A mistyped subscription is corrected by the agent on the line (docs/team-database.md, Roles).
    register.delete_subscription(agent, subscription.id, subscription.version)
    case = _case(agent, customer.id, now)
    marked = escalation.mark_responded(agent, case.id, now, by="Karin")
    # Issue 16 (migration 0010's columns): the agent undoes the mark, edits and closes the case.
    edited = escalation.edit_case(agent, escalation.undo_response(agent, marked), "Teams", "")
    assert escalation.end_case(agent, edited, "closed", "Solved", by="Karin", now=now).status == "closed"
    journal.add_entry(agent, JournalEntry(customer.id, now, "Karin", JournalKind.NOTE, "", "", note="Hi"))

    with pytest.raises(NotAllowed, match="needs a Deskguide administrator"):
        register.delete_customer(agent, customer.id, customer.version)
    with pytest.raises(NotAllowed, match="needs a Deskguide administrator"):
        journal.purge_older_than(agent, 1, now + dt.timedelta(days=400))
    # The database's own refusal behind the app's: the same deletes straight to the tables.
    with pytest.raises(NotAllowed, match="your database role may not do this"):
        with agent.unit_of_work(write=True) as uow:
            uow.customers.delete(customer.id)
    with pytest.raises(NotAllowed, match="your database role may not do this"):
        with agent.unit_of_work(write=True) as uow:
            uow.journal.delete_created_before(now + dt.timedelta(days=1))
    assert register.get_customer(agent, customer.id).customer.phone == "+46 8 1"
    assert len(journal.journal(agent, customer.id)) == 1


def test_an_administrator_deletes_customers_and_purges_the_journal(logins, now):
    from domain.roles import Role

    agent, admin = logins("karin"), logins("lars")
    assert admin.role is Role.ADMIN
    customer = register.save_customer(agent, Customer("Acme AB", "SE"))
    journal.add_entry(agent, JournalEntry(customer.id, now, "Karin", JournalKind.NOTE, "", "", note="Hi"))
    other = register.save_customer(agent, Customer("Beta Oy", "FI"))
    journal.add_entry(agent, JournalEntry(other.id, now, "Karin", JournalKind.NOTE, "", "", note="Moi"))
    assert journal.purge_older_than(admin, 1, now + dt.timedelta(days=62)) == 2
    register.delete_customer(admin, customer.id, customer.version)  # its journal and subscriptions go with it
    assert [c.name for c in register.customer_summaries(agent)] == ["Beta Oy"]


def test_team_init_takes_back_what_agents_may_no_longer_do(postgres_server, team_url, now):
    # A database set up by issue 14's `team init`: agents could delete everything they wrote.
    owner = Store.for_url(team_url)
    try:
        sql(owner, "GRANT DELETE ON customer, journal_entry, escalation_case TO deskguide_agent")
        init_team_database(team_url, now=now)
        allowed = {(t, p) for t, p, granted in sql(owner, rights_query_for("deskguide_agent")) if granted}
        assert allowed == {("customer", "INSERT"), ("customer", "UPDATE"), ("escalation_case", "INSERT"),
                           ("escalation_case", "UPDATE"), ("journal_entry", "INSERT"), ("journal_entry", "UPDATE"),
                           ("subscription", "INSERT"), ("subscription", "UPDATE"), ("subscription", "DELETE")}
        admin = {(t, p) for t, p, granted in sql(owner, rights_query_for("deskguide_admin")) if granted}
        assert {("customer", "DELETE"), ("journal_entry", "DELETE"), ("desk_override", "INSERT"),
                ("desk_override", "DELETE")} <= admin
    finally:
        owner.close()


def rights_query_for(role: str) -> str:
    return (f"SELECT t, p, has_table_privilege('{role}', t, p) FROM unnest(array['customer', 'journal_entry',"
            " 'escalation_case', 'subscription', 'desk_override']) t, unnest(array['INSERT', 'UPDATE', 'DELETE']) p")


def test_a_local_file_is_its_agents_own_administrator(sqlite_store):
    from domain.roles import Role

    assert (sqlite_store.role, sqlite_store.login) == (Role.ADMIN, None)
