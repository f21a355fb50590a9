from datetime import date
from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import MunicipalBonusCase

HIGHEST_CODES = [f"1.{r}" for r in range(1, 8)] + [f"2.{r}" for r in range(1, 6)]


@tagged("post_install", "-at_install")
class TestReviewArithmetic(MunicipalBonusCase):
    def test_five_indicators_reduce_by_25(self):
        review = self._review()
        line = self._find(review.line_ids, ["5.1", "5.2", "5.3", "6.1", "6.4"])
        self.assertEqual(line.reduction_percent, 25.0)
        self.assertEqual(line.bonus_percent, 75.0)
        self.assertEqual(line.indicator_codes, "5.1, 5.2, 5.3, 6.1, 6.4")
        self.assertEqual(review.reduced_count, 1)
        self.assertEqual(review.average_bonus_percent, 75.0)

    def test_all_twelve_of_a_highest_head_reduce_by_60(self):
        review = self._review(
            department=self.dept_admin,
            employees=self.deputy,
            review_kind="highest",
            preparer_user_id=self.user_hr.id,
        )
        line = self._find(review.line_ids, HIGHEST_CODES)
        self.assertEqual(len(line.indicator_ids), 12)
        self.assertEqual(line.reduction_percent, 60.0)
        self.assertEqual(line.bonus_percent, 40.0)

    def test_raised_percents_are_capped_at_100(self):
        self._amend({"5.1": 40.0, "5.2": 35.0, "6.1": 30.0})
        review = self._review()
        line = self._find(review.line_ids, ["5.1", "5.2"])
        self.assertEqual(line.reduction_percent, 75.0)
        self._find(line, ["6.1"])
        self.assertEqual(line.reduction_percent, 100.0)
        self.assertEqual(line.bonus_percent, 0.0)

    def test_an_indicator_counts_once_per_line(self):
        review = self._review()
        line = self._find(review.line_ids, ["5.1", "5.1", "5.1", "6.2"])
        self.assertEqual(len(line.finding_ids), 4)
        self.assertEqual(line.reduction_percent, 10.0)
        self.assertEqual(line.indicator_codes, "5.1, 6.2")

    def test_indicator_of_another_category_is_refused(self):
        review = self._review()
        line = review.line_ids
        for code in ("1.1", "2.5", "3.2", "4.4"):
            with self.assertRaisesText(ValidationError, f"The indicator {code} does not apply"):
                self._find(line, [code])
        self.assertEqual(line.reduction_percent, 0.0)
        # and the routing of the tables for a head of the main group
        review_heads = self._review(department=self.dept_admin, employees=self.head_a)
        head_line = review_heads.line_ids
        self._find(head_line, ["3.1", "4.4"])
        self.assertEqual(head_line.reduction_percent, 10.0)
        for code in ("1.1", "5.1", "6.4"):
            with self.assertRaisesText(ValidationError, f"The indicator {code} does not apply"):
                self._find(head_line, [code])

    def test_servants_belong_to_the_review(self):
        with self.assertRaisesText(ValidationError, "does not work in the unit T department A"):
            self._review(employees=self.servant_b)
        with self.assertRaisesText(ValidationError, "is a head of the highest group"):
            self._review(department=self.dept_admin, employees=self.deputy)
        with self.assertRaisesText(ValidationError, "is not a head of the highest group"):
            self._review(
                department=self.dept_admin,
                employees=self.head_a,
                review_kind="highest",
                preparer_user_id=self.user_hr.id,
            )
        # a servant of a sub-unit may be reviewed by the unit
        self.assertTrue(self._review(employees=self.sub_servant))

    def test_a_non_servant_is_refused(self):
        with self.assertRaisesText(ValidationError, "has no municipal-service category"):
            self._review(employees=self.driver)

    def test_finding_outside_the_period_is_refused(self):
        review = self._review()
        with self.assertRaisesText(ValidationError, "outside the period"):
            self._find(review.line_ids, ["5.1"], day=date(2031, 4, 1))

    def test_percent_change_spares_approved_reviews(self):
        approved = self._review()
        self._find(approved.line_ids, ["5.1", "5.2"])
        approved.action_submit()
        approved.with_user(self.user_chief).validate_tier()
        self.assertEqual(approved.state, "approved")
        draft = self._review(department=self.dept_b, employees=self.servant_b)
        self._find(draft.line_ids, ["5.1"])
        self._amend({"5.1": 20.0})
        self.assertEqual(approved.line_ids.reduction_percent, 10.0)
        self.assertEqual(approved.line_ids.finding_ids[0].indicator_percent, 5.0)
        self.assertEqual(draft.line_ids.reduction_percent, 20.0)
        # a new finding takes the new percent
        review = self._review(department=self.dept_a1, employees=self.sub_servant)
        self._find(review.line_ids, ["5.1"])
        self.assertEqual(review.line_ids.reduction_percent, 20.0)

    def test_closed_period_accepts_no_review(self):
        self.period.action_close()
        with self.assertRaisesText(UserError, "is closed"):
            self._review()
        self.period.action_reopen()
        self.assertTrue(self._review())

    def test_one_review_per_unit_and_period(self):
        self._review()
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._review(employees=self.colleague)
            self.env.flush_all()

    def test_hr_prepares_the_reviews_of_the_period(self):
        with self.assertRaisesText(AccessError, "Only the HR service"):
            self.period.with_user(self.user_head_a).action_prepare_reviews()
        self.env["municipal.bonus.sanction"].create(
            {
                "employee_id": self.servant_b.id,
                "date": date(2031, 1, 9),
                "act_number": "2-k",
                "description": "Late",
            }
        )
        existing = self._review(department=self.dept_a1, employees=self.sub_servant)
        action = self.period.with_user(self.user_hr).action_prepare_reviews()
        ours = self.dept_admin | self.dept_a | self.dept_a1 | self.dept_b
        reviews = self.env["municipal.bonus.review"].search(
            action["domain"] + [("department_id", "in", ours.ids)]
        )
        self.assertEqual(reviews.department_id, self.dept_a | self.dept_b | self.dept_admin)
        by_unit = {r.department_id: r for r in reviews}
        self.assertEqual(
            set(by_unit[self.dept_a].line_ids.mapped("employee_name")),
            {"Servant One", "Colleague Two", "Section Head"},
        )
        self.assertEqual(by_unit[self.dept_admin].line_ids.employee_id, self.head_a | self.head_b)
        self.assertEqual(by_unit[self.dept_b].suggestion_count, 1)
        self.assertEqual(existing.line_count, 1)
        # a second run adds nothing
        again = self.period.with_user(self.user_hr).action_prepare_reviews()
        self.assertFalse(
            self.env["municipal.bonus.review"].search(
                again["domain"] + [("department_id", "in", ours.ids)]
            )
        )

    def test_fill_lines_takes_the_servants_of_the_unit(self):
        review = self._review(employees=self.env["hr.employee"])
        review.action_fill_lines()
        # servants of the unit, the head of the sub-unit; not the head itself, not the driver
        self.assertEqual(
            set(review.line_ids.mapped("employee_name")),
            {"Servant One", "Colleague Two", "Section Head"},
        )
        self.assertEqual(review.line_count, 3)
        line = review.line_ids.filtered(lambda ln: ln.employee_id == self.servant)
        self.assertEqual(line.identification_id, "T-0001")
        self.assertEqual(line.job_title, "Chief specialist")
        review.action_fill_lines()
        self.assertEqual(review.line_count, 3)
        # the head of the unit is in the review of the superior unit
        admin_review = self._review(department=self.dept_admin, employees=self.env["hr.employee"])
        admin_review.action_fill_lines()
        self.assertEqual(set(admin_review.line_ids.mapped("employee_name")), {"Head A", "Head B"})
        highest = self._review(
            department=self.dept_admin,
            employees=self.env["hr.employee"],
            review_kind="highest",
            preparer_user_id=self.user_hr.id,
        )
        highest.action_fill_lines()
        self.assertIn(self.deputy, highest.line_ids.employee_id)
        self.assertFalse(highest.line_ids.filtered(lambda ln: ln.bonus_category != "highest_head"))


