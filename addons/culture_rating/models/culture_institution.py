from odoo import api, fields, models
from odoo.exceptions import UserError

from . import periodicity


class CultureInstitution(models.Model):
    """A municipal culture institution assessed every year."""

    _name = "culture.institution"
    _description = "Culture Institution"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "name"

    name = fields.Char(required=True, tracking=True)
    short_name = fields.Char(help="Name shown in the ranking and on the QR poster.")
    active = fields.Boolean(default=True, tracking=True)
    institution_type = fields.Selection(
        [
            ("library", "Library"),
            ("museum", "Museum"),
            ("house_of_culture", "House of culture / club"),
            ("arts_school", "Arts school"),
            ("theatre", "Theatre"),
            ("park", "Park"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
        default="house_of_culture",
        tracking=True,
    )
    creative = fields.Boolean(
        string="Creates or shows works of art",
        help="Organisations that create, perform or show works of art are assessed on the "
        "openness of information and on the accessibility for people with disabilities only.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    head_name = fields.Char(string="Head", tracking=True, help="Head of the institution.")
    head_user_id = fields.Many2one(
        "res.users",
        string="Head (user)",
        help="User of the head, to assign the measures of the improvement plans.",
    )
    partner_id = fields.Many2one(
        "res.partner", string="Address", help="Contact holding the address of the institution."
    )
    street = fields.Char(related="partner_id.street", readonly=False)
    city = fields.Char(related="partner_id.city", readonly=False)
    website = fields.Char(help="Official website where the institution discloses information.")
    phone = fields.Char()
    email = fields.Char()
    opening_hours = fields.Char()
    note = fields.Html()
    assessment_ids = fields.One2many("culture.assessment", "institution_id", string="Assessments")
    last_assessment_id = fields.Many2one(
        "culture.assessment", compute="_compute_last_assessment", string="Last published result"
    )

    last_assessed_year = fields.Integer(
        compute="_compute_assessment_overdue",
        aggregator=False,
        string="Last assessed in",
        help="Year of the last campaign that assessed the institution (started campaigns).",
    )
    assessment_overdue = fields.Boolean(
        compute="_compute_assessment_overdue",
        search="_search_assessment_overdue",
        string="Not assessed for three years",
        help="The institution is assessed at least once every three years: it has not been "
        "assessed for three years or more, or never.",
    )

    disclosure_check_ids = fields.One2many(
        "culture.disclosure.check", "institution_id", string="Disclosure checks"
    )
    last_disclosure_check_date = fields.Date(
        compute="_compute_last_disclosure_check",
        string="Disclosure last checked on",
        help="Date of the last recorded disclosure check between campaigns (plan item 3.1).",
    )
    last_disclosure_rate = fields.Float(
        compute="_compute_last_disclosure_check",
        digits=(5, 2),
        string="Website disclosure at the last check (%)",
    )

    _sql_constraints = [
        ("name_company_uniq", "unique(name, company_id)", "An institution with this name exists."),
    ]

    def _compute_last_assessment(self):
        published = self.env["culture.assessment"].search(
            [("institution_id", "in", self.ids), ("published", "=", True)],
            order="year desc",
        )
        for institution in self:
            institution.last_assessment_id = published.filtered(
                lambda a, i=institution: a.institution_id == i
            )[:1]

    def _last_assessed_years(self):
        """{institution id: year of its last assessment in a started campaign}."""
        groups = (
            self.env["culture.assessment"]
            .sudo()
            ._read_group(
                [("institution_id", "in", self.ids), ("campaign_id.state", "!=", "draft")],
                ["institution_id"],
                ["year:max"],
            )
        )
        return {institution.id: year for institution, year in groups}

    @api.depends("assessment_ids.year", "assessment_ids.campaign_id.state")
    def _compute_assessment_overdue(self):
        years = self._last_assessed_years()
        this_year = fields.Date.context_today(self).year
        for institution in self:
            last = years.get(institution.id)
            institution.last_assessed_year = last or 0
            institution.assessment_overdue = periodicity.assessment_overdue(last, this_year)

    def _search_assessment_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the assessment periodicity."))
        institutions = self.with_context(active_test=False).search([("id", "!=", 0)])
        overdue = institutions.filtered("assessment_overdue").ids
        wanted = value if operator == "=" else not value
        return [("id", "in" if wanted else "not in", overdue)]

    def _compute_last_disclosure_check(self):
        for institution in self:
            last = institution.disclosure_check_ids.filtered(lambda c: c.state == "done")[:1]
            institution.last_disclosure_check_date = last.check_date
            institution.last_disclosure_rate = last.rate

    def action_view_disclosure_checks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "culture_rating.culture_disclosure_check_action"
        )
        action["domain"] = [("institution_id", "=", self.id)]
        action["context"] = {"default_institution_id": self.id}
        return action

    def action_view_assessments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "culture_rating.culture_assessment_action"
        )
        action["domain"] = [("institution_id", "=", self.id)]
        action["context"] = {}
        return action
