from odoo import models


class MunicipalBonusTierMixin(models.AbstractModel):
    """OCA tier validation as the bonus documents use it (reviews, special-task premiums).

    A document waits in ``_state_from`` while its tiers are reviewed; the last validation calls
    ``_on_tiers_validated()``, a rejection ``_on_tiers_rejected()``. Its own state changes go
    through ``_transition()``, which base_tier_validation's write check lets through.
    """

    _name = "municipal.bonus.tier.mixin"
    _description = "Bonus document approved through validation tiers"
    _inherit = ["tier.validation"]

    _cancel_state = "cancel"  # no such state: a rejected document keeps its tier history
    _tier_validation_manual_config = True

    # Fields a locked document (under validation, approved, rejected) still accepts from
    # anyone: the chatter and the bookkeeping of base_tier_validation.
    _locked_writable_fields = frozenset(
        {
            "message_follower_ids",
            "message_main_attachment_id",
            "access_token",
            "activity_ids",
            "review_ids",
        }
    )

    def _transition(self, vals):
        return self.with_context(municipal_bonus_transition=True, skip_validation_check=True).write(
            vals
        )

    def _on_tiers_validated(self):
        """Every tier is validated: the document is approved."""
        raise NotImplementedError

    def _on_tiers_rejected(self):
        """A tier is rejected: the document is rejected."""
        raise NotImplementedError

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers)
        # need_validation has no dependencies: it still holds its value from before the
        # tiers were requested
        self.invalidate_recordset(["need_validation"])
        if (
            not self.env.context.get("municipal_bonus_transition")
            and self.state in self._state_from
            and self.validation_status == "validated"
        ):
            self._on_tiers_validated()
        return res

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers)
        if self.state in self._state_from and self.validation_status == "rejected":
            self._on_tiers_rejected()
        return res
