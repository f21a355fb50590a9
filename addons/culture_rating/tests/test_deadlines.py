"""The method's deadlines: the public council's month after the operator's report, the
department's month to pass the results on to the institutions (last day in, day after out)."""

from datetime import date, timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import BaseCase, tagged

from ..models import deadlines
from .common import CultureRatingCase


class TestDeadlineRules(BaseCase):
    def test_a_month_is_the_same_date_of_the_next_month(self):
        self.assertEqual(deadlines.council_deadline(date(2025, 3, 15)), date(2025, 4, 15))
        self.assertEqual(deadlines.council_deadline(date(2025, 12, 10)), date(2026, 1, 10))
        self.assertEqual(deadlines.authority_deadline(date(2025, 4, 30)), date(2025, 5, 30))

    def test_without_that_date_the_last_day_of_the_month(self):
        self.assertEqual(deadlines.council_deadline(date(2025, 1, 31)), date(2025, 2, 28))
        self.assertEqual(deadlines.council_deadline(date(2024, 1, 31)), date(2024, 2, 29))
        self.assertEqual(deadlines.authority_deadline(date(2025, 3, 31)), date(2025, 4, 30))

    def test_no_event_no_deadline(self):
        self.assertIsNone(deadlines.council_deadline(None))
        self.assertIsNone(deadlines.authority_deadline(False))
        self.assertFalse(deadlines.is_late(None, None, date(2099, 1, 1)))

    def test_last_day_in_day_after_out(self):
        deadline = date(2025, 4, 15)
        # done
        self.assertFalse(deadlines.is_late(deadline, date(2025, 4, 15), date(2025, 6, 1)))
        self.assertTrue(deadlines.is_late(deadline, date(2025, 4, 16), date(2025, 6, 1)))
        # not done yet
        self.assertFalse(deadlines.is_late(deadline, None, date(2025, 4, 15)))
        self.assertTrue(deadlines.is_late(deadline, None, date(2025, 4, 16)))


@tagged("post_install", "-at_install")
class TestCampaignDeadlines(CultureRatingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._campaign(cls.inst_a, year=2044)

    def late_ids(self, flag):
        return self.env["culture.campaign"].search([(flag, "=", True), ("year", "=", 2044)])

    def activity(self, xmlid):
        activity_type = self.env.ref(f"culture_rating.{xmlid}")
        return self.campaign.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)

    def test_the_council_month_and_the_department_month(self):
        today = fields.Date.context_today(self.campaign)
        campaign = self.campaign
        # report received 40 days ago: the council's month has passed without its results
        report = today - timedelta(days=40)
        campaign.operator_report_date = report
        self.assertEqual(campaign.council_deadline, deadlines.add_months(report, 1))
        self.assertTrue(campaign.council_late)
        self.assertEqual(self.late_ids("council_late"), campaign)
        todo = self.activity("mail_activity_type_council_results")
        self.assertEqual(todo.date_deadline, campaign.council_deadline)
        self.assertEqual(todo.user_id, campaign.user_id)

        # the last day of the council's month: still in time, the day after: late
        campaign.council_results_date = campaign.council_deadline
        self.assertFalse(campaign.council_late)
        self.assertFalse(self.late_ids("council_late"))
        self.assertFalse(self.activity("mail_activity_type_council_results"), "done")
        campaign.council_results_date = campaign.council_deadline + timedelta(days=1)
        self.assertTrue(campaign.council_late)
        self.assertEqual(self.late_ids("council_late"), campaign)

        # the department's month runs from the council's results
        self.assertEqual(
            campaign.authority_deadline, deadlines.add_months(campaign.council_results_date, 1)
        )
        todo = self.activity("mail_activity_type_results_passing")
        self.assertEqual(todo.date_deadline, campaign.authority_deadline)
        with patch.object(fields.Date, "context_today", return_value=campaign.authority_deadline):
            self.assertFalse(campaign._search_authority_late("=", True)[0][2])
        with patch.object(
            fields.Date,
            "context_today",
            return_value=campaign.authority_deadline + timedelta(days=1),
        ):
            self.assertEqual(campaign._search_authority_late("=", True)[0][2], campaign.ids)
            campaign.invalidate_recordset(["authority_late"])
            self.assertTrue(campaign.authority_late)

    def test_the_steps_come_in_order_and_not_in_the_future(self):
        today = fields.Date.context_today(self.campaign)
        with self.assertRaisesText(ValidationError, "in the future"):
            self.campaign.operator_report_date = today + timedelta(days=1)
        with self.assertRaisesText(ValidationError, "come in order"):
            self.campaign.council_results_date = today
        self.campaign.operator_report_date = today - timedelta(days=5)
        with self.assertRaisesText(ValidationError, "come in order"):
            self.campaign.council_results_date = today - timedelta(days=6)
