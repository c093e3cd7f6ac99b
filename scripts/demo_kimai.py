"""The Kimai of `make demo`: a small fake Kimai 2.31 on 127.0.0.1 with records a person can follow.

Anna Berg (anna, team lead) and Ben Okafor (ben) of a web studio, their team, four customers, five projects,
six activities and two weeks of timesheets on working days, dated back from the fake's clock. The real stdio
server talks to it over HTTP as to any Kimai:

    with DemoKimai() as kimai:          # kimai.url, kimai.token (anna's), kimai.today
        ...

Its JSON has the shapes of Kimai 2.31's answers (tests/unit/test_demo.py compares them with the recorded
traffic of a real 2.31). It keeps what a session changes in memory: a started timer, a stopped one, a new
record. It follows Kimai's rules for what the demo's tools send (who sees whose records, one running timer per
user, the begin/end/user filters, pagination and its headers, the timesheet form's errors), answers 404 like
Kimai for any other route, and is not Kimai: no rates tables, no team restrictions on customers, no budgets.

Its clock stands at the minute it was created (or the `now` given): a timer stopped seconds after it started
ends at that minute, so a session reads the same whenever it is run.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

VERSION = {"version": "2.31.0", "versionId": 23100, "copyright": "Kimai 2.31.0 by Kevin Papst."}
TIMESHEET_CONFIG = {"trackingMode": "default", "defaultBeginTime": "now", "activeEntriesHardLimit": 1,
                    "isAllowFutureTimes": True, "isAllowOverlapping": True}  # fmt: skip
ZONE = "Europe/Berlin"  # both users'; the fake's dates and times are theirs
LOCAL = "%Y-%m-%dT%H:%M:%S"  # how Kimai takes a date-time: local, no offset
STAMP = "%Y-%m-%dT%H:%M:%S%z"  # how Kimai writes one: 2026-11-24T09:00:00+0100
HISTORY_DAYS = 14  # timesheets on the working days of the two weeks before today

NOT_FOUND = {"code": 404, "message": "Not Found"}
FORBIDDEN = {"code": 403, "message": "Forbidden"}
BAD_REQUEST = {"code": 400, "message": "Bad Request"}
UNAUTHORIZED = {"code": 401, "message": "Unauthorized"}
EXTRA_FIELDS = "This form should not contain extra fields."
INVALID_CHOICE = "The selected choice is invalid."
INVALID_DATE = "Please enter a valid date and time."


@dataclass(frozen=True)
class User:
    id: int
    username: str
    alias: str
    title: str
    account: str
    roles: tuple[str, ...]
    hourly_rate: int
    internal_rate: int
    token: str
    locale: str = "en_GB"

    @property
    def initials(self) -> str:
        return "".join(part[0] for part in self.alias.split()).upper()

    @property
    def privileged(self) -> bool:
        """Sees and records other users' time (Kimai: view_other_timesheet, edit_other_timesheet)."""
        return bool({"ROLE_TEAMLEAD", "ROLE_ADMIN", "ROLE_SUPER_ADMIN"} & set(self.roles))


USERS = (
    User(1, "anna", "Anna Berg", "Team lead, design", "E-1001", ("ROLE_TEAMLEAD",), 85, 60, "demo-token-anna"),
    User(2, "ben", "Ben Okafor", "Developer", "E-1002", (), 70, 50, "demo-token-ben"),
)
TEAM = {"id": 1, "name": "Web team", "color": "#1e90ff"}
TEAM_MEMBERS = ((1, True), (2, False))  # (user id, team lead)
TEAM_CUSTOMERS = {1}  # the team's customers (Kimai's team access; here only shown, nothing is hidden)


class Customer(NamedTuple):
    id: int
    name: str
    number: str
    currency: str
    billable: bool
    comment: str | None
    color: str | None


class Project(NamedTuple):
    id: int
    name: str
    customer: int
    number: str
    billable: bool
    global_activities: bool
    comment: str | None
    color: str | None


class Activity(NamedTuple):
    id: int
    name: str
    project: int | None  # None: a global activity, for every project that takes them
    number: str | None
    billable: bool


