from odoo import models


class CommentWizard(models.TransientModel):
    """base_tier_validation's comment of a decision: on a bonus document it goes through the
    document's checked decision (``_tier_decide``), not straight to the validations."""

    _inherit = "comment.wizard"

    def add_comment(self):
        self.ensure_one()
        if self.res_model not in self.env["tier.review"]._municipal_locked_models():
            return super().add_comment()
        document = self.env[self.res_model].browse(self.res_id)
        decision = "validate" if self.validate_reject == "validate" else "reject"
        return document._tier_decide(decision, comment=self.comment)
