from . import edu_complaint_refuse
from . import municipal_settings
