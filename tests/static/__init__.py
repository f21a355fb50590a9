"""Static checks of the suite: no database, no Odoo server (see _common.py)."""
