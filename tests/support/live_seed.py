"""What the live tests find in Kimai, created over its REST API as the admin, under names unique to this run.

Records of earlier runs (or of another session on the same instance) stay where they are: every test looks
its records up by the ids seeded here and filters by this run's projects, never by fixed ids or totals.
"""

from __future__ import annotations

import datetime as dt
import secrets
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from tests.support.live import Instance, Rest

YEAR = 2024
ADMIN_SHEETS = 60  # more than one page of Kimai's default 50, and three pages of 25
USER_SHEETS = 6
MOBILE_SHEETS = 4
INVOICE_TEMPLATE = "kimai-tools live"


def day(offset: int) -> dt.date:
    return dt.date(YEAR, 1, 1) + dt.timedelta(days=offset)


def stamp(date: dt.date, hour: int) -> str:
    return f"{date.isoformat()}T{hour:02d}:00:00"


@dataclass
class Seed:
    tag: str
    admin: dict  # /users/me of each token
    user: dict
    customer: dict
    project: dict  # Website: the admin's 60 and the plain user's 6 timesheets
    mobile: dict  # Mobile: global activities allowed, 4 timesheets of the admin
    activity: dict  # Development (Website)
    design: dict  # Design (Website): the plain user's records
    meetings: dict  # a global activity
    scratch: dict  # Scratch: the project tests write their own records into, so the seeded ones stay as seeded
    chores: dict  # its activity
    label: str  # a tag name
    team: dict
    admin_sheets: list[dict] = field(default_factory=list)
    user_sheets: list[dict] = field(default_factory=list)
    mobile_sheets: list[dict] = field(default_factory=list)

    def name(self, what: str) -> str:
        """A name no other run uses."""
        return f"{self.tag} {what} {secrets.token_hex(3)}"

    @property
    def website_hours(self) -> float:
        return sum(s["duration"] for s in self.admin_sheets + self.user_sheets) / 3600


def seed(instance: Instance, admin: Rest, user: Rest) -> Seed:
    tag = f"lt{secrets.token_hex(3)}"
    me, plain = admin.get("/users/me"), user.get("/users/me")
    customer = admin.post("/customers", {"name": f"{tag} Acme", "country": "DE", "currency": "EUR",
                                         "timezone": "Europe/Berlin", "visible": True, "billable": True})  # fmt: skip
    project = admin.post("/projects", {"name": f"{tag} Website", "customer": customer["id"], "visible": True,
                                       "billable": True})  # fmt: skip
    mobile = admin.post("/projects", {"name": f"{tag} Mobile", "customer": customer["id"], "visible": True,
                                      "billable": True, "globalActivities": True})  # fmt: skip
    activity = admin.post("/activities", {"name": f"{tag} Development", "project": project["id"], "visible": True,
                                          "billable": True})  # fmt: skip
    design = admin.post("/activities", {"name": f"{tag} Design", "project": project["id"], "visible": True,
                                        "billable": True})  # fmt: skip
    meetings = admin.post("/activities", {"name": f"{tag} Meetings", "visible": True, "billable": True})
    scratch = admin.post("/projects", {"name": f"{tag} Scratch", "customer": customer["id"], "visible": True,
                                       "billable": True})  # fmt: skip
    chores = admin.post("/activities", {"name": f"{tag} Chores", "project": scratch["id"], "visible": True,
                                        "billable": True})  # fmt: skip
    label = admin.post("/tags", {"name": f"{tag}-urgent", "visible": True})["name"]
    team = admin.post("/teams", {"name": f"{tag} Team", "color": "#1e90ff", "members": [
        {"user": me["id"], "teamlead": True}, {"user": plain["id"], "teamlead": False}]})  # fmt: skip
    admin.post(f"/teams/{team['id']}/customers/{customer['id']}")
    bodies = []
    for i in range(ADMIN_SHEETS):  # 1 h and 2 h alternating; every third not billable; the first ten tagged
        date = day(i)
        bodies.append({"project": project["id"], "activity": activity["id"], "begin": stamp(date, 9),
                       "end": stamp(date, 10 + i % 2), "description": f"{tag} work {i}", "billable": i % 3 != 0,
                       **({"tags": label} if i < 10 else {})})  # fmt: skip
    for i in range(USER_SHEETS):
        date = day(i)
        bodies.append({"project": project["id"], "activity": design["id"], "begin": stamp(date, 13),
                       "end": stamp(date, 16), "description": f"{tag} design {i}", "user": plain["id"]})  # fmt: skip
    for i in range(MOBILE_SHEETS):
        date = day(100 + i)
        bodies.append({"project": mobile["id"], "activity": meetings["id"], "begin": stamp(date, 8),
                       "end": stamp(date, 9), "description": f"{tag} standup {i}"})  # fmt: skip
    with ThreadPoolExecutor(4) as pool:  # Kimai runs 4 PHP workers
        sheets = list(pool.map(lambda body: admin.post("/timesheets", body), bodies))
    mine, theirs = ADMIN_SHEETS, ADMIN_SHEETS + USER_SHEETS
    return Seed(
        tag=tag, admin=me, user=plain, customer=customer, project=project, mobile=mobile, activity=activity,
        design=design, meetings=meetings, scratch=scratch, chores=chores, label=label, team=team,
        admin_sheets=sheets[:mine],
        user_sheets=sheets[mine:theirs], mobile_sheets=sheets[theirs:],
    )  # fmt: skip


