"""The ``gongkai`` command line.

Each command group lives in its own module with a ``register(subparsers)``
function; commands that need the database set Django up themselves through
:func:`setup_django`.

Exit status: 0 success, 1 the work found errors (e.g. failed checks),
2 unreadable input or bad usage, 3 calendar data missing.
"""

import argparse
import importlib
import sys

GROUPS = ("report", "calendar", "fees")


def setup_django() -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.config.settings")
    django.setup()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gongkai",
        description="公开 Gongkai：政府信息公开工作平台命令行工具",
    )
    subparsers = parser.add_subparsers(dest="group", metavar="COMMAND", required=True)
    for name in GROUPS:
        importlib.import_module(f"gongkai.cli.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args) or 0
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
