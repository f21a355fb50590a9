from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class CultureExpertValue(models.Model):
    """A value entered by the culture department or the public council for an indicator of
    source "expert value": the number of conditions or channels present, or the points."""

    _name = "culture.expert.value"
    _description = "Expert Value"
    _inherit = ["municipal.lock.mixin"]
    _order = "assessment_id, indicator_id"

    # frozen with the approved or published results of the campaign
    _lock_state_field = "campaign_state"
    _lock_states = ("approved", "published")

    assessment_id = fields.Many2one(
        "culture.assessment", required=True, ondelete="cascade", index=True
    )
    campaign_id = fields.Many2one(
        related="assessment_id.campaign_id", store=True, index=True, string="Campaign"
    )
    campaign_state = fields.Selection(related="campaign_id.state", string="Campaign status")
    institution_id = fields.Many2one(
        related="assessment_id.institution_id", store=True, string="Institution"
    )
    company_id = fields.Many2one(related="assessment_id.company_id", store=True)
    indicator_id = fields.Many2one(
        "culture.indicator",
        required=True,
        ondelete="restrict",
        domain="[('source', '=', 'expert'), ('method_id', '=', method_id)]",
    )
    method_id = fields.Many2one(related="assessment_id.campaign_id.method_id")
    formula = fields.Selection(related="indicator_id.formula")
    value = fields.Float(
        digits=(5, 2),
        required=True,
        aggregator="avg",
        help="Number of conditions or channels present (points per unit), or points (expert "
        "value in points).",
    )
    entered_by = fields.Selection(
        [("department", "Culture department"), ("council", "Public council")],
        default="department",
        required=True,
    )
    evidence = fields.Text(help="What was checked: visit report, photos, list of conditions.")

    _sql_constraints = [
        (
            "assessment_indicator_uniq",
            "unique(assessment_id, indicator_id)",
            "One value per indicator and institution.",
        ),
        ("value_positive", "CHECK(value >= 0)", "An expert value cannot be negative."),
    ]

    @api.constrains("indicator_id", "value")
    def _check_indicator(self):
        for record in self:
            indicator = record.indicator_id
            if indicator.source != "expert":
                raise ValidationError(
                    self.env._("%s is not an indicator of expert value.", indicator.name)
                )
            if indicator.method_id != record.assessment_id.campaign_id.method_id:
                raise ValidationError(
                    self.env._(
                        "The indicator %s is not part of the methodology of the campaign.",
                        indicator.name,
                    )
                )
            if indicator.formula == "direct" and record.value > indicator.max_points:
                raise ValidationError(
                    self.env._(
                        "%(indicator)s: at most %(max)s points.",
                        indicator=indicator.name,
                        max=indicator.max_points,
                    )
                )
            if indicator.formula == "points_per_unit" and record.value != int(record.value):
                raise ValidationError(
                    self.env._("%s counts conditions: give a whole number.", indicator.name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_campaign_open()
        return records

    def write(self, vals):
        self.check_access("write")
        return super().write(vals)

    def _check_campaign_open(self):
        if self.filtered(lambda r: r.campaign_id.state in ("approved", "published")):
            raise UserError(self.env._("The campaign is approved: its expert values are locked."))