@tagged("post_install", "-at_install")
class TestSuggestions(MunicipalBonusCase):
    def test_overdue_activities_and_sanctions_are_suggested(self):
        review = self._review(employees=self.servant | self.colleague)
        today = date(2031, 6, 1)
        Activity = self.env["mail.activity"]
        model = self.env["ir.model"]._get_id("res.partner")
        partner = self.env["res.partner"].create({"name": "Citizen letter"})

        def activity(user, deadline, summary):
            return Activity.create(
                {
                    "res_model_id": model,
                    "res_id": partner.id,
                    "user_id": user.id,
                    "date_deadline": deadline,
                    "summary": summary,
                    "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                }
            )

        late_open = activity(self.user_servant, date(2031, 2, 10), "Answer the letter")
        activity(self.user_servant, date(2031, 2, 11), "Done in time")._action_done()
        activity(self.user_colleague, date(2031, 5, 10), "After the period")
        sanction = self.env["municipal.bonus.sanction"].create(
            {
                "employee_id": self.servant.id,
                "kind": "reprimand",
                "date": date(2031, 3, 3),
                "act_number": "7-к",
                "description": "Absence",
            }
        )
        with patch.object(fields.Date, "context_today", lambda *a, **k: today):
            suggestions = review.action_suggest()
        line = review.line_ids.filtered(lambda ln: ln.employee_id == self.servant)
        self.assertEqual(len(suggestions), 2)
        self.assertEqual(sorted(suggestions.mapped("indicator_code")), ["5.1", "6.4"])
        overdue = suggestions.filtered(lambda f: f.indicator_code == "6.4")
        self.assertEqual((overdue.source_model, overdue.source_res_id), ("res.partner", partner.id))
        self.assertIn("Answer the letter", overdue.description)
        by_sanction = suggestions.filtered(lambda f: f.indicator_code == "5.1")
        self.assertEqual(by_sanction.source_res_id, sanction.id)
        self.assertTrue(late_open.exists())
        # suggestions do not count before confirmation, and are not repeated
        self.assertEqual(line.reduction_percent, 0.0)
        self.assertEqual(review.suggestion_count, 2)
        with patch.object(fields.Date, "context_today", lambda *a, **k: today):
            self.assertFalse(review.action_suggest())
        with self.assertRaisesText(UserError, "Confirm or discard the 2 suggested findings"):
            review.action_submit()
        overdue.action_confirm()
        by_sanction.action_discard()
        self.assertEqual(line.reduction_percent, 5.0)
        review.action_submit()
        self.assertEqual(review.state, "submitted")

    def test_activity_done_late_is_overdue(self):
        review = self._review()
        partner = self.env["res.partner"].create({"name": "Request"})
        kept = self.env["mail.activity.type"].create({"name": "T kept", "keep_done": True})
        act = self.env["mail.activity"].create(
            {
                "res_model_id": self.env["ir.model"]._get_id("res.partner"),
                "res_id": partner.id,
                "user_id": self.user_servant.id,
                "date_deadline": date(2031, 1, 20),
                "activity_type_id": kept.id,
            }
        )
        act._action_done()
        act = self.env["mail.activity"].with_context(active_test=False).browse(act.id)
        self.assertFalse(act.active)
        act.date_done = date(2031, 1, 25)
        with patch.object(fields.Date, "context_today", lambda *a, **k: date(2031, 6, 1)):
            suggestions = review.action_suggest()
            self.assertEqual(suggestions.mapped("indicator_code"), ["6.4"])
            act.date_done = date(2031, 1, 20)
            review.line_ids.finding_ids.unlink()
            self.assertFalse(review.action_suggest())

    def test_suggestion_query_count_does_not_grow_per_employee(self):
        def run(count):
            employees = self.env["hr.employee"].create(
                [
                    {
                        "name": f"S{count}-{i}",
                        "job_id": self.job_specialist.id,
                        "department_id": self.dept_b.id,
                        "user_id": self.env["res.users"]
                        .create({"name": f"u{count}-{i}", "login": f"mb_u{count}_{i}"})
                        .id,
                    }
                    for i in range(count)
                ]
            )
            for employee in employees:
                self.env["municipal.bonus.sanction"].create(
                    {
                        "employee_id": employee.id,
                        "date": date(2031, 2, 2),
                        "act_number": "1",
                        "description": "T",
                    }
                )
            review = self._review(department=self.dept_b, employees=employees)
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            suggestions = review.action_suggest()
            self.env.flush_all()
            self.assertEqual(len(suggestions), count)
            queries = self.cr.sql_log_count - before
            review.line_ids.finding_ids.unlink()
            review.unlink()
            return queries

        run(2)  # warm the caches
        self.assertEqual(run(3), run(30))

    def test_review_lines_in_one_create(self):
        review = self._review(employees=self.env["hr.employee"])
        self.assertEqual(review.line_ids, self.env["municipal.bonus.review.line"])
        review.write({"line_ids": [Command.create({"employee_id": self.servant.id})]})
        self.assertEqual(review.line_count, 1)
        today_review = review
        self.assertEqual(today_review.line_ids.review_state, "draft")
        self.assertTrue(today_review.name.startswith("T department A"))
        self.assertEqual(today_review.department_manager_id, self.head_a)
        self.assertEqual(today_review.preparer_user_id, self.user_head_a)
