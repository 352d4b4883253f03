"""Benchmarks: import time, the main job, the command line, warm queries and memory, against baselines.

    python benchmarks/bench.py          # full run (a few minutes): the table for docs/performance.md
    python benchmarks/bench.py --quick  # a short run that fails only on a gross regression (2x a target)

Cold timings run each command in a fresh process, alternating the commands so that a noisy neighbour slows
all of them alike, and report medians.  Ratios compare commands measured in the same run, which makes them
comparable across machines; the absolute milliseconds are this machine's.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import time
import timeit
from functools import partial
from importlib.util import cache_from_source, find_spec
from pathlib import Path
from tempfile import mkdtemp

#: The library's main job: import, the packaged edition, one filter, one lookup.
MAIN_JOB = "import shusha_decl; shusha_decl.commitments(topic='energy'); shusha_decl.lookup('Nakhichevan')"
COLD = {
    "import shusha_decl": "import shusha_decl",
    "import attrs": "import attrs",
    "main job": MAIN_JOB,
    "import attrs, cattrs": "import attrs, cattrs",
    "pycountry get": "import pycountry; pycountry.countries.get(alpha_2='AZ')",
}
#: Command lines, run as the installed ``shusha-decl`` script (``-o`` goes to a temporary folder).
COMMANDS = {
    "cli commitments": ["commitments", "--topic", "energy"],
    "cli export akn": ["export", "--format", "akn", "-o", "{tmp}/shusha.akn.xml", "--force"],  # run after run
}
MEMORY = {
    "main job": MAIN_JOB,
    "import attrs, cattrs": "import attrs, cattrs",
}
PEAK = "import resource, sys; {code}; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"


MEASURED_PACKAGES = ("shusha_decl", "attr", "attrs", "cattrs", "pycountry")


def missing_bytecode(packages: tuple[str, ...] = MEASURED_PACKAGES) -> list[str]:
    """Modules of the measured packages without cached bytecode, which every cold run would compile again.

    pip compiles what it installs, but an install made with ``--no-compile``, or a tree edited afterwards
    with ``PYTHONDONTWRITEBYTECODE`` set, leaves the cold timings measuring the compiler.
    """
    found = (find_spec(name) for name in packages)
    folders = [Path(f) for spec in found if spec for f in spec.submodule_search_locations or ()]
    return [
        str(source)
        for folder in folders
        for source in sorted(folder.rglob("*.py"))
        if not Path(cache_from_source(str(source))).is_file()
    ]


def _script() -> list[str]:
    """The installed ``shusha-decl`` command, beside this interpreter (else ``python -m shusha_decl``)."""
    script = Path(sys.executable).parent / "shusha-decl"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "shusha_decl"]


def cold(runs: int) -> dict[str, float]:
    """Median wall time (ms) of each command in a fresh process, runs alternating between commands."""
    tmp = mkdtemp()
    commands = {
        name: [sys.executable, "-c", code]
        for name, code in COLD.items()
        if name != "pycountry get" or find_spec("pycountry")
    }
    commands.update({name: _script() + [a.format(tmp=tmp) for a in args] for name, args in COMMANDS.items()})
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def peak_kib(code: str, runs: int) -> float:
    """Median peak resident memory (KiB on Linux) of a fresh interpreter running *code*."""
    values = [
        float(
            subprocess.run(
                [sys.executable, "-c", PEAK.format(code=code)], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(values)


WARM = {
    "commitments(topic=...)": lambda decl: decl.commitments(topic="energy"),
    "lookup(...)": lambda decl: decl.lookup("Türkiye"),
    "events(after=...)": lambda decl: decl.events(after="2022-01-31"),
}


#: Repeats of each warm query: the best of many short repeats is what the query costs when no other
#: process interrupts it (on a shared machine a burst of load can slow a few repeats, rarely all).
REPEATS = 25


def warm(number: int) -> dict[str, float]:
    """Microseconds per call of the hot queries (best of the repeats), on an edition already loaded."""
    import shusha_decl

    decl = shusha_decl.declaration()
    return {
        name: min(timeit.repeat(partial(query, decl), number=number, repeat=REPEATS)) / number * 1e6
        for name, query in WARM.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="few runs; fail only on a gross regression")
    parser.add_argument("--runs", type=int, help="fresh interpreters per cold command (default 21, quick 5)")
    args = parser.parse_args()
    runs, number, slack = (5, 400, 2.0) if args.quick else (21, 4_000, 1.0)
    runs = args.runs or runs

    uncompiled = missing_bytecode()
    if uncompiled:
        print(
            f"warning: {len(uncompiled)} modules have no cached bytecode (first: {uncompiled[0]}); "
            "cold timings include compiling them (python -m compileall fixes this)",
            file=sys.stderr,
        )

    # Memory first, while this process is small: on Linux a child's peak RSS starts at its parent's size.
    memory = {name: peak_kib(code, 3 if args.quick else 7) for name, code in MEMORY.items()}
    medians = cold(runs)
    calls = warm(number)
    extra_mb = (memory["main job"] - memory["import attrs, cattrs"]) / 1024

    main = medians["main job"]
    checks = [
        ("main job vs import attrs, cattrs", main / medians["import attrs, cattrs"], 1.25, "x"),
        ("cli commitments --topic energy vs main job", medians["cli commitments"] / main, 1.3, "x"),
        ("cli export --format akn -o FILE vs main job", medians["cli export akn"] / main, 1.3, "x"),
        ("bare import vs import attrs", medians["import shusha_decl"] / medians["import attrs"], 1.5, "x"),
        ("warm commitments(topic=...)", calls["commitments(topic=...)"], 5.0, "us"),
        ("warm lookup(...)", calls["lookup(...)"], 2.0, "us"),
        ("warm events(after=...)", calls["events(after=...)"], 10.0, "us"),
        ("peak memory of main job over import attrs, cattrs", extra_mb, 5.0, "MB"),
    ]
    if "pycountry get" in medians:
        checks.insert(1, ("main job vs pycountry countries.get", main / medians["pycountry get"], 1.15, "x"))

    machine = f"{platform.platform()}, {platform.machine()}, Python {platform.python_version()}"
    print(f"machine: {machine}")
    print(f"runs: {runs} per cold command (medians), {number} calls x {REPEATS} repeats warm (best)\n")
    print("| cold command | median ms |\n| --- | --- |")
    for name, value in medians.items():
        shown = COLD.get(name) or " ".join(["shusha-decl", *COMMANDS[name]])
        print(f"| `{shown}` | {value:.1f} |")
    print("\n| measure | value | target | met |\n| --- | --- | --- | --- |")
    failed = []
    for name, value, target, unit in checks:
        met = value <= target
        print(f"| {name} | {value:.2f} {unit} | <= {target:g} {unit} | {'yes' if met else 'no'} |")
        if value > target * slack:
            failed.append(name)
    if args.quick:
        if failed:
            print(f"\ngross regression (over 2x the target): {', '.join(failed)}", file=sys.stderr)
            return 1
        print("\nquick check: no measure is over twice its target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
