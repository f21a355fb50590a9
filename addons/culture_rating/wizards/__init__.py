from . import culture_response_entry
