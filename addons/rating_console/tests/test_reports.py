import io
from datetime import date

import openpyxl

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.rating_console.models import indicators

from .common import RatingConsoleCase


@tagged("post_install", "-at_install")
class TestReports(RatingConsoleCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # March 2025 at the centre: 10 tickets served, 1 no-show; 8 ratings:
        # 4 Excellent, 3 Good, 1 Bad.
        values = ["excellent"] * 4 + ["good"] * 3 + ["bad"] + [None, None]
        for index, value in enumerate(values):
            ticket = cls.served_ticket(f"R{index:03d}", cls.utc(2025, 3, 3 + index, 9, 0))
            if value:
                cls.vote(ticket, value)
        cls.served_ticket("R100", cls.utc(2025, 3, 20, 9, 0), state="no_show")
        # The branch: 4 tickets served, 2 ratings (Good, Bad); and one rating in April.
        for index, value in enumerate(["good", "bad", None, None]):
            ticket = cls.served_ticket(
                f"S{index:03d}", cls.utc(2025, 3, 10 + index, 9, 0), cls.workplace_branch
            )
            if value:
                cls.vote(ticket, value)
        cls.vote(cls.served_ticket("S100", cls.utc(2025, 4, 1, 9, 0), cls.workplace_branch),
                 "excellent")
        cls.env.flush_all()
        cls.Report = cls.env["municipal.console.report"]
        cls.march = [("date", ">=", date(2025, 3, 1)), ("date", "<", date(2025, 4, 1)),
                     ("centre_id", "=", cls.centre.id)]

    def test_indicator_formulas(self):
        self.assertEqual(indicators.share_excellent(1, 3, 4), 50.0)
        self.assertEqual(indicators.share_good_or_better(1, 3, 4), 87.5)
        self.assertEqual(indicators.ratings_per_hundred_served(8, 10), 80.0)
        self.assertEqual(indicators.share_excellent(0, 0, 0), 0.0)
        self.assertEqual(indicators.ratings_per_hundred_served(3, 0), 0.0)
        self.assertEqual(indicators.average_rating(1, 3, 4), 3.75)
        self.assertEqual(indicators.share_good_or_better(1, 1, 1), 66.67)

    def test_summary_by_office(self):
        rows = {r["office_id"]: r for r in self.Report._summary(self.march, ["office_id"])}
        centre = rows[self.centre]
        self.assertEqual(
            [centre[k] for k in ("ticket_count", "served_count", "vote_count", "bad_count",
                                 "good_count", "excellent_count")],
            [11, 10, 8, 1, 3, 4],
        )
        self.assertEqual(centre["excellent_share"], 50.0)
        self.assertEqual(centre["good_or_better_share"], 87.5)
        self.assertEqual(centre["votes_per_hundred"], 80.0)
        branch = rows[self.branch]
        self.assertEqual((branch["vote_count"], branch["served_count"]), (2, 4))
        self.assertEqual(branch["good_or_better_share"], 50.0)
        self.assertEqual(branch["votes_per_hundred"], 50.0)

    def test_whole_centre_and_periods(self):
        total = self.Report._summary(self.march, ["centre_id"])
        self.assertEqual(len(total), 1)
        self.assertEqual(total[0]["vote_count"], 10)
        self.assertEqual(total[0]["served_count"], 14)
        self.assertEqual(total[0]["excellent_share"], 40.0)
        self.assertEqual(total[0]["good_or_better_share"], 80.0)
        self.assertAlmostEqual(total[0]["votes_per_hundred"], 71.43)
        domain = [("centre_id", "=", self.centre.id), ("date", ">=", date(2025, 1, 1))]
        by_month = self.Report._summary(domain, ["date:month"])
        self.assertEqual([r["vote_count"] for r in by_month], [10, 1])
        by_quarter = self.Report._summary(domain, ["date:quarter"])
        self.assertEqual([r["vote_count"] for r in by_quarter], [10, 1])
        by_year = self.Report._summary(domain, ["date:year"])
        self.assertEqual(by_year[0]["excellent_share"], round(100 * 5 / 11, 2))
        by_day = self.Report._summary(self.march, ["date:day"])
        self.assertEqual(len(by_day), 12)
        by_week = self.Report._summary(self.march, ["date:week"])
        self.assertEqual(sum(r["vote_count"] for r in by_week), 10)

    def test_by_operator_and_direction(self):
        rows = {r["employee_id"]: r for r in self.Report._summary(self.march, ["employee_id"])}
        self.assertEqual(rows[self.operator]["excellent_share"], 50.0)
        self.assertEqual(rows[self.operator_two]["excellent_share"], 0.0)
        by_direction = self.Report._summary(self.march, ["category_id"])
        self.assertEqual([r["category_id"] for r in by_direction], [self.category])

    def test_pivot_read_group_computes_shares_from_sums(self):
        groups = self.Report.read_group(
            self.march, ["excellent_share:sum", "vote_count:sum", "votes_per_hundred"],
            ["office_id"],
        )
        by_office = {g["office_id"][0]: g for g in groups}
        self.assertEqual(by_office[self.centre.id]["excellent_share"], 50.0)
        self.assertEqual(by_office[self.centre.id]["votes_per_hundred"], 80.0)
        self.assertEqual(by_office[self.branch.id]["excellent_share"], 0.0)
        plain = self.Report.read_group(self.march, ["vote_count:sum"], ["office_id"])
        self.assertEqual(sum(g["vote_count"] for g in plain), 10)

    def test_monthly_pdf_and_xlsx(self):
        wizard = self.env["municipal.console.monthly.wizard"].create(
            {"centre_id": self.centre.id, "month": date(2025, 3, 15)}
        )
        data = wizard._report_data()
        self.assertEqual(data["total"]["vote_count"], 10)
        self.assertEqual([r["office_id"] for r in data["by_office"]].count(self.branch), 1)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "rating_console.report_monthly", wizard.ids
        )[0].decode()
        self.assertIn("Cherry branch", html)
        self.assertIn("4.8", html)
        content, kind = self.env["ir.actions.report"]._render(
            "rating_console.report_monthly_xlsx", wizard.ids
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
        self.assertIn("Transparent office / Cherry branch", cells)
        self.assertIn(87.5, cells)

    def test_monthly_pdf_on_the_official_layout_in_the_company_language(self):
        """Issue 12: the issuing company's language and decimal comma, its letterhead, the
        head's signature, no row split across pages, whoever prints it."""
        self.env["res.lang"]._activate_lang("uk_UA")
        self.company.partner_id.lang = "uk_UA"
        self.head.job_title = "Начальник центру"
        wizard = (
            self.env["municipal.console.monthly.wizard"]
            .with_user(self.head_user)
            .with_context(lang="en_US")
            .create({"centre_id": self.centre.id, "month": date(2025, 3, 15)})
        )
        html = self.env["ir.actions.report"]._render_qweb_html(
            "rating_console.report_monthly", wizard.ids
        )[0].decode()
        self.assertIn("Якість обслуговування: щомісячний звіт пультів оцінювання", html)
        self.assertIn("За відділеннями", html)
        self.assertIn("87,50", html, "the centre's Good or better share, with a decimal comma")
        self.assertNotIn("87.50", html)
        self.assertIn("o_municipal_official_letterhead", html)
        self.assertIn(self.company.name, html)
        self.assertIn("Начальник центру", html)
        self.assertIn(self.head.name, html)
        self.assertNotIn("(draft)", html, "a monthly report is dated, not numbered")
        self.assertEqual(wizard._report_file_name(), "Оцінки Transparent office 2025-03")
        # one unbreakable block per row: 2 offices, 2 directions (with none) and operators
        data = wizard._report_data()
        rows = len(data["by_office"]) + len(data["by_direction"]) + len(data["by_operator"])
        self.assertEqual(html.count('class="o_nobreak o_rating_console_row"'), rows)
        for english in ("Quality of service", "By branch", "Served", "Ratings:", "Page "):
            self.assertNotIn(english, html.split("o_municipal_official_footer")[0])

    def test_monthly_wizard_offers_only_centres_with_consoles(self):
        quiet = self.env["municipal.office"].create(
            {"name": "Quiet centre", "code": "T-RC-Q2", "office_type": "centre"}
        )
        found = self.env["municipal.office"].search(
            [("parent_id", "=", False), ("has_consoles", "=", True)]
        )
        self.assertIn(self.centre, found)
        self.assertNotIn(quiet, found)
        self.assertFalse(quiet.has_consoles)
        self.assertTrue(self.branch.has_consoles, "its workplace has a console")
        self.assertNotIn(
            self.centre,
            self.env["municipal.office"].search([("has_consoles", "=", False)]),
        )

    def test_results_are_refused_as_grounds_for_a_sanction(self):
        Request = self.env["municipal.rating.request"]
        vals = {"name": "Head of HR", "date_from": date(2025, 3, 1), "date_to": date(2025, 3, 31),
                "employee_id": self.operator.id}
        bonus = Request.create(dict(vals, purpose="bonus"))
        bonus.action_answer()
        self.assertEqual(bonus.state, "answered")
        with self.assertRaisesText(ValidationError, "section 4.8"):
            Request.create(dict(vals, purpose="disciplinary"))
        with self.assertRaisesText(ValidationError, "disciplinary"):
            bonus.write({"purpose": "disciplinary"})
        self.assertTrue(indicators.usage_refused("disciplinary"))
        self.assertFalse(indicators.usage_refused("bonus"))

    def test_monthly_report_of_a_centre_without_votes(self):
        """Issue 12: KeyError 'vote_count' in the PDF of an office with no votes."""
        quiet = self.env["municipal.office"].create(
            {"name": "Quiet centre", "code": "T-RC-Q", "office_type": "centre"}
        )
        wizard = self.env["municipal.console.monthly.wizard"].create(
            {"centre_id": quiet.id, "month": date(2025, 3, 15)}
        )
        data = wizard._report_data()
        self.assertEqual(data["total"]["vote_count"], 0)
        self.assertEqual(data["total"]["served_count"], 0)
        self.assertEqual(data["total"]["excellent_share"], 0.0)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "rating_console.report_monthly", wizard.ids
        )[0].decode()
        self.assertIn("Quiet centre", html)
        content, kind = self.env["ir.actions.report"]._render(
            "rating_console.report_monthly_xlsx", wizard.ids
        )
        self.assertEqual(kind, "xlsx")
        self.assertTrue(content)

    def test_monthly_wizard_proposes_the_centre_of_its_head(self):
        from odoo.tests import Form

        wizard = Form(self.env["municipal.console.monthly.wizard"].with_user(self.head_user))
        self.assertEqual(wizard.centre_id, self.centre)
        operator = Form(self.env["municipal.console.monthly.wizard"].with_user(self.operator_user))
        self.assertEqual(operator.centre_id, self.centre, "the centre of his workplace")

    def test_ratings_per_hundred_served_count_finished_tickets_only(self):
        """Votes of tickets still called or serving count in neither side (it reached 125)."""
        for index, (state, workplace) in enumerate(
            (("called", self.workplace), ("serving", self.workplace_branch))
        ):
            ticket = self.served_ticket(f"U{index:03d}", self.utc(2025, 5, 5 + index, 9, 0),
                                        workplace, state=state)
            self.vote(ticket, "excellent")
        done = self.served_ticket("U100", self.utc(2025, 5, 12, 9, 0))
        self.vote(done, "good")
        self.served_ticket("U101", self.utc(2025, 5, 13, 9, 0))
        self.env.flush_all()
        may = [("date", ">=", date(2025, 5, 1)), ("date", "<", date(2025, 6, 1)),
               ("centre_id", "=", self.centre.id)]
        total = self.Report._summary(may, ["centre_id"])[0]
        self.assertEqual((total["vote_count"], total["served_vote_count"],
                          total["served_count"]), (3, 1, 2))
        self.assertEqual(total["votes_per_hundred"], 50.0, "1 rated of 2 finished, not 3 / 2")
        groups = self.Report.read_group(may, ["votes_per_hundred"], ["centre_id"])
        self.assertEqual(groups[0]["votes_per_hundred"], 50.0)
