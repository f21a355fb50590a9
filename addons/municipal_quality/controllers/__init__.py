from . import main
from . import portal
from . import open_data
from . import cases
from . import report
