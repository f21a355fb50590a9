from odoo.tests import tagged

from .common import ALL_YES, CultureRatingCase


@tagged("post_install", "-at_install")
class TestReports(CultureRatingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._campaign(cls.inst_a | cls.inst_b, year=2050)

    def test_ranking_pdf_and_xlsx(self):
        self.respond(self.assessment_of(self.campaign, self.inst_a), ALL_YES)
        self.campaign.action_compute()
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
        self.assertIn("data:image/png;base64,", html)
