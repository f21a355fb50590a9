"""Plan item 3.1: the institutions disclose their information "постоянно" (continuously), so the
department checks it at any time of the year, not only in the yearly campaign: a check is a
record with its date, who made it, and its result item by item."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.municipal_quality.tests.rpc_common import MunicipalRpcCase

from .common import CultureRatingCase


@tagged("post_install", "-at_install")
class TestDisclosureCheckBetweenCampaigns(MunicipalRpcCase, CultureRatingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.specialist = cls.rpc_user("cr_dc_specialist", "culture_rating.group_culture_user")
        cls.member = cls.rpc_user("cr_dc_member", "municipal_quality.group_public_council")
        cls.other = cls.rpc_user("cr_dc_other", "culture_rating.group_culture_user")
        cls.items = cls.env["culture.checklist.item"].search([])

    def _check(self, published=8, on_stand=5, user=None):
        """A check of A, today, by ``user``: the first ``published`` items published."""
        Check = self.env["culture.disclosure.check"].with_user(user or self.specialist)
        check = Check.create({"institution_id": self.inst_a.id, "reason": "Жалоба жителя"})
        for index, line in enumerate(check.line_ids.sorted("item_sequence")):
            if index < published:
                line.write({"state": "published", "url": f"https://a.example.ru/sveden/{index}"})
            else:
                line.state = "missing"
            line.on_stand = index < on_stand
        return check

    def test_a_check_outside_any_campaign_is_dated_with_who_and_the_result(self):
        self.assertFalse(
            self.env["culture.campaign"].search(
                [("assessment_ids.institution_id", "=", self.inst_a.id)]
            ),
            "no campaign assesses this institution",
        )
        check = self._check()
        self.assertEqual(len(check.line_ids), 11, "the 11 items of plan item 3.1")
        self.assertEqual(check.line_ids.item_id, self.items)
        self.assertFalse(check.checked_by_id)
        check.with_user(self.specialist).action_done()
        self.assertEqual(check.state, "done")
        self.assertEqual(check.check_date, fields.Date.context_today(check))
        self.assertEqual(check.checked_by_id, self.specialist)
        self.assertTrue(check.done_on)
        # 8 of the 11 items published: 8 / 11 x 100 = 72.73
        self.assertEqual((check.published_count, check.required_count), (8, 11))
        self.assertEqual(check.rate, 72.73)
        self.assertEqual((check.stand_count, check.stand_required_count), (5, 11))
        self.assertEqual(check.missing_item_ids, self.items.sorted("sequence")[8:])
        self.assertEqual(self.inst_a.last_disclosure_check_date, check.check_date)
        self.assertEqual(self.inst_a.last_disclosure_rate, 72.73)
        # the norms at the date of the check stay: a later change does not rewrite it
        self.items.sorted("sequence")[-1].required_on_site = False
        self.assertEqual((check.published_count, check.required_count, check.rate), (8, 11, 72.73))
        # a second check later the same month, in its own record
        second = self._check(published=11, on_stand=11)
        second.with_user(self.specialist).action_done()
        self.assertEqual(len(self.inst_a.disclosure_check_ids), 2)

    def test_no_record_without_every_item_and_never_in_the_future(self):
        check = self._check()
        check.line_ids[0].state = "not_checked"
        with self.assertRaisesText(UserError, "is not checked"):
            check.with_user(self.specialist).action_done()
        with self.assertRaisesText(ValidationError, "in the future"):
            check.check_date = fields.Date.context_today(check) + timedelta(days=1)
        with self.assertRaisesText(ValidationError, "URL"):
            check.line_ids.sorted("item_sequence")[-1].state = "published"

    def test_who_checked_is_the_server_s_word_and_a_recorded_check_is_frozen(self):
        with self.assertRaises(UserError):
            self.env["culture.disclosure.check"].with_user(self.specialist).create(
                {"institution_id": self.inst_a.id, "checked_by_id": self.other.id}
            )
        check = self._check()
        before = self.snapshot(check)
        self.assertRefused(
            self.specialist,
            "culture.disclosure.check",
            "write",
            [check.ids, {"checked_by_id": self.other.id}],
        )
        self.assertRefused(
            self.specialist,
            "culture.disclosure.check",
            "create",
            [{"institution_id": self.inst_a.id, "state": "done"}],
        )
        self.assertEqual(self.snapshot(check), before)
        self.call_json(self.specialist, "culture.disclosure.check", "action_done", [check.ids])
        self.assertEqual(check.checked_by_id, self.specialist)
        before = (self.snapshot(check), self.snapshot(check.line_ids))
        line = check.line_ids.sorted("item_sequence")[-1]
        for model, records, vals in (
            ("culture.disclosure.check", check, {"check_date": "2020-01-01"}),
            ("culture.disclosure.check", check, {"state": "draft"}),
            (
                "culture.disclosure.check.line",
                line,
                {"state": "published", "url": "https://a.example.ru/x"},
            ),
        ):
            self.assertRefused(self.specialist, model, "write", [records.ids, vals])
        self.assertRefused(
            self.specialist,
            "culture.disclosure.check",
            "write",
            [check.ids, {"line_ids": [(2, line.id)]}],
        )
        self.assertEqual((self.snapshot(check), self.snapshot(check.line_ids)), before)

    def test_the_council_reads_recorded_checks_only(self):
        draft = self._check()
        recorded = self._check()
        recorded.with_user(self.specialist).action_done()
        rows = self.call_json(
            self.member,
            "culture.disclosure.check",
            "search_read",
            [[("institution_id", "=", self.inst_a.id)]],
            {"fields": ["check_date", "rate"]},
        )
        self.assertEqual([row["id"] for row in rows], recorded.ids)
        self.assertNotIn(draft.id, [row["id"] for row in rows])
        self.assertRefused(self.member, "culture.disclosure.check", "action_done", [draft.ids])
