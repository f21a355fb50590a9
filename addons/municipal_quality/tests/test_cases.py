"""Issue 16: quality cases, the closed loop from a negative voice to the measure taken."""

from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from ..models import cases
from .quality_common import QualitySurveyCase


@tagged("post_install", "-at_install")
class TestQualityCases(HttpCase, QualitySurveyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey.write(
            {
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": "What should we improve?",
                            "question_type": "text_box",
                            "sequence": 99,
                        }
                    )
                ]
            }
        )
        cls.q_text = cls.survey.question_ids.filtered(lambda q: q.question_type == "text_box")
        cls.head_user = new_test_user(cls.env, login="mq_case_head", groups="base.group_user")
        cls.centre.manager_id = cls.env["hr.employee"].create(
            {"name": "Head of the centre", "user_id": cls.head_user.id}
        )
        cls.above_user = new_test_user(cls.env, login="mq_case_above", groups="base.group_user")
        cls.head_office = cls.env["municipal.office"].create(
            {"name": "Administration", "code": "T-ADM"}
        )
        cls.head_office.manager_id = cls.env["hr.employee"].create(
            {"name": "Head above", "user_id": cls.above_user.id}
        )
        cls.centre.parent_id = cls.head_office
        cls.stranger = new_test_user(cls.env, login="mq_case_stranger", groups="base.group_user")
        cls.Case = cls.env["municipal.quality.case"]

    def _answer(self, courtesy, text):
        response = self._respond(
            {self.q_courtesy: courtesy, self.q_competence: "positive"},
            state="in_progress",
            office_id=self.centre.id,
        )
        if text:
            self.env["survey.user_input.line"].create(
                {
                    "user_input_id": response.id,
                    "question_id": self.q_text.id,
                    "answer_type": "text_box",
                    "value_text_box": text,
                }
            )
        response._mark_done()
        return self.Case.search([("user_input_id", "=", response.id)])

    def test_deadline_arithmetic(self):
        self.assertEqual(cases.deadline(date(2026, 12, 31), 2), date(2027, 1, 2))
        self.assertFalse(cases.is_overdue(date(2027, 1, 2), date(2027, 1, 2)))
        self.assertTrue(cases.is_overdue(date(2027, 1, 2), date(2027, 1, 3)))
        self.assertFalse(cases.is_overdue(date(2027, 1, 2), date(2027, 1, 3), closed=True))

    def test_an_unsatisfied_answer_that_says_why_opens_a_case_for_the_head(self):
        case = self._answer("negative", "Nobody explained which documents I need.")
        self.assertEqual(len(case), 1)
        self.assertEqual(case.source, "questionnaire")
        self.assertEqual(case.description, "Nobody explained which documents I need.")
        self.assertEqual(case.owner_id, self.head_user)
        self.assertEqual(case.deadline, case.opened_on + timedelta(days=2))
        self.assertTrue(case.name.startswith("CASE/"))
        self.assertEqual(case.activity_ids.user_id, self.head_user)
        # satisfied with a comment, or unsatisfied without one: no case
        self.assertFalse(self._answer("positive", "All good, thanks."))
        self.assertFalse(self._answer("negative", ""))

    def test_closing_needs_the_cause_and_the_measure(self):
        case = self._answer("negative", "The queue took an hour.").with_user(self.head_user)
        case.action_start()
        with self.assertRaisesRegex(UserError, "Choose the root cause"):
            case.action_close()
        case.cause = "queue"
        with self.assertRaisesRegex(UserError, "Write the measure"):
            case.action_close()
        case.measure = "A second window opens on Monday mornings."
        case.action_close()
        self.assertEqual(case.state, "closed")
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            case.measure = "Rewritten"

    def test_a_case_caused_by_the_regulation_becomes_a_finding(self):
        regulation = self._regulation(act_number="1-p", act_date=date(2024, 1, 1))
        case = self.Case.create(
            {
                "description": "Asked for a paper the regulation does not require.",
                "office_id": self.centre.id,
                "service_id": self.service.id,
                "cause": "regulation",
                "regulation_id": regulation.id,
                "clause": "2.6.1",
                "measure": "Staff briefed on the list of documents of 2.6.1.",
            }
        )
        with self.assertRaisesRegex(UserError, "start the monitoring of the period"):
            case.action_close()
        monitoring = self.env["municipal.monitoring"].create(
            {
                "name": "Monitoring of the year",
                "date_from": case.opened_on.replace(month=1, day=1),
                "date_to": case.opened_on.replace(month=12, day=31),
                "service_ids": [Command.set(self.service.ids)],
            }
        )
        monitoring.action_start()
        case.action_close()
        self.assertEqual(case.finding_id.monitoring_id, monitoring)
        self.assertEqual(
            (case.finding_id.regulation_id, case.finding_id.clause), (regulation, "2.6.1")
        )

    def test_nobody_else_acts_and_nobody_forges(self):
        case = self._answer("negative", "Rude.")
        with self.assertRaises(AccessError):
            case.with_user(self.stranger).action_start()
        for vals in ({"state": "closed"}, {"deadline": "2099-01-01"}, {"source": "manual"}):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "through the buttons"):
                case.with_user(self.head_user).write(vals)

    def test_overdue_cases_go_to_the_head_above(self):
        case = self._answer("negative", "Still waiting for an answer.")
        case._lock_write({"deadline": fields.Date.today() - timedelta(days=1)})
        escalated = self.Case._cron_escalate_overdue()
        self.assertIn(case, escalated)
        self.assertTrue(case.escalated)
        self.assertIn(self.above_user, case.activity_ids.user_id)
        self.assertNotIn(case, self.Case._cron_escalate_overdue())

    def test_you_said_we_did_shows_the_measures_without_words_or_names(self):
        case = self._answer("negative", "Secret words of the citizen.")
        case.write({"cause": "premises", "measure": "Chairs added in the waiting room."})
        case.action_close()
        self.authenticate(None, None)
        page = self.url_open(f"/quality/we-did/{self.centre.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Chairs added in the waiting room.", page.text)
        self.assertNotIn("Secret words of the citizen.", page.text)
        self.assertNotIn("Head of the centre", page.text)
        self.assertEqual(self.url_open("/quality/we-did/999999999").status_code, 404)
