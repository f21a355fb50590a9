from . import appendix_xlsx
from . import payroll_xlsx
