"""XML files parse with the expected root; access CSV files are well formed."""

from ._common import (
    ADDONS_DIR,
    access_csv_problems,
    expect_none,
    parametrize_addons,
    xml_files,
    xml_problems,
)


@parametrize_addons()
def test_xml_files(addon):
    problems = []
    for path in xml_files(ADDONS_DIR / addon):
        problems += xml_problems(path, ADDONS_DIR / addon)
    expect_none(problems, addon)


@parametrize_addons()
def test_access_csv(addon):
    paths = sorted((ADDONS_DIR / addon).rglob("ir.model.access.csv"))
    problems = []
    for path in paths:
        problems += [
            f"{path.relative_to(ADDONS_DIR / addon)}: {problem}"
            for problem in access_csv_problems(path.read_text(encoding="utf-8"))
        ]
    expect_none(problems, addon)
