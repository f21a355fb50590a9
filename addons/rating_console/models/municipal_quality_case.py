from odoo import fields, models

from odoo.addons.municipal_quality.models.municipal_quality_case import MunicipalQualityCase


class MunicipalQualityCaseBook(models.Model):
    """A complaint written in the complaints and suggestions book, or a Bad vote the client
    explained on a tablet console, opens a quality case."""

    _inherit = "municipal.quality.case"

    _lock_workflow_fields = MunicipalQualityCase._lock_workflow_fields | {
        "complaint_id",
        "vote_id",
    }

    source = fields.Selection(
        selection_add=[("book", "Complaints book"), ("console", "Console vote explained")],
        ondelete={"book": "cascade", "console": "cascade"},
    )
    vote_id = fields.Many2one(
        "municipal.console.vote",
        string="Console vote",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        help="The Bad vote whose client told why on a tablet console.",
    )
    vote_reason_id = fields.Many2one(related="vote_id.reason_id", string="Reason given")
    complaint_id = fields.Many2one(
        "municipal.complaint", string="Book entry", readonly=True, ondelete="set null"
    )
