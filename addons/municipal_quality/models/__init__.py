from . import res_company
from . import res_config_settings
from . import municipal_office
from . import municipal_service_category
from . import municipal_service
from . import municipal_regulation
from . import hr_employee
