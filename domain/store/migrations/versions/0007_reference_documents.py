"""The scope catalogue and the lifecycle list kept whole as reference documents, like
the escalation rules: one way for every reference file but the desks.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25

What is stored: the reference file's own data, the TOML document as read (dates as ISO
text, since JSON has none), in `reference_document`; the store parses it with the very
parser that reads the bundled file (domain.scope_data.parse_scope,
domain.lifecycle_data.parse_lifecycle, as escalation already did). Chosen over a JSON of
the parsed catalogue because then there is one shape and one parser, which checks a
stored document exactly as it checks a file; a second serialiser would have to follow
every change of the dataclasses. The price is paid once, here: the rows of 0002/0004 are
turned back into that document shape. The code below is frozen with this revision on
purpose (it does not import the app's parsers or models, which will change).

The desks stay tables: administrators' overrides refer to them by a foreign key.

Downgrade recreates the four tables empty and forgets the two documents and their
dataset versions, so the older Deskguide reloads its own bundled files on its next start
(a stored catalogue newer than that bundle is lost with the downgrade).
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

DATASET = sa.table(
    "reference_dataset", sa.column("name", sa.String), sa.column("version", sa.Integer),
    sa.column("title", sa.String), sa.column("source", sa.Text), sa.column("checked", sa.Date),
    sa.column("reviewed_from", sa.Integer), sa.column("reviewed_to", sa.Integer))
DOCUMENT = sa.table("reference_document", sa.column("name", sa.String), sa.column("data", sa.JSON))
SCOPE_TOPIC = sa.table(
    "scope_topic", *(sa.column(name, sa.String) for name in (
        "id", "verdict", "clause", "ref", "text", "next_step", "condition", "version_rule")),
    sa.column("position", sa.Integer), sa.column("titles", sa.JSON), sa.column("words", sa.JSON),
    sa.column("alternatives", sa.JSON))
SCOPE_RULE = sa.table("scope_rule", sa.column("kind", sa.String), sa.column("id", sa.String),
                      sa.column("data", sa.JSON))
LIFECYCLE_PRODUCT = sa.table(
    "lifecycle_product", *(sa.column(name, sa.String) for name in (
        "id", "name", "family", "policy", "source", "confidence")),
    sa.column("position", sa.Integer), *(sa.column(name, sa.Date) for name in (
        "start", "mainstream_end", "extended_end", "checked")),
    *(sa.column(name, sa.JSON) for name in ("aliases", "notes", "confirmed_in")))
LIFECYCLE_RULE = sa.table("lifecycle_rule", sa.column("kind", sa.String), sa.column("id", sa.String),
                          sa.column("data", sa.JSON))
OUTCOME_KEYS = ("verdict", "clause", "ref", "text", "next_step")


def _dataset(connection, name: str) -> dict | None:
    row = connection.execute(sa.select(DATASET).where(DATASET.c.name == name)).first()
    if row is None:
        return None
    meta = {"name": row.name, "version": row.version, "title": row.title, "source": row.source,
            "checked": row.checked.isoformat()}
    meta.update({key: getattr(row, key) for key in ("reviewed_from", "reviewed_to") if getattr(row, key)})
    return meta


def _version_text(parts) -> str:
    return ".".join(str(part) for part in parts)


def _scope_document(connection, meta: dict) -> dict | None:
    topics = connection.execute(sa.select(SCOPE_TOPIC).order_by(SCOPE_TOPIC.c.position)).all()
    if not topics:
        return None
    document = {"dataset": meta, "latest": {}, "facts": {}, "versions": {}, "topic": []}
    for row in connection.execute(sa.select(SCOPE_RULE)):
        data = row.data
        if row.kind == "fact":
            document["facts"][row.id] = {key: data[key] for key in OUTCOME_KEYS}
        elif row.kind == "version":
            accepts = [{"product": a["product"], **({"minimum": _version_text(a["minimum"])} if a["minimum"] else {}),
                        **({"latest": True} if a["latest_only"] else {})} for a in data["accepts"]]
            document["versions"][row.id] = {**{k: v for k, v in data.items() if k != "id"}, "accepts": accepts}
        elif row.kind == "latest":
            document["latest"][row.id] = _version_text(data["version"])
            document["latest"]["checked"] = data.get("checked", "")
    for row in topics:
        entry = {"id": row.id, "titles": row.titles, "words": row.words,
                 **{key: getattr(row, key) for key in OUTCOME_KEYS},
                 "alternatives": {k: {key: v[key] for key in OUTCOME_KEYS} for k, v in row.alternatives.items()}}
        entry.update({key: getattr(row, key) for key in ("condition", "version_rule") if getattr(row, key)})
        document["topic"].append(entry)
    return document


def _lifecycle_document(connection, meta: dict) -> dict | None:
    products = connection.execute(sa.select(LIFECYCLE_PRODUCT).order_by(LIFECYCLE_PRODUCT.c.position)).all()
    if not products:
        return None
    document = {"dataset": meta, "phases": {}, "policies": {}, "product": []}
    for row in connection.execute(sa.select(LIFECYCLE_RULE)):
        if row.kind == "phase":
            document["phases"][row.id] = dict(row.data)
        elif row.kind == "policy":
            document["policies"][row.id] = dict(row.data)
    for row in products:
        entry = {key: getattr(row, key) for key in ("id", "name", "family", "policy", "source", "confidence")}
        # TOML has no null: a date that does not exist is a key left out.
        entry.update({key: getattr(row, key).isoformat() for key in ("start", "mainstream_end", "extended_end",
                                                                      "checked") if getattr(row, key)})
        entry.update({key: list(getattr(row, key)) for key in ("aliases", "notes", "confirmed_in")})
        document["product"].append(entry)
    return document


def _move_into_document(connection, name: str, build) -> None:
    meta = _dataset(connection, name)
    document = build(connection, meta) if meta else None
    if document is None:
        # Nothing to keep: forget the version too, so the bundled file is loaded at the next start.
        connection.execute(sa.delete(DATASET).where(DATASET.c.name == name))
        return
    connection.execute(sa.delete(DOCUMENT).where(DOCUMENT.c.name == name))
    connection.execute(sa.insert(DOCUMENT).values(name=name, data=document))


def upgrade() -> None:
    connection = op.get_bind()
    _move_into_document(connection, "scope", _scope_document)
    _move_into_document(connection, "lifecycle", _lifecycle_document)
    op.drop_table("scope_rule")
    op.drop_table("scope_topic")
    op.drop_table("lifecycle_rule")
    op.drop_table("lifecycle_product")


def downgrade() -> None:
    # The tables of 0002 and 0004, empty (see the module's docstring).
    op.create_table(
        "scope_topic",
        sa.Column("id", sa.String(60), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("verdict", sa.String(20), nullable=False),
        sa.Column("clause", sa.String(40), nullable=False),
        sa.Column("ref", sa.String(60), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("next_step", sa.Text(), nullable=False),
        sa.Column("condition", sa.String(40), nullable=True),
        sa.Column("version_rule", sa.String(40), nullable=True),
        sa.Column("titles", sa.JSON(), nullable=False),
        sa.Column("words", sa.JSON(), nullable=False),
        sa.Column("alternatives", sa.JSON(), nullable=False),
    )
    op.create_table(
        "scope_rule",
        sa.Column("kind", sa.String(20), primary_key=True),
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("data", sa.JSON(), nullable=False),
    )
    op.create_table(
        "lifecycle_product",
        sa.Column("id", sa.String(60), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("family", sa.String(40), nullable=False),
        sa.Column("policy", sa.String(10), nullable=False),
        sa.Column("start", sa.Date(), nullable=True),
        sa.Column("mainstream_end", sa.Date(), nullable=True),
        sa.Column("extended_end", sa.Date(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("checked", sa.Date(), nullable=False),
        sa.Column("confidence", sa.String(40), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.Column("confirmed_in", sa.JSON(), nullable=False),
    )
    op.create_table(
        "lifecycle_rule",
        sa.Column("kind", sa.String(20), primary_key=True),
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("data", sa.JSON(), nullable=False),
    )
    connection = op.get_bind()
    for name in ("scope", "lifecycle"):
        connection.execute(sa.delete(DOCUMENT).where(DOCUMENT.c.name == name))
        connection.execute(sa.delete(DATASET).where(DATASET.c.name == name))
