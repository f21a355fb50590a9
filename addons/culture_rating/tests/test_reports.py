import io
import re
import zipfile

from lxml import html as lxml_html

from odoo.tests import tagged

from .common import ALL_YES, CultureRatingCase

# words of the ranking, its layout and its data that must not stay in English on a Russian or
# Ukrainian document
ENGLISH_WORDS = (
    "Rank",
    "Institution",
    "Total",
    "Methodology",
    "Independent",
    "quality",
    "assessment",
    "culture",
    "organisations",
    "criterion",
    "criteria",
    "rating",
    "published",
    "Results",
    "draft",
    "Head",
    "Responsible",
    "Openness",
    "Comfort",
    "Accessibility",
    "Friendliness",
    "Satisfaction",
    "Page",
    "Type",
    "Responses",
    "Library",
    "Museum",
)
CYRILLIC_NAMES = ("Библиотека имени Пушкина", "Краеведческий музей")


def english_words(text):
    return sorted({word for word in ENGLISH_WORDS if re.search(rf"\b{word}\b", text)})


@tagged("post_install", "-at_install")
class TestReports(CultureRatingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._campaign(cls.inst_a | cls.inst_b, year=2050)

    def test_ranking_pdf_and_xlsx(self):
        self.respond(self.assessment_of(self.campaign, self.inst_a), ALL_YES)
        self.campaign.action_compute()
        self.env.company.partner_id.lang = "en_US"
        Report = self.env["ir.actions.report"]
        html, _type = Report._render_qweb_html(
            "culture_rating.action_report_culture_ranking", self.campaign.ids
        )
        html = html.decode()
        self.assertIn("T Library A", html)
        self.assertIn(f"{self.assessment_of(self.campaign, self.inst_a).total:.2f}", html)
        self.assertIn("not published", html)
        content, report_type = Report._render(
            "culture_rating.action_report_culture_ranking_xlsx", self.campaign.ids
        )
        self.assertEqual(report_type, "xlsx")
        self.assertEqual(content[:2], b"PK")

    def test_qr_poster(self):
        assessment = self.assessment_of(self.campaign, self.inst_a)
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "culture_rating.action_report_culture_poster", assessment.ids
        )
        html = html.decode()
        self.assertIn("T Library A", html)
        self.assertIn(assessment._quality_link_path(), html)
        self.assertEqual(html.count("<html"), 1, "one page, not a page in a page")
        action = assessment.action_print_quality_poster()
        self.assertEqual(action["report_name"], "culture_rating.report_culture_poster")


@tagged("post_install", "-at_install")
class TestRankingDocumentLanguages(CultureRatingCase):
    """Issue 12, items 4 and 5: the ranking is an official document (the base's layout and
    paper format, outgoing number and date, signatures) printed in the company's language,
    with no English left, and its spreadsheet is not named "(XLSX)"."""

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
        institutions = cls.env["culture.institution"].create(
            [{"name": name, "institution_type": "library"} for name in CYRILLIC_NAMES]
        )
        cls.campaign = cls._campaign(institutions, year=2053)
        cls.env.user.name = "Иванова Анна Петровна"
        first, second = cls.campaign.assessment_ids
        cls.respond(cls, first, ALL_YES)
        cls.respond(cls, second, {**ALL_YES, "comfort": False})
        cls.campaign.action_compute()
        cls.campaign.action_approve()

    def _render(self, lang):
        self.env.company.partner_id.lang = lang
        # printed by a user working in English: the document's language is the company's
        Report = self.env["ir.actions.report"].with_context(lang="en_US")
        html = Report._render_qweb_html(
            "culture_rating.action_report_culture_ranking", self.campaign.ids
        )[0].decode()
        tree = lxml_html.fromstring(html)
        for style in tree.xpath("//style|//script|//title"):
            style.drop_tree()
        articles = tree.xpath("//div[contains(@class, 'article')]")
        self.assertTrue(articles, "the document has a body")
        return html, " ".join(article.text_content() for article in articles)

    def test_the_ranking_is_an_official_document(self):
        action = self.env.ref("culture_rating.action_report_culture_ranking")
        self.assertEqual(
            action.paperformat_id, self.env.ref("municipal_quality.paperformat_municipal_official")
        )
        self.assertTrue(self.campaign.document_number.startswith("НОК-2"))
        self.assertEqual(self.campaign.approved_by_id, self.env.user)
        html, text = self._render("ru_RU")
        self.assertIn("o_municipal_official_letterhead", html)
        self.assertIn("o_municipal_official_signatures", html)
        self.assertIn(self.campaign.document_number, text)
        self.assertIn(self.campaign.approved_on.strftime("%d.%m.%Y"), text)
        self.assertIn("Иванова Анна Петровна", text)
        self.assertIn(self.env.company.name, text)
        # the number is kept when the results are reopened and approved again
        number = self.campaign.document_number
        self.campaign.action_reset_to_computed()
        self.campaign.action_compute()
        self.campaign.action_approve()
        self.assertEqual(self.campaign.document_number, number)

    def test_the_ranking_in_russian_has_no_english(self):
        _html, text = self._render("ru_RU")
        self.assertIn("Независимая оценка качества", text)
        self.assertIn("Место", text)
        self.assertIn("Первое место в независимом рейтинге", text)
        total = max(self.campaign.assessment_ids.mapped("total"))
        self.assertIn(f"{total:.2f}".replace(".", ","), text, "the locale's decimal comma")
        self.assertEqual(english_words(text), [])

    def test_the_ranking_in_ukrainian_has_no_english(self):
        _html, text = self._render("uk_UA")
        self.assertIn("Незалежна оцінка якості", text)
        self.assertIn("Місце", text)
        self.assertEqual(english_words(text), [])

    def test_the_spreadsheet_in_russian_and_ukrainian(self):
        action = self.env.ref("culture_rating.action_report_culture_ranking_xlsx")
        for lang, title in (("ru_RU", "Рейтинг 2053"), ("uk_UA", "Рейтинг 2053")):
            env_lang = self.env(context=dict(self.env.context, lang=lang))
            self.assertNotIn("XLSX", action.with_env(env_lang).name)
            self.assertEqual(self.campaign.with_env(env_lang).ranking_file_name(), title)
            content, _type = (
                self.env["ir.actions.report"]
                .with_context(lang=lang)
                ._render("culture_rating.action_report_culture_ranking_xlsx", self.campaign.ids)
            )
            with zipfile.ZipFile(io.BytesIO(content)) as book:
                strings = book.read("xl/sharedStrings.xml").decode()
            self.assertIn(CYRILLIC_NAMES[0], strings)
            self.assertEqual(english_words(strings), [], lang)
