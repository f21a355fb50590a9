from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import ALL_YES, CultureRatingCase

LONG_NAMES = (
    "МКУК «Межпоселенческая центральная библиотека Тестового муниципального района»",
    "МБУ ДО «Тестовская детская школа искусств имени Героя Советского Союза»",
    "Учреждение культуры «Многофункциональный культурно-досуговый центр Тестовска»",
)


@tagged("post_install", "-at_install")
class TestPublicPagesOnScreens(CultureRatingCase, HttpCase):
    """The public ranking and the council's pages in Chromium: on a phone (390x844) no word
    is cut letter by letter and nothing is wider than the screen; on a wide screen (1400 px)
    the names of the ranking are not truncated and the scores do not overlap."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        institutions = cls.env["culture.institution"].create(
            [{"name": name, "institution_type": "library"} for name in LONG_NAMES]
        )
        cls.campaign = cls._campaign(institutions, year=2046)
        cls.member = new_test_user(
            cls.env,
            login="cr_screen_member",
            groups="municipal_quality.group_public_council",
        )

    def _publish(self):
        for index, assessment in enumerate(self.campaign.assessment_ids):
            for _respondent in range(index + 1):
                self.respond(assessment, ALL_YES)
            self.respond(assessment, {**ALL_YES, "comfort": False, "overall": False})
        self.campaign.action_compute()
        self.campaign.action_approve()
        self.campaign.action_publish()
        assessment = self.campaign.assessment_ids.sorted("rank")[-1]
        self.plan = self.env["culture.improvement.plan"].create(
            {
                "assessment_id": assessment.id,
                "measure_ids": [
                    Command.create(
                        {
                            "name": "Оборудовать пандус и кнопку вызова персонала у входа",
                            "responsible_name": "Заместитель директора по административно-"
                            "хозяйственной работе",
                            "date_deadline": "2047-06-30",
                        }
                    )
                ],
            }
        )
        self.plan.action_approve()
        self.work_plan = self.env["culture.council.work.plan"].create(
            {
                "name": "План работы общественного совета по независимой оценке качества 2046",
                "year": 2046,
                "item_ids": [
                    Command.create(
                        {
                            "name": "Предложения по показателям оценки, периодичности и способам "
                            "получения информации (онлайн-голосование, телефон доверия)",
                            "responsible_name": "Заместитель председателя общественного совета",
                            "date_deadline": "2046-02-01",
                        }
                    )
                ],
            }
        )
        self.work_plan.action_approve()

    def test_public_ranking_on_a_phone(self):
        self._publish()
        self.browser_size = "390x844"
        self.start_tour("/culture/rating/2046", "culture_rating_public_phone_tour")
        page = self.url_open("/culture/rating/2046").text
        self.assertIn("Оборудовать пандус", page, "the approved plan is published (item 1.2)")

    def test_council_pages_on_a_phone(self):
        self._publish()
        self.browser_size = "390x844"
        for path in (
            "/my/culture",
            f"/my/culture/campaign/{self.campaign.id}",
            f"/my/culture/plan/{self.plan.id}",
            f"/my/culture/workplan/{self.work_plan.id}",
        ):
            self.start_tour(path, "culture_rating_council_phone_tour", login="cr_screen_member")

    def test_council_ranking_on_a_wide_screen(self):
        self._publish()
        self.browser_size = "1400x900"
        self.start_tour(
            f"/my/culture/campaign/{self.campaign.id}",
            "culture_rating_council_wide_tour",
            login="cr_screen_member",
        )
