from . import municipal_bonus_reject_wizard
from . import comment_wizard
from . import municipal_settings
