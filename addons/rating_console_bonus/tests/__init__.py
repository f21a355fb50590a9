from . import test_console_results
