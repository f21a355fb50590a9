from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class CultureContestScore(models.Model):
    """A juror's points for one criterion of one application of the open contest."""

    _name = "culture.contest.score"
    _description = "Contest Jury Score"
    _inherit = ["municipal.lock.mixin"]
    _order = "application_id, criterion_id, juror_id"

    _lock_state_field = "contest_state"
    _lock_states = ("approved", "published")

    application_id = fields.Many2one(
        "culture.contest.application", required=True, ondelete="cascade", index=True
    )
    contest_id = fields.Many2one(
        related="application_id.contest_id", store=True, index=True, string="Contest"
    )
    contest_state = fields.Selection(related="contest_id.state", string="Contest status")
    company_id = fields.Many2one(related="application_id.company_id", store=True)
    institution_id = fields.Many2one(related="application_id.institution_id", string="Institution")
    criterion_id = fields.Many2one(
        "culture.contest.criterion",
        required=True,
        ondelete="restrict",
        domain="[('contest_id', '=', contest_id), ('source', '=', 'jury')]",
    )
    max_points = fields.Float(related="criterion_id.max_points", string="Out of")
    juror_id = fields.Many2one(
        "res.users",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.user,
    )
    points = fields.Float(digits=(6, 2), required=True, aggregator="avg")
    note = fields.Char()

    _sql_constraints = [
        (
            "score_uniq",
            "unique(application_id, criterion_id, juror_id)",
            "A juror scores a criterion of an application once.",
        ),
    ]

    @api.constrains("points", "criterion_id", "application_id")
    def _check_points(self):
        for score in self:
            if score.criterion_id.contest_id != score.application_id.contest_id:
                raise ValidationError(self.env._("The criterion is not one of this contest."))
            if score.criterion_id.source != "jury":
                raise ValidationError(
                    self.env._("The independent rating gives its points; the jury does not.")
                )
            if not 0 <= score.points <= score.criterion_id.max_points:
                raise ValidationError(
                    self.env._(
                        "%(criterion)s: between 0 and %(max)s points.",
                        criterion=score.criterion_id.name,
                        max=score.criterion_id.max_points,
                    )
                )

    def _check_juror(self):
        """Only a member of the contest's jury scores, in his own name, while the jury works."""
        if self.env.su:
            return
        for score in self:
            if score.juror_id != self.env.user or self.env.user not in score.contest_id.jury_ids:
                raise AccessError(self.env._("Only the juror himself scores, in his own name."))
            if score.contest_id.state != "judging" or score.application_id.state != "submitted":
                raise UserError(
                    self.env._("The jury scores submitted applications while it works.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if vals.get("juror_id", self.env.uid) != self.env.uid:
                    raise AccessError(self.env._("Only the juror himself scores, in his own name."))
        scores = super().create(vals_list)
        scores._check_juror()
        return scores

    def write(self, vals):
        self.check_access("write")
        if "juror_id" in vals and not self.env.su:
            raise AccessError(self.env._("Only the juror himself scores, in his own name."))
        self._check_juror()
        result = super().write(vals)
        self._check_juror()
        return result
