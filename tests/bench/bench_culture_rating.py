"""Benchmark of culture_rating: computing a campaign of 300 institutions and 100,000 responses.

Measured: ``culture.campaign._compute_results()`` (indicator values, criterion scores, totals,
ranks, written as records) on a campaign without results.
Baseline: a hand-written SQL aggregation of the same answers (satisfied / asked per institution
and question), measured in the same run.
Target (issue 7): computation <= 3 x baseline; recomputation with no change <= 1/3 of the first
computation. Both ratios are printed; the last line is the computation against the SQL baseline.

    MSQ_ODOO_CONFIG=/tmp/h7/odoo.conf MSQ_DB=h7 python3 tests/bench/bench_culture_rating.py
"""

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _benchlib import best_time, odoo_env, report  # noqa: E402

INSTITUTIONS = 300
RESPONSES = 100_000
YEAR = 2099

BASELINE_SQL = """
    SELECT line.culture_assessment_id, line.question_id,
           count(*) FILTER (WHERE answer.culture_positive) AS satisfied,
           count(*) AS asked
      FROM survey_user_input_line line
      JOIN survey_user_input response ON response.id = line.user_input_id
      JOIN survey_question_answer answer ON answer.id = line.suggested_answer_id
     WHERE response.culture_campaign_id = %s
       AND response.state = 'done'
       AND line.skipped IS NOT TRUE
     GROUP BY line.culture_assessment_id, line.question_id
"""


def build(env):
    """300 institutions in a started campaign, 100,000 completed answers inserted in bulk."""
    started = time.perf_counter()
    company = env.company
    institutions = env["culture.institution"].create(
        [
            {"name": f"Bench institution {i:03d}", "company_id": company.id}
            for i in range(INSTITUTIONS)
        ]
    )
    survey = env.ref("culture_rating.survey_culture_questionnaire")
    campaign = env["culture.campaign"].create(
        {
            "name": "Bench campaign",
            "year": YEAR,
            "survey_id": survey.id,
            "assessment_ids": [(0, 0, {"institution_id": i.id}) for i in institutions],
        }
    )
    campaign.with_context(tracking_disable=True).action_start()
    assessments = campaign.assessment_ids
    rng = random.Random(7)
    # disclosure checks and expert values of every institution
    cr = env.cr
    cr.execute(
        """UPDATE culture_checklist_line
              SET state = CASE WHEN random() < 0.8 THEN 'published' ELSE 'missing' END,
                  url = 'https://inst.example.ru/sveden', on_stand = random() < 0.7,
                  check_date = %s
            WHERE campaign_id = %s""",
        [f"{YEAR}-09-01", campaign.id],
    )
    cr.execute(
        "UPDATE culture_checklist_line SET url = NULL WHERE campaign_id = %s AND state = 'missing'",
        [campaign.id],
    )
    experts = campaign.method_id.indicator_ids.filtered(lambda i: i.source == "expert")
    env["culture.expert.value"].create(
        [
            {"assessment_id": a.id, "indicator_id": ind.id, "value": rng.randint(0, 5)}
            for a in assessments
            for ind in experts
        ]
    )
    env.flush_all()
    env.invalidate_all()
    # 100,000 completed answers, about 11 lines each (skip logic), inserted with SQL
    questions = survey.question_ids.filtered("culture_code")
    answers = {
        (q.id, a.culture_positive): a.id for q in questions for a in q.suggested_answer_ids
    }
    trigger_of = {
        q.id: q.triggering_answer_ids.question_id.id for q in questions if q.triggering_answer_ids
    }
    # Bulk load: the foreign keys of the two answer tables are dropped inside this transaction
    # (rolled back at the end with everything else), the indexes stay.
    cr.execute(
        """SELECT conrelid::regclass::text, conname FROM pg_constraint
            WHERE contype = 'f'
              AND conrelid IN ('survey_user_input'::regclass, 'survey_user_input_line'::regclass)"""
    )
    for table, constraint in cr.fetchall():
        cr.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{constraint}"')
    cr.execute(
        """INSERT INTO survey_user_input
                  (survey_id, state, access_token, culture_assessment_id, culture_campaign_id,
                   culture_institution_id, culture_channel, create_date, write_date,
                   create_uid, write_uid, test_entry)
           SELECT %s, 'done', md5(random()::text || g), a.id, a.campaign_id, a.institution_id,
                  'online', now() at time zone 'utc', now() at time zone 'utc', 1, 1, false
             FROM generate_series(1, %s) g
             JOIN (SELECT id, campaign_id, institution_id,
                          row_number() OVER (ORDER BY id) - 1 AS n
                     FROM culture_assessment WHERE campaign_id = %s) a
               ON a.n = g %% %s
        RETURNING id, culture_assessment_id""",
        [survey.id, RESPONSES, campaign.id, INSTITUTIONS],
    )
    responses = cr.fetchall()
    # answers drawn in SQL: each institution has its own share of satisfied respondents;
    # a conditional question is answered only after "yes" to its filter question
    cr.execute(
        "CREATE TEMP TABLE bench_quality AS SELECT id AS assessment_id, "
        "0.5 + 0.45 * random() AS p FROM culture_assessment WHERE campaign_id = %s",
        [campaign.id],
    )
    values = ", ".join(
        cr.mogrify(
            "(%s, %s, %s, %s)",
            [q.id, trigger_of.get(q.id), answers[(q.id, True)], answers[(q.id, False)]],
        ).decode()
        for q in questions
    )
    cr.execute(
        f"""CREATE TEMP TABLE bench_draw AS
            SELECT r.id AS response_id, r.culture_assessment_id AS assessment_id,
                   q.question_id, q.trigger_id, q.yes_id, q.no_id, random() < bq.p AS positive
              FROM survey_user_input r
              JOIN bench_quality bq ON bq.assessment_id = r.culture_assessment_id
             CROSS JOIN (VALUES {values}) AS q(question_id, trigger_id, yes_id, no_id)
             WHERE r.culture_campaign_id = %s""",
        [campaign.id],
    )
    cr.execute(
        """INSERT INTO survey_user_input_line
                  (user_input_id, survey_id, question_id, answer_type, suggested_answer_id,
                   culture_assessment_id, culture_campaign_id, culture_done, skipped,
                   create_date, write_date, create_uid, write_uid)
           SELECT d.response_id, %s, d.question_id, 'suggestion',
                  CASE WHEN d.positive THEN d.yes_id ELSE d.no_id END,
                  d.assessment_id, %s, true, false,
                  now() at time zone 'utc', now() at time zone 'utc', 1, 1
             FROM bench_draw d
             LEFT JOIN bench_draw t ON t.response_id = d.response_id
                                   AND t.question_id = d.trigger_id
            WHERE d.trigger_id IS NULL OR t.positive""",
        [survey.id, campaign.id],
    )
    rows = cr.rowcount
    env.flush_all()
    cr.execute("ANALYZE survey_user_input_line")
    cr.execute("ANALYZE survey_user_input")
    print(
        f"data: {INSTITUTIONS} institutions, {len(responses)} responses, {rows} answer "
        f"lines, built in {time.perf_counter() - started:.1f} s"
    )
    return campaign


