"""`make regen`: Kimai OpenAPI document -> normalised document -> generated/kimai_client + index + manifest."""

from __future__ import annotations

import filecmp
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version as dist_version
from pathlib import Path

import typer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.normalise import (  # noqa: E402
    METHODS,
    UNUSED_PLUGIN_PATHS,
    correct,
    dump,
    kimai_version_key,
    merge_overlays,
    normalise,
    operations,
    version_example,
)
from scripts.overlay import load_overlay  # noqa: E402

OPENAPI = ROOT / "openapi"
SHARED = ROOT.parent / "shared" / "openapi"
GENERATED = ROOT / "generated"
PACKAGE = "kimai_client"

app = typer.Typer(add_completion=False, help=__doc__, pretty_exceptions_enable=False)


class RegenError(Exception):
    pass


def pins() -> dict:
    return json.loads((OPENAPI / "pins.json").read_text())


def spec_dirs() -> list[Path]:
    extra = [Path(os.environ["SPEC_DIR"])] if os.environ.get("SPEC_DIR") else []
    return [*extra, OPENAPI, SHARED]


def find_spec(name: str) -> Path:
    """A pinned file name is looked up in openapi/ then ../shared/openapi/; a path is taken as it is."""
    candidate = Path(name)
    if candidate.is_file():
        return candidate
    for folder in spec_dirs():
        if (folder / name).is_file():
            return folder / name
    raise RegenError(f"No document {name!r} in {', '.join(str(d) for d in spec_dirs())}.")


def pin_for(path: Path) -> dict:
    """The pin of a pinned file (its sha256 checked); a file of the user's own is taken as it is."""
    digest = sha256(path.read_bytes())
    for pin in pins()["pins"]:
        if pin["file"] == path.name:
            if pin["sha256"] != digest:
                raise RegenError(
                    f"{path} does not match its pinned sha256 {pin['sha256'][:12]}…; refusing to generate."
                )
            return pin
    version = os.environ.get("KIMAI_VERSION", "")
    return {"file": path.name, "kimai": [version] if version else [], "sha256": digest, "origin": "unpinned file"}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def overlays(pin: dict | None = None) -> list[dict]:
    """The overlays a pin takes: its own list where it has one, else the default list."""
    names = (pin or {}).get("overlays", pins()["overlays"])
    return [load_overlay(OPENAPI / "overlays" / f"{name}.json") for name in names]


def overlay_dir(path: Path) -> Path:
    """Where `from` overlays find their source document: beside the spec, else the pin folders."""
    for folder in [path.parent, *spec_dirs()]:
        if all((folder / o["from"]).is_file() for o in overlays() if "from" in o):
            return folder
    raise RegenError("An overlay's source document is missing; see openapi/pins.json.")


def ruff_path() -> str:
    """The generator runs ruff from PATH; the venv's ruff comes first so output is the same everywhere."""
    return str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")


def prepare(spec: Path, version: str = "", pin: dict | None = None) -> tuple[dict, list[dict], dict, dict]:
    """The pin of `spec` (`pin` for one about to be pinned), the overlays it takes, the document with them
    merged, and that document normalised."""
    from scripts.fetch_spec import FetchError, load_spec_file

    try:
        doc = load_spec_file(spec).document
    except FetchError as exc:
        raise RegenError(str(exc)) from None
    pin = pin or pin_for(spec)
    if version:
        pin = {**pin, "kimai": [version]}
    applied = overlays(pin)
    merged = correct(merge_overlays(doc, applied, overlay_dir(spec)))
    return pin, applied, merged, normalise(merged)


def pinned_versions(new: dict | None = None) -> list[dict]:
    """Every pin's file and Kimai versions (with `new`, one about to be pinned), oldest first: the server names
    the one a Kimai is closest to."""
    listed = [p for p in pins()["pins"] if new is None or p["file"] != new["file"]] + ([new] if new else [])
    ordered = sorted(listed, key=lambda p: kimai_version_key(p["kimai"][0]))
    return [{"file": p["file"], "kimai": p["kimai"]} for p in ordered]


