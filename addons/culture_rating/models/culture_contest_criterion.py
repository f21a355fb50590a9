from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class CultureContestCriterion(models.Model):
    """A criterion of the open contest with its points: scored by the jury, or given by the
    independent rating (the institution's total scaled to the criterion's points)."""

    _name = "culture.contest.criterion"
    _description = "Contest Criterion"
    _inherit = ["municipal.lock.mixin"]
    _order = "contest_id, sequence, id"

    _lock_state_field = "contest_state"
    _lock_states = ("announced", "judging", "approved", "published")

    contest_id = fields.Many2one("culture.contest", required=True, ondelete="cascade", index=True)
    contest_state = fields.Selection(related="contest_id.state", string="Contest status")
    company_id = fields.Many2one(related="contest_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Criterion", required=True)
    description = fields.Text(help="What the jury looks at.")
    max_points = fields.Float(string="Points", required=True, default=10.0, digits=(6, 2))
    source = fields.Selection(
        [("jury", "Jury score"), ("rating", "Independent rating")],
        required=True,
        default="jury",
        help="Jury score: the mean of the jurors' points. Independent rating: the institution's "
        "total in the published rating chosen on the contest, total / 100 x points.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        contests = self.env["culture.contest"].browse(
            [vals["contest_id"] for vals in vals_list if vals.get("contest_id")]
        )
        locked = contests.filtered(lambda c: c._lock_is_locked()) - contests._lock_lifted()
        if locked:
            raise UserError(
                self.env._("%s is announced: its criteria are those published.", locked[0].name)
            )
        return super().create(vals_list)

    def write(self, vals):
        self.check_access("write")  # the access rights answer first, then the lock
        return super().write(vals)

    @api.constrains("max_points", "source", "contest_id")
    def _check_points(self):
        for criterion in self:
            if criterion.max_points <= 0:
                raise ValidationError(self.env._("A criterion is worth more than 0 points."))
            ratings = criterion.contest_id.criterion_ids.filtered(lambda c: c.source == "rating")
            if len(ratings) > 1:
                raise ValidationError(
                    self.env._("The independent rating is one criterion of the contest.")
                )
