from . import municipal_settings
