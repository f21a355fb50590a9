"""Benchmark of municipal_quality (issue 3).

100,000 completed responses of one year (7 answers each: 700,000 answer lines) are loaded with
SQL inserts in the benchmark's own transaction (rolled back at the end). Then, in the same run:

1. ``survey.survey.quality_indicator()`` for the year (headline dimension) against the
   equivalent hand-written SQL query;
2. the pivot of the satisfaction analysis by office x month (``read_group`` of the SQL-view
   report, as the web client asks for it) against the equivalent hand-written SQL query.

Both results are checked equal to the hand-written ones, and the query count of each call is
printed for 10,000 and 100,000 responses: it does not grow with the number of responses.
The last line is the worse of the two ratios.
"""

import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))

from _benchlib import best_time, odoo_env, report  # noqa: E402

RESPONSES = 100_000
YEAR = 2031  # a year no demo data uses
OFFICES = 40
SERVANTS = 200
SATISFACTIONS = ("positive", "positive", "positive", "positive", "negative", "neutral")

HAND_INDICATOR = """
    SELECT COUNT(*), COUNT(*) FILTER (WHERE satisfied)
      FROM (SELECT answer.id,
                   bool_and(COALESCE(line.satisfaction = 'positive', FALSE)) AS satisfied
              FROM survey_user_input answer
              JOIN survey_survey survey ON survey.id = answer.survey_id
              JOIN survey_user_input_line line ON line.user_input_id = answer.id
             WHERE survey.is_quality_survey
               AND answer.state = 'done' AND NOT answer.test_entry
               AND answer.company_id = %(company)s
               AND answer.end_datetime >= %(start)s AND answer.end_datetime < %(stop)s
               AND line.quality_dimension = 'staff'
               AND line.suggested_answer_id IS NOT NULL AND NOT line.skipped
             GROUP BY answer.id) respondents
"""

HAND_PIVOT = """
    SELECT office_id, date_trunc('month', end_datetime) AS month,
           COUNT(*), COUNT(*) FILTER (WHERE satisfied),
           ROUND(100.0 * COUNT(*) FILTER (WHERE satisfied) / COUNT(*), 2)
      FROM (SELECT answer.id, answer.office_id, answer.end_datetime,
                   bool_and(COALESCE(line.satisfaction = 'positive', FALSE)) AS satisfied
              FROM survey_user_input answer
              JOIN survey_survey survey ON survey.id = answer.survey_id
              JOIN survey_user_input_line line ON line.user_input_id = answer.id
             WHERE survey.is_quality_survey
               AND answer.state = 'done' AND NOT answer.test_entry
               AND answer.company_id = %(company)s
               AND answer.end_datetime >= %(start)s AND answer.end_datetime < %(stop)s
               AND line.quality_dimension = 'staff'
               AND line.suggested_answer_id IS NOT NULL AND NOT line.skipped
             GROUP BY answer.id) respondents
     GROUP BY office_id, month
     ORDER BY office_id, month
"""


def build(env):
    company = env.company
    survey = env.ref("municipal_quality.survey_citizen_quality")
    offices = env["municipal.office"].create(
        [{"name": f"Bench office {n:02d}", "code": f"BENCH-{n:02d}"} for n in range(OFFICES)]
    )
    servants = env["hr.employee"].create(
        [{"name": f"Bench servant {n:03d}"} for n in range(SERVANTS)]
    )
    questions = survey.question_ids.filtered("quality_dimension").sorted("sequence")
    env.flush_all()
    return company, survey, offices, servants, questions


