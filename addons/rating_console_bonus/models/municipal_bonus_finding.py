from odoo import api, models
from odoo.exceptions import ValidationError

from odoo.addons.rating_console.models import indicators

# The records of rating_console that carry console results (votes and their monitoring).
CONSOLE_RESULT_MODELS = ("municipal.console.vote", "municipal.console.report")


class MunicipalBonusFinding(models.Model):
    _inherit = "municipal.bonus.finding"

    def _console_result_purpose(self):
        """The use made of a console result linked as the source of this finding: evidence of
        a disciplinary sanction for the indicators fed by sanctions, a bonus otherwise."""
        self.ensure_one()
        if self.indicator_id.evidence_kind == "sanction":
            return "disciplinary"
        return "bonus"

    @api.constrains("source_model", "source_res_id", "indicator_id")
    def _check_console_result_not_disciplinary(self):
        for finding in self:
            if finding.source_model not in CONSOLE_RESULT_MODELS:
                continue
            if indicators.usage_refused(finding._console_result_purpose()):
                raise ValidationError(
                    self.env._(
                        "The results of the rating consoles cannot be the evidence of a "
                        "disciplinary sanction (%(code)s for %(employee)s): the order on the "
                        "rating consoles forbids using them for any disciplinary or other "
                        "sanction (section 4.8).",
                        code=finding.indicator_id.code,
                        employee=finding.line_id.employee_name,
                    )
                )
