import time

import anyio
import pytest

from kimai_tools.domain.batch import BatchResult, Outcome, Unchanged, compact_ids, run_batch

pytestmark = pytest.mark.anyio


class Recorder:
    """An operation that remembers its calls and fails for chosen ids."""

    def __init__(self, fail: dict[int, Exception] | None = None, delay: float = 0.0):
        self.calls: list[int] = []
        self.fail = fail or {}
        self.delay = delay
        self.running = 0
        self.max_running = 0

    async def __call__(self, record_id: int) -> str:
        self.calls.append(record_id)
        self.running += 1
        self.max_running = max(self.max_running, self.running)
        try:
            await anyio.sleep(self.delay)
            if record_id in self.fail:
                raise self.fail[record_id]
            return "deleted"
        finally:
            self.running -= 1


async def test_duplicate_ids_are_processed_once_in_first_seen_order():
    op = Recorder()
    result = await run_batch([5, 3, 5, "3", 7, 3], op, concurrency=1)
    assert op.calls == [5, 3, 7]
    assert [o.id for o in result.outcomes] == [5, 3, 7]


async def test_outcomes_keep_input_order_when_operations_finish_out_of_order():
    async def slower_for_small_ids(record_id: int) -> str:
        await anyio.sleep(0.05 / record_id)
        return f"done {record_id}"

    result = await run_batch([1, 2, 3, 4, 5], slower_for_small_ids)
    assert [(o.id, o.detail) for o in result.outcomes] == [(i, f"done {i}") for i in range(1, 6)]


async def test_int_like_strings_are_accepted_as_ids():
    op = Recorder()
    result = await run_batch(["12", " 13 "], op)
    assert sorted(op.calls) == [12, 13]
    assert result.failed == []


async def test_a_failing_id_does_not_stop_the_others():
    op = Recorder(fail={2: RuntimeError("404 Not Found"), 4: PermissionError("403 Forbidden")})
    result = await run_batch([1, 2, 3, 4, 5], op, verb="Deleted", noun="timesheets")
    assert sorted(op.calls) == [1, 2, 3, 4, 5]
    assert [o.id for o in result.succeeded] == [1, 3, 5]
    assert [(o.id, o.detail) for o in result.failed] == [(2, "404 Not Found"), (4, "403 Forbidden")]
    assert not result.all_failed


async def test_an_exception_without_message_is_named_by_its_type():
    async def op(record_id: int) -> str:
        raise TimeoutError()

    result = await run_batch([1], op)
    assert result.failed[0].detail == "TimeoutError"


async def test_all_failed_when_no_id_succeeds():
    op = Recorder(fail={1: RuntimeError("Forbidden"), 2: RuntimeError("Forbidden")})
    result = await run_batch([1, 2], op)
    assert result.all_failed
    assert len(result.failed) == 2


async def test_an_empty_batch_is_not_all_failed():
    result = await run_batch([], Recorder(), noun="absences")
    assert not result.all_failed
    assert result.summary() == "No absences given."


@pytest.mark.parametrize("bad", [0, -3, "abc", "1.5", None, 2.0, True, ""])
async def test_invalid_ids_become_failed_outcomes_without_calling_the_operation(bad):
    op = Recorder()
    result = await run_batch([bad, 9], op)
    assert op.calls == [9]
    assert result.outcomes[0].ok is False
    assert "not a valid id" in result.outcomes[0].detail
    assert result.outcomes[1] == Outcome(9, True, "deleted")


async def test_concurrency_bound_is_respected():
    op = Recorder(delay=0.01)
    await run_batch(range(1, 41), op, concurrency=4)
    assert op.max_running == 4
    assert len(op.calls) == 40


async def test_default_concurrency_is_ten():
    op = Recorder(delay=0.01)
    await run_batch(range(1, 31), op)
    assert op.max_running == 10


async def test_concurrency_below_one_is_refused():
    with pytest.raises(ValueError, match="at least 1"):
        await run_batch([1], Recorder(), concurrency=0)


async def test_a_hundred_slow_ids_run_concurrently():
    op = Recorder(delay=0.02)
    start = time.perf_counter()
    result = await run_batch(range(1, 101), op)
    assert time.perf_counter() - start < 1.5  # sequential would take 2 s
    assert len(result.succeeded) == 100


async def test_progress_counts_up_to_the_total():
    calls: list[tuple[int, int, str]] = []

    async def progress(done: int, total: int, message: str) -> None:
        calls.append((done, total, message))

    op = Recorder(fail={3: RuntimeError("Not Found")}, delay=0.001)
    await run_batch([1, 2, 3, "x", 2], op, progress=progress, concurrency=2)
    assert [done for done, _, _ in calls] == [1, 2, 3, 4]
    assert {total for _, total, _ in calls} == {4}
    assert "3: failed: Not Found" in [message for _, _, message in calls]


