from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError


class MunicipalBonusCatalogue(models.Model):
    """A version of the catalogue of the negative indicators of section 3.1 (Положение 133-р),
    tied to the act that establishes it.

    The catalogue of the act in force is locked, its percents and wording with it: a change
    comes as a new version of the catalogue tied to the amending act, prepared as a draft copy
    and put in force by HR, which supersedes the version before.
    """

    _name = "municipal.bonus.catalogue"
    _description = "Indicator Catalogue Version"
    _inherit = ["mail.thread", "municipal.lock.mixin"]
    _order = "version desc, id desc"

    # the catalogue in force (or superseded) is frozen: a change is a new version
    _lock_states = ("in_force", "superseded")
    _lock_workflow_fields = frozenset({"date_in_force", "previous_id"})

    name = fields.Char(required=True, tracking=True)
    version = fields.Integer(required=True, default=1, tracking=True, aggregator=False)
    state = fields.Selection(
        [("draft", "Draft"), ("in_force", "In force"), ("superseded", "Superseded")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    legal_act = fields.Char(
        string="Act",
        required=True,
        tracking=True,
        help="The act that establishes this version of the catalogue: the regulation itself "
        "for the first version, the amending act for the next ones (number and date).",
    )
    legal_act_date = fields.Date(string="Date of the act", tracking=True)
    date_in_force = fields.Date(string="In force since", copy=False, tracking=True)
    previous_id = fields.Many2one(
        "municipal.bonus.catalogue", string="Previous version", copy=False, readonly=True
    )
    company_id = fields.Many2one(
        "res.company", help="Leave empty for the catalogue of every company."
    )
    indicator_ids = fields.One2many(
        "municipal.bonus.indicator",
        "catalogue_id",
        string="Indicators",
        context={"active_test": False},
    )
    indicator_count = fields.Integer(compute="_compute_indicator_count")

    _sql_constraints = [
        ("version_uniq", "unique(company_id, version)", "This version of the catalogue exists."),
    ]

    @api.depends("indicator_ids")
    def _compute_indicator_count(self):
        for catalogue in self:
            catalogue.indicator_count = len(catalogue.indicator_ids)

    @api.depends("name", "version")
    def _compute_display_name(self):
        for catalogue in self:
            catalogue.display_name = f"{catalogue.name} (v{catalogue.version})"

    def write(self, vals):
        self.check_access("write")  # the access rights answer first, then the lock
        return super().write(vals)

    def _check_draft(self):
        if self.filtered(lambda catalogue: catalogue.state != "draft"):
            raise UserError(
                self.env._(
                    "The indicator catalogue of the act in force is locked: create a new "
                    "version, tied to the amending act, to change its indicators or their "
                    "percents."
                )
            )

    def action_new_version(self):
        """Copy the catalogue with its indicators into a new draft version, to be tied to the
        amending act."""
        self.ensure_one()
        self._lock_check_groups(
            "municipal_bonus.group_bonus_manager",
            action=self.env._("preparing a new version of the indicator catalogue"),
        )
        last = self.search([("company_id", "=", self.company_id.id)], order="version desc", limit=1)
        new = self.copy(
            {
                "version": last.version + 1,
                "name": self.name,
                "legal_act": self.env._("Amending act (number and date)"),
                "legal_act_date": False,
                "indicator_ids": [
                    Command.create(vals)
                    for vals in self.indicator_ids.with_context(active_test=False).copy_data()
                ],
            }
        )
        with new._lock_lift():
            new.write({"previous_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }

    def action_put_in_force(self):
        """Put a draft version in force: the version in force before is superseded, and the
        findings of the reviews still in draft follow the indicators of the new version."""
        action = self.env._("putting an indicator catalogue in force")
        self._lock_check_groups("municipal_bonus.group_bonus_manager", action=action)
        self._lock_check_state(("draft",), action=action)
        for catalogue in self:
            if not catalogue.indicator_ids.filtered("active"):
                raise ValidationError(
                    self.env._("The catalogue %(name)s has no indicator.", name=catalogue.name)
                )
            if catalogue.previous_id and not (
                (catalogue.legal_act or "").strip() and catalogue.legal_act_date
            ):
                raise ValidationError(
                    self.env._(
                        "A new version of the indicator catalogue comes with the amending act: "
                        "give its number and date."
                    )
                )
            in_force = self.search(
                [
                    ("state", "=", "in_force"),
                    ("company_id", "=", catalogue.company_id.id),
                    ("id", "!=", catalogue.id),
                ]
            )
            in_force._lock_write({"state": "superseded"})
            catalogue._lock_write(
                {
                    "state": "in_force",
                    "date_in_force": catalogue.legal_act_date or fields.Date.context_today(self),
                }
            )
            catalogue._move_draft_findings(in_force.indicator_ids)
        return True

    def _move_draft_findings(self, old_indicators):
        """The reviews still in draft are prepared with the catalogue in force: their findings
        of an indicator of the superseded version move to the indicator of the same code."""
        self.ensure_one()
        if not old_indicators:
            return
        by_code = {indicator.code: indicator for indicator in self.indicator_ids.filtered("active")}
        findings = (
            self.env["municipal.bonus.finding"]
            .sudo()
            .search([("indicator_id", "in", old_indicators.ids), ("review_state", "=", "draft")])
        )
        for finding in findings:
            successor = by_code.get(finding.indicator_id.code)
            if successor:
                finding.write(
                    {
                        "indicator_id": successor.id,
                        "indicator_percent": successor.reduction_percent,
                    }
                )
