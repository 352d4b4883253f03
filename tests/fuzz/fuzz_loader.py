"""A mutation fuzzer for the loader, with a time budget: any exception other than DataError is a failure.

    python tests/fuzz/fuzz_loader.py --seconds 60 [--seed 1]

Each round copies one file of the packaged edition, damages it (flipped, inserted or deleted bytes, a
truncation, a duplicated or deleted JSON key or item, a value swapped for another from the edition or for one
of the hostile values of the catalogue) and loads the edition.  The seed makes a run repeatable; the report
gives the count of rounds and of outcomes.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

import shusha_decl
from shusha_decl.loader import OWN_FILES

FILES = ["declaration.json", *OWN_FILES.values()]
#: Hostile values from the catalogue of bad editions (tests/test_loader_errors.py), put into the edition
#: among the values a mutation moves around: blanks, control characters, a carriage return, a lone surrogate,
#: a noncharacter, dates in other digits or with a zero month or day, ids with spaces, markup or combining
#: marks, the declaration's own id, and a megabyte-long string.
HOSTILE = [
    "",
    " ",
    "a\x01b",
    "a\rb",
    "a\ud800b",
    "a\uffffb",
    "\u0661\u0669\u0662\u0661",
    "\uff12\uff10\uff12\uff11-06-15",
    "2021-00",
    "2021-03-00",
    "heydar aliyev",
    "<b>x</b>",
    "s\u0327usa",
    "shusha-declaration",
    "y" * 1_000_000,
]


def byte_mutation(data: bytes, rng: random.Random) -> bytes:
    position = rng.randrange(len(data) + 1)
    choice = rng.randrange(4)
    if choice == 0:
        return data[:position] + bytes([rng.randrange(256)]) + data[position + 1 :]
    if choice == 1:
        return data[:position] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 8))) + data[position:]
    if choice == 2:
        return data[:position] + data[position + rng.randint(1, 64) :]
    return data[:position]


def nodes(value: Any) -> list[Any]:
    found = [value]
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    for child in children:
        found += nodes(child)
    return found


def json_mutation(data: bytes, rng: random.Random, pool: list[Any]) -> bytes:
    value = json.loads(data)
    containers = [n for n in nodes(value) if isinstance(n, (dict, list)) and n]
    target = rng.choice(containers)
    key = rng.choice(list(target)) if isinstance(target, dict) else rng.randrange(len(target))
    choice = rng.randrange(3)
    if choice == 0:
        del target[key]
    elif choice == 1:
        target[key] = rng.choice(pool)
    elif isinstance(target, list):
        target.append(target[key])
    else:
        target[f"{key}_"] = target[key]
    return json.dumps(value).encode("utf-8")  # escaped: a lone surrogate goes in as \\ud800


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    root = Path(tempfile.mkdtemp())
    shusha_decl.dump(shusha_decl.declaration(), root)
    originals = {name: (root / name).read_bytes() for name in FILES}
    pool = [n for name in FILES for n in nodes(json.loads(originals[name]))] + HOSTILE * 20
    outcomes: Counter[str] = Counter()
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        name = rng.choice(FILES)
        data = originals[name]
        mutated = byte_mutation(data, rng) if rng.random() < 0.5 else json_mutation(data, rng, pool)
        (root / name).write_bytes(mutated)
        try:
            shusha_decl.load(root)
            outcomes["loaded"] += 1
        except shusha_decl.DataError:
            outcomes["DataError"] += 1
        except Exception:
            outcomes["unexpected"] += 1
            print(f"unexpected exception for a mutation of {name}:", file=sys.stderr)
            traceback.print_exc()
        finally:
            (root / name).write_bytes(data)
    rounds = sum(outcomes.values())
    print(f"fuzz: {rounds} rounds in {args.seconds:g} s (seed {args.seed}): {dict(outcomes)}")
    return 1 if outcomes["unexpected"] else 0


if __name__ == "__main__":
    sys.exit(main())
