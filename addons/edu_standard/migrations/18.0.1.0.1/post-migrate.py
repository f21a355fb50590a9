"""18.0.1.0.1: the counts of teachers are labelled as numbers (they were labelled as the
indicators' shares) and the applicant's status has its own label. Odoo keeps the old Russian
and Ukrainian labels of a renamed field on update; forget them so that the translations of this
version, loaded right after this script, apply."""

RELABELLED = (
    ("edu.standard.assessment", "teachers_higher_education"),
    ("edu.standard.assessment", "teachers_trained"),
    ("edu.complaint", "applicant_role"),
)


def migrate(cr, version):
    for model, name in RELABELLED:
        cr.execute(
            """
            UPDATE ir_model_fields
               SET field_description = jsonb_build_object('en_US', field_description->>'en_US')
             WHERE model = %s AND name = %s
            """,
            (model, name),
        )