def main():
    with odoo_env() as env:
        campaign = build(env)
        cr = env.cr

        def baseline():
            cr.execute(BASELINE_SQL, [campaign.id])
            cr.fetchall()

        def reset():
            cr.execute(
                """DELETE FROM culture_assessment_line
                    WHERE assessment_id IN (SELECT id FROM culture_assessment
                                             WHERE campaign_id = %s)""",
                [campaign.id],
            )
            cr.execute(
                "UPDATE culture_campaign SET input_fingerprint = NULL, state = 'collecting' "
                "WHERE id = %s",
                [campaign.id],
            )
            env.invalidate_all()

        def compute():
            campaign._compute_results()
            env.flush_all()

        sql_time = best_time(baseline, repeat=7)
        first_time = best_time(compute, repeat=5, setup=reset)
        lines = env["culture.assessment.line"].search_count([("campaign_id", "=", campaign.id)])
        totals = campaign.assessment_ids.mapped("total")
        env.invalidate_all()
        again_time = best_time(compute, repeat=5, setup=env.invalidate_all)
        same = campaign.assessment_ids.mapped("total") == totals

        def forced():
            campaign._compute_results(force=True)
            env.flush_all()

        forced_time = best_time(forced, repeat=3, setup=env.invalidate_all)
        print(f"result lines: {lines}, recomputation gives the same totals: {same}")
        print(
            f"forced full recomputation with no change (nothing written): {forced_time:.4f} s, "
            f"ratio to the first computation {forced_time / first_time:.2f}"
        )
        report("culture_rating recompute, no change vs first computation", again_time, first_time)
        report("culture_rating campaign computation vs hand-written SQL", first_time, sql_time)


if __name__ == "__main__":
    main()
