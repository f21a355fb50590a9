# Municipal Service Quality for Odoo. See README.md.
.PHONY: run test bench lint

run:   ## serve the demo database on http://127.0.0.1:8069 (admin / admin)
	bash scripts/run.sh

test:  ## run every Odoo test of every addon and tests/ (fresh database, dropped at the end)
	bash scripts/test.sh

bench: ## run the benchmarks of tests/bench/ (each prints figure, baseline and ratio)
	bash scripts/bench.sh

lint:  ## static checks: ruff, manifests, XML, access rules, translations, Docker files
	bash scripts/lint.sh
