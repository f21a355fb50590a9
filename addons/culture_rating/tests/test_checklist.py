from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import CultureRatingCase


@tagged("post_install", "-at_install")
class TestDisclosureChecklist(CultureRatingCase):
    def test_the_11_items_of_plan_item_3_1(self):
        items = self.env["culture.checklist.item"].search([])
        self.assertEqual(len(items), 11)
        self.assertEqual(items[0].code, "3.1.1")
        self.assertEqual(items[-1].code, "3.1.11")
        self.assertIn("Charter", items[1].name)
        self.assertIn("Complaints", items[-1].name)

    def test_lines_created_when_campaign_starts(self):
        campaign = self._campaign(self.inst_a | self.inst_b, year=2036, start=False)
        self.assertFalse(campaign.assessment_ids.checklist_line_ids)
        campaign.action_start()
        for assessment in campaign.assessment_ids:
            self.assertEqual(len(assessment.checklist_line_ids), 11)
            self.assertEqual(set(assessment.checklist_line_ids.mapped("state")), {"not_checked"})
        late = self.env["culture.institution"].create({"name": "T Late"})
        added = self.env["culture.assessment"].create(
            {"campaign_id": campaign.id, "institution_id": late.id}
        )
        self.assertEqual(len(added.checklist_line_ids), 11, "a late institution gets its list")

    def test_status_url_and_date(self):
        campaign = self._campaign(self.inst_a, year=2037)
        line = campaign.assessment_ids.checklist_line_ids[0]
        with self.assertRaisesText(ValidationError, "Give the URL"):
            line.write({"state": "published"})
        with self.assertRaisesText(ValidationError, "http"):
            line.write({"state": "published", "url": "ftp://x"})
        line.write({"state": "published", "url": "https://lib.example.ru/sveden"})
        self.assertTrue(line.check_date, "the check date defaults to today")
        self.assertEqual(line.checked_by_id, self.env.user)
        assessment = campaign.assessment_ids
        self.assertEqual(assessment.checklist_published_count, 1)
        self.assertAlmostEqual(assessment.checklist_rate, 9.09, places=2)

    def test_checklist_feeds_openness(self):
        campaign = self._campaign(self.inst_a, year=2038)
        assessment = campaign.assessment_ids
        self.check_items(assessment, published=5, on_stand=0)
        campaign.action_compute()
        # 0.5 x (0/11 + 5/11) x 100 = 22.727 -> 22.73
        self.assertEqual(self.scores(assessment)["1.1"], 22.73)
        self.check_items(assessment, published=11, on_stand=11)
        campaign.action_compute()
        self.assertEqual(self.scores(assessment)["1.1"], 100.0)
        # incomplete items are checked but do not count as published
        self.check_items(assessment, published=0, on_stand=0, state_others="incomplete")
        campaign.action_compute()
        self.assertEqual(self.scores(assessment)["1.1"], 0.0)
        self.assertFalse(assessment.checklist_missing, "checked, found incomplete")
