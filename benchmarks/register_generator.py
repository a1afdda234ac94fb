"""A realistic customer register for the benchmarks: Nordic company names (long ones,
å ä ö ø æ), organisation numbers with valid check digits per country, phones and
e-mails as customers write them, a mix of terms and start dates from 2019 to 2026.

    from benchmarks.register_generator import generate
    generate(store, customers=100_000, subscriptions=300_000, seed=1, today=dt.date(2026, 11, 23))

Rows go in with executemany in one transaction (about 400,000 rows in seconds), with
each subscription's next notice deadline computed as the services would store it.
"""
from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import func, insert, select

from domain.customers import Offering
from domain.notice import Term, next_notice_deadline
from domain.store import Store
from domain.store.models import CustomerRow, SubscriptionRow

DEFAULT_TODAY = dt.date(2026, 11, 23)

SURNAMES = {
    "SE": ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
           "Gustafsson", "Lindqvist", "Östergren", "Åkesson", "Bäckström", "Sjöberg", "Hägglund", "Lindström",
           "Ström", "Wästerlund", "Ågren", "Öberg", "Kärrholm", "Fröding", "Sundén", "Hammarskjöld"],
    "NO": ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen",
           "Karlsen", "Bjørnstad", "Sæther", "Haugen", "Østby", "Løvås", "Kvåle", "Strøm", "Aasheim", "Hæhre",
           "Grønvold", "Fjærli", "Brækken", "Myrvold", "Rønning", "Solbakken"],
    "DK": ["Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
           "Jørgensen", "Madsen", "Kristensen", "Østergaard", "Møller", "Bæk", "Schrøder", "Frølich", "Søndergaard",
           "Lærkesen", "Kjærgaard", "Dalgaard", "Holm", "Thygesen", "Skovgaard", "Brøndum"],
    "FI": ["Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen",
           "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi", "Kärkkäinen",
           "Räsänen", "Pöllänen", "Ylönen", "Väisänen", "Öhman", "Åström", "Lindholm", "Kallio"],
}
PLACES = {
    "SE": ["Stockholm", "Göteborg", "Malmö", "Uppsala", "Västerås", "Örebro", "Linköping", "Jönköping", "Umeå",
           "Luleå", "Gävle", "Sundsvall", "Östersund", "Härnösand", "Skövde", "Norrköping"],
    "NO": ["Oslo", "Bergen", "Trondheim", "Stavanger", "Tromsø", "Bodø", "Ålesund", "Drammen", "Kristiansand",
           "Fredrikstad", "Lillehammer", "Hønefoss", "Førde", "Sandnessjøen"],
    "DK": ["København", "Aarhus", "Odense", "Aalborg", "Esbjerg", "Randers", "Kolding", "Horsens", "Vejle",
           "Næstved", "Køge", "Helsingør", "Hørsholm", "Frederikshavn"],
    "FI": ["Helsinki", "Espoo", "Tampere", "Vantaa", "Oulu", "Turku", "Jyväskylä", "Lahti", "Kuopio", "Pori",
           "Hämeenlinna", "Seinäjoki", "Mikkeli", "Mariehamn"],
}
TRADES = {
    "SE": ["Bygg", "Redovisning", "Fastigheter", "Konsult", "Elektriska", "Rör", "Tandvård", "Advokatbyrå",
           "Måleri", "Transport", "Revision", "Arkitektkontor", "Trädgårdsservice", "Bilverkstad", "Städ",
           "Fastighetsförvaltning och Entreprenad", "Ventilationsteknik"],
    "NO": ["Bygg", "Regnskap", "Eiendom", "Rådgivning", "Elektro", "Rørlegger", "Tannklinikk", "Advokatfirma",
           "Maler", "Transport", "Revisjon", "Arkitekter", "Hagetjenester", "Bilverksted", "Renhold",
           "Rørleggerservice og Ventilasjonsteknikk", "Snekkerverksted"],
    "DK": ["Byg", "Regnskab", "Ejendomme", "Rådgivning", "El-service", "VVS", "Tandklinik", "Advokatfirma",
           "Malerfirma", "Transport", "Revision", "Arkitekter", "Anlægsgartner", "Autoværksted", "Rengøring",
           "Ejendomsadministration og Entreprise", "Tømrer- og Snedkerfirma"],
    "FI": ["Rakennus", "Tilitoimisto", "Kiinteistöt", "Konsultointi", "Sähkö", "Putkityö", "Hammaslääkärit",
           "Asianajotoimisto", "Maalaus", "Kuljetus", "Tilintarkastus", "Arkkitehdit", "Puutarhapalvelu",
           "Autokorjaamo", "Siivous", "Kiinteistöhuolto ja Rakennuttaminen", "Ilmanvaihtotekniikka"],
}
LEGAL_FORMS = {"SE": ["AB", "AB", "AB", "HB", "Aktiebolag"], "NO": ["AS", "AS", "AS", "ASA", "DA"],
               "DK": ["ApS", "A/S", "ApS", "I/S", "K/S"], "FI": ["Oy", "Oy", "Oy", "Oyj", "Ky"]}
