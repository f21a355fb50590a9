from . import translations
from . import controllers
from . import models
from . import wizards
from . import report
from .translations import OWN_FOLDER, load_extra_terms


def post_init_hook(env):
    load_extra_terms(env, OWN_FOLDER)
