"""Demo responses of the citizen questionnaire: the respondents of the Kaluga practice
(2012: 619, 2013: 2257, 2014: 4854), generated at install time with two COPY statements."""

import io
import random
from datetime import datetime, timedelta

# Respondents per year quoted by the regulation.
DEMO_RESPONDENTS = {2012: 619, 2013: 2257, 2014: 4854}
# Probability that one answer is positive, per year and dimension (the practice improves).
DEMO_POSITIVE = {
    2012: {"comfort": 0.78, "timing": 0.80, "information": 0.82, "staff": 0.85, "overall": 0.80},
    2013: {"comfort": 0.82, "timing": 0.84, "information": 0.86, "staff": 0.89, "overall": 0.85},
    2014: {"comfort": 0.86, "timing": 0.88, "information": 0.90, "staff": 0.93, "overall": 0.90},
}
NEUTRAL_SHARE = 0.3  # share of "hard to say" among the answers that are not positive
SKIPPABLE = ("comfort", "information")  # dimensions some applicants leave unanswered
SKIP_PROBABILITY = 0.04


def _copy(cr, table, columns, rows):
    """COPY rows (lists of plain values, None for NULL) into a table."""
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(r"\N" if value is None else str(value) for value in row))
        buffer.write("\n")
    buffer.seek(0)
    cr.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN", buffer)


def load_demo_responses(env, survey_xmlid="municipal_quality.survey_citizen_quality"):
    """Load the demo responses once; return whether they were loaded."""
    survey = env.ref(survey_xmlid)
    if env["survey.user_input"].search_count([("survey_id", "=", survey.id)], limit=1):
        return False  # already loaded
    rng = random.Random(2015)
    questions = survey.question_ids.filtered("quality_dimension")
    answers = {
        question.id: {
            satisfaction: question.suggested_answer_ids.filtered(
                lambda a, s=satisfaction: a.satisfaction == s
            ).ids
            for satisfaction in ("positive", "negative", "neutral")
        }
        for question in questions
    }
    services = env["municipal.service"].search(
        [("company_id", "=", env.company.id), ("office_ids", "!=", False)]
    )
    # Who serves where: every (office, service, servant) the demo services allow.
    slots = [
        (
            office.id,
            service.id,
            employee.id or None,
            (employee.department_id or service.department_id or office.department_id).id or None,
        )
        for service in services
        for office in service.office_ids
        for employee in (service.employee_ids or [env["hr.employee"]])
    ]
    questions = [(q.id, q.sequence, q.quality_dimension) for q in questions]
    if not slots:
        return False
    uid, company_id, survey_id = env.uid, env.company.id, survey.id
    answer_rows, line_rows = [], []
    for year, count in DEMO_RESPONDENTS.items():
        start = datetime(year, 1, 1, 6, 0)
        days = (datetime(year + 1, 1, 1) - start).days
        for index in range(count):
            office_id, service_id, employee_id, department_id = rng.choice(slots)
            end = start + timedelta(days=rng.randrange(days), minutes=rng.randrange(720))
            answer_rows.append(
                [
                    survey_id,
                    "done",
                    end - timedelta(minutes=4),
                    end,
                    end,
                    end,
                    uid,
                    uid,
                    f"demo-{year}-{index}-{rng.getrandbits(64):016x}",
                    "f",
                    "f",
                    company_id,
                    office_id,
                    service_id,
                    employee_id,
                    department_id,
                ]
            )
            for question_id, sequence, dimension in questions:
                if dimension in SKIPPABLE and rng.random() < SKIP_PROBABILITY:
                    continue
                if rng.random() < DEMO_POSITIVE[year][dimension]:
                    satisfaction = "positive"
                elif rng.random() < NEUTRAL_SHARE:
                    satisfaction = "neutral"
                else:
                    satisfaction = "negative"
                line_rows.append(
                    [
                        len(answer_rows) - 1,
                        survey_id,
                        question_id,
                        sequence,
                        "f",
                        "suggestion",
                        rng.choice(answers[question_id][satisfaction]),
                        0.0,
                        "f",
                        dimension,
                        satisfaction,
                        end,
                        end,
                        uid,
                        uid,
                    ]
                )
    # COPY is the fastest way in: ids are reserved from the sequence first.
    cr = env.cr
    cr.execute(
        "SELECT nextval('survey_user_input_id_seq') FROM generate_series(1, %s)",
        [len(answer_rows)],
    )
    answer_ids = [row[0] for row in cr.fetchall()]
    for answer_id, row in zip(answer_ids, answer_rows, strict=True):
        row.insert(0, answer_id)
    for row in line_rows:
        row[0] = answer_ids[row[0]]
    _copy(
        cr,
        "survey_user_input",
        (
            "id",
            "survey_id",
            "state",
            "start_datetime",
            "end_datetime",
            "create_date",
            "write_date",
            "create_uid",
            "write_uid",
            "access_token",
            "test_entry",
            "is_session_answer",
            "company_id",
            "office_id",
            "service_id",
            "employee_id",
            "department_id",
        ),
        answer_rows,
    )
    _copy(
        cr,
        "survey_user_input_line",
        (
            "user_input_id",
            "survey_id",
            "question_id",
            "question_sequence",
            "skipped",
            "answer_type",
            "suggested_answer_id",
            "answer_score",
            "answer_is_correct",
            "quality_dimension",
            "satisfaction",
            "create_date",
            "write_date",
            "create_uid",
            "write_uid",
        ),
        line_rows,
    )
    env.invalidate_all()
    return True
