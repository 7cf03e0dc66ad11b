"""System checks of the catalogue's search (run by ``manage.py check
--database default`` and at ``migrate``).

On PostgreSQL, ``pg_trgm`` finds no trigrams in Chinese text when the
database's ``LC_CTYPE`` is ``C``: search would silently match nothing for
terms of three or more characters (``docs/ecosystem.md`` §6).
"""

from django.core import checks
from django.db import connections
from django.db.utils import DatabaseError

SAMPLE = "政府信息公开"


@checks.register(checks.Tags.database)
def check_trigram_locale(app_configs=None, databases=None, **kwargs):
    errors = []
    for alias in databases or ():
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT show_trgm(%s)", [SAMPLE])
                trigrams = cursor.fetchone()[0]
        except DatabaseError:
            continue  # pg_trgm not installed yet: the migration installs it
        if not trigrams:
            errors.append(
                checks.Error(
                    "数据库的 LC_CTYPE 不支持中文三元组检索（pg_trgm 对中文返回空）。",
                    hint="请用 UTF-8 的 LC_CTYPE（如 C.UTF-8）重新创建数据库："
                    "CREATE DATABASE … TEMPLATE template0 LC_CTYPE 'C.UTF-8'。",
                    id="catalogue.E001",
                )
            )
    return errors
