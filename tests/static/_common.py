"""Helpers of the static checks: paths, addon discovery, and one function per check.

Every check function returns a list of problems (strings); an empty list means the check
passes. The tests call them on the repository and the self-tests (``test_self.py``) on bad
samples, so that each check is known to be able to fail.
"""

import ast
import csv
import fnmatch
import importlib.util
import io
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ADDONS_DIR = ROOT / "addons"
DOCKER_DIR = ROOT / "docker"
COMPOSE_FILE = DOCKER_DIR / "compose.yaml"
REQUIREMENTS_FILE = ROOT / "requirements.txt"


# --- Addon discovery ---------------------------------------------------------------------


def addon_names(addons_dir=ADDONS_DIR):
    """Names of the addons: the directories directly under addons/ with a __manifest__.py."""
    if not addons_dir.is_dir():
        return []
    return sorted(p.parent.name for p in addons_dir.glob("*/__manifest__.py"))


def parametrize_addons(argname="addon"):
    """``@parametrize_addons()``: one test per addon, its id the addon name."""
    names = addon_names()
    return pytest.mark.parametrize(argname, names, ids=names)


def rel(path):
    try:
        return str(Path(path).relative_to(ROOT))
    except ValueError:
        return str(path)


# --- Manifests -----------------------------------------------------------------------------

VERSION_RE = re.compile(r"^18\.0\.\d+\.\d+\.\d+$")
LICENSES = {"LGPL-3", "AGPL-3"}
REQUIRED_KEYS = ("name", "version", "license", "depends", "author", "installable")
# Directories whose .xml / .csv files Odoo only loads when the manifest lists them.
DATA_DIRS = ("data", "security", "views", "demo", "report", "wizards", "wizard")
REQUIREMENT_RE = re.compile(r"^odoo-addon-(?P<name>[A-Za-z0-9_.-]+)\s*==\s*(?P<version>\S+)$")


def read_manifest(addon_dir):
    """The manifest as a dict; raises AssertionError with a clear message when unreadable."""
    path = Path(addon_dir) / "__manifest__.py"
    try:
        manifest = ast.literal_eval(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, SyntaxError) as exc:
        raise AssertionError(f"{rel(path)}: not a Python literal: {exc}") from exc
    if not isinstance(manifest, dict):
        raise AssertionError(f"{rel(path)}: is a {type(manifest).__name__}, not a dict")
    return manifest


def manifest_problems(manifest):
    problems = [f"missing key {key!r}" for key in REQUIRED_KEYS if key not in manifest]
    version = manifest.get("version")
    if "version" in manifest and not VERSION_RE.match(str(version)):
        problems.append(f"version {version!r} does not match 18.0.x.y.z")
    if "license" in manifest and manifest["license"] not in LICENSES:
        problems.append(f"license {manifest['license']!r} is not one of {sorted(LICENSES)}")
    if "depends" in manifest and not isinstance(manifest["depends"], list):
        problems.append("depends is not a list")
    if "installable" in manifest and not isinstance(manifest["installable"], bool):
        problems.append("installable is not a bool")
    return problems


def _odoo_roots():
    """Directories holding Odoo Community addons: <odoo>/addons (and <src>/addons of a git
    checkout, where only `base` lives in odoo/addons)."""
    spec = importlib.util.find_spec("odoo")
    if spec is None or not spec.submodule_search_locations:
        raise AssertionError("Odoo is not importable by this Python: cannot check dependencies")
    roots = []
    for location in spec.submodule_search_locations:
        roots += [Path(location) / "addons", Path(location).parent / "addons"]
    return [r for r in roots if r.is_dir()]


