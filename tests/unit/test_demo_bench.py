"""`make bench`'s helpers and its fake Kimai behave (`make demo` is tests/unit/test_demo.py's)."""

import asyncio
import json
import re

import httpx
import pytest

from scripts import bench
from scripts.bench import (
    FakeKimai,
    FakeProcess,
    Row,
    cold_call_row,
    format_table,
    median,
    pagination,
    summary,
    timesheet_record,
)


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


def test_first_call_row_compares_medians_and_counts_the_version_reads():
    row = cold_call_row(cold=[0.40, 0.17, 0.18], warm=[0.16, 0.15, 0.14], versions=[1, 1, 1])

    assert row.passed
    assert row.ours == "0.180 s (1.20x), 1 GET /api/version"
    assert row.reference == "0.150 s the same call warm"
    assert row.budget == "<= 1.25x (0.188 s), 1 version read"
    assert "median of 3 spawns" in row.metric
    assert not cold_call_row(cold=[0.38, 0.47, 0.40], warm=[0.145] * 3, versions=[1] * 3).passed
    # fast enough, but one spawn's first call read the version ten times: the most is shown, and fails
    many = cold_call_row(cold=[0.15] * 3, warm=[0.15] * 3, versions=[1, 10, 1])
    assert not many.passed and "10 GET /api/version" in many.ours
    # a first call at once after the handshake is shown beside it, without a budget
    at_once = cold_call_row(cold=[0.40] * 3, warm=[0.15] * 3, versions=[1] * 3, pause=0.0)
    assert at_once.passed is None and "at once after the handshake" in at_once.metric


@pytest.mark.anyio
async def test_first_call_measurement_spawns_the_server_and_counts_its_version_reads(monkeypatch, tmp_path):
    monkeypatch.setattr(bench, "COLD_RUNS", 1)
    with FakeProcess(total=10, delay=0.0) as fake:
        row = await bench.measure_cold_call(str(tmp_path), fake, pause=0.1)

    assert "median of 1 spawns" in row.metric
    reads = re.fullmatch(r"\d+\.\d+ (?:m?s) \(\d+\.\d+x\), (\d+) GET /api/version", row.ours)
    assert reads, row.ours
    assert int(reads.group(1)) >= 1  # the first call needs the version; the fake saw it asked
    assert row.reference.endswith("the same call warm")


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
            await http.get("/api/versions")  # not the version: not counted as one
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
    assert served == {"requests": 7, "records": 120, "versions": 1}
    assert served_again == {"requests": 0, "records": 0, "versions": 0}


def test_percentile_is_the_nearest_rank():
    values = [float(v) for v in range(1, 101)]

    assert bench.percentile(values, 50) == 50.0
    assert bench.percentile(values, 95) == 95.0
    assert bench.percentile([0.3, 0.1, 0.2], 95) == 0.3
    assert bench.percentile([0.7], 50) == 0.7
    with pytest.raises(ValueError, match="no measurements"):
        bench.percentile([], 50)


def test_peak_rss_and_cpu_time_are_read_from_proc():
    status = "Name:\tpython\nVmPeak:\t  500000 kB\nVmHWM:\t  131072 kB\nVmRSS:\t  120000 kB\n"
    # the command name may hold spaces and parentheses; utime and stime are the 14th and 15th fields
    stat = "4242 (python (team) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 3 0 1000 1 1"

    assert bench.vm_peak_rss(status) == 131072 * 1024
    assert bench.cpu_seconds(stat, ticks=100) == 3.0
    with pytest.raises(ValueError, match="VmHWM"):
        bench.vm_peak_rss("Name:\tpython\n")


def test_http_vs_stdio_row_compares_medians_against_the_budget():
    row = bench.http_vs_stdio_row([0.005, 0.004, 0.006, 0.020], [0.002, 0.003, 0.002, 0.004])

    assert row.passed
    assert row.ours == "5.5 ms (2.20x), p95 20.0 ms"
    assert row.reference == "2.5 ms over stdio, p95 4.0 ms"
    assert row.budget == "<= 3.0x (7.5 ms)"
    assert not bench.http_vs_stdio_row([0.008] * 3, [0.002] * 3).passed


