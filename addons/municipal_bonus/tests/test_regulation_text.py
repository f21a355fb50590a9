"""Положение 133-р word for word and the rules of 2.1 and 3.3 exactly (issue 15)."""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..models import regulation
from . import regulation_133r as act
from .common import MunicipalBonusCase


@tagged("post_install", "-at_install")
class TestWordsOfTheAct(MunicipalBonusCase):
    def test_the_33_indicators_and_their_percents(self):
        catalogue = self.env.ref("municipal_bonus.catalogue_133r")
        self.assertEqual(catalogue.state, "in_force")
        indicators = catalogue.indicator_ids.sorted(lambda i: (int(i.table), i.row))
        self.assertEqual(
            [(i.code, i.name, i.reduction_percent) for i in indicators], act.INDICATORS
        )
        self.assertEqual(
            [
                (i.code, i.name, i.reduction_percent)
                for i in self.Indicator.search([("catalogue_state", "=", "in_force")]).sorted(
                    lambda i: (int(i.table), i.row)
                )
            ],
            act.INDICATORS,
        )

    def test_the_21_texts_of_the_table_of_2_2(self):
        kinds = (
            self.env["municipal.special.task.kind"]
            .search(
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
            .sorted("sequence")
        )
        texts = [
            (
                kind.name,
                [
                    f"{result.sequence}) {result.name}"
                    for result in kind.result_ids.sorted("sequence")
                ],
            )
            for kind in kinds
        ]
        self.assertEqual(texts, act.TABLE_2_2)
        self.assertEqual(sum(1 + len(results) for _kind, results in texts), 21)
        economic = kinds.result_ids.filtered("is_economic")
        self.assertEqual(sorted(economic.mapped("code")), ["1.5", "2.2", "3.2", "4.4", "5.1"])

    def test_the_11_items_of_3_1(self):
        self.assertEqual(regulation.SECTION_3_1_INTRO, act.SECTION_3_1_INTRO)
        self.assertEqual(
            regulation.CRITERIA,
            {"qualitative": act.CRITERION_QUALITATIVE, "temporal": act.CRITERION_TEMPORAL},
        )
        self.assertEqual(
            {str(table): title for table, title in regulation.TABLE_TITLES.items()},
            act.TABLE_TITLES,
        )
        self.assertEqual(regulation.COLUMN_INDICATOR, act.COLUMN_INDICATOR)
        self.assertEqual(regulation.COLUMN_PERCENT, act.COLUMN_PERCENT)
        # each indicator states its table and criterion in the act's words
        for code, table, criterion in (
            ("1.7", "1", act.CRITERION_QUALITATIVE),
            ("2.5", "2", act.CRITERION_TEMPORAL),
            ("3.8", "3", act.CRITERION_QUALITATIVE),
            ("4.4", "4", act.CRITERION_TEMPORAL),
            ("5.5", "5", act.CRITERION_QUALITATIVE),
            ("6.4", "6", act.CRITERION_TEMPORAL),
        ):
            indicator = self.indicator(code)
            self.assertEqual(indicator.table_title, act.TABLE_TITLES[table])
            self.assertEqual(indicator.criterion_text, criterion)


@tagged("post_install", "-at_install")
class TestExactRules(MunicipalBonusCase):
    def _task(self, **vals):
        task = (
            self.env["municipal.special.task"]
            .with_user(self.user_head_a)
            .create(
                {
                    "name": "Digitise the construction permit",
                    "assignee_ids": [Command.set(self.servant.ids)],
                    "department_id": self.dept_a.id,
                    "deadline": date(2031, 3, 31),
                    "kind_id": self.env.ref("municipal_bonus.special_task_kind_1").id,
                }
            )
        )
        task.action_assign()
        task.write(
            {
                "report": "<p>Report</p>",
                "premium_granted": True,
                "premium_amount": 15000.0,
                **vals,
            }
        )
        return task

    def test_premium_conditions_of_2_1(self):
        """2.1: an economic effect or another positive result of the table of 2.2 (1), and the
        task done by its deadline (2); every combination, and the deadline's edge."""
        result = self.env.ref("municipal_bonus.special_task_result_1_3")
        on_time, late = date(2031, 3, 31), date(2031, 4, 1)
        cases = [
            # (savings, revenue, results, done, granted?)
            (0.0, 0.0, False, on_time, "neither an economic effect"),
            (0.0, 0.0, False, late, "neither an economic effect"),
            (0.01, 0.0, False, on_time, None),
            (0.0, 0.01, False, on_time, None),
            (0.0, 0.0, True, on_time, None),
            (500.0, 0.0, True, date(2031, 3, 1), None),
            (500.0, 0.0, False, late, "after its deadline"),
            (0.0, 0.0, True, late, "after its deadline"),
        ]
        for savings, revenue, with_result, done, error in cases:
            with self.subTest(savings=savings, revenue=revenue, result=with_result, done=done):
                task = self._task(
                    budget_savings=savings,
                    additional_revenue=revenue,
                    result_ids=[Command.set(result.ids if with_result else [])],
                    date_done=done,
                )
                if error:
                    with self.assertRaisesText(UserError, error):
                        task.action_report()
                    self.assertEqual(task.state, "assigned")
                else:
                    task.action_report()
                    task.with_user(self.user_chief).validate_tier()
                    self.assertEqual(task.state, "approved")
                    self.assertTrue(task.premium_granted)

    def test_who_appoints_the_executors_under_3_3(self):
        """3.3: the executor(s) for the heads of the highest group are determined by the head of
        local self-government: the head of administration and nobody else of the roles."""
        vals = {
            "department_id": self.dept_admin.id,
            "period_id": self.period.id,
            "review_kind": "highest",
            "preparer_user_id": self.user_head_a.id,
            "executor_user_ids": [Command.set(self.user_head_b.ids)],
        }
        Review = self.env["municipal.bonus.review"]
        allowed = []
        for label, user in (
            ("unit head", self.user_head_a),
            ("other unit head", self.user_head_b),
            ("HR officer", self.user_hr),
            ("servant", self.user_servant),
            ("head of administration", self.user_chief),
        ):
            try:
                with self.env.cr.savepoint():
                    Review.with_user(user).create(dict(vals))
            except AccessError:
                continue
            allowed.append(label)
        self.assertEqual(allowed, ["head of administration"])
        review = Review.search(
            [("department_id", "=", self.dept_admin.id), ("period_id", "=", self.period.id)]
        )
        self.assertEqual(review._executors(), self.user_head_a | self.user_head_b)