def is_community_addon(name, roots=None):
    """True when the installed Odoo ships the addon `name` (author Odoo S.A., so that OCA wheels
    installed into the same odoo/addons directory do not count)."""
    for root in _odoo_roots() if roots is None else roots:
        manifest = Path(root) / name / "__manifest__.py"
        if manifest.is_file():
            try:
                values = ast.literal_eval(manifest.read_text(encoding="utf-8"))
            except (ValueError, SyntaxError):
                continue
            # Odoo's default author, for the manifests that name none
            if "Odoo S.A." in values.get("author", "Odoo S.A."):
                return True
    return False


def oca_requirements(text):
    """{addon name: requirement line} for the odoo-addon-<name>==18.0.* lines."""
    result = {}
    for line in text.splitlines():
        match = REQUIREMENT_RE.match(line.split("#", 1)[0].strip())
        if match and match["version"].startswith("18.0"):
            result[match["name"].replace("-", "_")] = line.strip()
    return result


def requirements_problems(text):
    """Every odoo-addon-* line pins exactly a 18.0.* version."""
    problems = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line.startswith("odoo-addon-"):
            continue
        match = REQUIREMENT_RE.match(line)
        if not match or not re.match(r"^18\.0(\.\d+){3}$", match["version"]):
            problems.append(f"{line!r} is not an exact pin odoo-addon-<name>==18.0.x.y.z")
    return problems


def dependency_problems(depends, siblings, oca, community=is_community_addon):
    """Each dependency is a sibling addon, an OCA addon of requirements.txt, or a Community
    addon of the installed Odoo."""
    return [
        f"dependency {dep!r} is neither an addon under addons/, nor an odoo-addon-{dep}==18.0.* "
        f"line of requirements.txt, nor an Odoo 18.0 Community addon"
        for dep in depends
        if dep not in siblings and dep not in oca and not community(dep)
    ]


def data_file_problems(addon_dir, manifest):
    """Files listed in data / demo exist (once); files of the data directories are listed."""
    addon_dir = Path(addon_dir)
    problems = []
    listed = set()
    for key in ("data", "demo"):
        for name in manifest.get(key, []):
            if name in listed:
                problems.append(f"{key}: {name} is listed twice")
            listed.add(name)
            if not (addon_dir / name).is_file():
                problems.append(f"{key}: {name} does not exist")
    for directory in DATA_DIRS:
        for path in sorted((addon_dir / directory).rglob("*")):
            if path.suffix in (".xml", ".csv") and path.is_file():
                name = path.relative_to(addon_dir).as_posix()
                if name not in listed:
                    problems.append(f"{name} is not listed in the manifest (data or demo)")
    return problems


def layout_problems(addon_dir, manifest):
    addon_dir = Path(addon_dir)
    problems = []
    if not (addon_dir / "readme" / "DESCRIPTION.md").is_file():
        problems.append("readme/DESCRIPTION.md is missing")
    if manifest.get("application") and not (addon_dir / "static/description/icon.png").is_file():
        problems.append("application without static/description/icon.png")
    return problems


# --- XML and access CSV --------------------------------------------------------------------

ACCESS_HEADER = "id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink"


def xml_files(addon_dir):
    return sorted(p for p in Path(addon_dir).rglob("*.xml") if "__pycache__" not in p.parts)


def xml_problems(path, addon_dir):
    """The file parses; its root is <odoo>, or <templates> for a file under static/."""
    from lxml import etree

    path, addon_dir = Path(path), Path(addon_dir)
    name = path.relative_to(addon_dir).as_posix()
    try:
        root = etree.parse(str(path)).getroot()
    except etree.XMLSyntaxError as exc:
        return [f"{name}: does not parse: {exc}"]
    allowed = ("odoo", "templates") if name.startswith("static/") else ("odoo",)
    if root.tag not in allowed:
        return [f"{name}: root element <{root.tag}>, expected <{'> or <'.join(allowed)}>"]
    return []


