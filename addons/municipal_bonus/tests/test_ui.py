from datetime import date

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestMunicipalBonusUi(HttpCase):
    def test_unit_head_opens_the_review_of_the_unit(self):
        user = new_test_user(
            self.env,
            login="mb_tour_head",
            password="mb_tour_head",
            groups="municipal_bonus.group_bonus_user",
        )
        job = self.env["hr.job"].create(
            {
                "name": "Tour specialist",
                "position_group": "senior",
                "position_function": "specialist",
            }
        )
        head = self.env["hr.employee"].create({"name": "Tour Head", "user_id": user.id})
        department = self.env["hr.department"].create({"name": "Tour unit", "manager_id": head.id})
        servant = self.env["hr.employee"].create(
            {"name": "Tour Servant", "job_id": job.id, "department_id": department.id}
        )
        period = self.env["municipal.bonus.period"].create(
            {"name": "Tour quarter", "date_from": date(2032, 1, 1), "date_to": date(2032, 3, 31)}
        )
        self.env["municipal.bonus.review"].create(
            {
                "department_id": department.id,
                "period_id": period.id,
                "line_ids": [Command.create({"employee_id": servant.id})],
            }
        )
        self.start_tour("/odoo", "municipal_bonus_review_tour", login="mb_tour_head")

    def test_employee_reads_my_bonus(self):
        user = new_test_user(
            self.env, login="mb_tour_servant", password="mb_tour_servant", groups="base.group_user"
        )
        job = self.env["hr.job"].create(
            {
                "name": "Tour specialist 2",
                "position_group": "junior",
                "position_function": "specialist",
            }
        )
        department = self.env["hr.department"].create({"name": "Tour unit 2"})
        servant = self.env["hr.employee"].create(
            {
                "name": "Tour Employee",
                "job_id": job.id,
                "department_id": department.id,
                "user_id": user.id,
            }
        )
        period = self.env["municipal.bonus.period"].create(
            {"name": "Tour quarter 2", "date_from": date(2032, 4, 1), "date_to": date(2032, 6, 30)}
        )
        review = self.env["municipal.bonus.review"].create(
            {
                "department_id": department.id,
                "period_id": period.id,
                "line_ids": [Command.create({"employee_id": servant.id})],
            }
        )
        self.env["municipal.bonus.finding"].create(
            {
                "line_id": review.line_ids.id,
                "indicator_id": self.env.ref("municipal_bonus.indicator_5_1").id,
                "date": date(2032, 5, 5),
                "description": "Reprimand 5-k",
            }
        )
        review.action_submit()
        chief = new_test_user(
            self.env, login="mb_tour_chief", groups="municipal_bonus.group_bonus_approver"
        )
        review.with_user(chief).validate_tier()
        self.assertEqual(review.state, "approved")
        self.start_tour("/odoo", "municipal_bonus_my_bonus_tour", login="mb_tour_servant")

    def test_head_of_administration_approves(self):
        new_test_user(
            self.env,
            login="mb_tour_chief2",
            password="mb_tour_chief2",
            groups="municipal_bonus.group_bonus_approver",
        )
        job = self.env["hr.job"].create(
            {
                "name": "Tour specialist 3",
                "position_group": "junior",
                "position_function": "specialist",
            }
        )
        department = self.env["hr.department"].create({"name": "Tour unit 3"})
        servant = self.env["hr.employee"].create(
            {"name": "Tour Servant 3", "job_id": job.id, "department_id": department.id}
        )
        period = self.env["municipal.bonus.period"].create(
            {"name": "Tour quarter 3", "date_from": date(2032, 7, 1), "date_to": date(2032, 9, 30)}
        )
        review = self.env["municipal.bonus.review"].create(
            {
                "department_id": department.id,
                "period_id": period.id,
                "line_ids": [Command.create({"employee_id": servant.id})],
            }
        )
        review.action_submit()
        self.start_tour(
            "/odoo/action-municipal_bonus.municipal_bonus_review_action_to_approve",
            "municipal_bonus_approve_tour",
            login="mb_tour_chief2",
        )
        self.assertEqual(review.state, "approved")
