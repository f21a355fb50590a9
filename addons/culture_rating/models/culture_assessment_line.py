from odoo import fields, models


class CultureAssessmentLine(models.Model):
    """A computed figure of an assessment: an indicator value or a criterion score (0-100).

    Written only by the campaign computation, which sets the denormalised columns (campaign,
    institution, company, sequence) itself so that a campaign of hundreds of institutions is
    written in one batch.
    """

    _name = "culture.assessment.line"
    _description = "Assessment Score Line"
    _inherit = ["municipal.lock.mixin"]
    _order = "assessment_id, sequence, id"

    # nobody types a score in: every figure is written by the computation of the campaign
    # (``_lock_write``), and frozen with the approved or published results
    _lock_state_field = "campaign_state"
    _lock_states = ("approved", "published")
    _lock_workflow_fields = frozenset(
        {
            "assessment_id",
            "campaign_id",
            "institution_id",
            "company_id",
            "sequence",
            "criterion_id",
            "indicator_id",
            "line_type",
            "value",
            "numerator",
            "denominator",
            "no_data",
        }
    )

    assessment_id = fields.Many2one(
        "culture.assessment", required=True, ondelete="cascade", index=True
    )
    campaign_id = fields.Many2one("culture.campaign", index=True, readonly=True)
    institution_id = fields.Many2one("culture.institution", index=True, readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    campaign_state = fields.Selection(related="campaign_id.state", string="Campaign status")
    published = fields.Boolean(related="assessment_id.published", store=True)
    sequence = fields.Integer(readonly=True, aggregator=False)
    criterion_id = fields.Many2one("culture.criterion", required=True, ondelete="restrict")
    indicator_id = fields.Many2one("culture.indicator", ondelete="restrict")
    line_type = fields.Selection(
        [("criterion", "Criterion score"), ("indicator", "Indicator value")],
        required=True,
        default="indicator",
        readonly=True,
    )
    value = fields.Float(digits=(5, 2), aggregator="avg", help="Points, 0-100.")
    weight = fields.Float(related="indicator_id.weight", string="Weight", aggregator=False)
    numerator = fields.Float(
        digits=(16, 2),
        aggregator="sum",
        help="Satisfied respondents, items published or conditions present.",
    )
    denominator = fields.Float(
        digits=(16, 2), aggregator="sum", help="Respondents asked or items required."
    )
    no_data = fields.Boolean(help="No respondent or no check: the indicator scores 0.")

    def write(self, vals):
        self.check_access("write")  # the access rights answer first, then the lock
        return super().write(vals)
