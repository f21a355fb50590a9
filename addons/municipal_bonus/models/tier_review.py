from collections import defaultdict

from odoo import api, models
from odoo.exceptions import AccessError
from odoo.osv import expression


class TierReview(models.Model):
    """The validations of the bonus documents: base_tier_validation writes them as superuser
    inside the documents' checked buttons; nobody creates, writes or deletes them directly,
    and a user reads only those of the documents they read."""

    _inherit = "tier.review"

    @api.model
    def _municipal_locked_models(self):
        """Models whose validations are guarded: the bonus documents."""
        return {
            name
            for name in self.env.registry.descendants(["municipal.bonus.tier.mixin"], "_inherit")
            if not self.env[name]._abstract
        }

    def _municipal_guarded(self):
        ours = self._municipal_locked_models()
        return self.sudo().filtered(lambda r: r.model in ours).with_env(self.env)

    def _municipal_refuse(self, models_names):
        documents = ", ".join(
            sorted(self.env[name]._description_translated() for name in models_names)
        )
        return AccessError(
            self.env._(
                "The validations of %(documents)s are recorded by the Approve and Reject "
                "buttons of the document only: nobody creates, changes or deletes them "
                "directly.",
                documents=documents,
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            ours = self._municipal_locked_models()
            forged = {vals.get("model") for vals in vals_list} & ours
            if forged:
                raise self._municipal_refuse(forged)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and (guarded := self._municipal_guarded()):
            raise self._municipal_refuse(set(guarded.sudo().mapped("model")))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_municipal_guarded(self):
        if not self.env.su and (guarded := self._municipal_guarded()):
            raise self._municipal_refuse(set(guarded.sudo().mapped("model")))

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if self.env.su or not self._ids:
            return result
        forbidden = result[0] if result else self.browse()
        ours = self._municipal_locked_models()
        by_model = defaultdict(set)
        for review in (self - forbidden).sudo():
            if review.model in ours:
                by_model[review.model].add(review.res_id)
        if not by_model:
            return result
        refused = self.browse()
        for model, res_ids in by_model.items():
            if operation == "read":
                documents = self.env[model].browse(res_ids).exists()
                readable = set(documents._filtered_access("read").ids)
                res_ids = res_ids - readable
            refused |= (
                (self - forbidden)
                .sudo()
                .filtered(lambda r, m=model, ids=res_ids: r.model == m and r.res_id in ids)
                .with_env(self.env)
            )
        if not refused:
            return result
        if operation == "read":
            Rule = self.env["ir.rule"]
            return forbidden | refused, lambda: Rule._make_access_error(
                operation, forbidden | refused
            )
        models_names = set(refused.sudo().mapped("model"))
        return forbidden | refused, lambda: self._municipal_refuse(models_names)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su:
            ours = sorted(self._municipal_locked_models())
            allowed = [[("model", "not in", ours)]]
            for model in ours:
                Document = self.env[model]
                if Document.has_access("read"):
                    allowed.append([("model", "=", model), ("res_id", "in", Document._search([]))])
            domain = expression.AND([list(domain or []), expression.OR(allowed)])
        return super()._search(domain, offset=offset, limit=limit, order=order)