def access_csv_problems(text):
    lines = text.splitlines()
    if not lines or lines[0].strip().lstrip("\ufeff") != ACCESS_HEADER:
        return [f"header {lines[0] if lines else ''!r} is not {ACCESS_HEADER!r}"]
    problems = []
    seen = set()
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if number == 1 or not row:
            continue
        if len(row) != 8:
            problems.append(f"line {number}: {len(row)} columns, expected 8")
            continue
        xmlid, name, model, _group = row[:4]
        if not xmlid or not name or not model:
            problems.append(f"line {number}: empty id, name or model_id")
        if xmlid in seen:
            problems.append(f"line {number}: duplicate id {xmlid!r}")
        seen.add(xmlid)
        flags = row[4:]
        if any(flag not in ("0", "1") for flag in flags):
            problems.append(f"line {number}: permissions {flags} are not all 0 or 1")
    return problems


def access_models(text, addon):
    """The models (as model_<name>) the access CSV gives rights on, for the addon `addon`."""
    models = set()
    for row in csv.DictReader(io.StringIO(text)):
        model = (row.get("model_id:id") or "").strip()
        module, _dot, local = model.rpartition(".")
        if module in ("", addon):
            models.add(local)
    return models


# --- Models defined in Python --------------------------------------------------------------

MODEL_DIRS = ("models", "wizards", "wizard", "report")
_CONCRETE_BASES = {"Model", "TransientModel"}


def _base_name(node):
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return None


def _class_constant(cls, attr):
    for stmt in cls.body:
        targets = []
        if isinstance(stmt, ast.Assign):
            targets, value = stmt.targets, stmt.value
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            targets, value = [stmt.target], stmt.value
        if any(isinstance(t, ast.Name) and t.id == attr for t in targets):
            try:
                return ast.literal_eval(value)
            except ValueError:
                return None
    return None


def defined_models(source):
    """Names of the models a Python source defines: `_name` in a class deriving from
    models.Model / models.TransientModel, unless `_name` is also inherited (an extension)."""
    names = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.ClassDef):
            continue
        if not {_base_name(b) for b in node.bases} & _CONCRETE_BASES:
            continue
        name = _class_constant(node, "_name")
        if not isinstance(name, str):
            continue
        inherit = _class_constant(node, "_inherit")
        inherit = [inherit] if isinstance(inherit, str) else list(inherit or [])
        if name not in inherit:
            names.append(name)
    return names


def addon_models(addon_dir):
    """{model name: file} for the models the addon defines."""
    addon_dir = Path(addon_dir)
    result = {}
    for directory in MODEL_DIRS:
        for path in sorted((addon_dir / directory).rglob("*.py")):
            for name in defined_models(path.read_text(encoding="utf-8")):
                result[name] = path.relative_to(addon_dir).as_posix()
    return result


def missing_access_problems(models, access_text, addon):
    """Each model (name -> file) has at least one line in the access CSV."""
    granted = access_models(access_text, addon)
    return [
        f"model {name!r} ({path}) has no line with model_id "
        f"model_{name.replace('.', '_')} in security/ir.model.access.csv"
        for name, path in sorted(models.items())
        if "model_" + name.replace(".", "_") not in granted
    ]


# --- Translations --------------------------------------------------------------------------

LANGUAGES = ("ru", "uk")


def po_problems(pot, po, lang, limit=10):
    """`pot` and `po` are polib files. Each msgid of the template is translated in `po`, which
    declares the language `lang` and has no fuzzy entries."""
    problems = []
    declared = po.metadata.get("Language", "")
    if declared != lang and not declared.startswith(lang + "_"):
        problems.append(f"declares Language {declared!r}, expected {lang!r}")
    fuzzy = [e.msgid for e in po if "fuzzy" in e.flags and not e.obsolete]
    if fuzzy:
        problems.append(f"{len(fuzzy)} fuzzy entries, first: {fuzzy[:limit]}")
    translations = {(e.msgctxt, e.msgid): e for e in po if not e.obsolete}
    missing = []
    for entry in pot:
        if entry.obsolete or not entry.msgid:
            continue
        found = translations.get((entry.msgctxt, entry.msgid))
        if found is None or not (
            all(found.msgstr_plural.values()) if found.msgstr_plural else found.msgstr
        ):
            missing.append(entry.msgid)
    if missing:
        problems.append(
            f"{len(missing)} of the template's msgids have no translation, first: "
            + "; ".join(repr(m) for m in missing[:limit])
        )
    return problems


