from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CultureRatingCase


@tagged("post_install", "-at_install")
class TestMethodology(CultureRatingCase):
    def test_default_method_is_the_federal_one(self):
        self.assertEqual(self.method.state, "adopted")
        self.assertEqual(self.method.criterion_ids.mapped("code"), ["K1", "K2", "K3", "K4", "K5"])
        weights = {c.code: c.indicator_ids.mapped("weight") for c in self.method.criterion_ids}
        self.assertEqual(
            weights,
            {
                "K1": [0.3, 0.3, 0.4],
                "K2": [0.5, 0.5],
                "K3": [0.3, 0.4, 0.3],
                "K4": [0.4, 0.4, 0.2],
                "K5": [0.3, 0.2, 0.5],
            },
        )
        self.assertEqual(self.indicator["remote"].points_per_unit, 30)
        self.assertEqual(self.indicator["comfort"].points_per_unit, 20)
        self.assertEqual(self.indicator["info"].source, "checklist")
        self.assertEqual(len(self.method.indicator_ids), 14)
        questions = set(self.questions)
        for indicator in self.method.indicator_ids.filtered(lambda i: i.source == "questionnaire"):
            self.assertIn(indicator.question_code, questions)

    def test_adopted_method_is_locked(self):
        with self.assertRaisesText(UserError, "new version"):
            self.indicator["remote"].weight = 0.5
        with self.assertRaisesText(UserError, "cannot be deleted"):
            self.criterion["k1"].unlink()
        with self.assertRaisesText(UserError, "can no longer be changed"):
            self.criterion["k1"].creative_applicable = not self.criterion["k1"].creative_applicable
        self.indicator["remote"].description = "Help text may still be improved"

    def test_version_pinning(self):
        campaign = self._campaign(self.inst_a, year=2033)
        self.check_items(self.assessment_of(campaign, self.inst_a), published=11, on_stand=11)
        action = self.method.action_new_version()
        v2 = self.env["culture.method"].browse(action["res_id"])
        self.assertEqual((v2.state, v2.version, v2.previous_id), ("draft", 2, self.method))
        self.assertEqual(len(v2.indicator_ids), 14)
        # the department re-weights K1 in the new version: openness of information counts more
        k1 = v2.criterion_ids.filtered(lambda c: c.code == "K1")
        by_code = {i.code: i for i in k1.indicator_ids}
        by_code["1.1"].weight = 0.6
        with self.assertRaisesText(ValidationError, "add up to 1"):
            v2.action_adopt()
        by_code["1.2"].weight = 0.2
        by_code["1.3"].weight = 0.2
        v2.action_adopt()
        self.assertEqual(self.method.state, "superseded")
        self.assertEqual(campaign.method_id, self.method, "the campaign keeps its version")
        with self.assertRaisesText(UserError, "pinned"):
            campaign.method_id = v2
        campaign.action_compute()
        a = self.assessment_of(campaign, self.inst_a)
        # v1 weights: K1 = 0.3 x 100 + 0.3 x 0 + 0.4 x 0 = 30
        self.assertEqual(self.scores(a)["K1"], 30.0)
        new_campaign = self.env["culture.campaign"].create({"name": "Next", "year": 2034})
        self.assertEqual(new_campaign.method_id, v2, "a new campaign takes the adopted version")

    def test_draft_method_refused_for_campaign(self):
        v2 = self.env["culture.method"].browse(self.method.action_new_version()["res_id"])
        with self.assertRaisesText(ValidationError, "adopted methodology"):
            self._campaign(self.inst_a, year=2035, start=False, method_id=v2.id)

    def test_indicator_formula_checks(self):
        v2 = self.env["culture.method"].browse(self.method.action_new_version()["res_id"])
        k2 = v2.criterion_ids.filtered(lambda c: c.code == "K2")
        with self.assertRaisesText(ValidationError, "does not fit the source"):
            self.env["culture.indicator"].create(
                {
                    "criterion_id": k2.id,
                    "code": "2.9",
                    "name": "X",
                    "weight": 0.1,
                    "source": "expert",
                    "formula": "share",
                }
            )
        with self.assertRaisesText(ValidationError, "code of its question"):
            self.env["culture.indicator"].create(
                {
                    "criterion_id": k2.id,
                    "code": "2.9",
                    "name": "X",
                    "weight": 0.1,
                    "source": "questionnaire",
                    "formula": "share",
                }
            )
