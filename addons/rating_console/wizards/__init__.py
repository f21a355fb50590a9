from . import municipal_console_token_wizard
from . import municipal_console_monthly_wizard
from . import municipal_settings
