from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class MunicipalBonusPeriod(models.Model):
    """A period of work the premium is paid for: a quarter, a year or another period
    (section 3 of the regulation)."""

    _name = "municipal.bonus.period"
    _description = "Bonus Period"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"

    name = fields.Char(required=True, tracking=True)
    period_type = fields.Selection(
        [("quarter", "Quarter"), ("year", "Year"), ("other", "Other period")],
        string="Type",
        required=True,
        default="quarter",
        tracking=True,
    )
    date_from = fields.Date(string="From", required=True, tracking=True)
    date_to = fields.Date(string="To", required=True, tracking=True)
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")],
        required=True,
        default="open",
        tracking=True,
        help="A closed period accepts no new bonus review.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    review_ids = fields.One2many("municipal.bonus.review", "period_id", string="Reviews")
    review_count = fields.Integer(compute="_compute_review_count")

    _sql_constraints = [
        ("dates_order", "CHECK(date_from <= date_to)", "A period cannot end before it starts."),
    ]

    @api.depends("review_ids")
    def _compute_review_count(self):
        counts = dict(
            self.env["municipal.bonus.review"]._read_group(
                [("period_id", "in", self.ids)], ["period_id"], ["__count"]
            )
        )
        for period in self:
            period.review_count = counts.get(period, 0)

    @api.constrains("date_from", "date_to", "period_type", "company_id")
    def _check_overlap(self):
        for period in self:
            if self.search_count(
                [
                    ("id", "!=", period.id),
                    ("company_id", "=", period.company_id.id),
                    ("period_type", "=", period.period_type),
                    ("date_from", "<=", period.date_to),
                    ("date_to", ">=", period.date_from),
                ]
            ):
                raise ValidationError(
                    self.env._(
                        "The period '%(name)s' overlaps another period of the same type.",
                        name=period.name,
                    )
                )

    def _check_hr(self):
        if not (self.env.su or self.env.user.has_group("municipal_bonus.group_bonus_manager")):
            raise AccessError(self.env._("Only the HR service opens and closes the periods."))

    def action_close(self):
        self._check_hr()
        self.write({"state": "closed"})
        return True

    def action_reopen(self):
        self._check_hr()
        self.write({"state": "open"})
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_without_reviews(self):
        if self.review_ids:
            raise UserError(self.env._("A period with bonus reviews cannot be deleted."))

    def action_prepare_reviews(self):
        """HR: a draft review for each unit of the company that has servants and no review of
        the period yet, with its servants filled in and the suggestions of Odoo computed."""
        self.ensure_one()
        if not self.env.user.has_group("municipal_bonus.group_bonus_manager"):
            raise AccessError(self.env._("Only the HR service prepares the reviews of a period."))
        if self.state != "open":
            raise UserError(
                self.env._(
                    "The period '%(period)s' is closed: it accepts no new bonus review.",
                    period=self.name,
                )
            )
        Review = self.env["municipal.bonus.review"]
        done = Review.search(
            [("period_id", "=", self.id), ("review_kind", "=", "unit")]
        ).department_id
        groups = (
            self.env["hr.employee"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "in", [self.company_id.id, False]),
                    ("department_id", "!=", False),
                    ("department_id", "not in", done.ids),
                    ("bonus_category", "not in", [False, "highest_head"]),
                ],
                ["department_id"],
            )
        )
        # a servant is reviewed in their unit, a head of a unit in the superior unit
        units = self.env["hr.department"]
        for (department,) in groups:
            units |= department
            if department.parent_id and department.parent_id not in done:
                units |= department.parent_id
        reviews = Review.create(
            [{"department_id": unit.id, "period_id": self.id} for unit in units]
        )
        reviews.action_fill_lines()
        # a review left empty goes, unless it is the one that says who is left out (the head
        # of a top-level unit)
        empty = reviews.filtered(lambda r: not r.line_ids and not r._preparation_problems())
        empty.unlink()
        reviews = reviews - empty
        reviews.action_suggest()
        problems = [
            (review.name, problem)
            for review in reviews
            for problem in review._preparation_problems()
        ]
        if problems:
            self.message_post(
                body=Markup("<p>%s</p><ul>%s</ul>")
                % (
                    self.env._("The preparation of the reviews needs a decision:"),
                    Markup().join(
                        Markup("<li><b>%s</b>: %s</li>") % (name, problem)
                        for name, problem in problems
                    ),
                )
            )
        action = self.action_view_reviews()
        action["domain"] = [("id", "in", reviews.ids)]
        return action

    def action_view_reviews(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "municipal_bonus.municipal_bonus_review_action"
        )
        action["domain"] = [("period_id", "=", self.id)]
        action["context"] = {"default_period_id": self.id}
        return action