# --- Ruff ----------------------------------------------------------------------------------


def run_ruff(*args, cwd=ROOT):
    """(exit code, output) of `python -m ruff check <args>`."""
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    return proc.returncode, proc.stdout + proc.stderr


# --- Docker --------------------------------------------------------------------------------

DB_DATA = "/var/lib/postgresql/data"
FILESTORE = "/var/lib/odoo"


def _volumes(service):
    """(source, target, type) of each volume of a compose service, short or long syntax."""
    result = []
    for volume in service.get("volumes") or []:
        if isinstance(volume, dict):
            result.append((volume.get("source"), volume.get("target"), volume.get("type")))
            continue
        parts = str(volume).split(":")
        if len(parts) == 1:
            result.append((None, parts[0], "volume"))  # anonymous volume
            continue
        source, target = parts[0], parts[1]
        kind = "bind" if source.startswith((".", "/", "~")) else "volume"
        result.append((source, target, kind))
    return result


def _published_container_ports(service):
    ports = set()
    for port in service.get("ports") or []:
        if isinstance(port, dict):
            if port.get("published"):
                ports.add(str(port.get("target")))
            continue
        parts = str(port).split(":")
        if len(parts) >= 2:
            ports.add(parts[-1].split("/")[0])
    return ports


def command_args(service):
    command = service.get("command") or []
    args = shlex.split(command) if isinstance(command, str) else [str(a) for a in command]
    return [a.replace("$$", "$") for a in args]  # compose's escape of a literal "$"


def command_addons(args):
    """The comma-separated list given to -i / --init, or None."""
    for index, arg in enumerate(args):
        if arg in ("-i", "--init") and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--init="):
            return arg.split("=", 1)[1]
        if arg.startswith("-i") and len(arg) > 2:
            return arg[2:]
    return None


def build_paths(service, compose_dir):
    """(context directory, Dockerfile) of a compose service with build:, else None."""
    build = service.get("build")
    if not build:
        return None
    if isinstance(build, str):
        build = {"context": build}
    context = (Path(compose_dir) / build.get("context", ".")).resolve()
    return context, context / build.get("dockerfile", "Dockerfile")


def compose_problems(compose, compose_dir, addons):
    """Problems of a parsed compose file (see test_docker.py for the list of checks)."""
    compose_dir = Path(compose_dir)
    services = compose.get("services") or {}
    problems = [f"no service {name!r}" for name in ("db", "odoo") if name not in services]
    if problems:
        return problems
    db, odoo = services["db"], services["odoo"]
    top_volumes = compose.get("volumes") or {}

    if db.get("image") != "postgres:16":
        problems.append(f"db image is {db.get('image')!r}, expected 'postgres:16'")
    if not db.get("healthcheck"):
        problems.append("db has no healthcheck")
    depends = odoo.get("depends_on") or {}
    if not isinstance(depends, dict) or (depends.get("db") or {}).get("condition") != (
        "service_healthy"
    ):
        problems.append("odoo does not depend on db with condition service_healthy")

    paths = build_paths(odoo, compose_dir)
    if paths is None:
        problems.append("odoo is not built (no build:)")
    elif not paths[1].is_file():
        problems.append(f"odoo builds from {paths[1]}, which does not exist")

    if "8069" not in _published_container_ports(odoo):
        problems.append("odoo does not publish port 8069")

    for service_name, target in (("odoo", FILESTORE), ("db", DB_DATA)):
        named = [
            source
            for source, tgt, kind in _volumes(services[service_name])
            if tgt == target and kind == "volume" and source
        ]
        if not named:
            problems.append(f"{service_name}: no named volume on {target}")
        problems += [
            f"{service_name}: volume {name!r} on {target} is not declared under top-level volumes:"
            for name in named
            if name not in top_volumes
        ]

    for service_name, service in services.items():
        for source, _target, kind in _volumes(service):
            if kind == "bind" and not (compose_dir / source).exists():
                problems.append(f"{service_name}: mounted host path {source} does not exist")

    args = command_args(odoo)
    if not args or args[0] not in ("--", "odoo"):
        problems.append(f"odoo command {args} does not start with '--' (arguments for odoo)")
    listed = command_addons(args)
    if listed is None:
        problems.append("odoo command has no -i <addons>")
    else:
        listed = {a.strip() for a in listed.split(",") if a.strip()}
        if listed != set(addons):
            problems.append(
                f"odoo command installs {sorted(listed)}, but addons/ has {sorted(addons)}: "
                f"missing {sorted(set(addons) - listed)}, unknown {sorted(listed - set(addons))}"
            )
    if any(a.startswith("--without-demo") for a in args):
        problems.append(
            "odoo command passes --without-demo: on Odoo 18's command line any value of it, "
            "even False, disables demo data"
        )
    return problems


