"""Open data: the aggregates the suite already makes public, as documented, versioned datasets
(JSON and CSV) that a spreadsheet, a BI tool or an open-data portal reads without a login.

One mechanism for every addon: an addon adds a dataset by extending ``_open_data_datasets``
with its name, title, fields (name, type, description) and the method that returns its rows.
Rows hold aggregates only (offices, years, institutions): never a person."""

import csv
import io

from odoo import api, models
from odoo.exceptions import UserError

from . import scoring

VERSION = "1"
FIELD_TYPES = ("string", "integer", "number", "boolean")


def _csv_cell(value):
    """Empty for no value, true/false for booleans, the value otherwise."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


class MunicipalOpenData(models.AbstractModel):
    _name = "municipal.open.data"
    _description = "Open Data of the Public Aggregates"

    @api.model
    def _open_data_datasets(self):
        return {
            "quality-indicator": {
                "title": "Citizen satisfaction indicator per office, year and dimension",
                "method": "_open_data_quality_indicator",
                "fields": [
                    ("company", "string", "The town hall (administration) publishing the figure"),
                    ("office_code", "string", "Code of the office"),
                    ("office", "string", "Name of the office"),
                    ("year", "integer", "Calendar year of the completed responses"),
                    (
                        "dimension",
                        "string",
                        "Code of the dimension (staff, comfort, timing, " "information, overall)",
                    ),
                    ("respondents", "integer", "Citizens who answered the dimension"),
                    (
                        "satisfied",
                        "integer",
                        "Respondents all of whose answers are positive "
                        "(empty below the minimum of respondents)",
                    ),
                    (
                        "rate",
                        "number",
                        "Satisfied / respondents x 100, 2 decimals (empty below "
                        "the minimum of respondents)",
                    ),
                    ("target", "number", "Target of the indicator, percent"),
                    ("shown", "boolean", "Enough respondents to publish the figure"),
                ],
            },
        }

    @api.model
    def _open_data_parse_year(self, value):
        if value in (None, ""):
            return None
        if not (isinstance(value, str) and value.isdigit() and len(value) == 4):
            raise UserError(self.env._("The year is four digits, such as 2024."))
        year = int(value)
        if not 1990 <= year <= 2100:
            raise UserError(self.env._("The year is between 1990 and 2100."))
        return year

    @api.model
    def _open_data_rows(self, dataset, params):
        """(description, rows) of ``dataset`` for the query ``params`` (strings from the URL).
        Unknown datasets and bad parameters raise UserError (the controller answers 400/404)."""
        datasets = self._open_data_datasets()
        if dataset not in datasets:
            raise KeyError(dataset)
        unknown = sorted(set(params) - {"year"})
        if unknown:
            raise UserError(self.env._("Unknown parameter: %(names)s.", names=", ".join(unknown)))
        year = self._open_data_parse_year(params.get("year"))
        description = datasets[dataset]
        rows = getattr(self, description["method"])(year)
        names = [name for name, _type, _help in description["fields"]]
        return description, [{name: row.get(name) for name in names} for row in rows]

    @api.model
    def _open_data_quality_indicator(self, year=None):
        companies = self.env["res.company"].sudo().search([("quality_portal_published", "=", True)])
        domain = [("company_id", "in", companies.ids), ("office_id", "!=", False)]
        if year:
            domain += [("date", ">=", f"{year}-01-01"), ("date", "<", f"{year + 1}-01-01")]
        groups = (
            self.env["municipal.quality.result"]
            .sudo()
            ._read_group(
                domain,
                ["company_id", "office_id", "date:year", "dimension"],
                ["respondent:sum", "satisfied:sum"],
            )
        )
        rows = []
        for company, office, period, dimension, respondents, satisfied in groups:
            shown = scoring.figure_shown(respondents, company.quality_min_respondents)
            rows.append(
                {
                    "company": company.name,
                    "office_code": office.code or "",
                    "office": office.with_context(lang=company.partner_id.lang).name,
                    "year": period.year,
                    "dimension": dimension,
                    "respondents": respondents,
                    "satisfied": satisfied if shown else None,
                    "rate": scoring.satisfaction_rate(respondents, satisfied) if shown else None,
                    "target": company.quality_target,
                    "shown": shown,
                }
            )
        rows.sort(
            key=lambda r: (r["company"], r["year"], r["office_code"], r["office"], r["dimension"])
        )
        return rows

    @api.model
    def _open_data_index(self):
        """The catalogue: every dataset with its schema and its addresses."""
        return {
            "version": VERSION,
            "datasets": [
                {
                    "name": name,
                    "title": description["title"],
                    "json": f"/open-data/v{VERSION}/{name}.json",
                    "csv": f"/open-data/v{VERSION}/{name}.csv",
                    "fields": [
                        {"name": field, "type": kind, "description": text}
                        for field, kind, text in description["fields"]
                    ],
                }
                for name, description in sorted(self._open_data_datasets().items())
            ],
        }

    @api.model
    def _open_data_csv(self, description, rows):
        names = [name for name, _type, _help in description["fields"]]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=names, lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({name: _csv_cell(value) for name, value in row.items()})
        return buffer.getvalue()
