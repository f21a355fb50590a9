from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CultureDisclosureCheckLine(models.Model):
    """One item of plan item 3.1 in a disclosure check between campaigns."""

    _name = "culture.disclosure.check.line"
    _description = "Disclosure Check Item"
    _inherit = ["municipal.lock.mixin"]
    _order = "check_id, item_sequence, id"
    _rec_name = "item_id"

    _lock_state_field = "check_state"
    _lock_states = ("done",)

    check_id = fields.Many2one(
        "culture.disclosure.check", required=True, ondelete="cascade", index=True
    )
    check_state = fields.Selection(related="check_id.state", string="Check status")
    company_id = fields.Many2one(related="check_id.company_id", store=True)
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
    )
    # the norms at the date of the check (the department may change them later)
    required_on_site = fields.Boolean(
        string="Required on the website", readonly=True, compute="_compute_required", store=True
    )
    required_on_stand = fields.Boolean(
        string="Required on the stand", readonly=True, compute="_compute_required", store=True
    )
    url = fields.Char(string="URL")
    on_stand = fields.Boolean(string="On the stand")
    note = fields.Char()

    _sql_constraints = [
        ("check_item_uniq", "unique(check_id, item_id)", "Each item is checked once per check."),
    ]

    @api.depends("item_id")
    def _compute_required(self):
        for line in self:
            line.required_on_site = line.item_id.required_on_site
            line.required_on_stand = line.item_id.required_on_stand

    @api.constrains("state", "url")
    def _check_url(self):
        for line in self:
            if line.state == "published" and not line.url:
                raise ValidationError(
                    self.env._("Give the URL where the item %s is published.", line.item_id.name)
                )
            if line.url and not line.url.startswith(("http://", "https://")):
                raise ValidationError(self.env._("The URL must start with http:// or https://."))

    def write(self, vals):
        self.check_access("write")  # the access rights answer first, then the lock
        return super().write(vals)
