"""Run every benchmark script in this folder; exit non-zero if any figure missed."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main():
    scripts = sorted(
        p for p in HERE.glob("*.py") if p.name != "run.py" and not p.name.startswith("_")
    )
    failed = []
    for script in scripts:
        print(f"== {script.stem} ==", flush=True)
        # Our own scripts, one process each so their databases and memory stay apart.
        if subprocess.call([sys.executable, str(script)], cwd=HERE.parent) != 0:  # noqa: S603
            failed.append(script.stem)
    if failed:
        print(f"benchmarks missing a target: {', '.join(failed)}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
