"""Manifests: keys, version, license, dependencies, data files, readme and icon."""

from ._common import (
    ADDONS_DIR,
    REQUIREMENTS_FILE,
    addon_names,
    data_file_problems,
    dependency_problems,
    expect_none,
    layout_problems,
    manifest_problems,
    oca_requirements,
    parametrize_addons,
    read_manifest,
    requirements_problems,
)


def test_addons_found():
    assert addon_names(), f"no addon (directory with a __manifest__.py) under {ADDONS_DIR}"


def test_requirements_pin_oca_addons():
    expect_none(requirements_problems(REQUIREMENTS_FILE.read_text()), "requirements.txt")


@parametrize_addons()
def test_manifest_keys(addon):
    expect_none(manifest_problems(read_manifest(ADDONS_DIR / addon)), f"{addon}/__manifest__.py")


@parametrize_addons()
def test_dependencies_available(addon):
    manifest = read_manifest(ADDONS_DIR / addon)
    problems = dependency_problems(
        manifest.get("depends", []),
        siblings=set(addon_names()) - {addon},
        oca=oca_requirements(REQUIREMENTS_FILE.read_text()),
    )
    expect_none(problems, f"{addon}/__manifest__.py")


@parametrize_addons()
def test_data_files_listed_and_present(addon):
    manifest = read_manifest(ADDONS_DIR / addon)
    expect_none(data_file_problems(ADDONS_DIR / addon, manifest), f"{addon}/__manifest__.py")


@parametrize_addons()
def test_readme_and_icon(addon):
    manifest = read_manifest(ADDONS_DIR / addon)
    expect_none(layout_problems(ADDONS_DIR / addon, manifest), addon)
