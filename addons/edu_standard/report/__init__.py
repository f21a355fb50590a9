from . import edu_complaint_answer
from . import edu_assessment_summary_xlsx
