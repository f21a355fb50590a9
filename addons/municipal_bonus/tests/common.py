import io
from contextlib import contextmanager
from datetime import date

from openpyxl import load_workbook

from odoo import Command
from odoo.tests import TransactionCase, new_test_user


class MunicipalBonusCase(TransactionCase):
    """An administration of its own: two units (one with a sub-unit), jobs of each category,
    unit heads, HR, the head of administration and servants."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company.bonus_hr_check = False
        Job = cls.env["hr.job"]
        cls.job_deputy = Job.create(
            {"name": "T deputy head", "position_group": "highest", "position_function": "head"}
        )
        cls.job_head = Job.create(
            {"name": "T head of department", "position_group": "main", "position_function": "head"}
        )
        cls.job_section_head = Job.create(
            {"name": "T head of section", "position_group": "leading", "position_function": "head"}
        )
        cls.job_specialist = Job.create(
            {
                "name": "T chief specialist",
                "position_group": "senior",
                "position_function": "specialist",
            }
        )
        cls.job_driver = Job.create({"name": "T driver"})

        cls.user_head_a = new_test_user(
            cls.env, login="mb_head_a", groups="municipal_bonus.group_bonus_user"
        )
        cls.user_head_b = new_test_user(
            cls.env, login="mb_head_b", groups="municipal_bonus.group_bonus_user"
        )
        cls.user_hr = new_test_user(
            cls.env, login="mb_hr", groups="municipal_bonus.group_bonus_manager"
        )
        cls.user_chief = new_test_user(
            cls.env, login="mb_chief", groups="municipal_bonus.group_bonus_approver"
        )
        cls.user_servant = new_test_user(cls.env, login="mb_servant", groups="base.group_user")
        cls.user_colleague = new_test_user(cls.env, login="mb_colleague", groups="base.group_user")

        Employee = cls.env["hr.employee"]
        Department = cls.env["hr.department"]
        cls.dept_admin = Department.create({"name": "T administration"})
        cls.deputy = Employee.create(
            {"name": "Deputy Head", "job_id": cls.job_deputy.id, "department_id": cls.dept_admin.id}
        )
        cls.head_a = Employee.create(
            {
                "name": "Head A",
                "job_id": cls.job_head.id,
                "user_id": cls.user_head_a.id,
                "job_title": "Head of department A",
            }
        )
        cls.head_b = Employee.create(
            {"name": "Head B", "job_id": cls.job_head.id, "user_id": cls.user_head_b.id}
        )
        cls.section_head = Employee.create(
            {"name": "Section Head", "job_id": cls.job_section_head.id}
        )
        cls.dept_a = Department.create(
            {"name": "T department A", "parent_id": cls.dept_admin.id, "manager_id": cls.head_a.id}
        )
        cls.dept_a1 = Department.create(
            {"name": "T section A1", "parent_id": cls.dept_a.id, "manager_id": cls.section_head.id}
        )
        cls.dept_b = Department.create(
            {"name": "T department B", "parent_id": cls.dept_admin.id, "manager_id": cls.head_b.id}
        )
        (cls.head_a | cls.head_b).write({"department_id": False})
        cls.head_a.department_id = cls.dept_a
        cls.head_b.department_id = cls.dept_b
        cls.section_head.department_id = cls.dept_a1
        cls.servant = Employee.create(
            {
                "name": "Servant One",
                "job_id": cls.job_specialist.id,
                "department_id": cls.dept_a.id,
                "user_id": cls.user_servant.id,
                "identification_id": "T-0001",
                "job_title": "Chief specialist",
            }
        )
        cls.colleague = Employee.create(
            {
                "name": "Colleague Two",
                "job_id": cls.job_specialist.id,
                "department_id": cls.dept_a.id,
                "user_id": cls.user_colleague.id,
            }
        )
        cls.driver = Employee.create(
            {"name": "Driver", "job_id": cls.job_driver.id, "department_id": cls.dept_a.id}
        )
        cls.servant_b = Employee.create(
            {"name": "Servant B", "job_id": cls.job_specialist.id, "department_id": cls.dept_b.id}
        )
        cls.sub_servant = Employee.create(
            {
                "name": "Sub Servant",
                "job_id": cls.job_specialist.id,
                "department_id": cls.dept_a1.id,
            }
        )
        cls.period = cls.env["municipal.bonus.period"].create(
            {
                "name": "T Q1 2031",
                "period_type": "quarter",
                "date_from": date(2031, 1, 1),
                "date_to": date(2031, 3, 31),
            }
        )
        cls.Indicator = cls.env["municipal.bonus.indicator"]

    @classmethod
    def _documents_in(cls, lang):
        """The company issues its documents in ``lang`` (whatever the demo company speaks)."""
        if not cls.env["res.lang"]._lang_get(lang):
            cls.env["res.lang"]._activate_lang(lang)
            cls.env["ir.module.module"].search(
                [("name", "in", ("base", "web", "municipal_quality", "municipal_bonus"))]
            )._update_translations(lang)
        cls.company.partner_id.lang = lang

    @contextmanager
    def assertRaisesText(self, exception, text):
        """Odoo's assertRaises (rolled back to a savepoint) that also checks the message."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertIn(text, str(caught.exception))

    @classmethod
    def indicator(cls, code):
        return cls.env["municipal.bonus.indicator"].search(
            [("code", "=", code), ("catalogue_state", "=", "in_force")], limit=1
        )

    @classmethod
    def _amend(cls, percents, act="Распоряжение от 01.02.2031 № 12-р", user=None):
        """A new version of the catalogue in force, tied to an amending act, with the percents
        ``{code: percent}`` changed, put in force."""
        Catalogue = cls.env["municipal.bonus.catalogue"].with_user(user or cls.user_hr)
        in_force = Catalogue.search([("state", "=", "in_force")], limit=1)
        new = Catalogue.browse(in_force.action_new_version()["res_id"])
        new.write({"legal_act": act, "legal_act_date": date(2031, 2, 1)})
        for code, percent in percents.items():
            new.indicator_ids.filtered(lambda i, c=code: i.code == c).reduction_percent = percent
        new.action_put_in_force()
        return new

    @classmethod
    def _review(cls, department=None, employees=None, **vals):
        department = department or cls.dept_a
        employees = cls.servant if employees is None else employees
        return cls.env["municipal.bonus.review"].create(
            {
                "department_id": department.id,
                "period_id": cls.period.id,
                "line_ids": [Command.create({"employee_id": e.id}) for e in employees],
                **vals,
            }
        )

    @staticmethod
    def _find(line, codes, day=date(2031, 2, 1)):
        env = line.env
        for code in codes:
            indicator = env["municipal.bonus.indicator"].search([("code", "=", code)], limit=1)
            env["municipal.bonus.finding"].create(
                {
                    "line_id": line.id,
                    "indicator_id": indicator.id,
                    "date": day,
                    "description": f"Evidence of {code}",
                }
            )
        return line

    @staticmethod
    def open_xlsx(content):
        return load_workbook(io.BytesIO(content))
