"""`make demo`: the real stdio server's session with the fake Kimai of scripts/demo_kimai.py, the README's copy of
it, and that fake, whose answers have the shapes of a real Kimai 2.31's (its recorded traffic)."""

import re
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from typing import Any

import httpx
import pytest

from kimai_tools.server import TOOLS
from scripts.demo_kimai import USERS, DemoKimai
from tests.support.fake import recorded
from tests.support.paths import ROOT

README_RUN = "2026-11-25T14:05"  # a Wednesday: the clock of the run README.md shows
ANNA, BEN = (user.token for user in USERS)


def run_demo(*args: str) -> tuple[subprocess.CompletedProcess, float]:
    """scripts/demo.py as `make demo` runs it: this Python (the .venv's), from the repository's root."""
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "demo.py"), *args], capture_output=True, text=True, timeout=120,
        cwd=ROOT,
    )  # fmt: skip
    return done, time.monotonic() - start


@pytest.fixture(scope="module")
def demo() -> tuple[subprocess.CompletedProcess, float]:
    return run_demo()


@pytest.fixture(scope="module")
def readme_run() -> subprocess.CompletedProcess:
    return run_demo("--now", README_RUN)[0]


def test_the_demo_runs_a_session_with_the_fake_kimai_in_seconds(demo):
    done, took = demo
    out = done.stdout

    assert done.returncode == 0, done.stdout + done.stderr
    assert took < 30, f"the demo took {took:.1f} s"
    assert "Traceback" not in out + done.stderr
    clock = datetime.strptime(re.search(r"its clock at (\S+ \S+)\.", out)[1], "%Y-%m-%d %H:%M")
    today, yesterday, week = clock.date(), clock.date() - timedelta(days=1), clock.date() - timedelta(days=6)
    began = clock - timedelta(minutes=45)
    for question, call in [
        ("Who am I?", "user_current {}"),
        ("What did I log in the last 7 days?", f'"begin": "{week}", "end": "{today}"'),
        ("Which projects are there?", 'entity {"type": "project", "action": "list"}'),
        ("Start a timer: Online shop, Design", f'"begin": "{began:%Y-%m-%dT%H:%M:00}"'),
        ("Stop it.", 'timer {"action": "stop"}'),
        ("Log 2 hours yesterday on the Website relaunch", f'"begin": "{yesterday}T16:00:00"'),
        ("My last 7 days in numbers", '"calculate_stats": true'),
        ("A wrong call (type 'projects')", 'entity {"type": "projects", "action": "list"}'),
    ]:
        assert f"\n» {question}" in out and call in out, question
    assert "You are user Anna Berg (#1); roles: ROLE_TEAMLEAD." in out
    assert "teams: Web team (#1, team lead)" in out
    assert "Website relaunch (Acme Corp) / Design | Anna Berg" in out  # her week, with names a person follows
    until = f"{clock:%H:%M}" if began.date() == clock.date() else f"{clock:%Y-%m-%d %H:%M}"  # a run just after 0:00
    assert f"Started #51 {began:%Y-%m-%d %H:%M}– running | Online shop (Acme Corp) / Design | Anna Berg" in out
    assert f"Stopped #51 {began:%Y-%m-%d %H:%M}–{until} 0.75 h" in out  # Kimai's stop answers with ids only
    assert f"Created #52 {yesterday} 16:00–18:00 2 h | Website relaunch (Acme Corp) / Design | Anna Berg" in out
    assert "rate 170, hourlyRate 85" in out
    stats = out[out.index("» My last 7 days in numbers") :]
    assert re.search(r"Statistics over all (\d+) of \1 matching timesheets:", stats)
    assert "By user: Anna Berg" in stats and "By project: Website relaunch" in stats
    assert "✗ error: Wrong arguments for entity: type must be 'project'" in out
    assert "'project', 'activity', 'customer'" in out  # the wrong call's error names what is allowed
    assert f"{len(TOOLS)} tools, tools/list = " in out and all(name in out for name in TOOLS)
    assert '"KIMAI_API_TOKEN": "<your API token>"' in out


