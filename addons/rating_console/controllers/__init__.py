from . import events
from . import queue
from . import iot
from . import public
from . import tablet
