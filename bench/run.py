"""Run every benchmark under ``bench/`` and print the machine it ran on.

Usage: ``make bench`` or ``.venv/bin/python bench/run.py [NAME ...]`` where
NAME picks ``bench/bench_NAME.py``.  Each module has a ``main()`` that prints
its own table.  Results are written down in ``bench/README.md``.
"""

import importlib.util
import os
import platform
import sys
from pathlib import Path

HERE = Path(__file__).parent


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores{mem}; Python {platform.python_version()}; "
        f"{platform.system()} {platform.release()}"
    )


def main(names: list[str]) -> None:
    print(f"# Gongkai benchmarks\nmachine: {machine()}\n")
    paths = sorted(HERE.glob("bench_*.py"))
    if names:
        paths = [p for p in paths if p.stem.removeprefix("bench_") in names]
    for path in paths:
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(f"## {path.stem.removeprefix('bench_')}")
        module.main()
        print()


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent / "src"))
    main(sys.argv[1:])
