from odoo import api, fields, models
from odoo.exceptions import ValidationError

from . import scoring

POSITION_GROUP_SELECTION = [
    ("highest", "Highest"),
    ("main", "Main"),
    ("leading", "Leading"),
    ("senior", "Senior"),
    ("junior", "Junior"),
]
POSITION_FUNCTION_SELECTION = [
    ("head", "Head"),
    ("specialist", "Specialist"),
]


def check_head_group(records, env):
    for record in records:
        if record.position_function == "head" and not scoring.head_allowed(record.position_group):
            raise ValidationError(
                env._(
                    "%(name)s: the function 'head' exists only in the highest, main and "
                    "leading groups of municipal-service positions.",
                    name=record.display_name,
                )
            )


class HrJob(models.Model):
    _inherit = "hr.job"

    position_group = fields.Selection(
        POSITION_GROUP_SELECTION,
        string="Municipal-service group",
        help="Group of municipal-service positions of this job (highest, main, leading, "
        "senior, junior).",
    )
    position_function = fields.Selection(
        POSITION_FUNCTION_SELECTION,
        string="Function",
        help="Function the position is established for: 'head' (highest, main and leading "
        "groups only) or 'specialist'.",
    )

    @api.constrains("position_group", "position_function")
    def _check_head_group(self):
        check_head_group(self, self.env)
