"""Plan item 1.1: "организация открытого конкурса на выявление лучшего учреждения в сфере
культуры". The announcement (rules, criteria with points, deadline, public page), the
applications of the institutions with their materials, the jury scoring each criterion, the
independent rating as one criterion, the results and the winner approved and published."""

import base64
from datetime import timedelta
from unittest.mock import patch

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import BaseCase, tagged

from odoo.addons.municipal_quality.tests.rpc_common import MunicipalRpcCase, RpcRefused

from ..models import deadlines, scoring
from .common import ALL_YES, CultureRatingCase

JURY = "culture_rating.group_culture_contest_jury"


class TestContestRules(BaseCase):
    def test_points(self):
        # the rating as a criterion of 30 points: 72.73 / 100 x 30 = 21.819 -> 21.82
        self.assertEqual(scoring.contest_rating_points(72.73, 30), 21.82)
        self.assertEqual(scoring.contest_rating_points(None, 30), 0.0, "not rated: 0")
        self.assertEqual(scoring.contest_jury_points([20, 25], 30), 22.5)
        self.assertEqual(scoring.contest_jury_points([40, 39, 39], 40), 39.33)
        with self.assertRaises(ValueError):
            scoring.contest_jury_points([31], 30)
        self.assertEqual(scoring.contest_total([22.5, 32.5, 30.0]), 85.0)

    def test_applications_until_the_deadline_included(self):
        deadline = fields.Date.to_date("2025-04-30")
        self.assertTrue(deadlines.contest_open(deadline, deadline))
        self.assertFalse(deadlines.contest_open(deadline, deadline + timedelta(days=1)))
        self.assertFalse(deadlines.contest_open(None, deadline))


def today_is(day):
    return patch.object(fields.Date, "context_today", return_value=day)