def still_there(admin: Rest, seeded: Seed) -> bool:
    """False after a reset (of this session or of another one on the same instance)."""
    response = admin.request("GET", f"/customers/{seeded.customer['id']}")
    return response.status_code == 200 and response.json().get("name") == seeded.customer["name"]


def create_invoice(instance: Instance, admin: Rest, seeded: Seed) -> dict:
    """An invoice of this run's customer. Kimai 2.31's API cannot create one, so Kimai's console does:
    an HTML invoice template (kept in the database for later runs), then kimai:invoice:create."""
    project = admin.post("/projects", {"name": seeded.name("Invoiced"), "customer": seeded.customer["id"],
                                       "visible": True, "billable": True})  # fmt: skip
    activity = admin.post("/activities", {"name": seeded.name("Consulting"), "project": project["id"],
                                          "visible": True, "billable": True})  # fmt: skip
    for i in range(2):
        date = day(200 + i)
        admin.post("/timesheets", {"project": project["id"], "activity": activity["id"], "begin": stamp(date, 9),
                                   "end": stamp(date, 12), "hourlyRate": 80})  # fmt: skip
    instance.console(
        "dbal:run-sql",
        "INSERT IGNORE INTO kimai2_invoice_templates (name, title, company, due_days, vat, calculator, "
        f"number_generator, renderer, language) VALUES ('{INVOICE_TEMPLATE}', 'Invoice', 'kimai-tools live tests', "
        "14, 19, 'default', 'default', 'invoice', 'en')",
    )
    instance.console("kimai:invoice:create", "--user", seeded.admin["username"], "--project", str(project["id"]),
                     "--template", INVOICE_TEMPLATE, "--start", day(200).isoformat(), "--end", day(201).isoformat(),
                     "--exported", "all")  # fmt: skip
    invoices = admin.get("/invoices", **{"customers[]": [seeded.customer["id"]]})
    assert invoices, "kimai:invoice:create made no invoice"
    return admin.get(f"/invoices/{max(i['id'] for i in invoices)}")


def as_user(record: dict) -> Any:
    user = record.get("user")
    return user.get("id") if isinstance(user, dict) else user


def user_with_token(instance: Instance, admin: Rest, timezone: str) -> tuple[dict, str]:
    """A new plain user in `timezone` with an API token (2.31's API cannot make tokens: Kimai's console writes it,
    as kimai-server does for its two users)."""
    name = f"lt{secrets.token_hex(4)}"
    user = admin.post("/users", {"username": name, "email": f"{name}@example.com", "plainPassword": "secret-12345",
                                 "language": "en", "locale": "en", "timezone": timezone, "enabled": True})  # fmt: skip
    token = f"kimai_live_token_{secrets.token_hex(16)}"
    instance.console("dbal:run-sql", "INSERT INTO kimai2_access_token (user_id, token, name) "
                     f"VALUES ({int(user['id'])}, '{token}', 'kimai-tools live tests')")  # fmt: skip
    return user, token
