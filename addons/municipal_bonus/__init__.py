from . import translations
from . import models
from . import report
from . import wizards
from .translations import load_extra_terms


def post_init_hook(env):
    load_extra_terms(env)
