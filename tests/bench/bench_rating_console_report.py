"""The monthly report (operator x month) on 1,000,000 votes against the raw SQL GROUP BY.

Data: 1,000,000 tickets called over 12 months at 40 workplaces (40 operators, 4 offices), each
rated (Bad / Good / Excellent), inserted with SQL in the benchmark's own transaction (rolled
back at the end). To load in reasonable time, the secondary indexes of the two tables are
dropped during the load and created again before anything is measured (same schema as in
production; DDL is transactional, the rollback restores everything). The load takes 3-5 minutes
on a 2-core machine; ``MSQ_BENCH_RC_VOTES`` sets a smaller count for a quick run.

Measured: ``municipal.console.report._summary(domain, ["employee_id", "date:month"])``, the ORM
read_group over the report's SQL view that the pivot, the PDF and the XLSX use, with the shares
computed from the summed counts. Baseline: the hand-written SQL GROUP BY that computes the same
figures (tickets, served, votes per button) from the same tables. Target: ratio <= 1.5.
"""

import os
import time
from datetime import date

from _benchlib import best_time, odoo_env, report

VOTES = int(os.environ.get("MSQ_BENCH_RC_VOTES", "1000000"))  # the figure by default
WORKPLACES = 40


def drop_secondary_indexes(cr, table):
    """Drop the indexes of ``table`` that back no constraint; return their definitions."""
    cr.execute(
        """
        SELECT indexname, indexdef FROM pg_indexes i
         WHERE tablename = %s
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
        """,
        [table],
    )
    definitions = cr.fetchall()
    for name, _definition in definitions:
        cr.execute(f'DROP INDEX "{name}"')
    return definitions


def populate(env):
    cr = env.cr
    company = env.company
    centre = env["municipal.office"].create({"name": "Bench centre", "code": "BENCH-RC"})
    offices = centre | env["municipal.office"].create(
        [{"name": f"Bench branch {i}", "code": f"BENCH-RB{i}", "parent_id": centre.id,
          "office_type": "branch"} for i in range(3)]
    )
    category = env["municipal.service.category"].create({"name": "Bench", "code": "BENCH-RC"})
    employees = env["hr.employee"].create([{"name": f"Bench operator {i}"}
                                           for i in range(WORKPLACES)])
    workplaces = env["municipal.workplace"].create(
        [{"name": f"W{i}", "code": f"BENCH-RW{i}", "office_id": offices[i % 4].id,
          "employee_id": employees[i].id} for i in range(WORKPLACES)]
    )
    console = env["municipal.console"].create({"serial": "BENCH-RC-1"})
    env.flush_all()
    started = time.perf_counter()
    dropped = drop_secondary_indexes(cr, "municipal_queue_ticket")
    dropped += drop_secondary_indexes(cr, "municipal_console_vote")
    cr.execute(
        """
        INSERT INTO municipal_queue_ticket
               (number, office_id, centre_id, company_id, ticket_date, category_id,
                workplace_id, employee_id, state, issued_at, called_at, ended_at)
        SELECT 'B' || g, (%(offices)s)[1 + (g %% %(n)s) %% 4], (%(offices)s)[1], %(company)s,
               (c.at)::date, %(category)s, (%(workplaces)s)[1 + g %% %(n)s],
               (%(employees)s)[1 + g %% %(n)s],
               CASE WHEN g %% 20 = 0 THEN 'no_show' ELSE 'done' END,
               c.at, c.at, c.at + interval '10 minutes'
          FROM generate_series(1, %(count)s) AS g,
               LATERAL (SELECT timestamp '2025-01-01 07:00' + (g * interval '31 seconds') AS at) c
        """,
        {"offices": offices.ids, "company": company.id, "category": category.id,
         "workplaces": workplaces.ids, "employees": employees.ids, "n": WORKPLACES,
         "count": VOTES},
    )
    cr.execute(
        """
        INSERT INTO municipal_console_vote
               (ticket_id, console_id, workplace_id, office_id, company_id, category_id,
                employee_id, value, rating, pressed_at, event_id)
        SELECT t.id, %(console)s, t.workplace_id, t.office_id, t.company_id, t.category_id,
               t.employee_id, v.value, v.rating, t.called_at + interval '3 minutes',
               'bench-' || t.id
          FROM municipal_queue_ticket t,
               LATERAL (SELECT (ARRAY['bad', 'good', 'excellent', 'excellent'])[1 + t.id %% 4]
                               AS value,
                               (ARRAY[1, 3, 5, 5])[1 + t.id %% 4] AS rating) v
         WHERE t.number LIKE 'B%%' AND t.company_id = %(company)s
           AND t.office_id = ANY(%(offices)s)
        """,
        {"console": console.id, "company": company.id, "offices": offices.ids},
    )
    for _name, definition in dropped:
        cr.execute(definition)
    cr.execute("ANALYZE municipal_queue_ticket")
    cr.execute("ANALYZE municipal_console_vote")
    print(f"populated {VOTES} tickets and votes in {time.perf_counter() - started:.1f} s")
    return centre


def main():
    with odoo_env() as env:
        centre = populate(env)
        Report = env["municipal.console.report"]
        domain = [("centre_id", "=", centre.id), ("date", ">=", date(2025, 1, 1)),
                  ("date", "<", date(2026, 1, 1))]
        result = {}

        def orm_report():
            result["rows"] = Report._summary(domain, ["employee_id", "date:month"])

        def raw_sql():
            env.cr.execute(
                """
                SELECT t.employee_id, date_trunc('month', t.ticket_date) AS month,
                       count(*), sum((t.state = 'done')::int), count(v.id),
                       sum((v.value = 'bad')::int), sum((v.value = 'good')::int),
                       sum((v.value = 'excellent')::int)
                  FROM municipal_queue_ticket t
                  LEFT JOIN municipal_console_vote v ON v.ticket_id = t.id
                 WHERE t.called_at IS NOT NULL AND t.centre_id = %s
                   AND t.ticket_date >= '2025-01-01' AND t.ticket_date < '2026-01-01'
                 GROUP BY 1, 2
                 ORDER BY 1, 2
                """,
                [centre.id],
            )
            result["raw"] = env.cr.fetchall()

        orm = best_time(orm_report, repeat=3)
        raw = best_time(raw_sql, repeat=3)
        assert len(result["rows"]) == len(result["raw"]), (len(result["rows"]), len(result["raw"]))
        assert sum(r["vote_count"] for r in result["rows"]) == sum(r[4] for r in result["raw"])
        print(f"{len(result['rows'])} operator x month rows; "
              f"ORM report {orm:.2f} s, raw SQL {raw:.2f} s")
        report(f"rating_console monthly report (operator x month, {VOTES:,} votes) vs raw SQL",
               orm, raw)


if __name__ == "__main__":
    main()
