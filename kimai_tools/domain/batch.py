"""One batch engine for every `batch_*` action: bounded concurrency, one outcome per id, progress, dry run."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kimai_tools.domain.arguments import parse_id

Operation = Callable[[int], Awaitable[str | None]]
Progress = Callable[[int, int, str], Awaitable[None]]


class Unchanged(str):
    """Returned by an operation when the record already was as requested (e.g. "already exported")."""


@dataclass(frozen=True)
class Outcome:
    id: int | str  # an id that is not a valid Kimai id stays as given, so the model sees what it sent
    ok: bool
    detail: str
    changed: bool = True


@dataclass
class BatchResult:
    outcomes: list[Outcome] = field(default_factory=list)
    verb: str = "Processed"  # past tense: "Deleted", "Approved", "Exported"
    noun: str = "records"  # plural: "timesheets", "absences"
    dry_run: bool = False

    @property
    def total(self) -> int:
        return len(self.outcomes)

    @property
    def succeeded(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.ok]

    @property
    def changed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.ok and o.changed]

    @property
    def unchanged(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.ok and not o.changed]

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]

    @property
    def all_failed(self) -> bool:
        return bool(self.outcomes) and not self.succeeded

    def summary(self) -> str:
        if not self.outcomes:
            return f"No {self.noun} given."
        failed, unchanged = self.failed, self.unchanged
        if self.dry_run:
            head = (
                f"Dry run, nothing changed: {len(self.changed)} of {self.total} {self.noun} can be {self.verb.lower()}"
            )
        else:
            head = f"{self.verb} {len(self.changed)} of {self.total} {self.noun}"
        if unchanged:
            head += f"; {len(unchanged)} unchanged"
        head += f"; {len(failed)} failed:" if failed else "."
        lines = [head]
        lines += [f"  {ids}: {reason}" for reason, ids in _groups(failed)]
        lines += [f"Unchanged: {ids} ({detail})" for detail, ids in _groups(unchanged)]
        changed_groups = _groups(self.changed)
        if self.dry_run or len(changed_groups) > 1:
            lines += [f"  {ids}: {detail}" for detail, ids in changed_groups]
        elif changed_groups:
            lines.append(f"{self.verb}: {changed_groups[0][1]}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "total": self.total,
            "succeeded": len(self.succeeded),
            "unchanged": len(self.unchanged),
            "failed": len(self.failed),
            "outcomes": [
                {"id": o.id, "ok": True, "detail": o.detail, "changed": o.changed}
                if o.ok
                else {"id": o.id, "ok": False, "reason": o.detail}
                for o in self.outcomes
            ],
        }


async def run_batch(
    ids: Iterable[Any],
    operation: Operation,
    *,
    concurrency: int = 10,
    progress: Progress | None = None,
    dry_run: bool = False,
    check: Operation | None = None,
    verb: str = "Processed",
    noun: str = "records",
) -> BatchResult:
    """Run `operation` (or, in a dry run, `check`) once per distinct id; a failure of one id never stops the others."""
    if concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, got {concurrency}.")
    given = _dedupe(ids)
    slots: dict[int, Outcome] = {}
    todo: list[tuple[int, int]] = []
    for index, (raw, parsed) in enumerate(given):
        if parsed is None:
            shown = raw if isinstance(raw, int | str) and not isinstance(raw, bool) else repr(raw)
            slots[index] = Outcome(shown, False, f"not a valid id: {raw!r} (expected a positive integer)")
        else:
            todo.append((index, parsed))

    total, done = len(given), 0

    async def report(outcome: Outcome) -> None:
        nonlocal done
        done += 1
        if progress is None:
            return
        state = outcome.detail if outcome.ok else f"failed: {outcome.detail}"
        # a lost progress notification must not abort a half-done batch
        with contextlib.suppress(Exception):
            await progress(done, total, f"{outcome.id}: {state}")

    for index in sorted(slots):
        await report(slots[index])

    if dry_run:
        default = f"would be {verb.lower()}"
        action: Operation = check if check is not None else _nothing
    else:
        default, action = verb.lower(), operation

    async def one(record_id: int) -> Outcome:
        try:
            detail = await action(record_id)
        except Exception as exc:  # every failure becomes this id's outcome
            return Outcome(record_id, False, str(exc) or type(exc).__name__)
        if isinstance(detail, Unchanged):
            return Outcome(record_id, True, str(detail), changed=False)
        return Outcome(record_id, True, detail or default)

    work: Iterator[tuple[int, int]] = iter(todo)

    async def worker() -> None:
        # workers share one iterator, so at most `concurrency` calls are in flight at any time
        for index, record_id in work:
            slots[index] = await one(record_id)
            await report(slots[index])

    async with asyncio.TaskGroup() as group:  # the server runs on asyncio (the SDK's anyio backend)
        for _ in range(min(concurrency, len(todo))):
            group.create_task(worker())

    return BatchResult([slots[i] for i in range(total)], verb=verb, noun=noun, dry_run=dry_run)


async def _nothing(record_id: int) -> None:
    return None


def _dedupe(ids: Iterable[Any]) -> list[tuple[Any, int | None]]:
    seen: set[Any] = set()
    result = []
    for raw in ids:
        parsed = parse_id(raw)
        key = parsed if parsed is not None else ("invalid", repr(raw))
        if key not in seen:
            seen.add(key)
            result.append((raw, parsed))
    return result


def compact_ids(ids: Iterable[int | str]) -> str:
    """'1-3, 7, 9-10': ids ascending, runs of consecutive ids as ranges; anything not an int last, as given."""
    values = list(ids)
    numbers = sorted(v for v in values if parse_id(v) == v)
    others = [v for v in values if parse_id(v) != v]
    parts: list[str] = []
    run: list[int] = []

    def flush() -> None:
        if run:
            parts.append(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}")
            run.clear()

    for number in numbers:
        if not run or number != run[-1] + 1:
            flush()
        run.append(number)
    flush()
    return ", ".join(parts + [repr(v) if isinstance(v, str) else str(v) for v in others])


def _groups(outcomes: list[Outcome]) -> list[tuple[str, str]]:
    """(detail, compact ids) per distinct detail, in first-seen order."""
    by_detail: dict[str, list[int | str]] = {}
    for outcome in outcomes:
        by_detail.setdefault(outcome.detail, []).append(outcome.id)
    return [(detail, compact_ids(ids)) for detail, ids in by_detail.items()]
