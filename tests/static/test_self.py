"""Self-tests: each check of tests/static fails on a bad sample (and passes on a good one)."""

import textwrap

import polib
import pytest

from . import _common as c

GOOD_MANIFEST = {
    "name": "X",
    "version": "18.0.1.0.0",
    "license": "AGPL-3",
    "depends": ["base"],
    "author": "Me",
    "installable": True,
}


def _write(path, text=""):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _one(problems, fragment):
    assert any(fragment in p for p in problems), f"{fragment!r} not in {problems}"


# --- manifests -----------------------------------------------------------------------------


def test_manifest_checks():
    assert c.manifest_problems(GOOD_MANIFEST) == []
    bad = dict(GOOD_MANIFEST, version="17.0.1.0.0", license="GPL-3")
    del bad["author"]
    problems = c.manifest_problems(bad)
    for fragment in ("17.0.1.0.0", "GPL-3", "'author'"):
        _one(problems, fragment)
    _one(c.manifest_problems(dict(GOOD_MANIFEST, version="18.0.1.0")), "18.0.x.y.z")


def test_manifest_not_literal(tmp_path):
    _write(tmp_path / "__manifest__.py", "{'name': open('x')}")
    with pytest.raises(AssertionError, match="not a Python literal"):
        c.read_manifest(tmp_path)


def test_dependencies(tmp_path):
    _write(tmp_path / "odoo_addon/__manifest__.py", "{'name': 'Odoo one'}")
    _write(tmp_path / "oca_addon/__manifest__.py", "{'author': 'Odoo Community Association (OCA)'}")
    assert c.is_community_addon("odoo_addon", roots=[tmp_path])
    assert not c.is_community_addon("oca_addon", roots=[tmp_path])
    assert c.is_community_addon("hr") and not c.is_community_addon("no_such_addon")
    oca = c.oca_requirements(
        "odoo-addon-base-tier-validation==18.0.3.5.2\nodoo-addon-report_xlsx==18.0.1.1.3\n"
        "odoo-addon-old_one==17.0.1.0.0\n"
    )
    assert set(oca) == {"base_tier_validation", "report_xlsx"}
    depends = ["hr", "base_tier_validation", "sibling", "old_one", "no_such_addon"]
    problems = c.dependency_problems(depends, siblings={"sibling"}, oca=oca)
    assert [p.split("'")[1] for p in problems] == ["old_one", "no_such_addon"]


def test_requirements_pins():
    assert c.requirements_problems("odoo-addon-report_xlsx==18.0.1.1.3  # ok\nlxml==5\n") == []
    problems = c.requirements_problems("odoo-addon-a>=18.0\nodoo-addon-b==17.0.1.0.0\n")
    assert len(problems) == 2


def test_data_files(tmp_path):
    _write(tmp_path / "views/listed.xml")
    _write(tmp_path / "views/unlisted.xml")
    _write(tmp_path / "security/ir.model.access.csv")
    _write(tmp_path / "static/src/xml/owl.xml")  # not a data file
    manifest = {
        "data": ["views/listed.xml", "views/gone.xml", "views/listed.xml"],
        "demo": ["security/ir.model.access.csv"],
    }
    problems = c.data_file_problems(tmp_path, manifest)
    assert len(problems) == 3, problems
    for fragment in ("gone.xml does not exist", "listed twice", "unlisted.xml is not listed"):
        _one(problems, fragment)


def test_readme_and_icon(tmp_path):
    problems = c.layout_problems(tmp_path, {"application": True})
    _one(problems, "DESCRIPTION.md")
    _one(problems, "icon.png")
    _write(tmp_path / "readme/DESCRIPTION.md", "x")
    assert c.layout_problems(tmp_path, {"application": False}) == []


# --- XML and access CSV --------------------------------------------------------------------


def test_xml(tmp_path):
    good = _write(tmp_path / "views/a.xml", "<odoo><record id='a' model='b'/></odoo>")
    owl = _write(tmp_path / "static/src/a.xml", "<templates/>")
    assert c.xml_problems(good, tmp_path) == c.xml_problems(owl, tmp_path) == []
    _one(c.xml_problems(_write(tmp_path / "views/b.xml", "<odoo><a></odoo>"), tmp_path), "parse")
    _one(c.xml_problems(_write(tmp_path / "views/c.xml", "<templates/>"), tmp_path), "<templates>")
    _one(c.xml_problems(_write(tmp_path / "data/d.xml", "<openerp/>"), tmp_path), "<openerp>")


def test_access_csv():
    header = c.ACCESS_HEADER
    assert c.access_csv_problems(f"{header}\na,A,model_x,base.group_user,1,0,0,0\n") == []
    _one(c.access_csv_problems("id,name,model_id,group_id,r,w,c,u\n"), "header")
    problems = c.access_csv_problems(
        f"{header}\na,A,model_x,,1,1,1,1\na,B,model_y,,1,2,0,0\nb,C,model_z,,1,1\n"
    )
    for fragment in ("duplicate id 'a'", "not all 0 or 1", "6 columns"):
        _one(problems, fragment)


# --- models and access rules ---------------------------------------------------------------

MODELS_SOURCE = """
from odoo import models
from odoo.models import TransientModel

class A(models.Model):
    _name = "x.a"

class W(TransientModel):
    _name: str = "x.wizard"

class M(models.AbstractModel):
    _name = "x.mixin"

class P(models.Model):
    _inherit = "res.partner"

class Q(models.Model):
    _name = "res.users"
    _inherit = ["res.users", "x.mixin"]

class R(models.Model):
    _name = "x.r"
    _inherit = ["x.mixin"]
"""


