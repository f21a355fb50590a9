from odoo import fields, models

from odoo.addons.municipal_quality.models.municipal_quality_case import MunicipalQualityCase


class MunicipalQualityCaseBook(models.Model):
    """A complaint written in the complaints and suggestions book opens a quality case."""

    _inherit = "municipal.quality.case"

    _lock_workflow_fields = MunicipalQualityCase._lock_workflow_fields | {"complaint_id"}

    source = fields.Selection(
        selection_add=[("book", "Complaints book")], ondelete={"book": "cascade"}
    )
    complaint_id = fields.Many2one(
        "municipal.complaint", string="Book entry", readonly=True, ondelete="set null"
    )
