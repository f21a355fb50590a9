import re
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged


class PublicLinksCase(HttpCase):
    """An office, a servant and a citizen questionnaire of two scaled questions and a free text."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.office = cls.env["municipal.office"].create({"name": "Tour office", "code": "TOUR"})
        cls.servant = cls.env["hr.employee"].create({"name": "Tour servant"})
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "Tour questionnaire",
                "is_quality_survey": True,
                "access_mode": "public",
                "questions_layout": "one_page",
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": title,
                            "sequence": sequence,
                            "question_type": "simple_choice",
                            "quality_dimension": dimension,
                            "suggested_answer_ids": [
                                Command.create(
                                    {"value": "Fully satisfied", "satisfaction": "positive"}
                                ),
                                Command.create(
                                    {"value": "Not satisfied", "satisfaction": "negative"}
                                ),
                                Command.create({"value": "Hard to say", "satisfaction": "neutral"}),
                            ],
                        }
                    )
                    for sequence, (title, dimension) in enumerate(
                        (
                            ("Were the premises comfortable?", "comfort"),
                            ("Was the servant polite and competent?", "staff"),
                        ),
                        start=1,
                    )
                ],
            }
        )
        cls.why = cls.env["survey.question"].create(
            {
                "survey_id": cls.survey.id,
                "sequence": 9,
                "title": "What should we improve?",
                "question_type": "text_box",
            }
        )
        cls.env.company.quality_survey_id = cls.survey

    def _path(self, record, kind=None):
        return record._quality_link_path(kind)

    def _responses(self):
        return self.env["survey.user_input"].search([("survey_id", "=", self.survey.id)])

    def _voices(self, **domain):
        return self.env["municipal.quality.voice"].search(
            [(name, "=", value) for name, value in domain.items()]
        )

    def _start(self, path, expect=303):
        """Open the link's page as a browser does, then press its Start button (a POST with
        the page's CSRF token)."""
        page = self.url_open(path)
        self.assertEqual(page.status_code, 200, path)
        match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        self.assertTrue(match, "the page has the start form")
        response = self.url_open(path, data={"csrf_token": match.group(1)}, allow_redirects=False)
        self.assertEqual(response.status_code, expect, response.text[:300])
        return response

    def _finish(self, answer):
        answer.sudo()._mark_done()

    def assertInvalid(self, path, text="This questionnaire link is not valid"):
        before = self.env["survey.user_input"].search_count([])
        response = self.url_open(path, allow_redirects=False)
        self.assertEqual(response.status_code, 404, path)
        self.assertIn(text, response.text)
        self.assertNotIn("Traceback", response.text)
        self.assertEqual(self.env["survey.user_input"].search_count([]), before, "nothing stored")
        return response


