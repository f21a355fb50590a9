from odoo import api, fields, models
from odoo.exceptions import AccessError


class MunicipalSettings(models.TransientModel):
    """The settings of the suite that each addon's managers change for their company, without
    being administrators (Odoo's Settings app is for administrators only).

    Each addon declares its fields in `_municipal_settings()`: {field: (group, store)}, where
    store is "company" (the field of the same name on res.company) or the key of a system
    parameter. A value is loaded and written only for a user of the field's group; the write is
    done by the server for the user's current company, whatever the client sends."""

    _name = "municipal.settings"
    _description = "Municipal Settings"

    quality_target = fields.Float(string="Target", digits=(5, 2))
    quality_survey_id = fields.Many2one(
        "survey.survey",
        string="Citizen questionnaire",
        domain="[('is_quality_survey', '=', True)]",
    )
    quality_portal_published = fields.Boolean(string="Publish on the portal")
    quality_min_respondents = fields.Integer(string="Minimum respondents")
    quality_voice_period_hours = fields.Integer(string="One response per device (hours)")
    quality_voice_address_limit = fields.Integer(string="Responses per client address")
    quality_kiosk_reset_seconds = fields.Integer(string="Office tablet reset (seconds)")
    quality_case_sla_questionnaire = fields.Integer(string="Case from an answer (days)")
    quality_case_sla_alert = fields.Integer(string="Case from an alert (days)")
    quality_case_sla_manual = fields.Integer(string="Case opened by hand (days)")

    @api.model
    def _municipal_settings(self):
        manager = "municipal_quality.group_quality_manager"
        return {
            "quality_target": (manager, "company"),
            "quality_survey_id": (manager, "company"),
            "quality_portal_published": (manager, "company"),
            "quality_min_respondents": (manager, "company"),
            "quality_voice_period_hours": (manager, "company"),
            "quality_voice_address_limit": (manager, "company"),
            "quality_kiosk_reset_seconds": (manager, "company"),
            "quality_case_sla_questionnaire": (manager, "company"),
            "quality_case_sla_alert": (manager, "company"),
            "quality_case_sla_manual": (manager, "company"),
        }

    def _allowed_settings(self):
        user = self.env.user
        return {
            name: store
            for name, (group, store) in self._municipal_settings().items()
            if user.has_group(group)
        }

    def _stored_value(self, name, store):
        field = self._fields[name]
        if store == "company":
            value = self.env.company.sudo()[name]
            return value.id if field.type == "many2one" else value
        raw = self.env["ir.config_parameter"].sudo().get_param(store)
        if raw in (None, False, "") and field.default:
            return field.default(self)
        if field.type == "integer":
            return int(raw) if raw and str(raw).lstrip("-").isdigit() else 0
        if field.type == "boolean":
            return bool(raw) and raw not in ("False", "0")
        return raw or False

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        for name, store in self._allowed_settings().items():
            if name in fields_list:
                values[name] = self._stored_value(name, store)
        return values

    def _check_settings_vals(self, vals):
        forbidden = set(vals) & set(self._municipal_settings()) - set(self._allowed_settings())
        if forbidden:
            labels = ", ".join(sorted(self._fields[name].string for name in forbidden))
            raise AccessError(
                self.env._("You may not change these settings: %(labels)s.", labels=labels)
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_settings_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_settings_vals(vals)
        return super().write(vals)

    def action_apply(self):
        """Write the changed settings of the user's groups to his current company."""
        self.ensure_one()
        company_vals = {}
        parameters = self.env["ir.config_parameter"].sudo()
        for name, store in self._allowed_settings().items():
            field = self._fields[name]
            value = self[name].id if field.type == "many2one" else self[name]
            if field.type == "many2one" and self[name]:
                # a record the user may not read is not his to choose
                self[name].check_access("read")
            if value == self._stored_value(name, store):
                continue
            if store == "company":
                company_vals[name] = value
            else:
                parameters.set_param(store, value)
        if company_vals:
            self.env.company.sudo().write(company_vals)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "Settings saved for %(company)s.", company=self.env.company.name
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
