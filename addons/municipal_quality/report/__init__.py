from . import municipal_quality_result
from . import municipal_quality_dynamics
