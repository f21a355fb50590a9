from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class MunicipalBonusOrder(models.Model):
    """The order (распоряжение) of the head of local self-government on the payment of the
    premium (section 3.5), based on the approved bonus reviews of a period."""

    _name = "municipal.bonus.order"
    _description = "Bonus Order"
    _inherit = ["mail.thread", "mail.activity.mixin", "municipal.lock.mixin"]
    _order = "date desc, id desc"

    # municipal.lock.mixin: a signed order is frozen; it is signed by its button only
    _lock_states = ("signed",)
    _lock_workflow_fields = frozenset({"signed_by_id"})

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/", tracking=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    period_id = fields.Many2one(
        "municipal.bonus.period",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('company_id', '=', company_id)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [("draft", "Draft"), ("signed", "Signed")],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
    )
    review_ids = fields.Many2many(
        "municipal.bonus.review",
        "municipal_bonus_order_review_rel",
        "order_id",
        "review_id",
        string="Approved reviews",
        domain="[('period_id', '=', period_id), ('state', '=', 'approved')]",
        copy=False,
    )
    line_ids = fields.Many2many(
        "municipal.bonus.review.line",
        compute="_compute_line_ids",
        string="Servants",
    )
    line_count = fields.Integer(compute="_compute_line_ids", string="Number of servants")
    signed_by_id = fields.Many2one("res.users", string="Signed by", readonly=True, copy=False)
    signatory_name = fields.Char(
        string="Signatory",
        tracking=True,
        help="Head of local self-government who signs the order.",
    )
    note = fields.Html(string="Text of the order")

    @api.depends("review_ids.line_ids")
    def _compute_line_ids(self):
        for order in self:
            lines = order.review_ids.line_ids.sorted(
                lambda line: (line.department_id.name or "", line.employee_name or "")
            )
            order.line_ids = lines
            order.line_count = len(lines)

    @api.constrains("review_ids", "period_id")
    def _check_reviews(self):
        for order in self:
            foreign = order.review_ids.filtered(lambda r, o=order: r.period_id != o.period_id)
            if foreign:
                raise ValidationError(
                    self.env._(
                        "The review '%(review)s' is not of the period of the order.",
                        review=foreign[0].name,
                    )
                )

    def action_load_reviews(self):
        action = self.env._("loading the approved reviews")
        self._lock_check_groups(
            "municipal_bonus.group_bonus_manager",
            "municipal_bonus.group_bonus_approver",
            action=action,
        )
        self._lock_check_state(("draft",), action=action)
        for order in self:
            reviews = self.env["municipal.bonus.review"].search(
                [
                    ("period_id", "=", order.period_id.id),
                    ("state", "=", "approved"),
                    ("company_id", "=", order.company_id.id),
                ]
            )
            order.review_ids = reviews
        return True

    def action_sign(self):
        action = self.env._("the signature")
        self._lock_check_groups("municipal_bonus.group_bonus_approver", action=action)
        self._lock_check_state(("draft",), action=action)
        for order in self:
            if not order.review_ids:
                raise UserError(self.env._("The order has no approved bonus review."))
            not_approved = order.review_ids.filtered(lambda r: r.state != "approved")
            if not_approved:
                raise UserError(
                    self.env._(
                        "The review '%(review)s' is not approved (or already in an order).",
                        review=not_approved[0].name,
                    )
                )
            vals = {"state": "signed", "signed_by_id": self.env.user.id}
            if order.name == "/":
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(order.company_id)
                    .next_by_code("municipal.bonus.order")
                    or "/"
                )
            order._lock_write(vals)
            order.review_ids._lock_transition(
                ("approved",), {"state": "ordered", "order_id": order.id}, action=action
            )
        return True

    def _payroll_rows(self):
        """Rows of the payroll export: one per servant."""
        self.ensure_one()
        return [
            {
                "identification": line.identification_id or "",
                "name": line.employee_name,
                "position": line.job_title or "",
                "unit": line.department_id.name or "",
                "bonus": line.bonus_percent,
                "reduction": line.reduction_percent,
                "indicators": line.indicator_codes or "",
                "wordings": line._indicator_wordings(),
            }
            for line in self.line_ids
        ]

    def _official_signatories(self):
        """The signature block of the order: the head of local self-government."""
        self.ensure_one()
        user = self.signed_by_id.sudo()
        employee = user.employee_ids.filtered(lambda e: e.company_id == self.company_id)[:1]
        return [
            {
                "position": self.env._("Head of local self-government"),
                "name": self.signatory_name or employee.name or user.name or "",
            }
        ]

    def _order_file_name(self):
        self.ensure_one()
        lang = self.company_id._municipal_document_lang()
        env = self.with_context(lang=lang).env
        if self.state != "signed" or self.name == "/":
            return env._("Order (draft) — %(period)s", period=self.period_id.name)
        return env._("Order %(number)s", number=self.name)

    def _payroll_file_name(self):
        self.ensure_one()
        lang = self.company_id._municipal_document_lang()
        return self.with_context(lang=lang).env._("Payroll — %(name)s", name=self.name)