def readme_session() -> list[str]:
    """The lines README.md shows under `$ make demo`."""
    text = (ROOT / "README.md").read_text()
    block = re.search(r"```text\n\$ make demo\n(.*?)```", text, re.S)
    assert block, "README.md shows no `$ make demo` block"
    return block[1].rstrip("\n").split("\n")


def comparable(lines: list[str]) -> list[str]:
    """What differs from run to run at the same clock: the fake's port; and the size of tools/list, which is
    `make bench`'s business (it has a budget there)."""
    port = re.compile(r"http://127\.0\.0\.1:\d+")
    size = re.compile(r"tools/list = [\d,]+ bytes")
    return [size.sub("tools/list = N bytes", port.sub("http://127.0.0.1:PORT", line)) for line in lines]


def test_the_readme_shows_the_demos_real_output(readme_run):
    assert readme_run.returncode == 0, readme_run.stdout + readme_run.stderr
    out = readme_run.stdout.split("\n")
    session = out[: out.index(next(line for line in out if line.startswith("Next, your own Kimai")))]
    while session and not session[-1]:
        session.pop()

    assert comparable(readme_session()) == comparable(session), (
        "README.md's `make demo` output is stale: paste the session (up to the tools) of "
        f"`.venv/bin/python scripts/demo.py --now {README_RUN}`"
    )


def test_the_readme_block_is_the_session_and_says_where_its_clock_stood():
    lines = readme_session()

    assert lines[0].startswith("Demo Kimai: a fake Kimai 2.31.0 at http://127.0.0.1:")
    assert f"its clock at {README_RUN.replace('T', ' ')}." in lines[0]
    assert lines[-1].strip().split(", ")[-1] == TOOLS[-1]  # it ends with the tools; the next section has the entry


# --- the fake, beside a real Kimai 2.31


def ask(kimai: DemoKimai, method: str, target: str, body: Any = None, token: str | None = ANNA):
    return kimai.handle(method, target, token, body)