def test_concurrent_rows_pass_with_no_error_only():
    latencies = [0.1] * 999 + [0.5]
    rows = bench.concurrent_rows(latencies, [], took=4.0, cpu=3.5, signed_in=9.0, rss_started=80_000_000,
                                 rss_peak=130_000_000)  # fmt: skip

    calls, rss = rows
    assert calls.passed and calls.budget == "0 errors"
    assert calls.ours == "250 calls/s, p50 0.100 s, p95 0.100 s, 0 errors"
    assert calls.reference.startswith("1000 calls in 4.000 s, server CPU 3.500 s; 50 sign-ins before took 9.000 s")
    assert rss.passed is None and rss.ours == "130.00 MB" and rss.reference.startswith("80.00 MB")
    failed = bench.concurrent_rows(latencies[:-1], ["ReadTimeout: "], 4.0, 3.5, 9.0, 1, 1)[0]
    assert not failed.passed and "1 errors" in failed.ours and "first: ReadTimeout" in failed.reference
    nothing = bench.concurrent_rows([], ["x"] * 1000, 4.0, 3.5, 9.0, 1, 1)[0]
    assert not nothing.passed and nothing.ours == "0 calls/s, -, 1000 errors"


@pytest.mark.anyio
async def test_team_measurement_signs_clients_in_and_counts_no_errors(monkeypatch, tmp_path):
    monkeypatch.setattr(bench, "TEAM_CALLS", 3)
    monkeypatch.setattr(bench, "TEAM_CLIENTS", 2)
    monkeypatch.setattr(bench, "TEAM_CLIENT_CALLS", 3)

    one, calls, rss = await bench.measure_team(str(tmp_path))

    assert "of 3" in one.metric and "over stdio" in one.reference
    assert re.fullmatch(r"\d+\.\d+ m?s \(\d+\.\d+x\), p95 \d+\.\d+ m?s", one.ours), one.ours
    assert calls.passed, calls
    assert "6 calls in" in calls.reference and ", 0 errors" in calls.ours
    assert rss.ours.endswith(" MB")


