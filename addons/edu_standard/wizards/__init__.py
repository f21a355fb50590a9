from . import edu_complaint_refuse