def dockerfile_instructions(text):
    """[(INSTRUCTION, arguments)] with continuation lines joined and comments dropped."""
    instructions, current = [], ""
    for line in text.splitlines():
        stripped = line.strip()
        if not current and (not stripped or stripped.startswith("#")):
            continue
        if stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            current += stripped[:-1] + " "
            continue
        current += stripped
        if current:
            keyword, _space, rest = current.partition(" ")
            instructions.append((keyword.upper(), rest.strip()))
        current = ""
    return instructions


def _copy_sources(arguments):
    if arguments.startswith("["):
        parts = json.loads(arguments)
    else:
        parts = shlex.split(arguments)
    if any(p.startswith("--from=") for p in parts):
        return []  # copies from another stage or image, not from the context
    parts = [p for p in parts if not p.startswith("--")]
    return parts[:-1]


def dockerignore_excludes(patterns, name):
    """Whether a .dockerignore (list of patterns) excludes the context path `name`."""
    excluded = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        pattern = pattern[1:] if negate else pattern
        if fnmatch.fnmatch(name, pattern.strip("/")):
            excluded = not negate
    return excluded


def dockerfile_problems(text, context_dir, dockerignore=None):
    """FROM odoo:18.0; each COPY / ADD source exists in the build context (and is not excluded
    by the Dockerfile's .dockerignore, given as its text); the OCA lines are installed."""
    context_dir = Path(context_dir)
    instructions = dockerfile_instructions(text)
    problems = []
    froms = [args for keyword, args in instructions if keyword == "FROM"]
    if not froms or froms[0].split()[0] != "odoo:18.0":
        problems.append(f"FROM is {froms[0] if froms else None!r}, expected 'odoo:18.0'")
    patterns = []
    for line in (dockerignore or "").splitlines():
        if line.strip() and not line.strip().startswith("#"):
            patterns.append(line.strip())
    for keyword, args in instructions:
        if keyword not in ("COPY", "ADD"):
            continue
        for source in _copy_sources(args):
            if "://" in source:
                continue
            if not list(context_dir.glob(source.lstrip("/"))):
                problems.append(f"{keyword} {source}: not found in the build context {context_dir}")
            elif dockerignore_excludes(patterns, source.removeprefix("./").lstrip("/")):
                problems.append(f"{keyword} {source}: excluded by the .dockerignore")
    run = " ".join(args for keyword, args in instructions if keyword == "RUN")
    if "requirements.txt" not in text or "odoo-addon-" not in run:
        problems.append("does not install the odoo-addon-* lines of requirements.txt")
    return problems


def expect_none(problems, what):
    """Fails the test with every problem listed under `what`."""
    if problems:
        pytest.fail(f"{what}:\n  " + "\n  ".join(problems), pytrace=False)
