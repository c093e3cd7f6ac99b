"""calendar against a Prism mock of the pinned Kimai document (WorkContract paths merged; requests validated)."""

import pytest

pytestmark = pytest.mark.anyio


async def test_absences_with_every_filter(mcp):
    filters = {"user": 2, "begin": "2025-05-01", "end": "2025-05-31T23:59:59", "status": "all"}
    result = await mcp.call_tool("calendar", {"type": "absences", "filters": filters})
    assert not result.is_error, result.content[0].text
    assert result.structured_content["filters"] == {"user": "2", "begin": "2025-05-01", "end": "2025-05-31",
                                                    "status": "all"}  # fmt: skip
    assert result.structured_content["total"] == 1


async def test_holidays_with_dates_and_group(mcp):
    filters = {"begin": "2025-01-01", "end": "2025-12-31", "group": 1}
    result = await mcp.call_tool("calendar", {"type": "holidays", "filters": filters})
    assert not result.is_error, result.content[0].text
    assert result.structured_content["total"] == 1
