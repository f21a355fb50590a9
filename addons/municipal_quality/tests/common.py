from contextlib import contextmanager

from odoo import Command
from odoo.tests import TransactionCase, new_test_user


class MunicipalQualityCase(TransactionCase):
    """Test data of its own (demo data may or may not be installed)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.company = cls.env.company
        cls.other_company = cls.env["res.company"].create({"name": "Neighbouring town"})
        cls.department = cls.env["hr.department"].create({"name": "Architecture department"})
        cls.manager_user = new_test_user(cls.env, login="mq_dept_head", groups="base.group_user")
        cls.dept_head = cls.env["hr.employee"].create(
            {
                "name": "Head of architecture",
                "department_id": cls.department.id,
                "user_id": cls.manager_user.id,
            }
        )
        cls.department.manager_id = cls.dept_head
        cls.servant = cls.env["hr.employee"].create(
            {"name": "Servant One", "department_id": cls.department.id}
        )
        cls.category = cls.env["municipal.service.category"].create(
            {"name": "Construction", "code": "T-CONSTR"}
        )
        cls.centre = cls.env["municipal.office"].create(
            {"name": "Service centre", "code": "T-C", "office_type": "centre"}
        )
        cls.branch = cls.env["municipal.office"].create(
            {
                "name": "North branch",
                "code": "T-N",
                "office_type": "branch",
                "parent_id": cls.centre.id,
            }
        )
        cls.service = cls.env["municipal.service"].create(
            {
                "code": "T-01",
                "name": "Construction permit",
                "category_id": cls.category.id,
                "department_id": cls.department.id,
                "office_ids": [Command.set((cls.centre | cls.branch).ids)],
                "employee_ids": [Command.set(cls.servant.ids)],
            }
        )

    @contextmanager
    def assertRaisesText(self, exception, text):
        """Odoo's assertRaises (rolled back to a savepoint) that also checks the message."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertIn(text, str(caught.exception))

    def flush_tracking(self):
        self.env.flush_all()
        self.env.cr.precommit.run()

    @classmethod
    def _regulation(cls, version=1, state="draft", **vals):
        """A regulation created as a draft, then put in force through its button."""
        regulation = cls.env["municipal.regulation"].create(
            {
                "name": f"Regulation v{version}",
                "service_id": cls.service.id,
                "version": version,
                **vals,
            }
        )
        if state == "in_force":
            regulation.action_put_in_force()
        return regulation