async def test_a_failing_progress_callback_does_not_stop_the_batch():
    async def progress(done: int, total: int, message: str) -> None:
        raise RuntimeError("client went away")

    op = Recorder()
    result = await run_batch([1, 2, 3], op, progress=progress)
    assert len(result.succeeded) == 3


async def test_dry_run_never_calls_the_operation_and_reports_what_would_change():
    op = Recorder()

    async def check(record_id: int) -> str:
        if record_id == 2:
            raise LookupError("timesheet 2 does not exist")
        return f"would delete timesheet {record_id}"

    result = await run_batch([1, 2, 3], op, dry_run=True, check=check, verb="Deleted", noun="timesheets")
    assert op.calls == []
    assert [(o.id, o.ok, o.detail) for o in result.outcomes] == [
        (1, True, "would delete timesheet 1"),
        (2, False, "timesheet 2 does not exist"),
        (3, True, "would delete timesheet 3"),
    ]
    assert result.summary().startswith("Dry run, nothing changed: 2 of 3 timesheets can be deleted; 1 failed:")


async def test_dry_run_without_check_lists_the_ids():
    op = Recorder()
    result = await run_batch([4, 5, 4], op, dry_run=True, verb="Approved", noun="absences")
    assert op.calls == []
    assert [(o.id, o.detail) for o in result.outcomes] == [(4, "would be approved"), (5, "would be approved")]
    assert result.to_dict()["dry_run"] is True


async def test_unchanged_records_count_as_succeeded_but_not_changed():
    async def export(record_id: int) -> str:
        return Unchanged("already exported") if record_id % 2 else "exported"

    result = await run_batch([1, 2, 3, 4], export, verb="Exported", noun="timesheets")
    assert [o.id for o in result.changed] == [2, 4]
    assert [o.id for o in result.unchanged] == [1, 3]
    assert not result.failed
    assert (
        result.summary()
        == "Exported 2 of 4 timesheets; 2 unchanged.\nUnchanged: 1, 3 (already exported)\nExported: 2, 4"
    )


async def test_summary_lists_failures_with_reasons_and_successes_as_ranges():
    op = Recorder(fail={17: RuntimeError("Not Found"), 23: RuntimeError("Forbidden"), 24: RuntimeError("Forbidden")})
    result = await run_batch(range(1, 101), op, verb="Deleted", noun="timesheets")
    assert result.summary() == "\n".join(
        [
            "Deleted 97 of 100 timesheets; 3 failed:",
            "  17: Not Found",
            "  23-24: Forbidden",
            "Deleted: 1-16, 18-22, 25-100",
        ]
    )


async def test_summary_wording_follows_verb_and_noun():
    result = await run_batch(
        [10, 11, 12, 13], Recorder(fail={12: RuntimeError("Bad Request")}), verb="Approved", noun="absences"
    )
    assert result.summary().splitlines()[0] == "Approved 3 of 4 absences; 1 failed:"


def test_summary_shows_each_distinct_success_detail():
    result = BatchResult(
        [Outcome(1, True, "deleted"), Outcome(2, True, "deleted with its rates")], verb="Deleted", noun="projects"
    )
    assert result.summary() == "Deleted 2 of 2 projects.\n  1: deleted\n  2: deleted with its rates"


async def test_to_dict_gives_one_entry_per_id():
    result = await run_batch([1, "nope", 2], Recorder(fail={2: RuntimeError("Forbidden")}))
    assert result.to_dict() == {
        "dry_run": False,
        "total": 3,
        "succeeded": 1,
        "unchanged": 0,
        "failed": 2,
        "outcomes": [
            {"id": 1, "ok": True, "detail": "deleted", "changed": True},
            {"id": "nope", "ok": False, "reason": "not a valid id: 'nope' (expected a positive integer)"},
            {"id": 2, "ok": False, "reason": "Forbidden"},
        ],
    }


@pytest.mark.parametrize(
    ("ids", "text"),
    [
        ([], ""),
        ([7], "7"),
        ([1, 2, 3, 5, 7, 8], "1-3, 5, 7-8"),
        ([9, 3, 2, 1], "1-3, 9"),
        ([4, "x", 0, 5], "4-5, 'x', 0"),
    ],
)
def test_compact_ids(ids, text):
    assert compact_ids(ids) == text