FIRST_NAMES = ["Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Ingrid", "Mikael", "Sofia", "Anders", "Björn",
               "Åsa", "Sølvi", "Jørgen", "Päivi", "Jyrki", "Mette", "Søren", "Kristiina", "Ørjan", "Ægir", "Märta"]
TLD = {"SE": "se", "NO": "no", "DK": "dk", "FI": "fi"}
COUNTRY_WEIGHTS = (("SE", 45), ("NO", 20), ("DK", 20), ("FI", 15))
PRODUCTS = ["Microsoft 365 Business Standard", "Microsoft 365 Business Premium", "Microsoft 365 Business Basic",
            "Microsoft 365 E3", "Microsoft 365 E5", "Office 365 E1", "Office 365 E3", "Exchange Online (Plan 1)",
            "Microsoft 365 Apps for business", "Microsoft Teams Essentials", "Visio Plan 2", "Project Plan 3",
            "Power BI Pro", "Microsoft Defender for Business", "Microsoft Intune Plan 1"]
TERM_WEIGHTS = ((Term.PAYG, 25), (Term.MONTHS_12, 45), (Term.MONTHS_24, 15), (Term.MONTHS_36, 15))
OFFERING_WEIGHTS = ((Offering.NONE, 85), (Offering.UNIFIED, 5), (Offering.ENHANCED_RESPONSE, 4),
                    (Offering.RAPID_RESPONSE, 4), (Offering.EVENT_MANAGEMENT, 2))
FIRST_START, LAST_START = dt.date(2019, 1, 1), dt.date(2026, 12, 31)


# --- organisation numbers with each country's check digit --------------------------------

def _luhn_digit(payload: str) -> int:
    total = 0
    for position, char in enumerate(reversed(payload)):
        value = int(char) * (1 if position % 2 else 2)  # the check digit will sit right of these
        total += value - 9 if value > 9 else value
    return (10 - total % 10) % 10


def org_number(country: str, rng: random.Random) -> str:
    """A valid organisation number, written the way that country writes it."""
    while True:
        if country == "SE":  # organisationsnummer: the 3rd digit is 2 or more; Luhn
            payload = rng.choice("5789") + str(rng.randrange(10)) + str(rng.randrange(2, 10)) \
                + "".join(str(rng.randrange(10)) for _ in range(6))
            number = payload + str(_luhn_digit(payload))
            return f"{number[:6]}-{number[6:]}"
        if country == "NO":  # organisasjonsnummer: starts 8 or 9; mod 11
            payload = rng.choice("89") + "".join(str(rng.randrange(10)) for _ in range(7))
            check = -sum(int(d) * w for d, w in zip(payload, (3, 2, 7, 6, 5, 4, 3, 2))) % 11
            if check < 10:
                number = payload + str(check)
                return f"{number[:3]} {number[3:6]} {number[6:]}"
        elif country == "DK":  # CVR: mod 11
            payload = str(rng.randrange(1, 10)) + "".join(str(rng.randrange(10)) for _ in range(6))
            check = -sum(int(d) * w for d, w in zip(payload, (2, 7, 6, 5, 4, 3, 2))) % 11
            if check < 10:
                number = payload + str(check)
                return number if rng.random() < 0.5 else " ".join(number[i:i + 2] for i in range(0, 8, 2))
        else:  # FI Y-tunnus: mod 11, remainder 1 is never issued
            payload = "".join(str(rng.randrange(10)) for _ in range(7))
            remainder = sum(int(d) * w for d, w in zip(payload, (7, 9, 10, 5, 8, 4, 2))) % 11
            if remainder != 1:
                return f"{payload}-{0 if remainder == 0 else 11 - remainder}"


