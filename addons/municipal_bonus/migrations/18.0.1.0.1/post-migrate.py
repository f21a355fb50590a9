"""18.0.1.0.1: the indicator catalogue is versioned and the version of the act in force is
locked. The indicators installed before belong to the first version (Распоряжение 133-р of
18.05.2020), which is put in force."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    catalogue = env.ref("municipal_bonus.catalogue_133r", raise_if_not_found=False)
    if not catalogue:
        return
    Indicator = env["municipal.bonus.indicator"].with_context(active_test=False)
    orphans = Indicator.search([("catalogue_id", "=", False)])
    if catalogue.state == "draft":
        orphans.write({"catalogue_id": catalogue.id})
        catalogue.action_put_in_force()