@tagged("post_install", "-at_install")
class TestPublicLinksHttp(PublicLinksCase):
    def test_the_page_of_a_link_stores_nothing(self):
        for _visit in range(3):  # previews, crawlers, a citizen who looks and leaves
            page = self.url_open(self._path(self.office), allow_redirects=False)
            self.assertEqual(page.status_code, 200)
        self.assertIn("The questionnaire is anonymous", page.text)
        self.assertIn("Tour office", page.text)
        self.assertIn(f"<title>{self.survey.title}", page.text.replace("\n", ""))
        self.assertFalse(self._responses())
        self.assertFalse(self._voices())

    def test_office_link_creates_a_tagged_anonymous_response(self):
        response = self._start(self._path(self.office))
        answer = self._responses()
        self.assertEqual(len(answer), 1)
        self.assertEqual((answer.office_id, answer.quality_link_kind), (self.office, "office"))
        self.assertEqual(answer.state, "in_progress")
        self.assertFalse(answer.employee_id)
        self.assertFalse(answer.partner_id, "anonymous")
        self.assertEqual(answer.create_uid, self.env.ref("base.public_user"))
        self.assertTrue(
            response.headers["Location"].endswith(
                f"/survey/{self.survey.access_token}/{answer.access_token}"
            )
        )
        self.assertIn(f"msq_voice_office_{self.office.id}=", response.headers["Set-Cookie"])
        page = self.url_open(response.headers["Location"])
        self.assertEqual(page.status_code, 200)
        self.assertIn("Tour questionnaire", page.text)
        self.assertIn('name="viewport"', page.text)  # the page adapts to a phone
        voice = self._voices(answer_id=answer.id)
        self.assertEqual(len(voice), 1)
        self.assertFalse(voice.suppressed)
        self.assertNotIn("127.0.0.1", voice.address_hash or "", "never the address itself")
        self.assertEqual(len(voice.address_hash), 32)

    def test_logged_in_visitor_answers_as_nobody(self):
        user = new_test_user(
            self.env,
            login="mq_parent_phone",
            groups="base.group_portal",
            email="parent@example.org",
        )
        self.authenticate("mq_parent_phone", "mq_parent_phone")
        page = self.url_open(self._path(self.servant))
        self.assertIn("You are logged in on this device", page.text)
        response = self._start(self._path(self.servant))
        answer = self._responses()
        self.assertEqual(answer.employee_id, self.servant)
        self.assertFalse(answer.partner_id)
        self.assertFalse(answer.email)
        self.assertFalse(answer.nickname)
        self.assertNotEqual(answer.create_uid, user)
        # the survey pages accept the anonymous response of a logged-in visitor
        survey_page = self.url_open(response.headers["Location"])
        self.assertEqual(survey_page.status_code, 200)
        self.assertIn("Were the premises comfortable", survey_page.text)

    def test_one_response_per_device_and_period(self):
        path = self._path(self.office)
        first_start = self._start(path)
        answer = self._responses()
        # the same device comes back before finishing: the same response goes on
        resumed = self._start(path)
        self.assertEqual(resumed.headers["Location"], first_start.headers["Location"])
        self.assertEqual(len(self._responses()), 1)
        self._finish(answer)
        # finished: the page and its button refuse a second response, and count it
        page = self.url_open(path)
        self.assertEqual(page.status_code, 429)
        self.assertIn("already answered this questionnaire recently", page.text)
        response = self.url_open(path, data={"csrf_token": self._csrf()}, allow_redirects=False)
        self.assertEqual(response.status_code, 429)
        self.assertEqual(len(self._responses()), 1)
        # the cookie is per link: the servant's link is still open to this device
        self._start(self._path(self.servant))
        self.assertEqual(len(self._responses()), 2)

    def test_a_suppressed_duplicate_is_counted(self):
        path = self._path(self.office)
        self._start(path)
        self._finish(self._responses())
        page = self.url_open(path)
        self.assertIsNone(re.search(r'name="csrf_token"', page.text), "no form to answer again")
        Voice = self.env["municipal.quality.voice"]
        # the same device replaying the form (a script) is refused, and counted
        response = self.url_open(path, data={"csrf_token": self._csrf()}, allow_redirects=False)
        self.assertEqual(response.status_code, 429)
        suppressed = Voice.search([("suppressed", "=", "device")])
        self.assertEqual(len(suppressed), 1)
        self.assertFalse(suppressed.answer_id)
        self.assertEqual(len(self._responses()), 1)
        self.assertEqual(Voice.search_count([("link_kind", "=", "office")]), 2)

    def _csrf(self):
        page = self.url_open(self._path(self.servant))
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def test_responses_per_address_are_limited(self):
        self.env.company.quality_voice_address_limit = 2
        path = self._path(self.office)
        for _citizen in range(2):
            self.opener.cookies.clear()  # another phone behind the same address
            self._start(path)
            self._finish(self._responses().sorted("id")[-1])
        self.opener.cookies.clear()
        response = self._start(path, expect=429)
        self.assertIn(
            "Too many answers to this questionnaire came from the same network", response.text
        )
        self.assertEqual(len(self._responses()), 2)
        self.assertEqual(len(self._voices(suppressed="address")), 1)
        # the servant's link has its own count
        self.opener.cookies.clear()
        self._start(self._path(self.servant))
        # past the period the address hashes are erased; the counts stay
        Voice = self.env["municipal.quality.voice"]
        Voice.search([]).write({"visit_date": fields.Datetime.now() - timedelta(hours=25)})
        Voice._gc_address_hashes()
        self.assertFalse(Voice.search([("address_hash", "!=", False)]))
        self.assertEqual(Voice.search_count([]), 4)

    def test_kiosk_link_one_fresh_response_per_citizen(self):
        self.env.company.quality_voice_address_limit = 1
        path = self._path(self.office, "kiosk")
        for _citizen in range(3):
            response = self._start(path)
            self.assertNotIn("Set-Cookie", response.headers)
            self._finish(self._responses().sorted("id")[-1])
        answers = self._responses()
        self.assertEqual(len(answers), 3)
        self.assertEqual(set(answers.mapped("quality_link_kind")), {"kiosk"})
        self.assertEqual(answers.office_id, self.office)
        self.assertFalse(self._voices(suppressed="address"))
        self.assertFalse(self._voices(link_kind="kiosk").filtered("address_hash"))
        # the office link's signature does not open the kiosk
        signature = self._path(self.office).rsplit("/", 1)[1]
        self.assertInvalid(f"/quality/survey/kiosk/{self.office.id}/{signature}")

    def test_no_review_no_retake_no_unlinked_start(self):
        self._start(self._path(self.office))
        answer = self._responses()
        self._finish(answer)
        token, answer_token = self.survey.access_token, answer.access_token
        review = self.url_open(f"/survey/print/{token}?answer_token={answer_token}&review=True")
        self.assertEqual(review.status_code, 404)
        self.assertNotIn("Were the premises comfortable", review.text)
        retry = self.url_open(f"/survey/retry/{token}/{answer_token}", allow_redirects=False)
        self.assertEqual(retry.status_code, 404)
        before = self.env["survey.user_input"].search_count([])
        start = self.url_open(f"/survey/start/{token}", allow_redirects=False)
        self.assertEqual(start.status_code, 404, "a response must count for an office")
        self.assertEqual(self.env["survey.user_input"].search_count([]), before)

    def _submit(self, answer, post):
        return self.make_jsonrpc_request(
            f"/survey/submit/{self.survey.access_token}/{answer.access_token}", post
        )

    def test_answers_are_checked_against_their_question(self):
        self._start(self._path(self.office))
        answer = self._responses()
        comfort, staff = self.survey.question_ids.filtered("quality_dimension").sorted("sequence")
        other_survey = self.survey.copy()
        for value in (
            str(staff.suggested_answer_ids[0].id),  # the answer of another question
            str(other_survey.question_ids[0].suggested_answer_ids[0].id),  # of another survey
            "999999999",
            "'; DROP TABLE survey_user_input; --",
        ):
            _correct, result = self._submit(answer, {str(comfort.id): value})
            self.assertEqual(result.get("error"), "validation", value)
            self.assertEqual(
                result["fields"][str(comfort.id)], "This answer does not belong to this question."
            )
        stored = answer.user_input_line_ids
        self.assertFalse(stored.filtered(lambda line: line.question_id == comfort), value)
        self.assertTrue(all(stored.mapped("skipped")), "only the unanswered questions, skipped")
        _correct, result = self._submit(
            answer,
            {
                str(comfort.id): str(comfort.suggested_answer_ids[0].id),
                str(staff.id): str(staff.suggested_answer_ids[0].id),
                str(self.why.id): "x" * 2001,
            },
        )
        self.assertEqual(result.get("error"), "validation")
        self.assertIn("under 2000 characters", result["fields"][str(self.why.id)])
        _correct, result = self._submit(
            answer,
            {
                str(comfort.id): str(comfort.suggested_answer_ids[0].id),
                str(staff.id): str(staff.suggested_answer_ids[0].id),
                str(self.why.id): "The queue was long",
            },
        )
        self.assertNotIn("error", result)
        answer.invalidate_recordset()
        self.assertEqual(answer.state, "done")
        self.assertEqual(len(answer.user_input_line_ids), 3)

    def test_unknown_record(self):
        path = self._path(self.office)
        kind, _res_id, signature = path.rsplit("/", 3)[1:]
        self.assertInvalid(f"/quality/survey/{kind}/999999999/{signature}")
        self.office.unlink()
        self.assertInvalid(path)

    def test_a_kind_whose_addon_is_not_installed(self):
        from unittest.mock import patch

        from ..models import municipal_quality_link_mixin

        kinds = dict(municipal_quality_link_mixin.LINK_KINDS, ghost=("ghost.institution", "x"))
        with patch.dict(municipal_quality_link_mixin.LINK_KINDS, kinds):
            self.assertInvalid("/quality/survey/ghost/1/abcdef")

    def test_archived_record(self):
        path = self._path(self.office)
        self.office.active = False
        self.assertInvalid(path)
        servant_path = self._path(self.servant)
        self.servant.active = False
        self.assertInvalid(servant_path)
        category = self.env["municipal.service.category"].create({"name": "Tour direction"})
        service = self.env["municipal.service"].create(
            {"code": "TOUR-S", "name": "Tour service", "category_id": category.id}
        )
        service_path = self._path(service)
        self._start(service_path)
        self.assertEqual(self._responses().service_id, service)
        service.active = False
        self.assertInvalid(service_path)

    def test_tampered_links(self):
        other = self.env["municipal.office"].create({"name": "Other office"})
        signature = self._path(self.office).rsplit("/", 1)[1]
        self.assertInvalid(f"/quality/survey/office/{other.id}/{signature}")
        self.assertInvalid(f"/quality/survey/service/{self.office.id}/{signature}")
        self.assertInvalid(f"/quality/survey/mayor/{self.office.id}/{signature}")
        self.assertInvalid(f"/quality/survey/office/{self.office.id}/forged")

    def test_closed_questionnaire(self):
        self.env["survey.survey"].search([("is_quality_survey", "=", True)]).active = False
        self.assertInvalid(self._path(self.office), text="The questionnaire is closed")

    def test_citizen_answers_through_the_office_link(self):
        self.browser_size = "390x844"
        self.start_tour(self._path(self.office), "municipal_quality_citizen_survey_tour")
        answer = self._responses()
        self.assertEqual(len(answer), 1)
        self.assertEqual(answer.state, "done")
        self.assertEqual(answer.office_id, self.office)
        today = fields.Date.today()
        result = self.env["survey.survey"].quality_indicator(today, today, office=self.office)
        self.assertEqual(result["respondents"], 1)
        self.assertEqual(result["satisfied"], 1)
        self.assertEqual(result["rate"], 100.0)
        comfort = self.env["survey.survey"].quality_indicator(
            today, today, "comfort", office=self.office
        )
        self.assertEqual((comfort["respondents"], comfort["satisfied"]), (1, 0))

    # ------------------------------------------------------------------ in the browser, on a phone
    def test_logged_in_parent_answers_anonymously_on_a_phone(self):
        self.browser_size = "390x844"
        new_test_user(self.env, login="mq_tour_parent", groups="base.group_portal")
        self.start_tour(
            self._path(self.servant),
            "municipal_quality_logged_in_anonymous_tour",
            login="mq_tour_parent",
        )
        answer = self._responses()
        self.assertEqual((len(answer), answer.state), (1, "done"))
        self.assertEqual(answer.employee_id, self.servant)
        self.assertFalse(answer.partner_id or answer.email or answer.nickname)
        lines = answer.user_input_line_ids
        self.assertEqual(set(lines.create_uid.mapped("login")), {"public"})
        why = lines.filtered(lambda line: line.question_id == self.why)
        self.assertEqual(why.value_text_box, "The queue at the entrance was long")

    def test_second_answer_from_the_same_browser_is_refused(self):
        self.browser_size = "390x844"
        self.start_tour(self._path(self.office), "municipal_quality_second_answer_tour")
        self.assertEqual(len(self._responses()), 1)
        self.assertEqual(len(self._voices(suppressed="device")), 0, "a look is not an attempt")

    def test_two_citizens_in_a_row_on_the_office_tablet(self):
        self.env.company.quality_kiosk_reset_seconds = 1
        self.start_tour(self._path(self.office, "kiosk"), "municipal_quality_kiosk_tour")
        answers = self._responses()
        self.assertEqual(len(answers), 2)
        self.assertEqual(answers.mapped("state"), ["done", "done"])
        self.assertEqual(answers.office_id, self.office)
        for answer in answers:
            given = answer.user_input_line_ids.filtered(lambda line: not line.skipped)
            self.assertEqual(len(given), 2, "each citizen's own answers")
