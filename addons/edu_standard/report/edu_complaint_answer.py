from odoo import api, models
from odoo.exceptions import UserError


class ReportEduComplaintAnswer(models.AbstractModel):
    """Official answer to the applicant (2.6.5 d, 2.6.6): printed only once answered."""

    _name = "report.edu_standard.report_complaint_answer"
    _description = "Answer Letter to a Complaint"

    @api.model
    def _get_report_values(self, docids, data=None):
        complaints = self.env["edu.complaint"].browse(docids)
        unanswered = complaints.filtered(lambda c: c.state not in ("answered", "closed"))
        if unanswered:
            raise UserError(
                self.env._(
                    "The complaint %(name)s is not answered yet: there is no letter to print.",
                    name=unanswered[0].name,
                )
            )
        return {
            "doc_ids": complaints.ids,
            "doc_model": "edu.complaint",
            "docs": complaints,
        }
