from datetime import date

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MunicipalBonusCase


@tagged("post_install", "-at_install")
class TestSpecialTask(MunicipalBonusCase):
    def _task(self, **vals):
        return (
            self.env["municipal.special.task"]
            .with_user(self.user_head_a)
            .create(
                {
                    "name": "Digitise the construction permit",
                    "assignee_ids": [Command.set(self.servant.ids)],
                    "department_id": self.dept_a.id,
                    "deadline": date(2031, 3, 31),
                    "kind_id": self.env.ref("municipal_bonus.special_task_kind_1").id,
                    **vals,
                }
            )
        )

    def test_table_2_2_as_data(self):
        kinds = self.env["municipal.special.task.kind"].search(
            [
                (
                    "id",
                    "in",
                    [
                        self.env.ref(f"municipal_bonus.special_task_kind_{n}").id
                        for n in range(1, 6)
                    ],
                )
            ]
        )
        self.assertEqual([len(k.result_ids) for k in kinds.sorted("sequence")], [5, 2, 2, 5, 2])
        self.assertEqual(
            self.env.ref("municipal_bonus.special_task_result_1_3").name,
            "внедрение новых технологий;",
        )
        self.assertTrue(self.env.ref("municipal_bonus.special_task_result_3_2").is_economic)

    def test_timeliness_and_economic_effect(self):
        task = self._task(budget_savings=120000.0, additional_revenue=30500.5)
        self.assertEqual(task.economic_effect, 150500.5)
        self.assertEqual(task.currency_id, self.company.currency_id)
        self.assertFalse(task.is_timely)
        task.date_done = date(2031, 3, 31)
        self.assertTrue(task.is_timely)
        task.date_done = date(2031, 4, 1)
        self.assertFalse(task.is_timely)
        with self.assertRaisesText(ValidationError, "belong to the indicator"):
            task.result_ids = self.env.ref("municipal_bonus.special_task_result_2_1")
        with self.assertRaisesText(ValidationError, "needs its amount or its percent"):
            task.write({"premium_granted": True, "premium_type": "percent"})

    def test_report_decision_and_approval(self):
        self._documents_in("ru_RU")
        task = self._task(budget_savings=1000.0)
        task.action_assign()
        with self.assertRaisesText(UserError, "completion date"):
            task.action_report()
        task.date_done = date(2031, 3, 20)
        # section 2.4: the decision rests on the report on the result
        with self.assertRaisesText(UserError, "Write the report on the result"):
            task.action_report()
        self.assertEqual(task.state, "assigned")
        task.write(
            {
                "report": "<p>Done: 5 days instead of 7</p>",
                "premium_granted": True,
                "premium_amount": 15000.0,
            }
        )
        task.action_report()
        self.assertEqual(task.state, "reported")
        self.assertTrue(task.review_ids)
        with self.assertRaisesText(UserError, "can no longer be changed"):
            task.premium_amount = 50000.0
        with self.assertRaisesText(UserError, "separation of duties"):
            task.validate_tier()  # the unit head presented the report
        self.assertEqual(task.state, "reported")
        task.with_user(self.user_chief).validate_tier()
        self.assertEqual(task.state, "approved")
        self.assertEqual(task.approved_by_id, self.user_chief)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("municipal_bonus.report_special_task", task.ids)[0]
            .decode()
        )
        self.assertIn("Отчет о результате выполнения поручения", html)
        self.assertIn("Done: 5 days instead of 7", html)
        self.assertIn("в установленный срок", html)

    def test_rejected_decision(self):
        task = self._task()
        task.action_assign()
        task.write({"date_done": date(2031, 4, 2), "report": "<p>Late</p>"})
        task.action_report()
        task.with_user(self.user_chief).reject_tier()
        self.assertEqual(task.state, "rejected")
        task.action_reset()
        self.assertEqual(task.state, "assigned")
        self.assertFalse(task.review_ids)

    def _reported(self, granted=True, **vals):
        task = self._task(**vals)
        task.action_assign()
        task.write(
            {
                "date_done": vals.get("date_done", date(2031, 3, 31)),
                "report": "<p>Report</p>",
                "premium_granted": granted,
                "premium_amount": 15000.0 if granted else 0.0,
            }
        )
        return task

    def test_premium_needs_an_effect_or_a_positive_result(self):
        """Section 2.1, 1): an economic effect or another positive result of the table of
        2.2; a task with neither is refused when it is reported and when it is approved."""
        task = self._reported()
        with self.assertRaisesText(UserError, "neither an economic effect"):
            task.action_report()
        self.assertEqual(task.state, "assigned")
        # "another positive result" is one of the table of 2.2, not a free text
        task.result_description = "Everybody is happy"
        with self.assertRaisesText(UserError, "neither an economic effect"):
            task.action_report()
        task.result_ids = self.env.ref("municipal_bonus.special_task_result_1_3")
        task.action_report()
        task.with_user(self.user_chief).validate_tier()
        self.assertEqual(task.state, "approved")
        self.assertTrue(task.decision_number)
        # an economic effect alone is enough
        task = self._reported(budget_savings=0.01)
        task.action_report()
        task.with_user(self.user_chief).validate_tier()
        self.assertEqual(task.state, "approved")

    def test_premium_needs_the_task_done_by_its_deadline(self):
        """Section 2.1, 2) and 2.3: done by the deadline; a day late is refused."""
        task = self._reported(budget_savings=5000.0, date_done=date(2031, 4, 1))
        with self.assertRaisesText(UserError, "after its deadline"):
            task.action_report()
        # the decision to grant no premium for a late task is approved
        task.write({"premium_granted": False, "premium_amount": 0.0})
        task.action_report()
        task.with_user(self.user_chief).validate_tier()
        self.assertEqual(task.state, "approved")
        self.assertFalse(task.premium_granted)

    def test_approval_rechecks_the_conditions(self):
        """The condition holds at the decision too: the head of administration cannot grant
        a premium on a task reported without one and then changed past the lock."""
        task = self._reported(granted=False)
        task.action_report()
        with task._lock_lift():
            task.write({"premium_granted": True, "premium_amount": 1000.0})
        with self.assertRaisesText(UserError, "section 2.1"):
            task.with_user(self.user_chief).validate_tier()
        self.assertEqual(task.state, "reported")
        self.assertFalse(task.decision_number)