def load(env, survey, offices, servants, questions, first, count):
    """``count`` completed responses of YEAR, each answering every question (SQL inserts)."""
    cr = env.cr
    cr.execute(
        """
        INSERT INTO survey_user_input (
            survey_id, state, start_datetime, end_datetime, create_date, write_date,
            create_uid, write_uid, access_token, test_entry, is_session_answer,
            company_id, office_id, employee_id)
        SELECT %(survey)s, 'done', stamp, stamp, stamp, stamp, 1, 1,
               'bench-' || n, FALSE, FALSE, %(company)s,
               (%(offices)s::int[])[1 + n %% %(noffices)s],
               (%(servants)s::int[])[1 + n %% %(nservants)s]
          FROM (SELECT n, make_timestamp(%(year)s, 1, 1, 8, 0, 0)
                          + (n %% 365) * interval '1 day' + (n %% 600) * interval '1 minute'
                          AS stamp
                  FROM generate_series(%(first)s, %(last)s) n) series
        """,
        {
            "survey": survey.id,
            "company": env.company.id,
            "offices": offices.ids,
            "noffices": len(offices),
            "servants": servants.ids,
            "nservants": len(servants),
            "year": YEAR,
            "first": first,
            "last": first + count - 1,
        },
    )
    # Every question answered; the chosen answer's satisfaction varies with the response:
    # one INSERT joining the new responses to a small table of (question, k) -> answer.
    choices = []
    for position, question in enumerate(questions):
        for k, satisfaction in enumerate(SATISFACTIONS):
            answer = question.suggested_answer_ids.filtered(
                lambda a, s=satisfaction: a.satisfaction == s
            )[:1]
            choices.append(
                (
                    question.id,
                    question.sequence,
                    question.quality_dimension,
                    position,
                    k,
                    answer.id,
                    satisfaction,
                )
            )
    columns = list(zip(*choices, strict=True))
    cr.execute(
        """
        INSERT INTO survey_user_input_line (
            user_input_id, survey_id, question_id, question_sequence, skipped, answer_type,
            suggested_answer_id, answer_score, answer_is_correct, quality_dimension,
            satisfaction, create_date, write_date, create_uid, write_uid)
        SELECT answer.id, answer.survey_id, choice.question_id, choice.sequence, FALSE,
               'suggestion', choice.answer_id, 0, FALSE, choice.dimension, choice.satisfaction,
               answer.end_datetime, answer.end_datetime, 1, 1
          FROM survey_user_input answer
          JOIN unnest(%s::int[], %s::int[], %s::varchar[], %s::int[], %s::int[], %s::int[],
                      %s::varchar[])
               AS choice(question_id, sequence, dimension, position, k, answer_id, satisfaction)
            ON choice.k = (answer.id * 7 + choice.position) %% %s
         WHERE answer.id > %s AND answer.survey_id = %s
        """,
        [*map(list, columns), len(SATISFACTIONS), load.last_id, survey.id],
    )
    cr.execute("SELECT MAX(id) FROM survey_user_input")
    load.last_id = cr.fetchone()[0]
    cr.execute("ANALYZE survey_user_input")
    cr.execute("ANALYZE survey_user_input_line")
    env.invalidate_all()


load.last_id = 0


BULK_TABLES = ("survey_user_input", "survey_user_input_line")


def without_bulk_overhead(env):
    """Drop the foreign keys and secondary indexes of the response tables for the load (all in
    the benchmark's transaction, rolled back at the end); return the index definitions."""
    cr = env.cr
    cr.execute(
        """
        SELECT conrelid::regclass::text, conname FROM pg_constraint
         WHERE contype = 'f' AND conrelid::regclass::text IN %s
        """,
        [BULK_TABLES],
    )
    for table, name in cr.fetchall():
        cr.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
    cr.execute(
        """
        SELECT indexname, indexdef FROM pg_indexes
         WHERE tablename IN %s AND indexname NOT LIKE '%%_pkey'
           AND indexdef NOT LIKE 'CREATE UNIQUE%%'
        """,
        [BULK_TABLES],
    )
    indexes = cr.fetchall()
    for name, _definition in indexes:
        cr.execute(f'DROP INDEX "{name}"')
    return indexes


def restore_indexes(env, indexes):
    for _name, definition in indexes:
        env.cr.execute(definition)


def paired(func_a, func_b, rounds=5):
    """Median times of two functions measured alternately (the machine's load hits both)."""
    times_a, times_b = [], []
    for _round in range(rounds):
        times_a.append(best_time(func_a, repeat=1))
        times_b.append(best_time(func_b, repeat=1))
    return statistics.median(times_a), statistics.median(times_b)


