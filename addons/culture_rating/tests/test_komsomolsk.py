from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.municipal_quality.models.res_lang import FRONTEND_LANG_COOKIE

from ..models import periodicity
from .common import ALL_YES, CultureRatingCase

# what the public page must never call the first place of the independent rating
CONTEST_WORDS = {
    "en_US": ("winner", "contest"),
    "ru_RU": ("победител", "конкурс"),
    "uk_UA": ("переможц", "переможе", "конкурс"),
}
FIRST_IN_RATING = {
    "en_US": "First in the independent rating of the year",
    "ru_RU": "Первое место в независимом рейтинге года",
    "uk_UA": "Перше місце в незалежному рейтингу року",
}


@tagged("post_install", "-at_install")
class TestKomsomolskPlanOnThePublicSite(CultureRatingCase, HttpCase):
    """Plan of Komsomolsk: 1.1 (the open contest is a measure of its own: the first place of the
    rating is not its winner) and 1.2 (the plan of measures implementing the proposals is
    published on the public site with the results)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        modules = cls.env["ir.module.module"].search(
            [("name", "in", ("base", "municipal_quality", "culture_rating"))]
        )
        for code in ("ru_RU", "uk_UA"):
            if not cls.env["res.lang"]._lang_get(code):
                cls.env["res.lang"]._activate_lang(code)
                modules._update_translations(code)
        cls.campaign = cls._campaign(cls.inst_a | cls.inst_b, year=2054)
        cls.a = cls.assessment_of(cls.campaign, cls.inst_a)
        cls.b = cls.assessment_of(cls.campaign, cls.inst_b)
        cls.respond(cls, cls.a, ALL_YES)
        cls.respond(cls, cls.b, {**ALL_YES, "comfort": False, "overall": False})
        cls.campaign.action_compute()
        cls.plan = cls.env["culture.improvement.plan"].create(
            {
                "assessment_id": cls.b.id,
                "measure_ids": [
                    Command.create(
                        {
                            "name": "Новые скамейки в фойе",
                            "responsible_name": "Заместитель директора",
                            "date_deadline": "2055-03-31",
                        }
                    )
                ],
            }
        )
        cls.draft_plan = cls.env["culture.improvement.plan"].create(
            {
                "assessment_id": cls.a.id,
                "measure_ids": [Command.create({"name": "Черновое мероприятие"})],
            }
        )
        cls.plan.action_approve()
        cls.campaign.action_approve()
        cls.campaign.action_publish()

    def _page(self, lang):
        self.opener.cookies.set(FRONTEND_LANG_COOKIE, lang)
        page = self.url_open("/culture/rating/2054")
        self.assertEqual(page.status_code, 200)
        return page.text

    def test_first_place_is_first_in_the_rating_not_the_contest_winner(self):
        self.assertEqual(self.campaign.best_assessment_ids, self.a)
        for lang, sentence in FIRST_IN_RATING.items():
            text = self._page(lang)
            self.assertIn(sentence, text, lang)
            self.assertNotIn("<title>Odoo", text.replace("\n", ""), "a title naming the page")
            self.assertIn("T Library A", text)
            lowered = text.lower()
            for word in CONTEST_WORDS[lang]:
                self.assertNotIn(word, lowered, f"{lang}: the page says {word!r}")

    def test_the_name_of_a_plan_is_in_the_readers_language(self):
        """A stored name kept the language of whoever created the plan ("Improvement plan")."""
        for lang, name in (
            ("ru_RU", "План улучшения 2054: T Museum B"),
            ("uk_UA", "План покращення 2054: T Museum B"),
            ("en_US", "Improvement plan 2054: T Museum B"),
        ):
            self.assertEqual(self.plan.with_context(lang=lang).name, name)
        found = self.env["culture.improvement.plan"].name_search("T Museum B")
        self.assertIn(self.plan.id, [plan_id for plan_id, _name in found])

    def test_the_plan_of_measures_is_published_with_the_results(self):
        text = self._page("ru_RU")
        self.assertIn("План мероприятий по реализации предложений", text)
        self.assertIn("Новые скамейки в фойе", text)
        self.assertIn("Заместитель директора", text)
        self.assertIn("31.03.2055", text)
        self.assertNotIn("Черновое мероприятие", text, "a draft plan is not published")
        # the plan leaves the public site with the results
        self.campaign.action_unpublish()
        self.assertFalse(self.campaign._published_plans())
        self.assertEqual(self.url_open("/culture/rating/2054").status_code, 404)


@tagged("post_install", "-at_install")
class TestAssessedEveryThreeYears(CultureRatingCase):
    """The method: at least once every three years; an institution left unassessed for three
    years is flagged."""

    def test_the_rule(self):
        self.assertEqual(periodicity.PERIOD_YEARS, 3)
        self.assertFalse(periodicity.assessment_overdue(2031, 2031))
        self.assertFalse(periodicity.assessment_overdue(2031, 2033))
        self.assertTrue(periodicity.assessment_overdue(2031, 2034))
        self.assertTrue(periodicity.assessment_overdue(2031, 2040))
        self.assertTrue(periodicity.assessment_overdue(None, 2031), "never assessed")

    def test_institutions_flagged(self):
        self._campaign(self.inst_a, year=2031)
        self._campaign(self.inst_b, year=2032, start=False)  # a draft assesses nobody
        Institution = self.env["culture.institution"]
        ours = self.inst_a | self.inst_b | self.inst_c
        for today, overdue in (
            ("2033-12-31", self.inst_b | self.inst_c),
            ("2034-01-01", ours),
        ):
            with freeze_time(today):
                ours.invalidate_recordset(["assessment_overdue", "last_assessed_year"])
                self.assertEqual(ours.filtered("assessment_overdue"), overdue, today)
                self.assertEqual(self.inst_a.last_assessed_year, 2031)
                self.assertEqual(self.inst_b.last_assessed_year, 0)
                found = Institution.search(
                    [("assessment_overdue", "=", True), ("id", "in", ours.ids)]
                )
                self.assertEqual(found, overdue, today)
                fine = Institution.search(
                    [("assessment_overdue", "=", False), ("id", "in", ours.ids)]
                )
                self.assertEqual(fine, ours - overdue, today)
