"""`make demo` runs a session against Prism; `make bench`'s helpers and its fake Kimai behave."""

import asyncio
import subprocess
import sys

import httpx
import pytest

from kimai_tools.server import TOOLS
from scripts.bench import FakeKimai, Row, format_table, median, pagination, summary, timesheet_record
from tests.support.paths import ROOT


def test_demo_runs_a_session_against_prism_and_exits_0(prism_exe):
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "demo.py")], capture_output=True, text=True, timeout=120, cwd=ROOT
    )

    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "12 tools, tools/list = " in out
    assert all(f"  {name} " in out for name in TOOLS)
    assert "2.64.0" in out  # Prism's example version came through the real server
    assert "Input should be 'project'" in out  # the deliberately wrong call's readable error
    assert '"KIMAI_API_TOKEN": "<your API token>"' in out
    assert "Traceback" not in out + done.stderr


def test_median_of_an_even_count_is_the_mean_of_the_middle_two():
    assert median([4.0, 1.0, 3.0, 2.0]) == 2.5
    assert median([0.3, 0.1, 0.2]) == 0.2
    with pytest.raises(ValueError, match="no measurements"):
        median([])


def test_table_aligns_columns_and_marks_failures():
    rows = [
        Row("start-up", "0.700 s (1.05x)", "0.660 s minimal", "<= 1.2x", True),
        Row("overhead", "4.4 ms", "23.9 ms direct", "<= 3.0 ms", False),
        Row("statistics time", "2.3 s", "0.2 s", "-", None),
    ]

    lines = format_table(rows).splitlines()

    assert len({len(line) for line in lines}) == 1
    assert [c.strip() for c in lines[0].strip("|").split("|")] == ["metric", "ours", "reference", "budget", "PASS/FAIL"]
    assert set(lines[1]) == {"|", "-"}
    assert lines[2].rstrip(" |").endswith("PASS")
    assert "FAIL" in lines[3] and "overhead" in lines[3]
    assert "PASS" not in lines[4] and "FAIL" not in lines[4]


def test_summary_names_the_missed_budgets_and_ignores_information_rows():
    rows = [Row("a", "", "", "", True), Row("b", "", "", "", False), Row("c", "", "", "", None)]

    assert summary(rows) == "FAIL: 1 of 2 budgets missed: b"
    assert summary(rows[:1] + rows[2:]) == "All 1 budgets met."


def test_pagination_is_kimais():
    ids, headers = pagination(total=120, page=3, size=50)

    assert list(ids) == list(range(101, 121))
    assert headers == {"X-Page": "3", "X-Total-Count": "120", "X-Total-Pages": "3", "X-Per-Page": "50"}
    assert pagination(total=120, page=4, size=50) == (None, {})
    assert pagination(total=0, page=1, size=50)[1]["X-Total-Pages"] == "1"


def test_generated_timesheets_cover_the_same_year_whatever_their_number():
    # so that statistics over 50,000 records keep as many buckets as over 5,000: memory compares fairly
    def days(total):
        return {timesheet_record(i)["begin"][:10] for i in range(1, total + 1)}

    assert days(5_000) == days(50_000)
    assert len(days(5_000)) == 365
    assert timesheet_record(17) == timesheet_record(17)
    assert timesheet_record(17, full=True)["project"]["customer"]["name"]


@pytest.mark.anyio
async def test_fake_kimai_serves_pages_with_kimais_headers_and_404_past_the_end():
    fake = FakeKimai(total=120, delay=0.01)
    server = await fake.start()
    try:
        async with httpx.AsyncClient(base_url=fake.url, trust_env=False) as http:
            pages = await asyncio.gather(
                *(http.get("/api/timesheets", params={"page": p, "size": 50, "full": "true"}) for p in (1, 2, 3, 4))
            )
            deleted = await http.delete("/api/timesheets/5")
            version = await http.get("/api/version")
            served = (await http.get("/__fake__/served")).json()
            served_again = (await http.get("/__fake__/served")).json()
    finally:
        server.close()
        await server.wait_closed()

    first, second, last, past = pages
    assert [p.status_code for p in pages] == [200, 200, 200, 404]
    assert second.headers["X-Total-Count"] == "120" and second.headers["X-Total-Pages"] == "3"
    assert second.headers["X-Page"] == "2" and second.headers["X-Per-Page"] == "50"
    assert [r["id"] for r in second.json()] == list(range(51, 101))
    assert len(last.json()) == 20
    assert first.json()[0]["user"]["username"]  # full=true expands user, project, activity
    assert past.json() == {"code": 404, "message": "Not Found"}
    assert deleted.status_code == 204 and deleted.content == b""
    assert version.json()["version"] == "2.64.0"
    assert served == {"requests": 6, "records": 120}
    assert served_again == {"requests": 0, "records": 0}