def phone(country: str, rng: random.Random) -> str:
    n = lambda count: "".join(str(rng.randrange(10)) for _ in range(count))  # noqa: E731
    if country == "SE":
        return rng.choice([f"+46 8 {n(3)} {n(3)} {n(2)}", f"+46 70 {n(3)} {n(2)} {n(2)}", f"08-{n(3)} {n(2)} {n(2)}",
                           f"+46 31 {n(2)} {n(2)} {n(2)}"])
    if country == "NO":
        return rng.choice([f"+47 22 {n(2)} {n(2)} {n(2)}", f"+47 9{n(2)} {n(2)} {n(3)}",
                           f"{rng.randrange(2, 10)}{n(1)} {n(2)} {n(2)} {n(2)}"])
    if country == "DK":
        return rng.choice([f"+45 33 {n(2)} {n(2)} {n(2)}", f"+45 {rng.randrange(2, 10)}{n(7)}",
                           f"{rng.randrange(2, 10)}{n(1)} {n(2)} {n(2)} {n(2)}"])
    return rng.choice([f"+358 9 {n(4)} {n(4)}", f"+358 40 {n(3)} {n(4)}", f"09 {n(3)} {n(4)}"])


def _ascii(text: str) -> str:
    from domain.customer_search import fold

    return "".join(ch for ch in fold(text) if ch.isalnum())


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs)
    return rng.choices(values, weights)[0]


def customer_values(index: int, rng: random.Random) -> dict:
    country = _weighted(rng, COUNTRY_WEIGHTS)
    surname, place, trade = rng.choice(SURNAMES[country]), rng.choice(PLACES[country]), rng.choice(TRADES[country])
    form = rng.choice(LEGAL_FORMS[country])
    shape = rng.random()
    if shape < 0.35:
        name = f"{surname}s {trade} {form}"
    elif shape < 0.6:
        name = f"{place} {trade} {form}"
    elif shape < 0.8:
        name = f"{surname} & {rng.choice(SURNAMES[country])} {trade} i {place} {form}"
    else:
        name = f"{surname} {form}"
    first = rng.choice(FIRST_NAMES)
    domain_name = f"{_ascii(surname if shape < 0.35 or shape >= 0.8 else place)}{_ascii(trade)[:12]}.{TLD[country]}"
    return {
        "external_id": f"CSP-{index:07d}",
        "name": name,
        "org_number": org_number(country, rng),
        "country": country,
        "contact": f"{first} {rng.choice(SURNAMES[country])}",
        "phone": phone(country, rng),
        "email": f"{_ascii(first)}.{_ascii(surname)}@{domain_name}" if rng.random() < 0.9 else "",
        "offering": _weighted(rng, OFFERING_WEIGHTS).value,
        "notes": "" if rng.random() < 0.8 else "Ring helst före lunch.",
    }


def generate(store: Store, customers: int = 100_000, subscriptions: int = 300_000, seed: int = 1,
             today: dt.date = DEFAULT_TODAY) -> None:
    """Add `customers` customers and `subscriptions` subscriptions (spread over them)."""
    rng = random.Random(seed)
    customer_rows = [customer_values(index, rng) for index in range(1, customers + 1)]
    span = (LAST_START - FIRST_START).days
    # Core inserts on one connection, in one transaction: a bulk load, not a unit of work.
    with store.engine.begin() as session:
        # Ids given here, so subscriptions can point at customers without reading them back.
        first_id = (session.scalar(select(func.max(CustomerRow.id))) or 0) + 1
        for offset, row in enumerate(customer_rows):
            row["id"] = first_id + offset
        if customer_rows:
            session.execute(insert(CustomerRow), customer_rows)
        subscription_rows = []
        for index in range(1, subscriptions + 1):
            term = _weighted(rng, TERM_WEIGHTS)
            start = FIRST_START + dt.timedelta(days=rng.randrange(span + 1))
            subscription_rows.append({
                "external_id": f"SUB-{index:08d}",
                "customer_id": first_id + rng.randrange(customers),
                "product": rng.choice(PRODUCTS), "term": term.value, "start_date": start,
                "seats": rng.choice((1, 1, 2, 3, 5, 5, 10, 15, 25, 50, 120)),
                "end_user_support": rng.random() < 0.8, "from_reseller": rng.random() < 0.95,
                "next_notice_deadline": next_notice_deadline(start, term, today), "deadline_computed_on": today,
            })
        if subscription_rows:
            session.execute(insert(SubscriptionRow), subscription_rows)
        if not store.is_sqlite:
            # PostgreSQL: ids given by hand do not move the sequence; the next add must not
            # collide. And fresh statistics, as autovacuum would gather soon after a load.
            session.exec_driver_sql("SELECT setval(pg_get_serial_sequence('customer', 'id'), "
                                    "(SELECT max(id) FROM customer))")
    if not store.is_sqlite:
        with store.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
