"""18.0.1.0.2: the applicant's legal capacity is confirmed on filing (section 2.6.3). The
complaints registered before this version were accepted under the same Standard, which admits
only a capable applicant: they are recorded as confirmed, so that their escalation (which
copies the confirmation) keeps working."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE edu_complaint
           SET legal_capacity_confirmed = TRUE
         WHERE legal_capacity_confirmed IS NOT TRUE
        """
    )
