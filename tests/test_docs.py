"""Documentation stays true: every setting and CLI command is described."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "src" / "gongkai" / "config" / "settings.py"


def environment_variables() -> set[str]:
    source = SETTINGS.read_text(encoding="utf-8")
    pattern = r'(?:os\.getenv|env_bool|env_int|env_list|env_secret)\(\s*"([A-Z_]+)"'
    names = set(re.findall(pattern, source))
    names |= set(re.findall(r'os\.environ\["([A-Z_]+)"\]', source))
    return names


@pytest.mark.parametrize("name", sorted(environment_variables()))
def test_every_environment_setting_is_documented(name):
    assert f"`{name}`" in (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")


def test_readme_shows_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme


def cli_commands() -> list[str]:
    from gongkai.cli import build_parser

    parser = build_parser()
    found = []
    for group, group_parser in _choices(parser).items():
        for command in _choices(group_parser):
            found.append(f"gongkai {group} {command}")
    return found


def _choices(parser) -> dict:
    for action in parser._actions:
        if action.choices and hasattr(action, "_name_parser_map"):
            return action.choices
    return {}


def test_every_cli_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [c for c in cli_commands() if c not in readme]
    assert missing == []


def management_commands() -> list[str]:
    base = ROOT / "src" / "gongkai"
    return sorted(
        p.stem
        for p in base.glob("*/management/commands/*.py")
        if not p.stem.startswith("_")
    )


@pytest.mark.parametrize("command", management_commands())
def test_every_management_command_is_documented(command):
    assert f"`{command}`" in (ROOT / "docs" / "operations.md").read_text(
        encoding="utf-8"
    )
