from lxml import etree

from odoo.tests import tagged

from .common import ALL_YES, CultureRatingCase

# list views of the culture department: a year is a plain number ("2025", never "2 025")
YEAR_LISTS = {
    "culture.campaign": "culture_rating.culture_campaign_view_list",
    "culture.assessment": "culture_rating.culture_assessment_view_list",
    "culture.improvement.plan": "culture_rating.culture_improvement_plan_view_list",
}


@tagged("post_install", "-at_install")
class TestListsAndAnalysis(CultureRatingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._campaign(cls.inst_a | cls.inst_b | cls.inst_c, year=2052)
        cls.a, cls.b, cls.c = (
            cls.assessment_of(cls.campaign, inst) for inst in (cls.inst_a, cls.inst_b, cls.inst_c)
        )

    def test_grouped_lists_never_sum_ranks_years_or_scores(self):
        self.respond(self.a, ALL_YES)
        self.respond(self.b, {**ALL_YES, "comfort": False})
        self.campaign.action_compute()
        totals = self.campaign.assessment_ids.mapped("total")
        # the list's group row: what the fields' aggregators give
        Assessment = self.env["culture.assessment"]
        self.assertFalse(Assessment._fields["rank"].aggregator, "a rank is never summed")
        self.assertFalse(Assessment._fields["year"].aggregator, "a year is never summed")
        self.assertEqual(Assessment._fields["total"].aggregator, "avg")
        groups = Assessment.read_group(
            [("campaign_id", "=", self.campaign.id)], ["rank", "year", "total"], ["campaign_id"]
        )
        self.assertEqual(groups[0]["campaign_id_count"], 3)
        self.assertNotIn("rank", groups[0])
        self.assertNotIn("year", groups[0])
        self.assertNotIn("rank", groups[0])
        self.assertAlmostEqual(groups[0]["total"], sum(totals) / 3, places=2)
        self.assertLessEqual(groups[0]["total"], 100.0)
        for model, fields_ in (
            ("culture.campaign", ["year"]),
            ("culture.improvement.plan", ["year"]),
            ("culture.assessment.line", ["sequence", "weight"]),
            ("culture.method", ["version"]),
        ):
            for name in fields_:
                self.assertFalse(self.env[model]._fields[name].aggregator, f"{model}.{name}")
        for model, name in (
            ("culture.assessment.line", "value"),
            ("culture.expert.value", "value"),
            ("culture.improvement.plan", "total"),
        ):
            self.assertEqual(self.env[model]._fields[name].aggregator, "avg", f"{model}.{name}")

    def test_years_are_plain_numbers_in_the_lists(self):
        for model, xmlid in YEAR_LISTS.items():
            view = self.env.ref(xmlid)
            arch = etree.fromstring(
                self.env[model].get_views([(view.id, "list")])["views"]["list"]["arch"]
            )
            [year] = arch.xpath("//field[@name='year']")
            self.assertIn("'enable_formatting': false", year.get("options", ""), model)

    def test_the_analysis_never_sums_scores_or_rates(self):
        views = self.env["ir.ui.view"].search(
            [("model", "like", "culture."), ("type", "in", ("pivot", "graph"))]
        )
        self.assertTrue(views)
        for view in views:
            arch = etree.fromstring(view.arch)
            for measure in arch.xpath("//field[@type='measure']"):
                field = self.env[view.model]._fields[measure.get("name")]
                self.assertEqual(field.aggregator, "avg", f"{view.xml_id}: {field.name}")

    def test_the_lists_group_by_the_year_as_text(self):
        """A group row shows the value it groups by in the column of that field: grouped by the
        integer year, the list printed "2 025"."""
        action = self.env.ref("culture_rating.culture_assessment_action")
        self.assertIn("search_default_group_year", action.context)
        search = etree.fromstring(
            self.env["culture.assessment"].get_views([(False, "search")])["views"]["search"]["arch"]
        )
        [group_year] = search.xpath("//filter[@name='group_year']")
        self.assertIn("'group_by': 'year_label'", group_year.get("context"))
        self.assertEqual(self.env["culture.assessment"]._fields["year_label"].type, "char")
        groups = self.env["culture.assessment"].web_read_group(
            [("campaign_id", "=", self.campaign.id)],
            ["year", "rank", "total"],  # as the list asks: each field by its aggregator
            ["year_label"],
        )["groups"]
        self.assertEqual(groups[0]["year_label"], "2052")
        self.assertNotIn("year", groups[0])
        self.assertNotIn("rank", groups[0])
        for view in self.env["ir.ui.view"].search(
            [("model", "=", "culture.assessment"), ("type", "=", "pivot")]
        ):
            self.assertFalse(etree.fromstring(view.arch).xpath("//field[@name='year']"))
