# Gongkai: the two commands a newcomer needs are `make demo` and `make test`.
VENV    := .venv
BIN     := $(VENV)/bin
HOST    ?= 127.0.0.1
PORT    ?= 8000
PYTEST_ARGS ?=

.PHONY: demo test lint format bench venv migrate messages clean

$(BIN)/gongkai: pyproject.toml
	@PY=$$(scripts/find-python) || exit 1; \
	  [ -x $(BIN)/python ] || $$PY -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

venv: $(BIN)/gongkai

migrate: venv
	$(BIN)/python manage.py migrate --noinput

demo: venv migrate
	$(BIN)/python manage.py compilemessages --ignore=.venv -v 0 || true
	$(BIN)/python manage.py collectstatic --noinput -v 0
	@echo
	$(BIN)/python manage.py load_demo --base-url http://$(HOST):$(PORT)
	@echo
	@echo "  公开 Gongkai demo: http://$(HOST):$(PORT)/  (Ctrl-C to stop)"
	@echo
	$(BIN)/gunicorn gongkai.config.wsgi --bind $(HOST):$(PORT) --workers 2 --access-logfile -

test: venv
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

lint: venv
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: venv
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

bench: venv
	$(BIN)/python bench/run.py

# English catalogue: add new source strings to src/gongkai/locale/en/.../django.po
# (translate them there), then compile django.mo. Run again after translating.
I18N_ENV := DJANGO_SETTINGS_MODULE=gongkai.config.settings GONGKAI_HOME=$(CURDIR)
messages: venv
	cd src/gongkai && $(I18N_ENV) ../../$(BIN)/django-admin makemessages -l en \
	  -e html,txt,py --no-obsolete --ignore='tests/*' --ignore='*/static/*'
	cd src/gongkai && $(I18N_ENV) ../../$(BIN)/django-admin compilemessages

clean:
	rm -rf $(VENV) var/static build *.egg-info src/*.egg-info
