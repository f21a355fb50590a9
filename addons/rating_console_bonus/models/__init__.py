from . import municipal_bonus_review_line
from . import municipal_bonus_finding