CUSTOMERS = (
    Customer(1, "Acme Corp", "C-001", "EUR", True, "Online retailer, Hamburg", "#1e90ff"),
    Customer(2, "Globex Ltd", "C-002", "GBP", True, None, None),
    Customer(3, "Northwind Traders", "C-003", "EUR", True, "Support contract since 2024", None),
    Customer(4, "Brightline Studio", "C-000", "EUR", False, "Our own studio: internal work", None),
)
PROJECTS = (
    Project(1, "Website relaunch", 1, "P-101", True, True, "Fixed budget, goes live in spring", "#008080"),
    Project(2, "Online shop", 1, "P-102", True, True, None, None),
    Project(3, "Mobile app", 2, "P-201", True, True, None, None),
    Project(4, "Support contract", 3, "P-301", True, True, "Monthly retainer", None),
    Project(5, "Internal", 4, "P-000", False, True, None, None),
)
ACTIVITIES = (
    Activity(1, "Design", None, "A-01", True),
    Activity(2, "Development", None, "A-02", True),
    Activity(3, "Meetings", None, "A-03", True),
    Activity(4, "Support", None, "A-04", True),
    Activity(5, "Administration", None, "A-05", False),
    Activity(6, "Content migration", 1, None, True),
)
TAGS = ("remote", "on site")

# A working week of each user, Monday to Friday: (from, to, project, activity, description, tags)
WEEKS: dict[str, tuple[tuple[tuple[str, str, int, int, str, tuple[str, ...]], ...], ...]] = {
    "anna": (
        (
            ("09:00", "10:00", 5, 3, "Team planning", ()),
            ("10:00", "12:30", 1, 1, "Homepage wireframes", ()),
            ("13:30", "16:00", 1, 1, "Product page layout", ()),
        ),
        (
            ("09:00", "12:00", 3, 1, "Onboarding screens", ("remote",)),
            ("13:00", "15:30", 1, 2, "Navigation menu", ("remote",)),
        ),
        (
            ("09:00", "10:30", 1, 3, "Review with Acme", ("on site",)),
            ("10:30", "12:30", 1, 6, "Blog import", ()),
            ("13:30", "16:00", 2, 1, "Checkout flow", ()),
        ),
        (("09:00", "12:30", 2, 1, "Checkout flow", ()), ("13:30", "15:30", 4, 4, "Newsletter template fix", ())),
        (
            ("09:00", "11:00", 3, 1, "Icon set", ("remote",)),
            ("11:00", "12:00", 5, 5, "Timesheets and invoices", ()),
            ("13:00", "15:00", 1, 1, "Style guide", ()),
        ),
    ),
    "ben": (
        (
            ("09:00", "10:00", 5, 3, "Team planning", ()),
            ("10:00", "12:30", 2, 2, "Payment provider", ()),
            ("13:30", "17:00", 2, 2, "Payment provider", ()),
        ),
        (("09:00", "12:00", 1, 2, "Search", ()), ("13:00", "16:30", 3, 2, "Login screen", ())),
        (
            ("09:00", "10:30", 1, 3, "Review with Acme", ("on site",)),
            ("10:30", "12:30", 2, 2, "Order emails", ()),
            ("13:30", "17:00", 2, 2, "Order emails", ()),
        ),
        (("09:00", "12:30", 4, 4, "Server update", ("remote",)), ("13:30", "16:00", 3, 2, "Push notifications", ())),
        (("09:00", "12:00", 3, 2, "Push notifications", ()), ("13:00", "15:00", 2, 2, "Code review", ())),
    ),
}


def user_zone() -> tzinfo:
    """Europe/Berlin where the system knows time zones; else UTC (the users' timezone then says so)."""
    try:
        return ZoneInfo(ZONE)
    except ZoneInfoNotFoundError:
        return UTC


def zone_name(zone: tzinfo) -> str:
    return ZONE if isinstance(zone, ZoneInfo) else "UTC"


@dataclass
class Timesheet:
    id: int
    user: int
    project: int
    activity: int
    begin: datetime
    end: datetime | None
    description: str | None
    tags: list[str]
    billable: bool
    hourly_rate: float | None
    internal_rate: float
    fixed_rate: float | None = None
    exported: bool = False

    @property
    def duration(self) -> int:
        return int((self.end - self.begin).total_seconds()) if self.end else 0

    @property
    def rate(self) -> float:
        if self.end is None:
            return 0.0
        if self.fixed_rate is not None:
            return float(self.fixed_rate)
        return round((self.hourly_rate or 0) * self.duration / 3600, 2)


