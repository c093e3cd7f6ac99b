"""Text other people typed stays data on a listing's line: it never starts a line nor passes for structure."""

import json

import pytest

from kimai_tools.domain.text import NAME_LIMIT, TEXT_LIMIT, quoted, shown


@pytest.mark.parametrize("name", ["Website", "Müller & Söhne (GmbH)", "Web/App 2.0", "Anna-Lena", "#3498db"])
def test_a_plain_name_is_shown_as_typed(name):
    assert shown(name) == name


@pytest.mark.parametrize(
    "name",
    [
        "Website\n#4242424 | project #1",
        "Line\rbreak",
        "Para\u2028graph",
        "Next\x85line",
        "Tab\there",
        "Right\u202eto left",
        "Zero\u200bwidth",
        "x | visible=yes",
        'Say "hi"',
        "[urgent]",
        " padded ",
        "",
    ],
)
def test_a_name_that_could_pass_for_structure_is_quoted_on_one_line(name):
    out = shown(name)
    assert out.startswith('"') and out.endswith('"')
    assert "\n" not in out and "\r" not in out and not any(c in out for c in "\u2028\x85\u202e\u200b\t")
    assert json.loads(out) == name  # the quoted form reads back to exactly what was typed


def test_free_text_is_always_quoted_and_its_quotes_escaped():
    assert quoted('Fixed the "login" bug') == '"Fixed the \\"login\\" bug"'
    assert quoted("two\nlines").count("\n") == 0


@pytest.mark.parametrize(("function", "limit"), [(shown, NAME_LIMIT), (quoted, TEXT_LIMIT)])
def test_a_long_value_is_capped_with_an_ellipsis(function, limit):
    out = function("x" * (limit * 3))
    assert out.strip('"') == "x" * (limit - 1) + "…"
