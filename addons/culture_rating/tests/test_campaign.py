from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CultureRatingCase


def respondents_a():
    """Ten respondents whose counts are those of the hand computation in the test."""
    people = []
    for i in range(10):
        people.append(
            {
                "use_stand": i < 4,
                "info_stand": i < 3,  # 3 satisfied of 4 asked
                "use_site": i < 5,
                "info_site": i < 4,  # 4 of 5
                "comfort": i < 8,  # 8 of 10
                "disabled": i < 2,
                "access_disabled": i < 1,  # 1 of 2
                "staff_first": i < 9,  # 9 of 10
                "staff_service": True,  # 10 of 10
                "use_remote": i < 4,
                "staff_remote": i < 3,  # 3 of 4
                "recommend": i < 7,  # 7 of 10
                "org_conditions": i < 6,  # 6 of 10
                "overall": i < 8,  # 8 of 10
            }
        )
    return people


@tagged("post_install", "-at_install")
class TestCampaignComputation(CultureRatingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._campaign(cls.inst_a | cls.inst_b | cls.inst_c)
        cls.a = cls.assessment_of(cls.campaign, cls.inst_a)
        cls.b = cls.assessment_of(cls.campaign, cls.inst_b)
        cls.c = cls.assessment_of(cls.campaign, cls.inst_c)

    def _fill(self):
        for person in respondents_a():
            self.respond(self.a, person)
        # an unfinished answer and a typed-in one of another institution never count for A
        self.respond(self.a, dict.fromkeys(respondents_a()[0], False), state="in_progress")
        self.check_items(self.a, published=9, on_stand=7)
        self.expert(self.a, remote=3, comfort=4, premises=2, equal_access=6)
        # B: no response at all
        self.check_items(self.b, published=11, on_stand=11)
        self.expert(self.b, remote=1, comfort=5, premises=5, equal_access=0)
        # C: checklist never checked, no expert value, two fully satisfied respondents
        for _i in range(2):
            self.respond(self.c, dict(self._all_yes()), channel="paper")

    @staticmethod
    def _all_yes():
        from .common import ALL_YES

        return ALL_YES

    def test_k1_has_a_norm_for_the_stands_and_one_for_the_website(self):
        # the department requires 7 of the 11 items on the stands (3.1.8-3.1.11 on the site only)
        items = self.env["culture.checklist.item"].search([])
        self.assertEqual(len(items), 11)
        items.filtered(lambda i: i.sequence >= 80).required_on_stand = False
        self.assertEqual(self.campaign._disclosure_norms(), (7, 11))
        self._fill()
        # B shows all 11 on its stands: the 4 not required there do not count
        self.campaign.action_compute()
        s = self.scores(self.a)
        # A: 7 of the 7 stand items, 9 of the 11 site items: 0.5 x (7/7 + 9/11) x 100 = 90.91
        # (one norm of 11 for both would give 72.73)
        self.assertEqual(s["1.1"], 90.91)
        info = self.a.indicator_line_ids.filtered(lambda x: x.indicator_id.code == "1.1")
        self.assertEqual((info.numerator, info.denominator), (16, 18))
        self.assertEqual(s["K1"], 85.27)  # 0.3 x 90.91 + 0.3 x 90 + 0.4 x 77.5 = 85.273
        self.assertEqual(self.scores(self.b)["1.1"], 100.0)
        # a change of the norms changes the inputs: the approval asks for a new computation
        items[-1].required_on_site = False
        self.assertNotEqual(self.campaign._inputs_fingerprint(), self.campaign.input_fingerprint)

    def test_every_criterion_against_hand_computation(self):
        self._fill()
        self.campaign.action_compute()
        s = self.scores(self.a)
        # K1: info 0.5 x (7/11 + 9/11) x 100 = 72.73; remote 3 x 30 = 90;
        #     satisfied with information 0.5 x (3/4 + 4/5) x 100 = 77.5
        self.assertEqual((s["1.1"], s["1.2"], s["1.3"]), (72.73, 90.0, 77.5))
        self.assertEqual(s["K1"], 79.82)  # 0.3 x 72.73 + 0.3 x 90 + 0.4 x 77.5 = 79.819
        # K2: 4 conditions x 20 = 80; comfort 8 / 10 = 80
        self.assertEqual((s["2.1"], s["2.3"], s["K2"]), (80.0, 80.0, 80.0))
        # K3: 2 x 20 = 40; 6 x 20 capped at 100; 1 of 2 disabled respondents = 50
        self.assertEqual((s["3.1"], s["3.2"], s["3.3"]), (40.0, 100.0, 50.0))
        self.assertEqual(s["K3"], 67.0)  # 12 + 40 + 15
        # K4: 90, 100, 75 -> 0.4 x 90 + 0.4 x 100 + 0.2 x 75 = 91
        self.assertEqual((s["4.1"], s["4.2"], s["4.3"], s["K4"]), (90.0, 100.0, 75.0, 91.0))
        # K5: 70, 60, 80 -> 0.3 x 70 + 0.2 x 60 + 0.5 x 80 = 73
        self.assertEqual((s["5.1"], s["5.2"], s["5.3"], s["K5"]), (70.0, 60.0, 80.0, 73.0))
        # S = (79.82 + 80 + 67 + 91 + 73) / 5 = 78.164
        self.assertEqual(self.a.total, 78.16)
        self.assertEqual(self.a.response_count, 10, "the unfinished answer does not count")
        info_sat = self.a.indicator_line_ids.filtered(lambda x: x.indicator_id.code == "1.3")
        self.assertEqual((info_sat.numerator, info_sat.denominator), (7, 9))

    def test_institution_without_responses(self):
        self._fill()
        self.campaign.action_compute()
        s = self.scores(self.b)
        self.assertTrue(self.b.no_responses)
        self.assertEqual(self.b.response_count, 0)
        for code in ("1.3", "2.3", "3.3", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3"):
            self.assertEqual(s[code], 0.0, code)
        # K1 = 0.3 x 100 + 0.3 x 30 = 39; K2 = 0.5 x 100 = 50; K3 = 0.3 x 100 + 0.4 x 0 = 30
        self.assertEqual((s["K1"], s["K2"], s["K3"], s["K4"], s["K5"]), (39.0, 50.0, 30.0, 0, 0))
        self.assertEqual(self.b.total, 23.8)  # 119 / 5

    def test_institution_with_missing_checklist(self):
        self._fill()
        self.campaign.action_compute()
        s = self.scores(self.c)
        self.assertTrue(self.c.checklist_missing)
        self.assertFalse(self.a.checklist_missing)
        self.assertEqual(s["1.1"], 0.0)
        no_data = self.c.indicator_line_ids.filtered(lambda x: x.indicator_id.code == "1.1")
        self.assertTrue(no_data.no_data)
        # K1 = 0.4 x 100 = 40; K2 = 50; K3 = 30; K4 = K5 = 100 -> (40+50+30+100+100) / 5 = 64
        self.assertEqual((s["K1"], s["K2"], s["K3"], s["K4"], s["K5"]), (40, 50, 30, 100, 100))
        self.assertEqual(self.c.total, 64.0)

    def test_ranking_with_ties(self):
        inst_d = self.env["culture.institution"].create({"name": "T Club D"})
        campaign = self._campaign(self.inst_a | self.inst_b | self.inst_c | inst_d, year=2032)
        a, b, c, d = (
            self.assessment_of(campaign, i) for i in (self.inst_a, self.inst_b, self.inst_c, inst_d)
        )
        self.respond(a, self._all_yes())
        self.check_items(a, published=11, on_stand=11)
        self.expert(a, remote=4, comfort=5, premises=5, equal_access=5)
        for assessment in (c, d):  # same data: same total
            self.respond(assessment, self._all_yes())
        campaign.action_compute()
        self.assertEqual(a.total, 100.0)
        self.assertEqual(c.total, d.total)
        self.assertEqual([a.rank, c.rank, d.rank, b.rank], [1, 2, 2, 4])
        self.assertEqual(campaign.best_assessment_ids, a)

    def test_creative_institution_scored_on_openness_and_accessibility(self):
        self.inst_c.creative = True
        self._fill()
        self.campaign.action_compute()
        self.assertEqual(set(self.c.criterion_line_ids.criterion_id.mapped("code")), {"K1", "K3"})
        self.assertEqual(self.c.total, 35.0)  # (40 + 30) / 2

    def test_recompute_is_reproducible(self):
        self._fill()
        self.campaign.action_compute()
        before = {line.id: line.value for line in self.campaign.assessment_ids.line_ids}
        totals = {a.id: (a.total, a.rank) for a in self.campaign.assessment_ids}
        fingerprint = self.campaign.input_fingerprint
        self.assertFalse(self.campaign._compute_results(), "no change: nothing recomputed")
        self.assertTrue(self.campaign._compute_results(force=True))
        after = {line.id: line.value for line in self.campaign.assessment_ids.line_ids}
        self.assertEqual(before, after, "same lines, same numbers")
        self.assertEqual(totals, {a.id: (a.total, a.rank) for a in self.campaign.assessment_ids})
        self.assertEqual(self.campaign.input_fingerprint, fingerprint)
        # a new answer changes the inputs: the next computation takes it into account
        self.respond(self.b, self._all_yes())
        self.assertTrue(self.campaign._compute_results())
        self.assertEqual(self.b.response_count, 1)
        self.assertFalse(self.b.no_responses)

    def test_approval_locks_results(self):
        self._fill()
        self.campaign.action_compute()
        self.campaign.action_approve()
        with self.assertRaisesText(UserError, "can no longer be changed"):
            self.a.checklist_line_ids[0].write({"state": "missing"})
        with self.assertRaisesText(UserError, "can no longer be changed"):
            self.a.expert_value_ids[0].value = 1
        with self.assertRaisesText(UserError, "Results are computed"):
            self.campaign.action_compute()
        with self.assertRaisesText(UserError, "computed, not typed in"):
            self.a.total = 99
        with self.assertRaisesText(UserError, "is Approved"):
            self.campaign.name = "Renamed"
        self.a.head_conclusion = "meets"  # the evaluation of the head is still possible

    def test_approval_refused_when_data_changed(self):
        self._fill()
        self.campaign.action_compute()
        self.respond(self.b, self._all_yes())
        with self.assertRaisesText(UserError, "compute again"):
            self.campaign.action_approve()

    def test_workflow_errors(self):
        with self.assertRaisesText(UserError, "already started"):
            self.campaign.action_start()
        with self.assertRaisesText(UserError, "Compute the results"):
            self.campaign.action_approve()
        with self.assertRaisesText(UserError, "approved results"):
            self.campaign.action_publish()
        empty = self._campaign(self.env["culture.institution"], year=2040, start=False)
        with self.assertRaisesText(UserError, "Add the institutions"):
            empty.action_start()
        with self.assertRaisesText(ValidationError, "not plausible"):
            empty.year = 1900
        with self.assertRaisesText(UserError, "draft campaign"):
            self.campaign.unlink()
        with self.assertRaisesText(UserError, "cannot leave"):
            self.a.unlink()

    def test_add_all_institutions(self):
        campaign = self._campaign(self.inst_a, year=2041, start=False)
        campaign.action_add_all_institutions()
        self.assertIn(self.inst_b, campaign.assessment_ids.institution_id)
        self.assertEqual(len(campaign.assessment_ids.institution_id), len(campaign.assessment_ids))
        self.assertEqual(self.assessment_of(campaign, self.inst_a).head_name, "Head A")

    def test_expert_value_checks(self):
        with self.assertRaisesText(ValidationError, "whole number"):
            self.expert(self.a, remote=2.5)
        with self.assertRaisesText(ValidationError, "not an indicator of expert value"):
            self.expert(self.a, info=3)

    def test_copy_prepares_next_year(self):
        copy = self.campaign.copy()
        self.assertEqual(copy.year, 2032)
        self.assertEqual(copy.state, "draft")
        self.assertEqual(
            copy.assessment_ids.institution_id, self.campaign.assessment_ids.institution_id
        )
        self.assertFalse(copy.assessment_ids.line_ids)
