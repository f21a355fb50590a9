from . import culture_ranking_xlsx
