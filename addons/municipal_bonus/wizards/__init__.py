from . import municipal_bonus_reject_wizard