def side(rate: float, p95: float = 0.2, failures: int = 0, calls: int = 2000) -> bench.Side:
    latencies = [0.1] * (calls - failures - calls // 10) + [p95] * (calls // 10)  # the slowest tenth
    return bench.Side(latencies, ["HTTP 502: Bad Gateway"] * failures, took=len(latencies) / rate,
                      replicas_cpu=[2.0, 2.0], nginx_cpu=0.2, redis_cpu=0.1, kimai_cpu=0.3, load_cpu=0.3,
                      busy=len(latencies) / rate * 1.8)  # fmt: skip


def test_replica_rows_put_two_replicas_beside_one_and_pass_when_not_slower_and_clean():
    single = side(400.0, p95=0.3)
    single.replicas_cpu = [3.5]

    budget, detail = bench.replica_rows(single, side(600.0), sign_ins=14.0)

    assert budget.passed and budget.budget == ">= 1 replica's calls/s, 0 errors"
    assert budget.ours == "600 calls/s, p95 0.200 s, 0 errors (2 replicas)"
    assert budget.reference == "400 calls/s, p95 0.300 s, 0 errors (1 replica)"
    assert "100 clients x 20 calls" in budget.metric and "2026-07-28" in budget.metric
    assert detail.passed is None and "200 sign-ins before, both sides at once: 14.000 s" in detail.metric
    assert "replicas 2.0 + 2.0, nginx 0.2" in detail.ours and "replica 3.5, nginx 0.2" in detail.reference
    assert "other programs 1.1; 1.80 of" in detail.ours and "cores busy (other programs 0.33)" in detail.ours
    assert not bench.replica_rows(single, side(390.0), 14.0)[0].passed  # slower than one
    errors = bench.replica_rows(single, side(600.0, failures=1), 14.0)
    assert not errors[0].passed and "1 errors" in errors[0].ours and "first error: HTTP 502" in errors[1].ours


def test_sides_add_up_round_by_round_and_the_rest_of_the_machine_is_what_they_did_not_use():
    one = bench.Side([0.1], [], 1.0, [1.0, 0.5], 0.1, 0.1, 0.1, 0.1, 2.0)
    both = one + bench.Side([0.2], ["x"], 2.0, [0.5, 0.5], 0.0, 0.0, 0.0, 0.1, 1.0)

    assert both.latencies == [0.1, 0.2] and both.failures == ["x"] and both.took == 3.0
    assert both.replicas_cpu == [1.5, 1.0] and both.load_cpu == 0.2 and both.busy == 3.0
    assert one.others_cpu == pytest.approx(0.1)
    assert bench.machine_busy("cpu  100 5 20 1000 50 1 2 3 0 0\ncpu0 1 1 1 1 1 1 1 1 0 0\n") == 131


def test_missing_redis_or_nginx_is_one_line_and_a_failed_row_not_a_crash(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(bench, "redis_binary", lambda: None)

    rows = asyncio.run(bench.measure_replicas(str(tmp_path)))

    (row,) = rows
    assert row.passed is False and row.ours == "not measured"
    assert row.reference == "redis-server is not installed: apt-get install redis-server nginx-light"
    printed = capsys.readouterr().out.strip().splitlines()
    assert printed == [f"replicas: not measured, {row.reference}"]
    monkeypatch.setattr(bench, "nginx_binary", lambda: None)
    assert bench.missing_replica_tools() == "redis-server and nginx are not installed: " + bench.REPLICA_INSTALL


def test_a_call_is_one_self_contained_post_and_its_answer_is_judged():
    request = bench.call_request("127.0.0.1:8080", "kta_token", 7)
    head, body = request.split(b"\r\n\r\n", 1)
    lines = head.decode().split("\r\n")

    assert lines[0] == "POST /mcp HTTP/1.1" and "Host: 127.0.0.1:8080" in lines
    assert "Authorization: Bearer kta_token" in lines and "MCP-Protocol-Version: 2026-07-28" in lines
    assert f"Content-Length: {len(body)}" in lines
    message = json.loads(body)
    assert message["id"] == 7 and message["method"] == "tools/call" and message["params"]["name"] == "user_current"
    assert message["params"]["_meta"]["io.modelcontextprotocol/protocolVersion"] == "2026-07-28"

    ok = json.dumps({"jsonrpc": "2.0", "id": 7, "result": {"content": [], "isError": False}}).encode()
    failed = json.dumps({"jsonrpc": "2.0", "id": 7, "result": {"content": [{"text": "Kimai said no"}],
                                                               "isError": True}}).encode()  # fmt: skip
    assert bench.call_wrong(200, "application/json", ok) is None
    assert bench.call_wrong(200, "text/event-stream", b"event: message\r\ndata: " + ok + b"\r\n\r\n") is None
    assert bench.call_wrong(200, "application/json", failed) == "tool error: Kimai said no"
    assert bench.call_wrong(401, "application/json", b'{"error": "invalid_token"}').startswith("HTTP 401")
    assert bench.call_wrong(200, "application/json", b'{"jsonrpc": "2.0", "id": 7, "error": {"code": -32602}}')
    assert bench.call_wrong(200, "text/html", b"<html>").startswith("not a JSON-RPC answer")


def test_answers_are_read_by_content_length_or_chunks_on_one_connection():
    async def read(data: bytes) -> list:
        reader = asyncio.StreamReader()
        reader.feed_data(data)
        reader.feed_eof()
        return [await bench.read_response(reader), await bench.read_response(reader)]

    sized = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
    chunked = b"HTTP/1.1 502 Bad Gateway\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n"

    assert asyncio.run(read(sized + chunked)) == [(200, "application/json", b"{}"), (502, "", b"abcde")]
    with pytest.raises(ValueError, match="neither Content-Length nor chunks"):
        asyncio.run(read(b"HTTP/1.1 200 OK\r\n\r\n" + sized))


@pytest.mark.anyio
@pytest.mark.skipif(bench.missing_replica_tools() is not None, reason="needs redis-server and nginx")
async def test_replica_measurement_runs_both_sides_behind_nginx_with_no_errors(monkeypatch, tmp_path):
    monkeypatch.setattr(bench, "REPLICA_CLIENTS", 2)
    monkeypatch.setattr(bench, "REPLICA_CLIENT_CALLS", 4)

    budget, detail = await bench.measure_replicas(str(tmp_path))

    assert "2 clients x 4 calls" in budget.metric
    assert budget.ours.endswith(", 0 errors (2 replicas)") and budget.reference.endswith(", 0 errors (1 replica)")
    assert "8 calls in" in detail.ours and "8 calls in" in detail.reference
    assert "replicas " in detail.ours and " + " in detail.ours and "replica " in detail.reference
    assert (tmp_path / "replicas" / "a" / "team.log").read_text().count("POST /mcp") >= 2  # both replicas served
    assert (tmp_path / "replicas" / "b" / "team.log").read_text().count("POST /mcp") >= 2
