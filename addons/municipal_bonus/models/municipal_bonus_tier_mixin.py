from odoo import models
from odoo.exceptions import AccessError, UserError

# Context keys of base_tier_validation that skip one of its checks or steps. None of them does
# anything on the bonus documents: their lock (``municipal.lock.mixin``) reads no context key,
# and the entry points below drop these keys before calling base_tier_validation.
OCA_CONTEXT_KEYS = (
    "skip_validation_check",
    "skip_check_state_condition",
    "tier_validation_defer_compute_can_review",
)


class MunicipalBonusTierMixin(models.AbstractModel):
    """OCA tier validation as the bonus documents use it (reviews, special-task premiums), on
    the suite's lock (``municipal.lock.mixin``).

    A document waits in ``_state_from`` while its tiers are reviewed; the last validation calls
    ``_on_tiers_validated()``, a rejection ``_on_tiers_rejected()``. Its state and the other
    ``_lock_workflow_fields`` change only in its transitions (``_lock_write``), every stored
    field of a document in one of ``_lock_states`` is frozen but the chatter's and
    ``_lock_writable_fields``.

    Its validations (``tier.review``) are written by nobody but base_tier_validation itself,
    as superuser, inside ``_tier_decide`` (the buttons Approve / Reject), after checking that
    the acting user is a reviewer of the pending tier and none of ``_tier_not_self_fields``.
    """

    _name = "municipal.bonus.tier.mixin"
    _description = "Bonus document approved through validation tiers"
    _inherit = ["tier.validation", "municipal.lock.mixin"]

    _cancel_state = "cancel"  # no such state: a rejected document keeps its tier history
    _tier_validation_manual_config = True

    # The validations of the document are not a field anybody writes through the document
    _lock_workflow_fields = frozenset({"review_ids"})
    # Users who may not decide on the document (separation of duties), fields of the document
    _tier_not_self_fields = ()

    # ------------------------------------------------------------------ OCA's own checks
    def write(self, vals):
        # the lock first, before base_tier_validation reacts to a state in ``vals``
        self._lock_check_write(vals)
        return super().write(vals)

    def unlink(self):
        # the lock's refusal first; then the validations of the deleted drafts, which
        # base_tier_validation would delete as the user (who may not write them)
        self._lock_unlink_unlocked()
        self.sudo().review_ids.unlink()
        return super().unlink()

    def _tier_validation_check_write_allowed(self, vals):
        """base_tier_validation's write check under / after validation, which a client skips
        with ``skip_validation_check``: the lock replaces it, with no key to skip it."""
        return None

    def _check_state_from_condition(self):
        # the same without ``skip_check_state_condition``
        return (
            self._state_field in self._fields
            and self._tier_validation_get_current_state_value() in self._state_from
        )

    def _tier_clean(self):
        """These records without the context keys of base_tier_validation."""
        return self.with_context(**dict.fromkeys(OCA_CONTEXT_KEYS, False))

    # ------------------------------------------------------------------ public methods of OCA
    def request_validation(self):
        """Validation is requested by the document's own transition (submit, report)."""
        if self - self._lock_lifted():
            raise UserError(
                self.env._(
                    "%(document)s: the validation is requested by the buttons of the "
                    "document only.",
                    document=self._description_translated(),
                )
            )
        return super(MunicipalBonusTierMixin, self.sudo()._tier_clean()).request_validation()

    def restart_validation(self):
        """Validations are restarted by the document's own reset only."""
        if self - self._lock_lifted():
            raise UserError(
                self.env._(
                    "%(document)s: the validation is restarted by the buttons of the "
                    "document only.",
                    document=self._description_translated(),
                )
            )
        return super(MunicipalBonusTierMixin, self.sudo()._tier_clean()).restart_validation()

    def validate_tier(self):
        self.ensure_one()
        record = self._tier_clean()
        record._tier_check_decider(self.env._("the approval"))
        if record.has_comment:
            # the comment wizard comes back to _tier_decide
            return super(MunicipalBonusTierMixin, record).validate_tier()
        return record._tier_decide("validate")

    def reject_tier(self):
        self.ensure_one()
        record = self._tier_clean()
        record._tier_check_decider(self.env._("the rejection"))
        if record.has_comment:
            return super(MunicipalBonusTierMixin, record).reject_tier()
        return record._tier_decide("reject")

    # ------------------------------------------------------------------ decisions
    def _tier_pending_reviews(self):
        """The validations of this document the acting user decides now (sudo)."""
        self.ensure_one()
        if self.validation_status == "rejected":
            return self.env["tier.review"].sudo()
        sequences = self._get_sequences_to_approve(self.env.user)
        return self.sudo().review_ids.filtered(
            lambda r: r.sequence in sequences
            and r.status in ("waiting", "pending")
            and self.env.user in r.reviewer_ids
        )

    def _tier_check_decider(self, action):
        """Refuse unless the document waits for validation, the acting user is a reviewer of
        its pending tier and is none of the users who may not decide on it."""
        self.ensure_one()
        self._lock_check_state(self._state_from, action=action)
        self._lock_check_not_self(*self._tier_not_self_fields, action=action)
        if not self._tier_pending_reviews():
            raise AccessError(
                self.env._(
                    "%(document)s '%(name)s': you are not a reviewer of its pending "
                    "validation tier, so %(action)s is not yours.",
                    document=self._description_translated(),
                    name=self.display_name,
                    action=action,
                )
            )

    def _tier_decide(self, decision, comment=None):
        """Approve (``validate``) or reject (``reject``) the pending tier of the acting user:
        base_tier_validation writes the validations as superuser, for the acting user, past
        the lock of this document only."""
        self.ensure_one()
        record = self._tier_clean()
        action = (
            self.env._("the approval") if decision == "validate" else self.env._("the rejection")
        )
        record._tier_check_decider(action)
        reviews = record._tier_pending_reviews()
        document = record.sudo()
        with record._lock_lift():
            if comment:
                reviews.write({"comment": comment})
            if decision == "validate":
                document._validate_tier(reviews)
            else:
                document._rejected_tier(reviews)
            document._update_counter({"review_deleted": True})
        return True

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
        if self.state in self._state_from and self.validation_status == "validated":
            self._on_tiers_validated()
        return res

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers)
        if self.state in self._state_from and self.validation_status == "rejected":
            self._on_tiers_rejected()
        return res