def generate(spec: Path, out: Path, version: str = "", new_pin: dict | None = None) -> dict:
    """Generate the client for `spec` into `out` (a folder that will hold kimai_client/ and the index);
    `new_pin` is the pin of a live document, written to pins.json once the generation succeeded."""
    pin, applied, merged, normalised = prepare(spec, version, new_pin)
    version_example(normalised, pin["kimai"][-1] if pin["kimai"] else "")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        (tmp_path / "openapi.json").write_text(dump(normalised))
        package = tmp_path / PACKAGE
        cmd = [
            sys.executable, "-m", "openapi_python_client", "generate",
            "--path", str(tmp_path / "openapi.json"),
            "--output-path", str(package),
            "--meta", "none",
            "--config", str(OPENAPI / "generator.yaml"),
            "--fail-on-warning", "--overwrite",
        ]  # fmt: skip
        result = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PATH": ruff_path()})
        if result.returncode != 0:
            raise RegenError(f"openapi-python-client failed for {spec.name}:\n{result.stdout}{result.stderr}")
        out.mkdir(parents=True, exist_ok=True)
        if (out / PACKAGE).exists():
            shutil.rmtree(out / PACKAGE)
        shutil.copytree(package, out / PACKAGE)
    (out / "openapi.json").write_text(dump(normalised))
    index = build_index(merged, normalised, out / "openapi.json")
    # The index and manifest ship inside the package: the tool layer reads them at run time.
    (out / PACKAGE / "operations.json").write_text(json.dumps(index, indent=1, sort_keys=True) + "\n")
    manifest = {
        "spec": spec.name,
        "spec_sha256": pin["sha256"],
        "kimai": pin["kimai"],
        "origin": pin["origin"],
        "generator": f"openapi-python-client {dist_version('openapi-python-client')}",
        "overlays": [o["name"] for o in applied],
        "operations": len([op for op in index.values() if op["module"]]),
        "pins": pinned_versions(new_pin),
    }
    (out / PACKAGE / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    (out / PACKAGE / "py.typed").write_text("")  # PEP 561: the client's annotations hold for its users too
    return manifest


def build_index(original: dict, normalised: dict, normalised_path: Path) -> dict:
    """`"METHOD /api/path"` -> generated module, its parameters (Kimai name -> Python name), body model, versions."""
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser import GeneratorData

    config = Config.from_sources(
        ConfigFile.load_from_path(OPENAPI / "generator.yaml"), MetaType.NONE, normalised_path, "utf-8", True, None
    )
    data = GeneratorData.from_dict(normalised, config=config)
    index: dict = {}
    for tag, collection in data.endpoint_collections_by_tag.items():
        for endpoint in collection.endpoints:
            path = _raw(endpoint.path)
            for param in endpoint.path_parameters:  # the generator renames path templates to Python names
                path = path.replace("{" + str(param.python_name) + "}", "{" + _raw(param.name) + "}")
            key = f"{_raw(endpoint.method).upper()} {path}"
            body = endpoint.bodies[0].prop if endpoint.bodies else None
            index[key] = {
                "module": f"{PACKAGE}.api.{tag}.{endpoint.name}",
                "path": {_raw(p.name): str(p.python_name) for p in endpoint.path_parameters},
                "query": {_raw(p.name): str(p.python_name) for p in endpoint.query_parameters},
                "body": _body_model(body),
                "required": _required_body_fields(original, endpoint.method, path),
                "fields": _body_fields(normalised, endpoint.method, path),
            }
    add_forms(index)
    raw_ops = {f"{m.upper()} {p}": op for m, p, op in operations(normalised)}
    versions = availability()
    for key, entry in versions.items():
        op = raw_ops.get(key, {})
        index.setdefault(key, {"module": None})
        index[key].update(entry)
        if op.get("x-plugin"):  # a plugin's routes depend on the plugin, not on Kimai's version
            index[key].update(plugin=op["x-plugin"], since=None, absent_through=None)
    return index


def _raw(value) -> str:
    return value.get_untrusted_value() if hasattr(value, "get_untrusted_value") else str(value)


def _body_model(prop) -> str | None:
    if prop is None:
        return None
    class_info = getattr(prop, "class_info", None)
    if class_info is None and getattr(prop, "inner_property", None) is not None:
        class_info = getattr(prop.inner_property, "class_info", None)
        return f"list[{class_info.name}]" if class_info else "list"
    return class_info.name if class_info else None


def _body_fields(doc: dict, method: str, path: str) -> dict[str, str]:
    """JSON type of each body field, so a wrong type is refused before it reaches Kimai."""
    op = doc.get("paths", {}).get(path, {}).get(method.lower(), {})
    schema = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
    if schema.get("type") == "array":
        schema = schema.get("items", {})
    if "$ref" in schema:
        schema = doc["components"]["schemas"].get(schema["$ref"].rsplit("/", 1)[-1], {})
    fields = {}
    for name, prop in schema.get("properties", {}).items():
        fields[name] = prop.get("type") or ("object" if "$ref" in prop or "allOf" in prop else "any")
    return dict(sorted(fields.items()))


def _required_body_fields(doc: dict, method: str, path: str) -> list[str]:
    op = doc.get("paths", {}).get(path, {}).get(method.lower(), {})
    schema = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
    if "$ref" in schema:
        schema = doc["components"]["schemas"].get(schema["$ref"].rsplit("/", 1)[-1], {})
    return list(schema.get("required", [])) if method.lower() == "post" else []


def add_forms(index: dict) -> None:
    """Each body's form as every pinned Kimai has it: a create is checked against what the connected Kimai requires.

    `forms` lists, oldest first, the fields and required fields up to the last version of a pin (equal
    neighbours merged); the entry's own `fields` and `required` are the generated document's.
    """
    documents = []
    for pin in sorted(pins()["pins"], key=lambda p: kimai_version_key(p["kimai"][0])):
        try:
            _, _, merged, normalised = prepare(find_spec(pin["file"]))
        except RegenError:  # a pin whose file is not on this machine: its versions fall to the next form
            continue
        documents.append((pin["kimai"][-1], merged, normalised))
    for key, entry in index.items():
        if not entry.get("body"):
            continue
        method, path = key.split(" ", 1)
        forms: list[dict] = []
        for through, merged, normalised in documents:
            if path not in normalised.get("paths", {}) or method.lower() not in normalised["paths"][path]:
                continue
            form = {
                "fields": _body_fields(normalised, method, path),
                "required": _required_body_fields(merged, method, path),
            }
            if forms and {k: forms[-1][k] for k in form} == form:
                forms[-1]["through"] = through
            else:
                forms.append({"through": through, **form})
        entry["forms"] = forms


def availability() -> dict:
    """Per operation over every pinned document: the first Kimai version that has it, and the last known without.

    Operations added by an overlay carry the version the overlay declares.
    """
    rows: dict[str, dict] = {}
    ordered = sorted(pins()["pins"], key=lambda p: kimai_version_key(p["kimai"][0]))
    present: dict[str, list[dict]] = {}
    for pin in ordered:
        try:
            doc = json.loads(find_spec(pin["file"]).read_bytes())
        except RegenError:
            continue
        for method, path, _ in operations(doc):
            if path.startswith(UNUSED_PLUGIN_PATHS):
                continue
            present.setdefault(f"{method.upper()} {path}", []).append(pin)
    for key, having in present.items():
        first = having[0]
        older = [p for p in ordered if kimai_version_key(p["kimai"][-1]) < kimai_version_key(first["kimai"][0])]
        rows[key] = {"since": first["kimai"][0], "absent_through": older[-1]["kimai"][-1] if older else None}
    for key, since in pins().get("since", {}).items():
        rows[key] = {"since": since, "absent_through": _previous(since)}
    for overlay in overlays():
        for key, since in overlay.get("since", {}).items():
            rows[key] = {"since": since, "absent_through": _previous(since), "overlay": overlay["name"]}
        for path, item in overlay.get("paths", {}).items():
            for method in METHODS:
                if method in item:
                    rows.setdefault(f"{method.upper()} {path}", {"since": None, "absent_through": None})
    return rows


def _previous(version: str) -> str:
    """The release before `version` in Kimai's 2.x numbering (2.57.0 -> 2.56.x)."""
    major, minor = kimai_version_key(version)[:2]
    return f"{major}.{minor - 1}.99"


def same_tree(a: Path, b: Path) -> list[str]:
    """Relative paths that differ between two folders (missing on either side included)."""
    diffs = []
    cmp = filecmp.dircmp(a, b, ignore=["__pycache__"])

    def visit(c: filecmp.dircmp, prefix: str) -> None:
        diffs.extend(prefix + n for n in c.left_only + c.right_only)
        _, mismatch, errors = filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)
        diffs.extend(prefix + n for n in mismatch + errors)
        for name, sub in c.subdirs.items():
            visit(sub, prefix + name + "/")

    visit(cmp, "")
    return sorted(diffs)


