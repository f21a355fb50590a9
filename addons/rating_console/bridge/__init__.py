"""Console protocol, state machine, spool and HTTP sender of the rating consoles.

This package imports nothing from Odoo: the same files run inside the Odoo server (tests), on an
IoT box (loaded by the ``RatingConsoleDriver`` handler) and on any small Linux machine as a
standalone bridge (``python3 -m bridge`` from the addon directory, see readme/CONFIGURE.md).
"""
