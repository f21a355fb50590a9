"""Benchmark of municipal_bonus (issue 4).

1. Preparing the bonus reviews of a period for 1,000 servants in 50 units (reviews created,
   servants filled in, suggestions computed from overdue activities and sanctions, totals read)
   against a plain batched ``create()`` of the same reviews, lines and findings, in the same run.
   The query count of the preparation is printed for 500 and 1,000 servants: it does not grow
   with the number of servants.
2. Appendix 1 XLSX of a 100-servant unit through report_xlsx against the same cells written
   with bare xlsxwriter.

The last line is the ratio of (1).
"""

import io
import os
import sys
from datetime import date

import xlsxwriter

sys.path.insert(0, os.path.dirname(__file__))

from _benchlib import best_time, odoo_env, report  # noqa: E402

UNITS = 50
PER_UNIT = 20


def build(env):
    """Units, servants (some with users, overdue activities and sanctions), two periods."""
    job = env["hr.job"].create(
        {"name": "Bench specialist", "position_group": "senior", "position_function": "specialist"}
    )
    root = env["hr.department"].create({"name": "Bench administration"})
    units = env["hr.department"].create(
        [{"name": f"Bench unit {n:02d}", "parent_id": root.id} for n in range(UNITS)]
    )
    users = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            [{"name": f"Bench user {n}", "login": f"bench_bonus_{n}"} for n in range(UNITS * 2)]
        )
    )
    vals = []
    for u, unit in enumerate(units):
        for i in range(PER_UNIT):
            index = u * PER_UNIT + i
            vals.append(
                {
                    "name": f"Bench servant {index:04d}",
                    "job_id": job.id,
                    "department_id": unit.id,
                    "user_id": users[u * 2 + i].id if i < 2 else False,
                }
            )
    employees = env["hr.employee"].create(vals)
    partner = env["res.partner"].create({"name": "Bench letter"})
    model_id = env["ir.model"]._get_id("res.partner")
    todo = env.ref("mail.mail_activity_data_todo").id
    env["mail.activity"].create(
        [
            {
                "res_model_id": model_id,
                "res_id": partner.id,
                "user_id": user.id,
                "date_deadline": date(2024, 2, 1),
                "activity_type_id": todo,
                "summary": "Bench overdue answer",
            }
            for user in users
        ]
    )
    env["municipal.bonus.sanction"].create(
        [
            {
                "employee_id": employee.id,
                "date": date(2024, 3, 1),
                "act_number": "B-1",
                "description": "Bench",
            }
            for employee in employees[::10]
        ]
    )
    periods = env["municipal.bonus.period"].create(
        [
            {
                "name": "Bench Q1",
                "period_type": "other",
                "date_from": date(2024, 1, 1),
                "date_to": date(2024, 3, 31),
            },
            {
                "name": "Bench Q1 bis",
                "period_type": "quarter",
                "date_from": date(2024, 1, 1),
                "date_to": date(2024, 3, 31),
            },
        ]
    )
    env.flush_all()
    return units, employees, periods


def prepare(env, units, period):
    reviews = env["municipal.bonus.review"].create(
        [{"department_id": unit.id, "period_id": period.id} for unit in units]
    )
    reviews.action_fill_lines()
    reviews.action_suggest()
    reviews.line_ids.finding_ids.action_confirm()
    totals = sum(reviews.mapped("average_bonus_percent"))
    env.flush_all()
    return reviews, totals


def plain_create(env, template, period):
    """The same records, with a plain batched create()."""
    reviews = env["municipal.bonus.review"].create(
        [{"department_id": r.department_id.id, "period_id": period.id} for r in template]
    )
    by_unit = {r.department_id.id: r for r in reviews}
    lines = env["municipal.bonus.review.line"].create(
        [
            {"review_id": by_unit[line.department_id.id].id, "employee_id": line.employee_id.id}
            for line in template.line_ids
        ]
    )
    line_by_employee = {line.employee_id.id: line for line in lines}
    env["municipal.bonus.finding"].create(
        [
            {
                "line_id": line_by_employee[f.employee_id.id].id,
                "indicator_id": f.indicator_id.id,
                "date": f.date,
                "description": f.description,
            }
            for f in template.line_ids.finding_ids
        ]
    )
    sum(reviews.mapped("average_bonus_percent"))
    env.flush_all()


