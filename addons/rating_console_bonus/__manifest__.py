# Copyright 2026 Municipal Service Quality contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Rating Consoles in Bonus Reviews",
    "summary": "Shows the console ratings of each servant in the monthly bonus reviews, as "
    "information only: never as evidence of a disciplinary sanction (Vinnytsia order 4.7-4.8)",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Municipal Bonuses",
    "website": "https://github.com/municipal-service-quality/municipal-service-quality",
    "author": "Municipal Service Quality contributors",
    "license": "AGPL-3",
    "application": False,
    "installable": True,
    "auto_install": True,
    "depends": ["rating_console", "municipal_bonus"],
    "data": [
        "views/municipal_bonus_review_line_views.xml",
        "views/municipal_bonus_review_views.xml",
    ],
}
