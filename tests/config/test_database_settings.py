"""The database settings read from the environment (docs/settings.md)."""

import sqlite3
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import pytest

from gongkai.config.settings import database_from_url, sqlite_database


def test_a_postgres_url_gives_every_connection_field():
    db = database_from_url("postgres://u%40x:p%2Fw@db.example:6543/gong%20kai")
    assert (db["ENGINE"], db["NAME"], db["USER"], db["PASSWORD"]) == (
        "django.db.backends.postgresql",
        "gong kai",
        "u@x",
        "p/w",
    )
    assert (db["HOST"], db["PORT"]) == ("db.example", "6543")


def test_an_unknown_scheme_is_refused_by_name():
    with pytest.raises(ImproperlyConfigured, match="mysql"):
        database_from_url("mysql://localhost/x")


def test_sqlite_memory_map_size_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("SQLITE_MMAP_BYTES", "0")
    off = sqlite_database(Path("/tmp/x.sqlite3"))["OPTIONS"]["init_command"]
    monkeypatch.delenv("SQLITE_MMAP_BYTES")
    default = sqlite_database(Path("/tmp/x.sqlite3"))["OPTIONS"]["init_command"]
    assert "PRAGMA mmap_size=0;" in off
    assert "PRAGMA mmap_size=1073741824;" in default


def test_the_sqlite_init_command_runs_on_a_file_database(tmp_path, monkeypatch):
    monkeypatch.setenv("SQLITE_MMAP_BYTES", str(1 << 20))
    options = sqlite_database(tmp_path / "db.sqlite3")["OPTIONS"]
    db = sqlite3.connect(tmp_path / "db.sqlite3")
    db.executescript(options["init_command"])
    pragmas = {
        name: db.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("journal_mode", "foreign_keys", "busy_timeout", "mmap_size")
    }
    assert pragmas == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "busy_timeout": 20000,
        "mmap_size": 1 << 20,
    }