class Reject(Exception):
    """An answer other than 200: Kimai's status and body."""

    def __init__(self, status: int, body: Any):
        super().__init__(status)
        self.status, self.body = status, body


def form_error(fields: list[str], errors: dict[str, list[str]], form: list[str] | None = None) -> Reject:
    """Kimai's 400 for the timesheet form: errors by field under `children`, the form's own under `errors`."""
    children = {name: ({"errors": errors[name]} if name in errors else {}) for name in fields}
    body: dict[str, Any] = {"children": children}
    if form:
        body = {"errors": form, **body}
    return Reject(400, {"code": 400, "message": "Validation Failed", "errors": body})


@dataclass
class Query:
    """A request's query string: Kimai's single values and its repeated `name[]` lists."""

    items: list[tuple[str, str]] = field(default_factory=list)

    def get(self, name: str) -> str | None:
        values = [v for k, v in self.items if k == name]
        return values[-1] if values else None

    def all(self, name: str) -> list[str]:
        return [v for k, v in self.items if k == f"{name}[]"]

    def ids(self, one: str, many: str) -> list[int]:
        """`project=3` and `projects[]=3&projects[]=4` alike: Kimai's single and list filters."""
        values = ([self.get(one)] if self.get(one) else []) + self.all(many)
        try:
            return [int(v) for v in values]
        except ValueError:
            raise Reject(400, BAD_REQUEST) from None

    def flag(self, name: str) -> bool | None:
        value = self.get(name)
        return None if value in (None, "") else value in ("1", "true")

    def number(self, name: str, default: int) -> int:
        value = self.get(name)
        if value in (None, ""):
            return default
        if not value.isdigit() or int(value) < 1:
            raise Reject(400, BAD_REQUEST)
        return int(value)


