from . import monthly_report_xlsx
