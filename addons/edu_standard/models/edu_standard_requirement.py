from odoo import fields, models


class EduStandardRequirement(models.Model):
    """A requirement of the Standard of quality (resolution 132 of 28.01.2014) that a complaint
    may say was violated and a check may verify."""

    _name = "edu.standard.requirement"
    _description = "Requirement of the Education Quality Standard"
    _order = "sequence, id"
    _rec_names_search = ["code", "name"]

    sequence = fields.Integer(default=10)
    code = fields.Char(
        string="Clause", required=True, help="Clause of the Standard, for example 2.5.1."
    )
    name = fields.Char(string="Requirement", required=True, translate=True)
    description = fields.Text(translate=True)
    act_text = fields.Text(
        string="Text of the Standard",
        help="The clause in the words of the Standard (resolution 132 of 28.01.2014), as the act "
        "gives it; a complaint or a check citing the clause cites this text.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Each clause of the Standard is listed once."),
    ]

    def _compute_display_name(self):
        for requirement in self:
            requirement.display_name = f"{requirement.code} {requirement.name}"
