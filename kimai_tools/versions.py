"""Which pinned Kimai document the connected Kimai is closest to, and whether it is newer than all of them."""

from __future__ import annotations

from kimai_tools.operations import manifest, version_key


def describe(version: str | None) -> str:
    """One sentence for `config version` and the first answer after connecting."""
    built = manifest()
    span = built.get("kimai") or []
    label = "–".join(span) if span else built.get("spec", "?")
    if not version:
        return f"Client built from Kimai {label}'s document; the server's version could not be read."
    if span and version_key(version) > version_key(span[-1]):
        return (
            f"Kimai {version} is newer than the client's document (Kimai {label}); most actions work, "
            "but run `make regen` against your Kimai to cover its new endpoints."
        )
    if span and version_key(version) < version_key(span[0]):
        return (
            f"Kimai {version} is older than the client's document (Kimai {label}); "
            "newer actions answer with the version they need."
        )
    return f"Kimai {version} is covered by the client's document (Kimai {label})."
