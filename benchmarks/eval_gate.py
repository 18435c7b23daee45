"""Quality gate: run the benchmarks and fail when a figure falls below its committed floor.

``baseline.json`` lists, per benchmark, the script that measures it, the figures it guards and
their floors (and ceilings, for costs such as a stage's share of the time). Floors only go up: ``--raise`` lifts each floor to the figure just measured (minus
the benchmark's noise margin) and refuses to lower any floor unless ``--allow-lower`` is given
with a reason, which is recorded in the baseline.

    python benchmarks/eval_gate.py            # run every benchmark, check floors
    python benchmarks/eval_gate.py --no-run   # check the last results in benchmarks/out/
    python benchmarks/eval_gate.py --raise    # run, check, then raise floors to the new figures
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BASELINE = HERE / "baseline.json"
OUT = HERE / "out"


def load_baseline() -> dict[str, Any]:
    return json.loads(BASELINE.read_text())


def run_benchmark(name: str, spec: dict[str, Any]) -> tuple[bool, float]:
    cmd = [sys.executable, str(HERE.parent / spec["script"]), *spec.get("args", [])]
    print(f"\n### {name}: {' '.join(cmd[1:])}", flush=True)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=HERE.parent, check=False)
    return proc.returncode == 0, time.perf_counter() - t0


def results(name: str, spec: dict[str, Any]) -> dict[str, float] | None:
    path = OUT / f"{spec.get('results', name)}.json"
    if not path.exists():
        return None
    return json.loads(path.read_text())["figures"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-run", action="store_true", help="check existing results only")
    ap.add_argument("--only", nargs="*", help="benchmark names to run/check")
    ap.add_argument("--raise", dest="raise_", action="store_true", help="raise floors to new figures")
    ap.add_argument("--allow-lower", metavar="REASON", help="permit lowering floors (recorded)")
    args = ap.parse_args()

    base = load_baseline()
    failures: list[str] = []
    changed = False
    for name, spec in base["benchmarks"].items():
        if args.only and name not in args.only:
            continue
        if not args.no_run:
            ok, secs = run_benchmark(name, spec)
            print(f"### {name}: {'finished' if ok else 'FAILED'} in {secs:.0f} s", flush=True)
            if not ok:
                failures.append(f"{name}: benchmark script failed")
                continue
        figs = results(name, spec)
        if figs is None:
            failures.append(f"{name}: no results in {OUT}")
            continue
        margin = float(spec.get("margin", base.get("margin", 0.005)))
        for metric, ceiling in spec.get("ceilings", {}).items():
            value = figs.get(metric)
            if value is None:
                failures.append(f"{name}.{metric}: not reported")
                continue
            status = "ok" if value - 1e-9 <= ceiling else "ABOVE CEILING"
            print(f"  {name}.{metric:32s} {value:8.4f}  ceiling {ceiling:.4f}  {status}")
            if status != "ok":
                failures.append(f"{name}.{metric} = {value:.4f} > ceiling {ceiling:.4f}")
        for metric, floor in spec.get("floors", {}).items():
            value = figs.get(metric)
            if value is None:
                failures.append(f"{name}.{metric}: not reported")
                continue
            status = "ok" if value + 1e-9 >= floor else "BELOW FLOOR"
            print(f"  {name}.{metric:32s} {value:8.4f}  floor {floor:.4f}  {status}")
            if status != "ok":
                failures.append(f"{name}.{metric} = {value:.4f} < floor {floor:.4f}")
            if args.raise_:
                new = round(value - margin, 4)
                if new > floor:
                    spec["floors"][metric] = new
                    changed = True
                elif new < floor and args.allow_lower:
                    spec["floors"][metric] = new
                    base.setdefault("lowered", []).append(
                        {"metric": f"{name}.{metric}", "from": floor, "to": new,
                         "reason": args.allow_lower, "at": time.strftime("%Y-%m-%d")})
                    changed = True
    if changed:
        BASELINE.write_text(json.dumps(base, indent=2) + "\n")
        print(f"\nfloors raised in {BASELINE.relative_to(HERE.parent)}")
    if failures:
        print("\nQUALITY GATE FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("\nquality gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