@app.command()
def main(
    spec: str = typer.Option("", help="A pinned file name (openapi/, then ../shared/openapi/) or a path."),
    kimai_url: str = typer.Option("", envvar="KIMAI_URL", help="Fetch /api/doc.json from this live Kimai."),
    kimai_user: str = typer.Option("", envvar="KIMAI_USER"),
    kimai_password: str = typer.Option("", envvar="KIMAI_PASSWORD"),
    out: Path = typer.Option(GENERATED, help="Where kimai_client/ (with operations.json, manifest.json) goes."),
    check: bool = typer.Option(False, help="Generate into a temporary folder and fail on any difference from out."),
) -> None:
    """Regenerate the Kimai client (default: the pinned default document)."""
    try:
        with tempfile.TemporaryDirectory() as tmp:
            fetched, new_pin = None, None
            if kimai_url and not spec:
                fetched = fetch(kimai_url, kimai_user, kimai_password)
                path = Path(tmp) / f"kimai-{fetched.version or 'unknown'}.json"
                path.write_bytes(fetched.raw)
                new_pin = live_pin(path, kimai_url)
            else:
                path = find_spec(spec or pins()["default"])
            manifest = generate(path, Path(tmp) / "out", fetched.version if fetched else "", new_pin)
            if check:
                diffs = same_tree(Path(tmp) / "out", out)
                if diffs:
                    typer.echo(f"generated/ differs from what {path.name} produces: {', '.join(diffs[:10])}", err=True)
                    typer.echo("Run `make regen` and commit the result; never edit generated/ by hand.", err=True)
                    raise typer.Exit(1)
                typer.echo(f"generated/ is what {path.name} produces.")
                return
            # only a generation that succeeded touches openapi/ and generated/
            if new_pin is not None:
                pin_live(path, new_pin)
            out.mkdir(parents=True, exist_ok=True)
            for name in (PACKAGE, "openapi.json"):
                target = out / name
                if target.is_dir():
                    shutil.rmtree(target)
                (Path(tmp) / "out" / name).replace(target)
    except RegenError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    typer.echo(f"Generated {manifest['operations']} operations from {manifest['spec']} into {out}.")


def fetch(url: str, user: str, password: str):
    from scripts.fetch_spec import FetchError, fetch_live_spec

    if not (user and password):
        raise RegenError("Give KIMAI_USER and KIMAI_PASSWORD (a Kimai login, not an API token) with KIMAI_URL.")
    try:
        return fetch_live_spec(url, user, password)
    except FetchError as exc:
        raise RegenError(str(exc)) from None


def live_pin(path: Path, url: str) -> dict:
    """The pin of a document downloaded from a live Kimai."""
    version = path.stem.removeprefix("kimai-")
    return {
        "file": path.name,
        "kimai": [version] if version != "unknown" else ["0"],
        "sha256": sha256(path.read_bytes()),
        "origin": f"GET {url.rstrip('/')}/api/doc.json",
    }


def pin_live(path: Path, pin: dict) -> None:
    """Store the live document in openapi/, pin it, and make it the default of this checkout."""
    (OPENAPI / path.name).write_bytes(path.read_bytes())
    data = pins()
    data["default"] = path.name
    data["pins"] = [p for p in data["pins"] if p["file"] != path.name] + [pin]
    (OPENAPI / "pins.json").write_text(json.dumps(data, indent=1) + "\n")


if __name__ == "__main__":
    app()
