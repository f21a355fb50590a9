from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class CultureChecklistLine(models.Model):
    """Check of one disclosure item of one institution in one campaign (plan item 3.1)."""

    _name = "culture.checklist.line"
    _description = "Disclosure Check"
    _inherit = ["mail.thread", "municipal.lock.mixin"]
    _order = "assessment_id, item_sequence, id"
    _rec_name = "item_id"

    # frozen with the approved or published results of the campaign
    _lock_state_field = "campaign_state"
    _lock_states = ("approved", "published")

    assessment_id = fields.Many2one(
        "culture.assessment", required=True, ondelete="cascade", index=True
    )
    campaign_id = fields.Many2one(
        related="assessment_id.campaign_id", store=True, index=True, string="Campaign"
    )
    institution_id = fields.Many2one(
        related="assessment_id.institution_id", store=True, index=True, string="Institution"
    )
    campaign_state = fields.Selection(related="campaign_id.state", string="Campaign status")
    company_id = fields.Many2one(related="assessment_id.company_id", store=True)
    item_id = fields.Many2one("culture.checklist.item", required=True, ondelete="restrict")
    item_sequence = fields.Integer(related="item_id.sequence", store=True, aggregator=False)
    state = fields.Selection(
        [
            ("not_checked", "Not checked"),
            ("published", "Published"),
            ("incomplete", "Incomplete or outdated"),
            ("missing", "Missing"),
        ],
        string="Status",
        default="not_checked",
        required=True,
        tracking=True,
        help="Published on the institution's website, complete and up to date.",
    )
    url = fields.Char(string="URL", tracking=True, help="Page where the item is published.")
    on_stand = fields.Boolean(
        string="On the stand", tracking=True, help="Also shown on the information stands."
    )
    check_date = fields.Date(tracking=True)
    checked_by_id = fields.Many2one("res.users", string="Checked by")
    note = fields.Char()

    _sql_constraints = [
        (
            "assessment_item_uniq",
            "unique(assessment_id, item_id)",
            "Each item is checked once per institution and campaign.",
        ),
    ]

    @api.constrains("state", "url", "check_date")
    def _check_state(self):
        for line in self:
            if line.state == "published" and not line.url:
                raise ValidationError(
                    self.env._("Give the URL where the item %s is published.", line.item_id.name)
                )
            if line.state != "not_checked" and not line.check_date:
                raise ValidationError(self.env._("Give the date of the check."))
            if line.url and not line.url.startswith(("http://", "https://")):
                raise ValidationError(self.env._("The URL must start with http:// or https://."))

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_campaign_open()
        return lines

    def write(self, vals):
        self.check_access("write")
        if vals.get("state") and vals["state"] != "not_checked":
            vals.setdefault("check_date", fields.Date.context_today(self))
            vals.setdefault("checked_by_id", self.env.uid)
        return super().write(vals)

    def _check_campaign_open(self):
        if self.filtered(lambda line: line.campaign_id.state in ("approved", "published")):
            raise UserError(self.env._("The campaign is approved: its checks are locked."))

    def action_mark_published(self):
        self._lock_check_groups(
            "culture_rating.group_culture_user", action=self.env._("checking the disclosure")
        )
        self.write({"state": "published"})
        return True

    def action_mark_missing(self):
        self._lock_check_groups(
            "culture_rating.group_culture_user", action=self.env._("checking the disclosure")
        )
        self.write({"state": "missing"})
        return True
