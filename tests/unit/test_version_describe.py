"""`config version` names the pinned document a Kimai is closest to and warns when it is newer than every pin."""

import json

import pytest

from kimai_tools.kimai.versions import closest, describe
from tests.support.paths import ROOT

PINS = [
    {"file": "kimai-2.0.x.json", "kimai": ["2.0.15", "2.0.35"]},
    {"file": "kimai-2.31.0-live.json", "kimai": ["2.31.0"]},
    {"file": "kimai-2.41-2.42.json", "kimai": ["2.41.0", "2.42.0"]},
    {"file": "kimai-2.48-2.53.json", "kimai": ["2.48.0", "2.53.0"]},
    {"file": "kimai-2.63-2.64-with-approval-plugin.json", "kimai": ["2.63.0", "2.64.0"]},
]
BUILT = {"spec": "kimai-2.63-2.64-with-approval-plugin.json", "kimai": ["2.63.0", "2.64.0"], "pins": PINS}


@pytest.mark.parametrize(
    ("version", "pin"),
    [
        ("2.31.0", "kimai-2.31.0-live.json"),
        ("2.50.3", "kimai-2.48-2.53.json"),
        ("2.55.0", "kimai-2.48-2.53.json"),
        ("2.60.0", "kimai-2.63-2.64-with-approval-plugin.json"),
        ("2.45.0", "kimai-2.41-2.42.json"),  # three releases either side: the older pin, whose endpoints all exist
        ("2.10.0", "kimai-2.0.x.json"),
    ],
)
def test_closest_pin_holds_the_version_or_is_the_nearest_release(version, pin):
    assert closest(version, PINS)["file"] == pin


def test_a_kimai_in_the_clients_own_range_is_covered_by_it():
    assert describe("2.64.0", BUILT) == (
        "Kimai 2.64.0 is covered by the pinned document of Kimai 2.63.0–2.64.0, which this client is built from."
    )


def test_an_older_kimai_is_told_its_pin_and_that_newer_actions_name_their_version():
    text = describe("2.45.0", BUILT)
    assert text.startswith("Kimai 2.45.0 is closest to the pinned document of Kimai 2.41.0–2.42.0;")
    assert "answer with the version they need" in text and "make regen" not in text


def test_a_kimai_newer_than_every_pin_is_warned_and_told_to_regenerate():
    text = describe("2.70.1", BUILT)
    assert "newer than every pinned document (newest: Kimai 2.63.0–2.64.0)" in text
    assert "make regen KIMAI_URL=" in text


def test_a_client_built_from_an_older_pin_names_the_pin_that_fits_the_kimai():
    built = {**BUILT, "spec": "kimai-2.31.0-live.json", "kimai": ["2.31.0"]}
    text = describe("2.52.0", built)
    assert "covered by the pinned document of Kimai 2.48.0–2.53.0" in text
    assert "`make regen SPEC=kimai-2.48-2.53.json`" in text


def test_a_client_from_a_live_kimai_counts_as_a_pin_of_its_own():
    built = {"spec": "kimai-2.70.0.json", "kimai": ["2.70.0"], "pins": PINS}
    assert describe("2.70.0", built).endswith("which this client is built from.")


def test_an_unreadable_version_still_names_the_clients_document():
    assert describe(None, BUILT) == (
        "Kimai's version could not be read; this client is built from Kimai 2.63.0–2.64.0's document."
    )


def test_a_kimai_older_than_every_pin_is_warned():
    assert "older than every pinned document (oldest: Kimai 2.0.15–2.0.35)" in describe("1.30.0", BUILT)


def test_the_committed_client_lists_every_pin_of_pins_json():
    pins = json.loads((ROOT / "openapi/pins.json").read_text())["pins"]
    manifest = json.loads((ROOT / "generated/kimai_client/manifest.json").read_text())
    assert sorted(p["file"] for p in manifest["pins"]) == sorted(p["file"] for p in pins)
    assert "Kimai 2.41.0–2.42.0" in describe("2.42.0", manifest)