def test_defined_models():
    assert c.defined_models(MODELS_SOURCE) == ["x.a", "x.wizard", "x.r"]


def test_missing_access():
    models = {"x.a": "models/a.py", "x.wizard": "wizards/w.py", "x.r": "models/r.py"}
    csv_text = f"{c.ACCESS_HEADER}\na,A,model_x_a,,1,0,0,0\nw,W,me.model_x_wizard,,1,1,1,1\n"
    problems = c.missing_access_problems(models, csv_text, "me")
    assert len(problems) == 1 and "model_x_r" in problems[0], problems
    # a right given by another addon's CSV line does not count
    assert len(c.missing_access_problems(models, csv_text, "other")) == 2


# --- translations --------------------------------------------------------------------------


def _po(entries, lang=None):
    po = polib.POFile()
    if lang:
        po.metadata = {"Language": lang}
    for msgid, msgstr, *flags in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=list(flags)))
    return po


def test_translations():
    pot = _po([("Office", ""), ("Service", ""), ("Regulation", "")])
    good = _po([("Office", "Офис"), ("Service", "Услуга"), ("Regulation", "Регламент")], "ru")
    assert c.po_problems(pot, good, "ru") == []
    bad = _po([("Office", "Офіс"), ("Service", ""), ("Extra", "x", "fuzzy")], "ru")
    problems = c.po_problems(pot, bad, "uk")
    for fragment in ("Language 'ru'", "1 fuzzy", "2 of the template's msgids", "'Service'"):
        _one(problems, fragment)


# --- ruff ----------------------------------------------------------------------------------


def test_ruff_config(tmp_path):
    config = c.ROOT / "ruff.toml"
    assert config.is_file(), "ruff.toml is missing at the repository root"
    good = _write(
        tmp_path / "good.py",
        """\
        import os

        import lxml

        from odoo import models

        from odoo.addons.mail.models import mail_thread

        print(os, lxml, models, mail_thread)
        """,
    )
    code, output = c.run_ruff("--config", config, good)
    assert code == 0, output
    bad = _write(tmp_path / "bad.py", "from odoo import models\nimport lxml\nimport os\n")
    code, output = c.run_ruff("--config", config, bad)
    assert code == 1 and "I001" in output and "F401" in output, output


# --- docker --------------------------------------------------------------------------------

BREAKAGES = {
    "db image": (lambda s: s["services"]["db"].update(image="postgres:15"), "postgres:16"),
    "no port": (lambda s: s["services"]["odoo"].pop("ports"), "8069"),
    "no top volume": (lambda s: s.pop("volumes"), "top-level volumes"),
    "missing addon": (lambda s: s["services"]["odoo"]["command"].__setitem__(4, "x"), "missing"),
    "without demo": (
        lambda s: s["services"]["odoo"]["command"].append("--without-demo=False"),
        "--without-demo",
    ),
    "bad bind": (
        lambda s: s["services"]["odoo"]["volumes"].append("../nowhere:/mnt/x"),
        "../nowhere does not exist",
    ),
    "no healthy db": (lambda s: s["services"]["odoo"].pop("depends_on"), "service_healthy"),
    "no build": (lambda s: s["services"]["odoo"].pop("build"), "not built"),
}


def _sample_compose(addons):
    return {
        "services": {
            "db": {
                "image": "postgres:16",
                "healthcheck": {"test": ["CMD", "pg_isready"]},
                "volumes": ["db-data:/var/lib/postgresql/data"],
            },
            "odoo": {
                "build": {"context": "..", "dockerfile": "docker/Dockerfile"},
                "depends_on": {"db": {"condition": "service_healthy"}},
                "ports": ["8069:8069"],
                "volumes": ["../addons:/mnt/extra-addons:ro", "odoo-data:/var/lib/odoo"],
                "command": ["--", "-d", "msq_demo", "-i", ",".join(addons), "--db-filter=^a$$"],
            },
        },
        "volumes": {"db-data": None, "odoo-data": None},
    }


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_compose_checks(breakage):
    addons = c.addon_names()
    sample = _sample_compose(addons)
    assert c.compose_problems(sample, c.DOCKER_DIR, addons) == []
    breaker, fragment = BREAKAGES[breakage]
    breaker(sample)
    _one(c.compose_problems(sample, c.DOCKER_DIR, addons), fragment)


def test_compose_new_addon_forces_update():
    addons = c.addon_names()
    sample = _sample_compose(addons)
    _one(c.compose_problems(sample, c.DOCKER_DIR, [*addons, "new_addon"]), "'new_addon'")


def test_dockerfile_checks(tmp_path):
    _write(tmp_path / "requirements.txt", "odoo-addon-x==18.0.1.0.0\n")
    good = """\
        FROM odoo:18.0
        # comment
        COPY requirements.txt /tmp/r.txt
        RUN grep -E '^odoo-addon-' /tmp/r.txt \\
            > /tmp/oca.txt
        """
    good = textwrap.dedent(good)
    assert c.dockerfile_problems(good, tmp_path, "*\n!requirements.txt\n") == []
    _one(c.dockerfile_problems(good.replace("18.0", "17.0"), tmp_path), "FROM")
    missing = good.replace("COPY requirements.txt", "COPY --chown=odoo gone.txt")
    _one(c.dockerfile_problems(missing, tmp_path), "gone.txt: not found")
    _one(c.dockerfile_problems(good, tmp_path, "*\n"), "excluded by the .dockerignore")
    _one(c.dockerfile_problems(good.replace("^odoo-addon-", "x"), tmp_path), "odoo-addon-*")
