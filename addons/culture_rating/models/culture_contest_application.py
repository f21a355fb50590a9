from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from . import deadlines

USER_GROUP = "culture_rating.group_culture_user"
HEAD_GROUP = "culture_rating.group_culture_institution_head"


class CultureContestApplication(models.Model):
    """An institution's application to the open contest, with its materials."""

    _name = "culture.contest.application"
    _description = "Contest Application"
    _inherit = ["mail.thread", "mail.activity.mixin", "municipal.lock.mixin"]
    _order = "contest_id, rank, id"
    _rec_name = "institution_id"

    _lock_workflow_fields = frozenset(
        {"state", "submitted_on", "submitted_by_id", "rating_points", "total", "rank", "is_winner"}
    )

    contest_id = fields.Many2one(
        "culture.contest", required=True, ondelete="restrict", index=True, tracking=True
    )
    contest_state = fields.Selection(related="contest_id.state", string="Contest status")
    company_id = fields.Many2one(related="contest_id.company_id", store=True, index=True)
    institution_id = fields.Many2one(
        "culture.institution", required=True, ondelete="restrict", index=True, tracking=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("withdrawn", "Withdrawn")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    description = fields.Text(
        string="Presentation", help="What the institution presents to the contest."
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "culture_contest_application_attachment_rel",
        "application_id",
        "attachment_id",
        string="Materials",
        help="The materials of the application (reports, photographs, programmes...).",
    )
    submitted_on = fields.Date(readonly=True, copy=False)
    submitted_by_id = fields.Many2one("res.users", string="Submitted by", readonly=True)
    score_ids = fields.One2many("culture.contest.score", "application_id", string="Jury scores")
    rating_points = fields.Float(
        readonly=True, digits=(6, 2), string="Points of the independent rating"
    )
    total = fields.Float(readonly=True, digits=(6, 2), aggregator="avg")
    rank = fields.Integer(readonly=True, aggregator=False)
    is_winner = fields.Boolean(string="Winner", readonly=True)

    _sql_constraints = [
        (
            "contest_institution_uniq",
            "unique(contest_id, institution_id)",
            "An institution applies once to a contest.",
        ),
    ]

    def _lock_is_locked(self):
        self.ensure_one()
        return self.state != "draft" or self.contest_state in ("judging", "approved", "published")

    def write(self, vals):
        self.check_access("write")  # the access rights answer first, then the lock
        return super().write(vals)

    def _check_applicant(self, action):
        """The culture department, or the head of the institution that applies."""
        if self.env.su or self.env.user.has_group(USER_GROUP):
            return
        for application in self:
            if application.institution_id.head_user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "%(action)s is reserved to the culture department and to the head of "
                        "the institution.",
                        action=action,
                    )
                )

    def action_submit(self):
        self._check_applicant(self.env._("Submitting an application"))
        today = fields.Date.context_today(self)
        for application in self:
            if application.state != "draft":
                raise UserError(self.env._("The application is already submitted."))
            contest = application.contest_id
            if contest.state != "announced" or not deadlines.contest_open(
                contest.application_deadline, today
            ):
                raise UserError(
                    self.env._(
                        "Applications to %(contest)s were taken until %(deadline)s.",
                        contest=contest.name,
                        deadline=contest.application_deadline or "-",
                    )
                )
            if not application.description or not application.attachment_ids:
                raise UserError(self.env._("Present the institution and attach its materials."))
        self._lock_write(
            {"state": "submitted", "submitted_on": today, "submitted_by_id": self.env.uid}
        )
        return True

    def action_withdraw(self):
        self._check_applicant(self.env._("Withdrawing an application"))
        for application in self:
            if application.state != "submitted" or application.contest_state != "announced":
                raise UserError(
                    self.env._("Only a submitted application of an open contest is withdrawn.")
                )
        self._lock_write({"state": "withdrawn"})
        return True

    @api.model_create_multi
    def create(self, vals_list):
        applications = super().create(vals_list)
        applications._check_applicant(self.env._("Applying to a contest"))
        if applications.filtered(lambda a: a.contest_id.state != "announced"):
            raise UserError(self.env._("The contest does not take applications."))
        return applications
