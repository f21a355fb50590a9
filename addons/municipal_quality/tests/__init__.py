from . import test_office
from . import test_regulation
from . import test_access
from . import test_ui
