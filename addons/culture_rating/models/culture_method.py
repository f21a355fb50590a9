from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from . import scoring


class CultureMethod(models.Model):
    """A version of the assessment methodology: criteria and indicators as data.

    The department adopts a version; an adopted version is locked, a new version is a copy.
    A campaign pins the version it started with.
    """

    _name = "culture.method"
    _description = "Assessment Methodology Version"
    _inherit = ["mail.thread", "municipal.lock.mixin"]
    _order = "code, version desc"

    # an adopted (or superseded) version is frozen: a change is a new version
    _lock_states = ("adopted", "superseded")
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, tracking=True, translate=True)
    code = fields.Char(
        required=True, default="NOK", help="Methodology family; its versions share the code."
    )
    version = fields.Integer(required=True, default=1, tracking=True, aggregator=False)
    state = fields.Selection(
        [("draft", "Draft"), ("adopted", "Adopted"), ("superseded", "Superseded")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    legal_basis = fields.Char(help="Act establishing the methodology.")
    adoption_date = fields.Date(copy=False, tracking=True)
    previous_id = fields.Many2one("culture.method", string="Previous version", copy=False)
    criterion_ids = fields.One2many("culture.criterion", "method_id", string="Criteria")
    indicator_ids = fields.One2many("culture.indicator", "method_id", string="Indicators")
    campaign_ids = fields.One2many("culture.campaign", "method_id", string="Campaigns")
    proposal_ids = fields.One2many("culture.proposal", "method_id", string="Proposals")
    description = fields.Html()

    _sql_constraints = [
        ("code_version_uniq", "unique(code, version)", "This version of the methodology exists."),
    ]

    def write(self, vals):
        self.check_access("write")  # the access rights answer first, then the lock
        return super().write(vals)

    @api.depends("name", "version")
    def _compute_display_name(self):
        for method in self:
            method.display_name = f"{method.name} (v{method.version})"

    def _check_consistency(self):
        for method in self:
            if not method.criterion_ids:
                raise ValidationError(self.env._("A methodology needs at least one criterion."))
            for criterion in method.criterion_ids:
                if not criterion.indicator_ids:
                    raise ValidationError(
                        self.env._("The criterion %s has no indicator.", criterion.name)
                    )
                problem = scoring.weights_problem(criterion.indicator_ids.mapped("weight"))
                if problem:
                    raise ValidationError(
                        self.env._(
                            "Criterion %(criterion)s: the weights of its indicators must add "
                            "up to 1 (now %(total)s).",
                            criterion=criterion.name,
                            total=round(sum(criterion.indicator_ids.mapped("weight")), 4),
                        )
                    )

    def action_adopt(self):
        self._lock_check_groups(
            "culture_rating.group_culture_manager", action=self.env._("adopting a methodology")
        )
        for method in self:
            if method.state != "draft":
                raise UserError(self.env._("Only a draft methodology can be adopted."))
        self._check_consistency()
        for method in self:
            older = self.search(
                [("code", "=", method.code), ("state", "=", "adopted"), ("id", "!=", method.id)]
            )
            older._lock_write({"state": "superseded"})
            method._lock_write(
                {"state": "adopted", "adoption_date": method.adoption_date or fields.Date.today()}
            )
        return True

    def action_new_version(self):
        """Copy the methodology with its criteria and indicators into a new draft version."""
        self.ensure_one()
        self._lock_check_groups(
            "culture_rating.group_culture_manager",
            action=self.env._("preparing a new version of a methodology"),
        )
        last = self.search([("code", "=", self.code)], order="version desc", limit=1)
        new = self.copy({"version": last.version + 1, "previous_id": self.id, "name": self.name})
        for criterion in self.criterion_ids:
            new_criterion = criterion.copy({"method_id": new.id, "indicator_ids": False})
            new_criterion.write(
                {
                    "indicator_ids": [
                        Command.create(vals)
                        for vals in criterion.indicator_ids.with_context(
                            active_test=False
                        ).copy_data()
                    ]
                }
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "culture.method",
            "res_id": new.id,
            "view_mode": "form",
        }

    def _check_draft(self):
        if self.filtered(lambda m: m.state != "draft"):
            raise UserError(
                self.env._(
                    "An adopted methodology is locked: create a new version to change its "
                    "criteria or indicators."
                )
            )