def shape(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return type(value).__name__


def differences(ours: Any, theirs: Any, where: str = "") -> list[str]:
    """Where two JSON bodies differ in shape: keys, and the types of values both have (null fits anything)."""
    if isinstance(theirs, dict) and isinstance(ours, dict):
        found = [f"{where}.{k}: missing" for k in theirs if k not in ours]
        found += [f"{where}.{k}: not in Kimai's" for k in ours if k not in theirs]
        return found + [d for k in theirs if k in ours for d in differences(ours[k], theirs[k], f"{where}.{k}")]
    if isinstance(theirs, list) and isinstance(ours, list):
        return differences(ours[0], theirs[0], f"{where}[0]") if ours and theirs else []
    if theirs is None or ours is None or type(ours) is type(theirs):
        return []
    return [f"{where}: {type(ours).__name__}, Kimai's {type(theirs).__name__}"]


def running_timer(kimai: DemoKimai) -> dict:
    return ask(kimai, "POST", "/api/timesheets?full=true", {"project": 1, "activity": 1, "description": "x"})[1]


SHAPES = [
    ("GET", "/api/users/me", None, "120-get_get_user"),  # the same shape as /me, with a team membership
    ("GET", "/api/users", None, "117-get_get_users"),
    ("GET", "/api/users?full=true", None, "118-get_get_users"),
    ("GET", "/api/customers", None, "088-get_get_customers"),
    ("GET", "/api/projects", None, "094-get_get_projects"),
    ("GET", "/api/activities", None, "103-get_get_activities"),
    ("GET", "/api/timesheets", None, "122-get_get_timesheets"),
    ("GET", "/api/timesheets?full=true&size=5", None, "128-get_get_timesheets"),
    ("GET", "/api/timesheets/3", None, "142-get_get_timesheet"),
    ("POST", "/api/timesheets", {"begin": "2026-11-04T09:00:00", "end": "2026-11-04T12:00:00", "project": 1,
                                 "activity": 1, "description": "Homepage layout", "tags": "remote"},
     "048-post_post_timesheet"),
    ("POST", "/api/timesheets?full=true", {"project": 1, "activity": 1, "description": "Timer running"},
     "087-post_post_timesheet"),
    ("GET", "/api/timesheets/active", running_timer, "144-get_active_timesheet"),
    ("PATCH", "/api/timesheets/{running}/stop", running_timer, "175-patch_stop_timesheet"),
]  # fmt: skip


@pytest.mark.parametrize(("method", "target", "body", "exchange"), SHAPES, ids=[s[3] for s in SHAPES])
def test_the_fakes_answers_have_the_shape_of_kimai_2_31s(method, target, body, exchange):
    kimai = DemoKimai()
    if callable(body):
        target, body = target.format(running=body(kimai)["id"]), None
    status, ours, headers = ask(kimai, method, target, body)
    theirs = recorded(exchange)["response"]

    assert status == theirs["status"] == 200
    assert not differences(ours, theirs["json_body"]), differences(ours, theirs["json_body"])
    pagination = {k for k in theirs["headers"] if k.startswith("X-")}
    assert set(headers) == pagination


REFUSALS = [
    ("GET", "/api/version", None, ANNA, "002-get_app_api_status_version"),
    ("POST", "/api/timesheets", {"description": "nothing"}, ANNA, "234-post_post_timesheet"),
    ("POST", "/api/timesheets", {"begin": "2026-11-21T12:00:00", "end": "2026-11-21T10:00:00", "project": 1,
                                 "activity": 1}, ANNA, "237-post_post_timesheet"),
    ("POST", "/api/timesheets", {"begin": "2026-11-21T12:00:00", "end": "2026-11-21T13:00:00", "project": 3,
                                 "activity": 6}, ANNA, "239-post_post_timesheet"),  # not the project's activity
    ("POST", "/api/timesheets", {"begin": "2026-11-22T15:00:00", "end": "2026-11-22T16:00:00", "project": 1,
                                 "activity": 1, "user": 1}, BEN, "280-post_post_timesheet"),
    ("GET", "/api/timesheets?page=abc", None, ANNA, "251-get_get_timesheets"),
    ("GET", "/api/timesheets?begin=2026-11-01", None, ANNA, "252-get_get_timesheets"),
    ("GET", "/api/timesheets?user=all&page=99&size=10", None, ANNA, "127-get_get_timesheets"),
    ("GET", "/api/timesheets?customer=99999", None, ANNA, "293-get_get_timesheets"),
    ("GET", "/api/timesheets/99999", None, ANNA, "289-get_get_timesheet"),
    ("GET", "/api/timesheets/1", None, BEN, "268-get_get_timesheet"),  # #1 is Anna's
    ("GET", "/api/teams", None, ANNA, "116-get_get_teams"),  # a team lead cannot list teams
    ("GET", "/api/users", None, BEN, "263-get_get_users"),
    ("GET", "/api/timesheets", None, None, "257-get_get_timesheets"),
]  # fmt: skip


@pytest.mark.parametrize(("method", "target", "body", "token", "exchange"), REFUSALS, ids=[r[-1] for r in REFUSALS])
def test_the_fake_refuses_as_kimai_2_31_does(method, target, body, token, exchange):
    theirs = recorded(exchange)["response"]

    assert ask(DemoKimai(), method, target, body, token)[:2] == (theirs["status"], theirs["json_body"])


def test_records_lie_on_the_working_days_of_the_two_weeks_before_the_clock():
    kimai = DemoKimai(datetime(2026, 11, 25, 14, 5))  # a Wednesday
    days = {t.begin.date() for t in kimai.timesheets.values()}

    assert min(days) == date(2026, 11, 11) and max(days) == date(2026, 11, 24)
    assert all(day.weekday() < 5 for day in days) and len(days) == 10
    assert {t.user for t in kimai.timesheets.values()} == {1, 2}
    assert all(t.end and t.end > t.begin for t in kimai.timesheets.values())
    ids = sorted(kimai.timesheets)
    assert [kimai.timesheets[i].begin for i in ids] == sorted(kimai.timesheets[i].begin for i in ids)
    first = ask(kimai, "GET", "/api/timesheets/1")[1]
    assert first["begin"] == "2026-11-11T09:00:00+0100" and first["duration"] == 5400  # Berlin, in winter


def test_lists_filter_by_begin_in_local_time_and_page_as_kimai_does():
    kimai = DemoKimai(datetime(2026, 11, 25, 14, 5))
    status, page, headers = ask(kimai, "GET", "/api/timesheets?begin=2026-11-24T00:00:00&end=2026-11-24T23:59:59"
                                              "&size=1&page=2")  # fmt: skip

    assert status == 200 and len(page) == 1 and page[0]["begin"].startswith("2026-11-24T09:00")
    assert headers == {"X-Page": "2", "X-Total-Count": "2", "X-Total-Pages": "2", "X-Per-Page": "1"}
    assert ask(kimai, "GET", "/api/timesheets?begin=2026-11-24T00:00:00&size=1&page=3")[0] == 404


def test_a_plain_user_gets_only_their_own_records_whatever_user_filter_is_sent():
    kimai = DemoKimai()
    own = {t.id for t in kimai.timesheets.values() if t.user == 2}

    for target in ("/api/timesheets?size=500", "/api/timesheets?user=all&size=500", "/api/timesheets?user=1"):
        assert {r["id"] for r in ask(kimai, "GET", target, token=BEN)[1]} <= own
    assert len(ask(kimai, "GET", "/api/timesheets?user=all&size=500")[1]) == len(kimai.timesheets)


def test_a_started_timer_stops_the_one_running_and_stopping_uses_the_fakes_clock():
    kimai = DemoKimai(datetime(2026, 11, 25, 14, 5))
    first = ask(kimai, "POST", "/api/timesheets", {"project": 2, "activity": 2, "begin": "2026-11-25T13:00:00"})[1]
    second = ask(kimai, "POST", "/api/timesheets", {"project": 1, "activity": 1})[1]

    assert second["begin"] == "2026-11-25T14:05:00+0100" and second["end"] is None
    assert [r["id"] for r in ask(kimai, "GET", "/api/timesheets/active")[1]] == [second["id"]]
    assert kimai.timesheets[first["id"]].end == kimai.now  # Kimai's activeEntriesHardLimit: 1
    stopped = ask(kimai, "PATCH", f"/api/timesheets/{first['id']}/stop")[1]
    assert stopped["duration"] == 3900 and stopped["rate"] == round(85 * 3900 / 3600, 2)


def test_activities_of_a_project_include_the_global_ones_where_it_takes_them():
    names = [a["name"] for a in ask(DemoKimai(), "GET", "/api/activities?project=1")[1]]
    globals_only = [a["name"] for a in ask(DemoKimai(), "GET", "/api/activities?globals=true")[1]]

    assert "Content migration" in names and "Design" in names
    assert "Content migration" not in globals_only and len(globals_only) == 5
    assert [p["name"] for p in ask(DemoKimai(), "GET", "/api/projects?term=shop")[1]] == ["Online shop"]


def test_the_fake_answers_over_http_on_the_loopback_interface():
    with DemoKimai() as kimai:
        assert kimai.url.startswith("http://127.0.0.1:")
        with httpx.Client(base_url=kimai.url, trust_env=False) as http:
            version = http.get("/api/version", headers={"Authorization": f"Bearer {kimai.token}"})
            anonymous = http.get("/api/version")
            created = http.post("/api/timesheets", headers={"Authorization": f"Bearer {kimai.token}"},
                                json={"project": 1, "activity": 1})  # fmt: skip

    assert version.status_code == 200 and version.json()["version"] == "2.31.0"
    assert version.headers["Content-Type"] == "application/json"
    assert anonymous.status_code == 401 and anonymous.json() == {"code": 401, "message": "Unauthorized"}
    assert created.status_code == 200 and created.json()["end"] is None
    assert ("POST", "/api/timesheets") in kimai.requests
