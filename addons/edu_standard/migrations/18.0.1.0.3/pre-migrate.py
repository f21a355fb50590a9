"""18.0.1.0.3: the catalogue of the requirements covers every clause of 2.1 in the words of the
Standard. Its records are `noupdate`: the clauses of 2.1 already installed are opened to this one
update so that they receive the act's text (and their place in the catalogue), then closed
again by the post-migration."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE ir_model_data
           SET noupdate = FALSE
         WHERE module = 'edu_standard'
           AND model = 'edu.standard.requirement'
           AND name LIKE 'requirement\\_2\\_1\\_%'
        """
    )
