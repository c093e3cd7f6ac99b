"""Which pinned Kimai document the connected Kimai is closest to, and whether it is newer than all of them."""

from __future__ import annotations

from kimai_tools.kimai.operations import manifest, version_key

REGEN = "run `make regen KIMAI_URL=… KIMAI_USER=… KIMAI_PASSWORD=…` against your Kimai"


def span(kimai: list[str]) -> str:
    """`2.63.0–2.64.0` for a range, `2.31.0` for one version."""
    return "–".join(dict.fromkeys(kimai)) or "?"


def _minor(version: str) -> int:
    major, minor = (version_key(version) + (0,))[:2]
    return major * 1000 + minor


def closest(version: str, pins: list[dict]) -> dict | None:
    """The pin whose range holds `version`, else the nearest by release number (the older one on a tie)."""
    key = version_key(version)
    ranged = [p for p in pins if p.get("kimai")]
    for pin in ranged:
        if version_key(pin["kimai"][0]) <= key <= version_key(pin["kimai"][-1]):
            return pin

    def distance(pin: dict) -> tuple[int, int]:
        first, last = _minor(pin["kimai"][0]), _minor(pin["kimai"][-1])
        away = min(abs(_minor(version) - first), abs(_minor(version) - last))
        return away, 0 if version_key(pin["kimai"][-1]) < key else 1

    return min(ranged, key=distance, default=None)


def describe(version: str | None, built: dict | None = None) -> str:
    """One sentence (two with a warning) for `config version` and the first answer after connecting."""
    built = built if built is not None else manifest()
    own = {"file": built.get("spec", "?"), "kimai": built.get("kimai") or []}
    pins = [p for p in built.get("pins", []) if p["file"] != own["file"]] + ([own] if own["kimai"] else [])
    pins.sort(key=lambda p: version_key(p["kimai"][0]))
    client = f"this client is built from Kimai {span(own['kimai'])}'s document"
    if not version:
        return f"Kimai's version could not be read; {client}."
    if not pins:
        return f"Kimai {version}; {client}."
    newest, oldest = pins[-1], pins[0]
    if version_key(version) > version_key(newest["kimai"][-1]):
        return (
            f"Kimai {version} is newer than every pinned document (newest: Kimai {span(newest['kimai'])}); "
            f"{client}. Most actions work, but endpoints added since are unknown to it: {REGEN}."
        )
    if version_key(version) < version_key(oldest["kimai"][0]):
        return (
            f"Kimai {version} is older than every pinned document (oldest: Kimai {span(oldest['kimai'])}); "
            f"{client}, and many actions may fail."
        )
    near = closest(version, pins)
    inside = version_key(near["kimai"][0]) <= version_key(version) <= version_key(near["kimai"][-1])
    where = "is covered by" if inside else "is closest to"
    text = f"Kimai {version} {where} the pinned document of Kimai {span(near['kimai'])}"
    if near["file"] == own["file"]:
        return f"{text}, which this client is built from."
    if own["kimai"] and version_key(version) < version_key(own["kimai"][0]):
        return f"{text}; {client}, and actions newer than your Kimai answer with the version they need."
    return f"{text}; {client}: `make regen SPEC={near['file']}` gives one that knows all your Kimai's endpoints."
