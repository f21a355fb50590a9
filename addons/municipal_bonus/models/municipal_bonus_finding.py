from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class MunicipalBonusFinding(models.Model):
    """A negative indicator found for a servant, with its evidence. However many findings of
    the same indicator a line has, the indicator reduces the premium once ("наличие")."""

    _name = "municipal.bonus.finding"
    _description = "Bonus Review Finding"
    _order = "line_id, indicator_id, date, id"

    line_id = fields.Many2one(
        "municipal.bonus.review.line",
        string="Servant line",
        required=True,
        index=True,
        ondelete="cascade",
    )
    review_id = fields.Many2one(related="line_id.review_id", store=True, index=True)
    review_state = fields.Selection(
        related="line_id.review_id.state", store=True, string="Review state"
    )
    employee_id = fields.Many2one(related="line_id.employee_id", store=True, string="Servant")
    employee_user_id = fields.Many2one(related="line_id.employee_user_id", store=True)
    department_id = fields.Many2one(related="line_id.department_id", store=True)
    company_id = fields.Many2one(related="line_id.company_id", store=True)
    bonus_category = fields.Selection(related="line_id.bonus_category")
    indicator_id = fields.Many2one(
        "municipal.bonus.indicator",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('category', '=', bonus_category), ('catalogue_id.state', '=', 'in_force')]",
    )
    indicator_code = fields.Char(related="indicator_id.code")
    criterion_type = fields.Selection(related="indicator_id.criterion_type")
    indicator_percent = fields.Float(
        string="Reduction (%)",
        digits=(5, 2),
        compute="_compute_indicator_percent",
        store=True,
        precompute=True,
        help="Percent of the indicator when it was found; a later change of the catalogue "
        "does not alter submitted and approved reviews.",
    )
    state = fields.Selection(
        [("suggested", "Suggested"), ("confirmed", "Confirmed")],
        required=True,
        default="confirmed",
        help="Suggested findings come from the data of Odoo and count only once confirmed.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    description = fields.Text(string="Evidence", required=True)
    attachment_ids = fields.Many2many("ir.attachment", string="Attachments")
    source_model = fields.Char(string="Source model", readonly=True)
    source_res_id = fields.Many2oneReference(
        string="Source record", model_field="source_model", readonly=True
    )

    @api.depends("indicator_id")
    def _compute_indicator_percent(self):
        for finding in self:
            finding.indicator_percent = finding.indicator_id.reduction_percent

    @api.constrains("indicator_id", "line_id")
    def _check_indicator_applies(self):
        for finding in self:
            if finding.indicator_id.category != finding.line_id.bonus_category:
                raise ValidationError(
                    self.env._(
                        "The indicator %(code)s does not apply to %(employee)s: it belongs to "
                        "the tables of another category of positions.",
                        code=finding.indicator_id.code,
                        employee=finding.line_id.employee_name,
                    )
                )
            in_force = finding.indicator_id.catalogue_state == "in_force"
            if finding.review_state == "draft" and not in_force:
                raise ValidationError(
                    self.env._(
                        "The indicator %(code)s is not of the catalogue in force: a review is "
                        "prepared with the indicators of the act in force.",
                        code=finding.indicator_id.code,
                    )
                )

    @api.constrains("date", "line_id")
    def _check_date_in_period(self):
        for finding in self:
            period = finding.line_id.review_id.period_id
            if finding.date and not period.date_from <= finding.date <= period.date_to:
                raise ValidationError(
                    self.env._(
                        "The finding of %(date)s is outside the period %(period)s.",
                        date=finding.date,
                        period=period.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self.env["municipal.bonus.review.line"].browse(
            {vals["line_id"] for vals in vals_list if vals.get("line_id")}
        ).review_id._check_editable()
        findings = super().create(vals_list)
        findings._bind_attachments()
        return findings

    def write(self, vals):
        self.review_id._check_editable()
        res = super().write(vals)
        if "attachment_ids" in vals:
            self._bind_attachments()
        return res

    def _bind_attachments(self):
        """Evidence uploaded with the finding belongs to it, so that whoever reads the finding
        (the servant in "My bonus") reads its attachments."""
        for finding in self:
            loose = finding.sudo().attachment_ids.filtered(lambda a: not a.res_id)
            if loose:
                loose.write({"res_model": finding._name, "res_id": finding.id})

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self.review_id._check_editable()

    def _check_preparer(self):
        if not (self.env.su or self.env.user.has_group("municipal_bonus.group_bonus_user")):
            raise AccessError(
                self.env._(
                    "Only the executor of the bonus review confirms or discards its suggested "
                    "findings."
                )
            )
        self.review_id._check_editable()

    def action_confirm(self):
        self._check_preparer()
        self.write({"state": "confirmed"})
        return True

    def action_discard(self):
        self._check_preparer()
        self.filtered(lambda f: f.state == "suggested").unlink()
        return True

    def action_open_source(self):
        self.ensure_one()
        if not self.source_model or not self.source_res_id:
            return False
        return {
            "type": "ir.actions.act_window",
            "res_model": self.source_model,
            "res_id": self.source_res_id,
            "view_mode": "form",
        }