def queries(env, func):
    before = env.cr.sql_log_count
    func()
    return env.cr.sql_log_count - before


def main():
    with odoo_env() as env:
        company, survey, offices, servants, questions = build(env)
        env.cr.execute("SELECT COALESCE(MAX(id), 0) FROM survey_user_input")
        load.last_id = env.cr.fetchone()[0]
        Survey = env["survey.survey"]
        Result = env["municipal.quality.result"]
        start, stop = f"{YEAR}-01-01", f"{YEAR + 1}-01-01"
        params = {"company": company.id, "start": start, "stop": stop}
        pivot_domain = [
            ("dimension", "=", "staff"),
            ("date", ">=", start),
            ("date", "<", stop),
        ]

        def indicator():
            return Survey.quality_indicator(f"{YEAR}-01-01", f"{YEAR}-12-31")

        def pivot():
            return Result.read_group(
                pivot_domain,
                ["respondent:sum", "satisfied:sum", "rate:avg"],
                ["office_id", "date:month"],
                lazy=False,
            )

        def hand(sql):
            env.cr.execute(sql, params)
            return env.cr.fetchall()

        counts = {}
        started = time.perf_counter()
        load(env, survey, offices, servants, questions, 1, RESPONSES // 10)
        counts["indicator", RESPONSES // 10] = queries(env, indicator)
        counts["pivot", RESPONSES // 10] = queries(env, pivot)
        indexes = without_bulk_overhead(env)
        load(env, survey, offices, servants, questions, RESPONSES // 10 + 1, RESPONSES * 9 // 10)
        restore_indexes(env, indexes)
        env.cr.execute("ANALYZE survey_user_input")
        env.cr.execute("ANALYZE survey_user_input_line")
        print(f"loaded {RESPONSES} responses in {time.perf_counter() - started:.1f} s")
        counts["indicator", RESPONSES] = queries(env, indicator)
        counts["pivot", RESPONSES] = queries(env, pivot)
        for (name, size), count in sorted(counts.items()):
            print(f"queries of {name} with {size} responses: {count}")
        assert counts["indicator", RESPONSES] == counts["indicator", RESPONSES // 10]
        assert counts["pivot", RESPONSES] == counts["pivot", RESPONSES // 10]

        # Same figures as the hand-written queries
        result = indicator()
        [(respondents, satisfied)] = hand(HAND_INDICATOR)
        assert (result["respondents"], result["satisfied"]) == (respondents, satisfied), result
        assert respondents == RESPONSES, respondents
        groups = pivot()
        hand_rows = hand(HAND_PIVOT)
        assert len(groups) == len(hand_rows) == OFFICES * 12, (len(groups), len(hand_rows))
        assert sum(g["respondent"] for g in groups) == sum(r[2] for r in hand_rows)
        assert sum(g["satisfied"] for g in groups) == sum(r[3] for r in hand_rows)
        print(
            f"indicator {YEAR}: {result['respondents']} respondents, {result['satisfied']} "
            f"satisfied, rate {result['rate']}%"
        )

        indicator_time, indicator_sql = paired(indicator, lambda: hand(HAND_INDICATOR))
        pivot_time, pivot_sql = paired(pivot, lambda: hand(HAND_PIVOT))
        print(
            f"quality_indicator (year, {RESPONSES} responses): {indicator_time:.4f} s, "
            f"hand-written SQL {indicator_sql:.4f} s, ratio {indicator_time / indicator_sql:.2f}"
        )
        print(
            f"pivot office x month: {pivot_time:.4f} s, hand-written SQL {pivot_sql:.4f} s, "
            f"ratio {pivot_time / pivot_sql:.2f}"
        )
        if indicator_time / indicator_sql >= pivot_time / pivot_sql:
            report("municipal_quality quality_indicator vs SQL", indicator_time, indicator_sql)
        else:
            report("municipal_quality pivot office x month vs SQL", pivot_time, pivot_sql)


if __name__ == "__main__":
    main()
