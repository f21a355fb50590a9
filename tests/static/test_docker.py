"""docker/compose.yaml and its Dockerfile: services, volumes, ports, and the addons installed."""

import yaml

from ._common import (
    COMPOSE_FILE,
    DOCKER_DIR,
    addon_names,
    build_paths,
    compose_problems,
    dockerfile_problems,
    expect_none,
)


def _compose():
    assert COMPOSE_FILE.is_file(), f"{COMPOSE_FILE} is missing"
    return yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))


def test_compose():
    expect_none(compose_problems(_compose(), DOCKER_DIR, addon_names()), "docker/compose.yaml")


def test_dockerfile():
    paths = build_paths((_compose().get("services") or {}).get("odoo") or {}, DOCKER_DIR)
    assert paths and paths[1].is_file(), "docker/compose.yaml: service odoo has no Dockerfile"
    context, dockerfile = paths
    ignore = dockerfile.with_name(dockerfile.name + ".dockerignore")
    if not ignore.is_file():
        ignore = context / ".dockerignore"
    problems = dockerfile_problems(
        dockerfile.read_text(encoding="utf-8"),
        context,
        ignore.read_text(encoding="utf-8") if ignore.is_file() else None,
    )
    expect_none(problems, str(dockerfile.relative_to(context)))