@tagged("post_install", "-at_install")
class TestOpenContest(MunicipalRpcCase, CultureRatingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.specialist = cls.rpc_user("cr_ct_specialist", "culture_rating.group_culture_user")
        cls.manager = cls.rpc_user("cr_ct_manager", "culture_rating.group_culture_manager")
        cls.head_a = cls.rpc_user("cr_ct_head_a", "culture_rating.group_culture_institution_head")
        cls.juror_1 = cls.rpc_user("cr_ct_juror_1", JURY)
        cls.juror_2 = cls.rpc_user("cr_ct_juror_2", JURY)
        # a specialist of the department, in the jury group, but not on this jury
        cls.outsider = cls.rpc_user("cr_ct_juror_3", f"{JURY},culture_rating.group_culture_user")
        cls.inst_a.head_user_id = cls.head_a
        # the published independent rating: A 100 points (everything), B 0 (nothing)
        cls.rating = cls._campaign(cls.inst_a | cls.inst_b, year=2048)
        cls.a = cls.assessment_of(cls.rating, cls.inst_a)
        cls.b = cls.assessment_of(cls.rating, cls.inst_b)
        CultureRatingCase.respond(cls, cls.a, ALL_YES)
        CultureRatingCase.check_items(cls, cls.a, published=11, on_stand=11)
        CultureRatingCase.expert(cls, cls.a, remote=4, comfort=5, premises=5, equal_access=5)
        cls.rating.action_compute()
        cls.rating.action_approve()
        cls.rating.action_publish()
        cls.deadline = fields.Date.today() + timedelta(days=10)
        cls.contest = cls.env["culture.contest"].create(
            {
                "name": "Лучшее учреждение культуры 2048",
                "year": 2048,
                "application_deadline": cls.deadline,
                "rating_campaign_id": cls.rating.id,
                "rules": "<p>Заявку подаёт руководитель учреждения с материалами.</p>",
                "jury_ids": [Command.set([cls.juror_1.id, cls.juror_2.id])],
                "criterion_ids": [
                    Command.create({"sequence": 1, "name": "Инновации", "max_points": 30}),
                    Command.create(
                        {"sequence": 2, "name": "Работа с посетителями", "max_points": 40}
                    ),
                    Command.create(
                        {
                            "sequence": 3,
                            "name": "Независимая оценка",
                            "max_points": 30,
                            "source": "rating",
                        }
                    ),
                ],
            }
        )
        cls.innovation, cls.audience, cls.by_rating = cls.contest.criterion_ids.sorted("sequence")

    def apply(self, institution, user):
        Application = self.env["culture.contest.application"].with_user(user)
        application = Application.create(
            {
                "contest_id": self.contest.id,
                "institution_id": institution.id,
                "description": "Проекты года, клубные формирования, работа с детьми.",
            }
        )
        attachment = (
            self.env["ir.attachment"]
            .with_user(user)
            .create(
                {
                    "name": "Отчёт.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4 report"),
                    "res_model": application._name,
                    "res_id": application.id,
                }
            )
        )
        application.attachment_ids = [Command.link(attachment.id)]
        return application

    def score(self, juror, application, criterion, points):
        return (
            self.env["culture.contest.score"]
            .with_user(juror)
            .create(
                {"application_id": application.id, "criterion_id": criterion.id, "points": points}
            )
        )

    def test_the_contest_from_its_announcement_to_its_winner(self):
        # the head of the department announces; a specialist may not
        with self.assertRaises(RpcRefused) as caught:
            self.call_json(
                self.specialist, "culture.contest", "action_announce", [self.contest.ids]
            )
        self.assertIn("reserved to", caught.exception.message)
        self.assertEqual(self.url_open(f"/culture/contest/{self.contest.id}").status_code, 404)
        self.call_json(self.manager, "culture.contest", "action_announce", [self.contest.ids])
        self.assertEqual(self.contest.state, "announced")
        page = self.url_open(f"/culture/contest/{self.contest.id}")
        self.assertEqual(page.status_code, 200)
        for text in (
            "Заявку подаёт руководитель",
            "Инновации",
            "Работа с посетителями",
            "Независимая оценка",
            "100.00",
            "Applications until",
        ):
            self.assertIn(text, page.text)
        self.assertNotIn("Winner of the open contest", page.text)
        # the announcement is frozen
        with self.assertRaises(UserError):
            self.innovation.max_points = 50

        # A applies through its head, with its materials; B through the department
        with self.assertRaises(AccessError):
            self.apply(self.inst_b, self.head_a)
        app_a = self.apply(self.inst_a, self.head_a)
        app_a.with_user(self.head_a).action_submit()
        self.assertEqual((app_a.state, app_a.submitted_by_id), ("submitted", self.head_a))
        app_b = self.apply(self.inst_b, self.specialist)
        with today_is(self.deadline):  # the last day is in
            app_b.with_user(self.specialist).action_submit()
        app_c = self.apply(self.inst_c, self.specialist)
        with (
            today_is(self.deadline + timedelta(days=1)),
            self.assertRaisesText(UserError, "were taken until"),
        ):
            app_c.with_user(self.specialist).action_submit()

        # the jury starts the day after the deadline, not before
        with today_is(self.deadline), self.assertRaisesText(UserError, "starts after that day"):
            self.contest.with_user(self.specialist).action_start_judging()
        with today_is(self.deadline + timedelta(days=1)):
            self.contest.with_user(self.specialist).action_start_judging()
        self.assertEqual(self.contest.state, "judging")

        # each juror scores each jury criterion, in his own name, within the points
        with self.assertRaises(AccessError):
            self.score(self.outsider, app_a, self.innovation, 10)
        with self.assertRaises(AccessError):
            self.env["culture.contest.score"].with_user(self.juror_1).create(
                {
                    "application_id": app_a.id,
                    "criterion_id": self.innovation.id,
                    "points": 30,
                    "juror_id": self.juror_2.id,
                }
            )
        with self.assertRaises(ValidationError):
            self.score(self.juror_1, app_a, self.innovation, 31)
        with self.assertRaises(ValidationError):
            self.score(self.juror_1, app_a, self.by_rating, 30)
        with self.assertRaises(UserError):
            self.score(self.juror_1, app_c, self.innovation, 10)  # not submitted
        first = self.score(self.juror_1, app_a, self.innovation, 20)
        self.score(self.juror_2, app_a, self.innovation, 25)
        self.score(self.juror_1, app_a, self.audience, 30)
        self.score(self.juror_2, app_a, self.audience, 35)
        self.score(self.juror_1, app_b, self.innovation, 30)
        self.score(self.juror_2, app_b, self.innovation, 30)
        self.score(self.juror_1, app_b, self.audience, 40)
        # a juror does not rewrite a colleague's score, even over RPC
        self.assertRefused(
            self.juror_2, "culture.contest.score", "write", [first.ids, {"points": 0}]
        )
        self.assertEqual(first.points, 20)
        with self.assertRaisesText(UserError, "has not scored"):
            self.contest.with_user(self.manager).action_approve()
        self.score(self.juror_2, app_b, self.audience, 39)

        self.contest.with_user(self.manager).action_approve()
        # A: (20 + 25) / 2 + (30 + 35) / 2 + 100 / 100 x 30 = 22.5 + 32.5 + 30 = 85
        # B: (30 + 30) / 2 + (40 + 39) / 2 + 0 = 30 + 39.5 = 69.5 (without the rating B wins)
        self.assertEqual((self.a.total, self.b.total), (100.0, 0.0))
        self.assertEqual((app_a.rating_points, app_a.total, app_a.rank), (30.0, 85.0, 1))
        self.assertEqual((app_b.rating_points, app_b.total, app_b.rank), (0.0, 69.5, 2))
        self.assertEqual(self.contest.winner_ids, self.inst_a)
        self.assertFalse(app_c.rank, "a draft application is not ranked")
        with self.assertRaises(UserError):
            first.with_user(self.juror_1).points = 30  # approved: frozen
        page = self.url_open(f"/culture/contest/{self.contest.id}").text
        self.assertNotIn("Winner of the open contest", page, "approved, not yet published")

        self.contest.with_user(self.manager).action_publish()
        page = self.url_open(f"/culture/contest/{self.contest.id}").text
        self.assertIn("Winner of the open contest: <strong>T Library A</strong>", page)
        self.assertIn("85.00", page)
        self.assertIn("69.50", page)
        self.assertNotIn("T Club C", page)
        # the independent rating's first place stays "first in the rating"
        rating_page = self.url_open("/culture/rating/2048").text
        self.assertIn("First in the independent rating", rating_page)
        self.assertNotIn("Winner", rating_page)

    def test_an_application_needs_its_materials_and_the_contest_open(self):
        with self.assertRaisesText(UserError, "does not take applications"):
            self.apply(self.inst_a, self.head_a)  # draft contest
        self.contest.action_announce()
        application = (
            self.env["culture.contest.application"]
            .with_user(self.head_a)
            .create(
                {
                    "contest_id": self.contest.id,
                    "institution_id": self.inst_a.id,
                    "description": "Без материалов",
                }
            )
        )
        with self.assertRaisesText(UserError, "attach its materials"):
            application.action_submit()
        self.assertRefused(
            self.head_a,
            "culture.contest.application",
            "write",
            [application.ids, {"state": "submitted", "total": 100}],
        )
        self.assertRefused(
            self.juror_1,
            "culture.contest.application",
            "write",
            [application.ids, {"description": "x"}],
        )
