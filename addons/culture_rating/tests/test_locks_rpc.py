"""Decisions of the culture department cannot be forged over RPC (issue 11).

Every call goes over real HTTP (the web client's JSON-RPC with a session and XML-RPC with the
password) with ``HOSTILE_CONTEXT``: every context key that ever unlocked something
(``culture_scoring``, ``culture_unlock``...). A refused call changes nothing (the stored values
are compared with a snapshot); the head of the department's legitimate steps still work.
"""

import pathlib
import re

from odoo import Command
from odoo.tests import tagged

from odoo.addons.municipal_quality.tests.rpc_common import MunicipalRpcCase, RpcRefused

from .common import ALL_YES, CultureRatingCase

USER = "culture_rating.group_culture_user"
MANAGER = "culture_rating.group_culture_manager"
COUNCIL = "municipal_quality.group_public_council"


@tagged("post_install", "-at_install")
class TestCultureLocksOverRpc(MunicipalRpcCase, CultureRatingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.specialist = cls.rpc_user("cr_rpc_specialist", USER)
        cls.manager = cls.rpc_user("cr_rpc_manager", MANAGER)
        cls.member = cls.rpc_user("cr_rpc_member", COUNCIL)
        cls.head = cls.rpc_user("cr_rpc_head", "culture_rating.group_culture_institution_head")
        # a published campaign: A first (all satisfied), C last (nobody satisfied)
        cls.published = cls._campaign(cls.inst_a | cls.inst_b | cls.inst_c, year=2051)
        cls.first = cls.assessment_of(cls.published, cls.inst_a)
        cls.middle = cls.assessment_of(cls.published, cls.inst_b)
        cls.last = cls.assessment_of(cls.published, cls.inst_c)
        cls._answer(cls.first, [ALL_YES] * 4)
        cls._answer(cls.middle, [ALL_YES, dict.fromkeys(ALL_YES, False)])
        cls._answer(cls.last, [dict.fromkeys(ALL_YES, False)] * 3)
        cls.published.action_compute()
        cls.published.action_approve()
        cls.published.action_publish()
        # a computed campaign, waiting for the head of the department
        cls.computed = cls._campaign(cls.inst_a, year=2052)
        cls._answer(cls.computed.assessment_ids, [ALL_YES])
        cls.computed.action_compute()

    @classmethod
    def _answer(cls, assessment, people):
        for answers in people:
            CultureRatingCase.respond(cls, assessment, answers)

    # ------------------------------------------------------------------ helpers
    def assertDenied(self, user, model, method, args=(), kwargs=None, text=None):
        """Refused through both doors; the JSON-RPC door names the error."""
        messages = self.assertRefused(user, model, method, args, kwargs)
        if text:
            for message in messages:
                self.assertIn(text, message)
        return messages

    def assertReserved(self, user, record, method):
        """A button reserved to another group: AccessError through both doors."""
        with self.assertRaises(RpcRefused) as caught:
            self.call_json(user, record._name, method, [record.ids])
        self.assertEqual(caught.exception.name, "odoo.exceptions.AccessError", method)
        self.assertIn("reserved to", caught.exception.message)
        with self.assertRaises(RpcRefused):
            self.call_xmlrpc(user, record._name, method, [record.ids])

    def public_ranking(self, year):
        """Institution names in the order of the public page."""
        page = self.url_open(f"/culture/rating/{year}")
        self.assertEqual(page.status_code, 200)
        names = [inst.name for inst in (self.inst_a | self.inst_b | self.inst_c)]
        found = {name: page.text.find(name) for name in names if name in page.text}
        return [name for name, _pos in sorted(found.items(), key=lambda item: item[1])]

    def ranking_state(self):
        assessments = self.published.assessment_ids
        return (
            self.snapshot(self.published),
            self.snapshot(assessments),
            self.snapshot(assessments.line_ids),
        )

    # ------------------------------------------------------------------ the published ranking
    def test_nobody_rewrites_the_published_ranking(self):
        self.assertEqual((self.first.rank, self.middle.rank, self.last.rank), (1, 2, 3), "set-up")
        before = self.ranking_state()
        page_before = self.public_ranking(2051)
        self.assertEqual(page_before, [self.inst_a.name, self.inst_b.name, self.inst_c.name])
        xlsx_before = self.url_open("/culture/rating/2051/ranking.xlsx")
        self.assertEqual(xlsx_before.status_code, 200)
        last_line = self.last.line_ids[:1]
        for user in (self.specialist, self.manager):
            # last place to first: rank, total, the scores
            self.assertDenied(user, "culture.assessment", "write", [self.last.ids, {"rank": 1}])
            self.assertDenied(
                user, "culture.assessment", "write", [self.last.ids, {"total": 100.0}]
            )
            self.assertDenied(
                user,
                "culture.assessment",
                "write",
                [(self.first | self.last).ids, {"rank": 3, "total": 0.0}],
            )
            self.assertDenied(
                user, "culture.assessment.line", "write", [last_line.ids, {"value": 100.0}]
            )
            self.assertDenied(
                user,
                "culture.assessment.line",
                "create",
                [
                    {
                        "assessment_id": self.last.id,
                        "criterion_id": self.criterion["k1"].id,
                        "line_type": "criterion",
                        "value": 100.0,
                    }
                ],
            )
            # the evidence behind the scores is frozen too
            self.assertDenied(
                user,
                "culture.checklist.line",
                "write",
                [self.last.checklist_line_ids[:1].ids, {"state": "missing"}],
            )
            # the campaign: reopened through write, or its publication withdrawn
            for vals in (
                {"state": "computed"},
                {"state": "collecting"},
                {"is_published": False},
                {"input_fingerprint": "forged"},
                {"name": "Forged"},
                {"publication_note": "<p>forged</p>"},
            ):
                self.assertDenied(user, "culture.campaign", "write", [self.published.ids, vals])
            self.assertDenied(
                user, "culture.assessment", "write", [self.last.ids, {"published": False}]
            )
            self.assertDenied(user, "culture.campaign", "action_compute", [self.published.ids])
        self.assertReserved(self.specialist, self.published, "action_unpublish")
        self.assertEqual(self.ranking_state(), before, "nothing changed")
        self.assertEqual(self.public_ranking(2051), page_before)
        xlsx_after = self.url_open("/culture/rating/2051/ranking.xlsx")
        self.assertEqual(xlsx_after.status_code, 200)

    def test_scores_are_computed_not_typed_in_even_before_approval(self):
        assessment = self.computed.assessment_ids
        before = self.snapshot(assessment)
        messages = self.assertDenied(
            self.specialist, "culture.assessment", "write", [assessment.ids, {"total": 12.0}]
        )
        self.assertIn("computed, not typed in", messages[0])
        self.assertDenied(
            self.specialist, "culture.assessment", "write", [assessment.ids, {"rank": 7}]
        )
        self.assertDenied(
            self.manager,
            "culture.assessment",
            "create",
            [{"campaign_id": self.computed.id, "institution_id": self.inst_b.id, "rank": 1}],
        )
        self.assertDenied(
            self.specialist,
            "culture.assessment",
            "write",
            [assessment.ids, {"access_token": "known-token"}],
        )
        self.assertEqual(self.snapshot(assessment), before)
        # the specialist's legitimate step: the computation, through its button
        self.assertTrue(
            self.call_json(
                self.specialist, "culture.campaign", "action_compute", [self.computed.ids]
            )
        )

    # ------------------------------------------------------------------ campaign decisions
    def test_only_the_manager_approves_publishes_and_unpublishes(self):
        campaign = self.computed
        before = self.snapshot(campaign)
        self.assertReserved(self.specialist, campaign, "action_approve")
        for vals in (
            {"state": "approved"},
            {"state": "published", "is_published": True},
            {"approved_on": "2052-12-01"},
        ):
            self.assertDenied(self.specialist, "culture.campaign", "write", [campaign.ids, vals])
        self.assertDenied(
            self.specialist,
            "culture.campaign",
            "create",
            [{"name": "Forged", "year": 2060, "state": "published", "is_published": True}],
        )
        self.assertEqual(self.snapshot(campaign), before)
        self.assertFalse(self.env["culture.campaign"].search([("year", "=", 2060)]))

        self.call_json(self.manager, "culture.campaign", "action_approve", [campaign.ids])
        self.assertEqual(campaign.state, "approved")
        before = self.snapshot(campaign)
        self.assertReserved(self.specialist, campaign, "action_publish")
        self.assertReserved(self.specialist, campaign, "action_reset_to_computed")
        self.assertDenied(
            self.specialist, "culture.campaign", "write", [campaign.ids, {"state": "computed"}]
        )
        self.assertEqual(self.snapshot(campaign), before)

        self.call_json(self.manager, "culture.campaign", "action_publish", [campaign.ids])
        self.assertEqual((campaign.state, campaign.is_published), ("published", True))
        self.assertEqual(self.public_ranking(2052), [self.inst_a.name])
        before = self.snapshot(campaign)
        self.assertReserved(self.specialist, campaign, "action_unpublish")
        self.assertEqual(self.snapshot(campaign), before)

        # the same step over XML-RPC (the door of a script)
        self.assertTrue(
            self.call_xmlrpc(self.manager, "culture.campaign", "action_unpublish", [campaign.ids])
        )
        self.assertEqual((campaign.state, campaign.is_published), ("approved", False))
        self.assertEqual(self.url_open("/culture/rating/2052").status_code, 404)
        self.call_json(self.manager, "culture.campaign", "action_reset_to_computed", [campaign.ids])
        self.assertEqual(campaign.state, "computed")

    def test_council_and_heads_decide_nothing(self):
        for user in (self.member, self.head):
            for method in ("action_approve", "action_compute", "action_start"):
                self.assertDenied(user, "culture.campaign", method, [self.computed.ids])
            self.assertDenied(user, "culture.campaign", "action_unpublish", [self.published.ids])

    # ------------------------------------------------------------------ improvement plans
    def _plan(self):
        return self.env["culture.improvement.plan"].create(
            {
                "assessment_id": self.last.id,
                "measure_ids": [
                    Command.create({"name": "Ramp at the entrance", "date_deadline": "2052-06-01"})
                ],
            }
        )

    def test_only_the_manager_approves_a_plan(self):
        plan = self._plan()
        before = self.snapshot(plan)
        self.assertReserved(self.specialist, plan, "action_approve")
        self.assertDenied(
            self.specialist, "culture.improvement.plan", "write", [plan.ids, {"state": "approved"}]
        )
        self.assertDenied(
            self.specialist,
            "culture.improvement.plan",
            "write",
            [plan.ids, {"approval_date": "2052-01-10"}],
        )
        self.assertEqual(self.snapshot(plan), before)

        self.call_json(self.manager, "culture.improvement.plan", "action_approve", [plan.ids])
        self.assertEqual(plan.state, "approved")
        measure = plan.measure_ids
        before = self.snapshot(plan), self.snapshot(measure)
        self.assertDenied(
            self.specialist, "culture.improvement.plan", "write", [plan.ids, {"note": "<p>x</p>"}]
        )
        self.assertDenied(
            self.specialist,
            "culture.improvement.measure",
            "write",
            [measure.ids, {"name": "Nothing", "date_deadline": "2099-01-01"}],
        )
        self.assertDenied(
            self.specialist,
            "culture.improvement.measure",
            "create",
            [{"plan_id": plan.id, "name": "Added after approval"}],
        )
        self.assertDenied(self.specialist, "culture.improvement.measure", "unlink", [measure.ids])
        self.assertReserved(self.specialist, plan, "action_reset_to_draft")
        self.assertReserved(self.specialist, plan, "action_cancel")
        self.assertEqual((self.snapshot(plan), self.snapshot(measure)), before)
        # the progress of an approved plan is still reported
        self.call_json(
            self.specialist, "culture.improvement.measure", "action_start", [measure.ids]
        )
        self.assertEqual(measure.state, "in_progress")
        self.call_json(
            self.manager, "culture.improvement.plan", "action_reset_to_draft", [plan.ids]
        )
        self.assertEqual((plan.state, plan.approval_date), ("draft", False))

    # ------------------------------------------------------------------ council minutes
    def test_only_the_manager_approves_and_reopens_the_minutes(self):
        meeting = self.env["culture.council.meeting"].create(
            {"name": "Results 2051", "minutes": "<p>Seven members present.</p>"}
        )
        self.call_json(self.specialist, "culture.council.meeting", "action_held", [meeting.ids])
        self.assertEqual(meeting.state, "held")
        before = self.snapshot(meeting)
        self.assertReserved(self.specialist, meeting, "action_approve_minutes")
        self.assertDenied(
            self.specialist,
            "culture.council.meeting",
            "write",
            [meeting.ids, {"state": "approved"}],
        )
        self.assertEqual(self.snapshot(meeting), before)

        self.call_json(
            self.manager, "culture.council.meeting", "action_approve_minutes", [meeting.ids]
        )
        self.assertEqual(meeting.state, "approved")
        before = self.snapshot(meeting, ["state", "name", "date", "minutes", "decisions"])
        for user in (self.specialist, self.member):
            # reopen then rewrite: through write, in one call or two
            self.assertDenied(
                user, "culture.council.meeting", "write", [meeting.ids, {"state": "held"}]
            )
            self.assertDenied(
                user,
                "culture.council.meeting",
                "write",
                [meeting.ids, {"state": "held", "minutes": "<p>Nobody came.</p>"}],
            )
            self.assertDenied(
                user, "culture.council.meeting", "write", [meeting.ids, {"decisions": "<p>x</p>"}]
            )
            self.assertDenied(user, "culture.council.meeting", "unlink", [meeting.ids])
        self.assertReserved(self.specialist, meeting, "action_reopen_minutes")
        self.assertEqual(
            self.snapshot(meeting, ["state", "name", "date", "minutes", "decisions"]), before
        )
        # the head of the department reopens them; the correction is then possible
        self.call_json(
            self.manager, "culture.council.meeting", "action_reopen_minutes", [meeting.ids]
        )
        self.assertEqual(meeting.state, "held")
        self.call_json(
            self.specialist,
            "culture.council.meeting",
            "write",
            [meeting.ids, {"minutes": "<p>Eight members present.</p>"}],
        )
        self.assertIn("Eight", meeting.minutes)

    # ------------------------------------------------------------------ proposals
    def test_only_the_manager_decides_a_proposal(self):
        proposal = (
            self.env["culture.proposal"]
            .with_user(self.member)
            .create({"name": "Assess the park", "description": "The park has events too."})
            .sudo()
        )
        self.assertEqual(proposal.author_id, self.member)
        # the author of a proposal is not rewritten, nor forged at its creation
        self.assertDenied(
            self.specialist, "culture.proposal", "write", [proposal.ids, {"author_id": 1}]
        )
        self.assertDenied(
            self.specialist,
            "culture.proposal",
            "create",
            [{"name": "x", "description": "y", "author_id": self.member.id}],
        )
        self.call_json(
            self.specialist, "culture.proposal", "write", [proposal.ids, {"answer": "Next year."}]
        )
        before = self.snapshot(proposal)
        for method in ("action_accept", "action_reject"):
            self.assertReserved(self.specialist, proposal, method)
            self.assertDenied(self.member, "culture.proposal", method, [proposal.ids])
        for state in ("accepted", "rejected"):
            self.assertDenied(
                self.specialist, "culture.proposal", "write", [proposal.ids, {"state": state}]
            )
        self.assertDenied(
            self.member,
            "culture.proposal",
            "create",
            [{"name": "x", "description": "y", "state": "accepted"}],
        )
        self.assertEqual(self.snapshot(proposal), before)

        self.call_json(self.manager, "culture.proposal", "action_accept", [proposal.ids])
        self.assertEqual(proposal.state, "accepted")
        before = self.snapshot(proposal)
        self.assertDenied(
            self.specialist, "culture.proposal", "write", [proposal.ids, {"state": "rejected"}]
        )
        self.assertDenied(
            self.specialist, "culture.proposal", "write", [proposal.ids, {"answer": "Refused."}]
        )
        self.assertDenied(self.manager, "culture.proposal", "action_reject", [proposal.ids])
        self.assertEqual(self.snapshot(proposal), before)

    # ------------------------------------------------------------------ methodology
    def test_adopted_methodology_is_frozen_over_rpc(self):
        indicator = self.indicator["remote"]
        criterion = self.criterion["k1"]
        before = self.snapshot(indicator), self.snapshot(criterion), self.snapshot(self.method)
        for user in (self.specialist, self.manager):
            self.assertDenied(
                user, "culture.indicator", "write", [indicator.ids, {"points_per_unit": 100}]
            )
            self.assertDenied(
                user, "culture.criterion", "write", [criterion.ids, {"creative_applicable": True}]
            )
            self.assertDenied(
                user, "culture.method", "write", [self.method.ids, {"state": "draft"}]
            )
        self.assertReserved(self.specialist, self.method, "action_new_version")
        self.assertEqual(
            (self.snapshot(indicator), self.snapshot(criterion), self.snapshot(self.method)),
            before,
        )

    def test_no_unlocking_key_is_read(self):
        source_dir = pathlib.Path(__file__).resolve().parent.parent
        for path in source_dir.rglob("*.py"):
            if "/tests/" in str(path):
                continue
            text = path.read_text()
            self.assertFalse(
                re.search(r"culture_(scoring|unlock)", text), f"{path}: an unlocking key"
            )