def main():
    with odoo_env({"tracking_disable": True}) as env:
        # importable once the configuration (addons path) is loaded
        from odoo.addons.municipal_bonus.report.appendix_xlsx import write_appendix

        env.cr.execute("SAVEPOINT bench_data")
        units, employees, periods = build(env)
        measured_period, baseline_period = periods

        def in_savepoint(func):
            def run():
                env.cr.execute("SAVEPOINT bench_run")
                func()
                env.cr.execute("ROLLBACK TO SAVEPOINT bench_run")
                env.invalidate_all()

            return run

        # query count for half and all of the servants
        def queries(units_subset, per_unit):
            employees.filtered(lambda e: int(e.name[-4:]) % PER_UNIT >= per_unit).write(
                {"department_id": False}
            )
            env.flush_all()
            env.invalidate_all()
            env.cr.execute("SAVEPOINT bench_q")
            before = env.cr.sql_log_count
            prepare(env, units_subset, measured_period)
            count = env.cr.sql_log_count - before
            env.cr.execute("ROLLBACK TO SAVEPOINT bench_q")
            env.invalidate_all()
            return count

        env.cr.execute("SAVEPOINT bench_half")
        half = queries(units, PER_UNIT // 2)
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_half")
        env.invalidate_all()
        full = queries(units, PER_UNIT)
        print(
            f"preparation queries: {half} for {UNITS * PER_UNIT // 2} servants, "
            f"{full} for {UNITS * PER_UNIT} servants"
        )

        env.cr.execute("SAVEPOINT bench_template")
        template, _totals = prepare(env, units, measured_period)
        print(
            f"{len(template)} reviews, {len(template.line_ids)} lines, "
            f"{len(template.line_ids.finding_ids)} findings"
        )
        baseline = best_time(
            in_savepoint(lambda: plain_create(env, template, baseline_period)), repeat=3
        )
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_template")
        env.invalidate_all()
        measured = best_time(in_savepoint(lambda: prepare(env, units, measured_period)), repeat=3)

        # Appendix 1 XLSX of a 100-servant unit
        big = units[0]
        employees.filtered(lambda e: e.department_id in units[:5]).write({"department_id": big.id})
        review = env["municipal.bonus.review"].create(
            {"department_id": big.id, "period_id": measured_period.id}
        )
        review.action_fill_lines()
        env.flush_all()
        rows = review._appendix_rows()
        print(f"Appendix 1 of a unit of {len(rows)} servants")

        def render():
            env.invalidate_all()
            env["ir.actions.report"]._render("municipal_bonus.appendix_xlsx", review.ids)

        def bare():
            # the same data read from the database and the same cells, with bare xlsxwriter
            env.invalidate_all()
            out = io.BytesIO()
            workbook = xlsxwriter.Workbook(out, {"in_memory": True})
            sheet = workbook.add_worksheet("Appendix 1")
            formats = [
                workbook.add_format(spec)
                for spec in (
                    {"bold": True, "align": "center", "text_wrap": True},
                    {"align": "center", "italic": True, "font_size": 8},
                    {"bold": True, "border": 1, "align": "center", "text_wrap": True},
                    {"border": 1, "valign": "top", "text_wrap": True},
                    {"border": 1, "valign": "top", "num_format": "0.00"},
                )
            ]
            write_appendix(sheet, review, review._appendix_rows(), *formats)
            workbook.close()

        xlsx = best_time(render, repeat=5)
        xlsx_bare = best_time(bare, repeat=5)
        report("municipal_bonus appendix 1 xlsx (100 servants) vs bare xlsxwriter", xlsx, xlsx_bare)
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_data")
        report(
            f"municipal_bonus preparing {UNITS * PER_UNIT} servants in {UNITS} units "
            "vs plain batched create",
            measured,
            baseline,
        )


if __name__ == "__main__":
    main()
