"""18.0.1.0.3: the clauses of 2.1 are `noupdate` again once they received the act's text."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE ir_model_data
           SET noupdate = TRUE
         WHERE module = 'edu_standard'
           AND model = 'edu.standard.requirement'
           AND name LIKE 'requirement\\_2\\_1\\_%'
        """
    )
