"""A team database's URL (desktop/common/team_url.py): the schemes taken, a password never
taken nor repeated, TLS checked by default for another computer, a connect timeout."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from desktop.common.team_url import UrlRefused, parse_team_url


def parsed(text: str):
    return parse_team_url(text, "--database-url")


def refusal(text: str) -> str:
    with pytest.raises(UrlRefused) as refused:
        parsed(text)
    return refused.value.message


@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+psycopg", "PostgreSQL"])
def test_postgresql_urls_are_taken_and_read_as_psycopg_3(scheme):
    url = parsed(f"{scheme}://agent@db.example:6432/deskguide")
    made = url.sqlalchemy_url()
    assert made.drivername == "postgresql+psycopg"
    assert (made.username, made.host, made.port, made.database) == ("agent", "db.example", 6432, "deskguide")
    assert made.password is None


@pytest.mark.parametrize("text", ["mysql://db.example/deskguide", "postgresql+psycopg2://db.example/deskguide",
                                  "sqlite:///C:/Deskguide/deskguide.sqlite3", "db.example/deskguide",
                                  "https://db.example/deskguide", "postgresql:deskguide"])
def test_anything_else_is_refused_in_one_line(text):
    said = refusal(text)
    assert said.startswith("--database-url: ") and "postgresql://HOST/DATABASE" in said
    assert "\n" not in said


@pytest.mark.parametrize(("text", "words"), [
    ("", "is empty"),
    ("postgresql://db.example", "name the database"),
    ("postgresql://db.example/", "name the database"),
    ("postgresql://db.example:99999/deskguide", "port"),
    ("postgresql://db.example:port/deskguide", "port"),
    ("postgresql://db1.example,db2.example/deskguide", "one server"),
    ("postgresql:///deskguide?host=db1&host=db2", "one server"),
    ("postgresql://[::1/deskguide", "not a URL"),
])
def test_what_cannot_be_used_is_said(text, words):
    assert words in refusal(text)


SECRET = "Tr0ub4dor&3-x9"


@pytest.mark.parametrize("text", [
    f"postgresql://agent:{quote(SECRET, safe='')}@db.example/deskguide",
    f"postgres://agent:{SECRET}@db.example:5432/deskguide",
    f"postgresql://db.example/deskguide?user=agent&password={quote(SECRET)}",
    f"postgresql://db.example/deskguide?sslpassword={quote(SECRET)}",
    f"mysql://agent:{SECRET}@db.example/deskguide",  # refused for the password before the scheme
])
def test_a_url_with_a_password_is_refused_without_repeating_it(text):
    with pytest.raises(UrlRefused) as refused:
        parsed(text)
    error = refused.value
    assert "a URL with a password is refused" in error.message
    for shown in (error.message, str(error), repr(error.value), repr(error.args)):
        assert SECRET not in shown and quote(SECRET, safe="") not in shown


@given(st.text(st.characters(categories=("L", "N", "P", "S")), min_size=8, max_size=30))
def test_no_password_is_ever_repeated(password):
    assume(password not in refusal("postgresql://agent:x@db.example/deskguide"))  # "Deskguid" is in the sentence
    for text in (f"postgresql://agent:{quote(password, safe='')}@db.example/deskguide",
                 f"postgresql://db.example/deskguide?password={quote(password, safe='')}"):
        with pytest.raises(UrlRefused) as refused:
            parsed(text)
        assert password not in refused.value.message and quote(password, safe="") not in refused.value.message


@pytest.mark.parametrize("host", ["db.example", "10.0.4.7", "[2001:db8::7]", "db"])
def test_another_computer_gets_tls_with_its_certificate_checked(host):
    url = parsed(f"postgresql://{host}/deskguide")
    assert url.parameter("sslmode") == "verify-full" and url.warnings == ()


@pytest.mark.parametrize("text", ["postgresql://localhost/deskguide", "postgresql://127.0.0.1:5433/deskguide",
                                  "postgresql://[::1]/deskguide", "postgresql:///deskguide",
                                  "postgresql:///deskguide?host=/var/run/postgresql",
                                  "postgresql://%2Fvar%2Frun%2Fpostgresql/deskguide"])
def test_this_computer_is_left_to_libpq(text):
    url = parsed(text)
    assert url.is_local and url.parameter("sslmode") is None


@pytest.mark.parametrize(("mode", "warned"), [("require", False), ("verify-ca", False), ("disable", True),
                                              ("prefer", True), ("allow", True)])
def test_an_explicit_sslmode_is_kept_and_an_unencrypted_one_warned_about(mode, warned):
    url = parsed(f"postgresql://db.example/deskguide?sslmode={mode}")
    assert url.parameter("sslmode") == mode
    assert bool(url.warnings) == warned
    if warned:
        assert "may not be encrypted" in url.warnings[0] and "db.example" in url.warnings[0]


def test_libpq_s_own_environment_is_respected(monkeypatch):
    monkeypatch.setenv("PGSSLMODE", "require")
    monkeypatch.setenv("PGCONNECT_TIMEOUT", "20")
    url = parsed("postgresql://db.example/deskguide")
    assert url.parameter("sslmode") is None and url.parameter("connect_timeout") is None  # libpq reads them
    monkeypatch.setenv("PGSSLMODE", "disable")
    assert "may not be encrypted" in parsed("postgresql://db.example/deskguide").warnings[0]


def test_a_connect_timeout_and_the_application_name_are_added_unless_given():
    url = parsed("postgresql://db.example/deskguide")
    assert url.parameter("connect_timeout") == "5" and url.parameter("application_name") == "Deskguide"
    url = parsed("postgresql://db.example/deskguide?connect_timeout=12&application_name=Desk%20SE")
    assert url.parameter("connect_timeout") == "12" and url.parameter("application_name") == "Desk SE"
    assert url.sqlalchemy_url().query["connect_timeout"] == "12"


@pytest.mark.parametrize(("text", "said"), [
    ("postgresql://db.example/deskguide", "Team database deskguide on db.example:5432"),
    ("postgres://agent@db.example:6432/desk", "Team database desk on db.example:6432"),
    ("postgresql://[2001:db8::7]/deskguide", "Team database deskguide on [2001:db8::7]:5432"),
    ("postgresql:///deskguide?host=/run/postgresql", "Team database deskguide on this computer "
                                                      "(socket /run/postgresql)"),
    ("postgresql:///deskguide", "Team database deskguide on this computer"),
])
def test_the_database_is_described_as_people_say_it(text, said):
    assert parsed(text).describe() == said


def test_the_credential_key_names_the_role_server_and_database(monkeypatch):
    assert parsed("postgresql://anna@db.example/deskguide").credential_key() == "anna@db.example:5432/deskguide"
    monkeypatch.setenv("PGUSER", "erik")
    assert parsed("postgresql://db.example:6432/desk").credential_key() == "erik@db.example:6432/desk"


def test_a_socket_folder_keeps_its_case_and_reaches_the_driver():
    url = parsed("postgresql://agent@%2Fhome%2FAnna%2Fsockets/deskguide?port=5433")
    made = url.sqlalchemy_url()
    assert made.host is None and made.query["host"] == "/home/Anna/sockets" and made.port == 5433
    assert url.text() == "postgresql://agent@/deskguide"