class DemoKimai:
    """The fake's data, its rules, and an HTTP server for them (a context manager: `url` while it runs)."""

    def __init__(self, now: datetime | None = None):
        self.zone = user_zone()
        moment = now or datetime.now(self.zone)
        moment = moment.replace(tzinfo=self.zone) if moment.tzinfo is None else moment.astimezone(self.zone)
        self.now = moment.replace(second=0, microsecond=0)
        self.users = {u.id: u for u in USERS}
        self.customers = {c.id: c for c in CUSTOMERS}
        self.projects = {p.id: p for p in PROJECTS}
        self.activities = {a.id: a for a in ACTIVITIES}
        self.timesheets = self._seed()
        self.lock = threading.Lock()
        self.requests: list[tuple[str, str]] = []  # (method, path) of every request, for tests
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def today(self) -> date:
        return self.now.date()

    @property
    def version(self) -> str:
        return VERSION["version"]

    @property
    def token(self) -> str:
        """Anna's API token: the demo is her session."""
        return USERS[0].token

    # --- the records

    def _seed(self) -> dict[int, Timesheet]:
        entries = []
        for offset in range(HISTORY_DAYS, 0, -1):
            day = self.today - timedelta(days=offset)
            if day.weekday() >= 5:
                continue
            for user in USERS:
                for start, stop, project, activity, description, tags in WEEKS[user.username][day.weekday()]:
                    entries.append((self.at(day, start), user, project, activity, self.at(day, stop), description,
                                    list(tags)))  # fmt: skip
        entries.sort(key=lambda e: (e[0], e[1].id))
        records = {}
        for number, (begin, user, project, activity, end, description, tags) in enumerate(entries, start=1):
            billable = self.billable(project, activity)
            records[number] = Timesheet(number, user.id, project, activity, begin, end, description, tags, billable,
                                        float(user.hourly_rate), float(user.internal_rate))  # fmt: skip
        return records

    def at(self, day: date, clock: str) -> datetime:
        hour, minute = (int(x) for x in clock.split(":"))
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=self.zone)

    def billable(self, project: int, activity: int) -> bool:
        project_ = self.projects[project]
        return self.customers[project_.customer].billable and project_.billable and self.activities[activity].billable

    # --- Kimai's JSON

    def user_json(self, user: User, full: bool = False) -> dict[str, Any]:
        short = {"apiToken": False, "initials": user.initials, "id": user.id, "alias": user.alias,
                 "title": user.title, "username": user.username, "accountNumber": user.account, "enabled": True,
                 "color": None}  # fmt: skip
        if not full:
            return short
        lead = dict(TEAM_MEMBERS).get(user.id)
        preferences = [
            {"name": "hourly_rate", "value": str(user.hourly_rate)},
            {"name": "internal_rate", "value": str(user.internal_rate)},
            {"name": "first_weekday", "value": "monday"},
            {"name": "favorite_routes", "value": ""},
        ]
        return {
            "apiToken": False, "preferences": preferences, "locale": user.locale, "timezone": zone_name(self.zone),
            "language": user.locale.split("_")[0], "teams": [TEAM] if lead is not None else [],
            "initials": user.initials, "id": user.id, "alias": user.alias, "title": user.title, "avatar": None,
            "memberships": [{"team": TEAM, "teamlead": lead}] if lead is not None else [],
            "username": user.username, "accountNumber": user.account, "enabled": True, "roles": list(user.roles),
            "supervisor": None, "color": None,
        }  # fmt: skip

    def customer_json(self, id: int, nested: bool = False) -> dict[str, Any]:
        c = self.customers[id]
        out = {"id": c.id, "name": c.name, "number": c.number, "comment": c.comment, "visible": True,
               "billable": c.billable}  # fmt: skip
        if nested:
            return out | {"color": c.color}
        teams = [TEAM] if c.id in TEAM_CUSTOMERS else []
        return out | {"currency": c.currency, "metaFields": [], "teams": teams, "color": c.color}

    def project_json(self, id: int, nested: bool = False) -> dict[str, Any]:
        p = self.projects[id]
        tail = {"globalActivities": p.global_activities, "number": p.number, "color": p.color}
        if nested:
            return {"id": p.id, "customer": self.customer_json(p.customer, nested=True), "name": p.name,
                    "comment": p.comment, "visible": True, "billable": p.billable, **tail}  # fmt: skip
        teams = [TEAM] if p.customer in TEAM_CUSTOMERS else []
        return {"parentTitle": self.customers[p.customer].name, "customer": p.customer, "id": p.id, "name": p.name,
                "start": None, "end": None, "comment": p.comment, "visible": True, "billable": p.billable,
                "metaFields": [], "teams": teams, **tail}  # fmt: skip

    def activity_json(self, id: int, nested: bool = False) -> dict[str, Any]:
        a = self.activities[id]
        tail = {"number": a.number, "color": None}
        if nested:
            parent = self.project_json(a.project, nested=True) if a.project else None
            return {"id": a.id, "project": parent, "name": a.name, "comment": None, "visible": True,
                    "billable": a.billable, **tail}  # fmt: skip
        return {"parentTitle": self.projects[a.project].name if a.project else None, "project": a.project,
                "id": a.id, "name": a.name, "comment": None, "visible": True, "billable": a.billable,
                "metaFields": [], "teams": [], **tail}  # fmt: skip

    def timesheet_json(self, t: Timesheet, *, full: bool = False, entity: bool = False) -> dict[str, Any]:
        """A list item (ids), `full` (objects), and as one record (`entity`: with fixedRate and hourlyRate)."""
        times = {"tags": list(t.tags), "id": t.id, "begin": t.begin.strftime(STAMP),
                 "end": t.end.strftime(STAMP) if t.end else None, "duration": t.duration}  # fmt: skip
        if full:
            out = {**times, "user": self.user_json(self.users[t.user]),
                   "activity": self.activity_json(t.activity, nested=True),
                   "project": self.project_json(t.project, nested=True)}  # fmt: skip
        else:
            out = {"activity": t.activity, "project": t.project, "user": t.user, **times}
        internal = round(t.internal_rate * t.duration / 3600, 2)
        out |= {"description": t.description, "rate": t.rate, "internalRate": internal}
        if entity:
            out |= {"fixedRate": t.fixed_rate, "hourlyRate": t.hourly_rate}
        return out | {"exported": t.exported, "billable": t.billable, "metaFields": []}

    # --- the routes

    def handle(self, method: str, target: str, token: str | None, body: Any = None) -> tuple[int, Any, dict]:
        """Status, JSON body and headers for one request, as Kimai would answer it."""
        url = urlsplit(target)
        query = Query(parse_qsl(url.query, keep_blank_values=True))
        with self.lock:
            self.requests.append((method, url.path))
            try:
                me = next((u for u in USERS if token and u.token == token), None)
                if me is None:
                    raise Reject(401, UNAUTHORIZED)
                return self.route(method, url.path, query, me, body)
            except Reject as rejected:
                return rejected.status, rejected.body, {}

    def route(self, method: str, path: str, query: Query, me: User, body: Any) -> tuple[int, Any, dict]:
        one = re.fullmatch(r"/api/(\w+)/(\d+)(/stop)?", path)
        if method == "GET":
            fixed = {
                "/api/ping": lambda: {"message": "pong"},
                "/api/version": lambda: VERSION,
                "/api/plugins": lambda: [],
                "/api/config/timesheet": lambda: TIMESHEET_CONFIG,
                "/api/users/me": lambda: self.user_json(me, full=True),
                "/api/users": lambda: self.list_users(me, query),
                "/api/teams": lambda: self.teams(me),
                "/api/customers": lambda: self.list_customers(query),
                "/api/projects": lambda: self.list_projects(query),
                "/api/activities": lambda: self.list_activities(query),
                "/api/tags": lambda: list(TAGS),
                "/api/timesheets/active": lambda: self.active(me),
            }
            if path in fixed:
                return 200, fixed[path](), {}
            if path == "/api/timesheets":
                return self.list_timesheets(me, query)
            if one and not one[3]:
                return 200, self.get_one(me, one[1], int(one[2])), {}
            if one and one[1] == "timesheets":  # Kimai 2.31 also stops with GET
                return 200, self.stop(me, int(one[2])), {}
        if method == "POST" and path == "/api/timesheets":
            return 200, self.create(me, body, full=query.flag("full") is True), {}
        if method == "PATCH" and one and one[1] == "timesheets" and one[3]:
            return 200, self.stop(me, int(one[2])), {}
        raise Reject(404, NOT_FOUND)

    def list_users(self, me: User, query: Query) -> list[dict]:
        if not me.privileged:
            raise Reject(403, FORBIDDEN)
        return [self.user_json(u, full=query.flag("full") is True) for u in USERS]

    def teams(self, me: User) -> list[dict]:
        raise Reject(403, FORBIDDEN)  # Kimai 2.31: view_team is an admin's, team leads cannot list teams

    def get_one(self, me: User, kind: str, id: int) -> dict:
        if kind == "users" and id in self.users and (me.privileged or id == me.id):
            return self.user_json(self.users[id], full=True)
        if kind == "customers" and id in self.customers:
            return self.customer_json(id)
        if kind == "projects" and id in self.projects:
            return self.project_json(id)
        if kind == "activities" and id in self.activities:
            return self.activity_json(id)
        if kind == "timesheets" and id in self.timesheets:
            record = self.timesheets[id]
            if record.user != me.id and not me.privileged:
                raise Reject(403, FORBIDDEN)
            return self.timesheet_json(record, entity=True)
        raise Reject(404, NOT_FOUND)

    @staticmethod
    def matches(record: dict, query: Query) -> bool:
        term = (query.get("term") or "").lower()
        texts = (record.get("name"), record.get("comment"), record.get("number"))
        return (not term or any(term in (t or "").lower() for t in texts)) and query.get("visible") != "2"

    def ordered(self, records: list[dict], query: Query) -> list[dict]:
        key = query.get("orderBy") or "name"
        records.sort(key=lambda r: (str(r.get(key) or "").lower(), r["id"]))
        return records[::-1] if (query.get("order") or "ASC").upper() == "DESC" else records

    def list_customers(self, query: Query) -> list[dict]:
        return self.ordered([r for r in map(self.customer_json, self.customers) if self.matches(r, query)], query)

    def list_projects(self, query: Query) -> list[dict]:
        customers = query.ids("customer", "customers")
        found = [self.project_json(p) for p in self.projects if not customers or self.projects[p].customer in customers]
        return self.ordered([r for r in found if self.matches(r, query)], query)

    def list_activities(self, query: Query) -> list[dict]:
        """Kimai's activity filters: `globals`, or a project's own activities and, where the project takes them,
        the global ones."""
        projects = [self.projects[p] for p in query.ids("project", "projects") if p in self.projects]
        takes_globals = any(p.global_activities for p in projects)
        found = []
        for activity in self.activities.values():
            if query.flag("globals"):
                wanted = activity.project is None
            elif projects:
                own = activity.project in {p.id for p in projects}
                wanted = own or (activity.project is None and takes_globals)
            else:
                wanted = True
            if wanted:
                found.append(self.activity_json(activity.id))
        return self.ordered([r for r in found if self.matches(r, query)], query)

    def local(self, value: Any, name: str) -> datetime:
        """A date-time as Kimai's query and form take it (local, no offset), in the users' time zone."""
        try:
            moment = datetime.strptime(str(value), LOCAL)
        except ValueError:
            raise Reject(400, BAD_REQUEST) from None
        return moment.replace(tzinfo=self.zone)

    def visible_users(self, me: User, query: Query) -> set[int]:
        """Whose records a list shows: a plain user always gets only their own, whatever is asked."""
        if not me.privileged:
            return {me.id}
        asked = query.get("user")
        if asked == "all":
            return set(self.users)
        wanted = query.all("users") + ([asked] if asked else [])
        if not wanted:
            return {me.id}
        try:
            return {int(u) for u in wanted}
        except ValueError:
            raise Reject(400, BAD_REQUEST) from None

    def list_timesheets(self, me: User, query: Query) -> tuple[int, Any, dict]:
        users = self.visible_users(me, query)
        begin = self.local(query.get("begin"), "begin") if query.get("begin") else None
        end = self.local(query.get("end"), "end") if query.get("end") else None
        projects, activities = query.ids("project", "projects"), query.ids("activity", "activities")
        customers = query.ids("customer", "customers")
        if any(p not in self.projects for p in projects) or any(c not in self.customers for c in customers):
            raise Reject(404, NOT_FOUND)  # Kimai's answer to a filter on an unknown record
        if any(a not in self.activities for a in activities):
            raise Reject(404, NOT_FOUND)
        tags = query.all("tags")
        if any(t not in TAGS for t in tags):
            raise Reject(400, BAD_REQUEST)
        active, billable, exported = query.flag("active"), query.flag("billable"), query.flag("exported")
        term = (query.get("term") or "").lower()
        found = [
            t for t in self.timesheets.values()
            if t.user in users
            and (begin is None or t.begin >= begin) and (end is None or t.begin <= end)
            and (not projects or t.project in projects) and (not activities or t.activity in activities)
            and (not customers or self.projects[t.project].customer in customers)
            and (not tags or set(tags) & set(t.tags))
            and (active is None or (t.end is None) == active)
            and (billable is None or t.billable == billable) and (exported is None or t.exported == exported)
            and (not term or term in (t.description or "").lower())
        ]  # fmt: skip
        order_by = query.get("orderBy") or "begin"
        if order_by not in ("id", "begin", "end", "rate"):
            raise Reject(400, BAD_REQUEST)
        far = datetime.max.replace(tzinfo=UTC)
        keys = {"id": lambda t: t.id, "begin": lambda t: (t.begin, t.id), "end": lambda t: (t.end or far, t.id),
                "rate": lambda t: (t.rate, t.id)}  # fmt: skip
        found.sort(key=keys[order_by], reverse=(query.get("order") or "DESC").upper() == "DESC")
        size, page = query.number("size", 50), query.number("page", 1)
        pages = max(1, -(-len(found) // size))
        if page > pages:
            raise Reject(404, NOT_FOUND)
        full = query.flag("full") is True
        chunk = [self.timesheet_json(t, full=full) for t in found[(page - 1) * size : page * size]]
        headers = {"X-Page": str(page), "X-Total-Count": str(len(found)), "X-Total-Pages": str(pages),
                   "X-Per-Page": str(size)}  # fmt: skip
        return 200, chunk, headers

    def active(self, me: User) -> list[dict]:
        running = [t for t in self.timesheets.values() if t.user == me.id and t.end is None]
        return [self.timesheet_json(t, full=True) for t in sorted(running, key=lambda t: t.begin, reverse=True)]

    def create(self, me: User, body: Any, full: bool) -> dict:
        """Kimai's timesheet form: a record with an end, or a running timer (which stops the user's running one,
        Kimai's activeEntriesHardLimit of 1)."""
        fields = ["begin", "end", "project", "activity", "description"]
        if me.privileged:
            fields += ["fixedRate", "hourlyRate", "internalRate", "user"]
        fields += ["tags"] + (["exported", "billable"] if me.privileged else [])
        if not isinstance(body, dict):
            raise Reject(400, BAD_REQUEST)
        if set(body) - set(fields):
            raise form_error(fields, {}, [EXTRA_FIELDS])
        errors: dict[str, list[str]] = {}
        begin = end = None
        for name in ("begin", "end"):
            if body.get(name) is not None:
                try:
                    moment = self.local(body[name], name)
                except Reject:
                    errors[name] = [INVALID_DATE]
                    continue
                begin, end = (moment, end) if name == "begin" else (begin, moment)
        project, activity = body.get("project"), body.get("activity")
        if project is None:
            errors["project"] = ["A project needs to be selected.", "This value should not be null."]
        elif project not in self.projects:
            errors["project"] = [INVALID_CHOICE]
        if activity is None:
            errors["activity"] = ["An activity needs to be selected.", "This value should not be null."]
        elif activity not in self.activities:
            errors["activity"] = [INVALID_CHOICE]
        elif project in self.projects:
            own = self.activities[activity].project
            if own != project and not (own is None and self.projects[project].global_activities):
                errors["activity"] = [INVALID_CHOICE]
        user = self.users.get(body.get("user", me.id))
        if user is None:
            errors["user"] = [INVALID_CHOICE]
        if errors:
            raise form_error(fields, errors)
        begin = begin or self.now
        if end is not None and end < begin:
            raise form_error(fields, {}, ["The end date must not be earlier than the start date."])
        tags = [t.strip() for t in str(body.get("tags") or "").split(",") if t.strip()]
        billable = body["billable"] if body.get("billable") is not None else self.billable(project, activity)
        record = Timesheet(max(self.timesheets, default=0) + 1, user.id, project, activity, begin, end,
                           body.get("description"), tags, bool(billable),
                           float(body.get("hourlyRate", user.hourly_rate)), float(body.get("internalRate",
                           user.internal_rate)), body.get("fixedRate"), bool(body.get("exported", False)))  # fmt: skip
        if end is None:
            for running in self.timesheets.values():
                if running.user == user.id and running.end is None:
                    running.end = max(self.now, running.begin)
        self.timesheets[record.id] = record
        return self.timesheet_json(record, full=full, entity=True)

    def stop(self, me: User, id: int) -> dict:
        record = self.timesheets.get(id)
        if record is None:
            raise Reject(404, NOT_FOUND)
        if record.user != me.id and not me.privileged:
            raise Reject(403, FORBIDDEN)
        if record.end is None:  # a stopped record is answered as it is, without an error (Kimai 2.31)
            record.end = max(self.now, record.begin)
        return self.timesheet_json(record, entity=True)

    # --- over HTTP

    def __enter__(self) -> DemoKimai:
        kimai = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as httpx expects of a server

            def answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                auth = self.headers.get("Authorization") or ""
                token = auth.removeprefix("Bearer ").strip() if auth.startswith("Bearer ") else None
                try:
                    body = json.loads(raw) if raw else None
                except ValueError:
                    status, payload, headers = 400, BAD_REQUEST, {}
                else:
                    status, payload, headers = kimai.handle(self.command, self.path, token, body)
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PATCH = do_DELETE = do_PUT = answer

            def log_message(self, format: str, *args: Any) -> None:  # the demo's output is the session
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="demo-kimai", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the demo Kimai is not running: use it as `with DemoKimai() as kimai:`")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def summary(self) -> str:
        """What it holds, in a sentence."""
        days = sorted({t.begin.date() for t in self.timesheets.values()})
        anna, ben = USERS
        return (
            f"It holds {anna.alias} ({anna.username}, team lead of the {TEAM['name']}) and {ben.alias} "
            f"({ben.username}), {len(CUSTOMERS)} customers, {len(PROJECTS)} projects, {len(ACTIVITIES)} activities "
            f"and {len(self.timesheets)} timesheets from {days[0]} to {days[-1]}."
        )
