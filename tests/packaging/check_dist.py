"""Check a built sdist and wheel hold what they must: python tests/packaging/check_dist.py DIST_DIR."""

from __future__ import annotations

import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

ROOT = Path(__file__).parents[2]


def main(dist: Path) -> int:
    (wheel,) = dist.glob("shusha_decl-*.whl")
    (sdist,) = dist.glob("shusha_decl-*.tar.gz")
    data = sorted(p.name for p in (ROOT / "src" / "shusha_decl" / "data").glob("*.json"))
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        metadata = Parser().parsestr(
            zf.read(next(n for n in names if n.endswith("dist-info/METADATA"))).decode()
        )
        entry_points = zf.read(next(n for n in names if n.endswith("dist-info/entry_points.txt"))).decode()
    missing = [f"shusha_decl/{n}" for n in ("py.typed", "_built_edition.py")] + [
        f"shusha_decl/data/{n}" for n in data
    ]
    problems = [f"wheel lacks {name}" for name in missing if name not in names]
    licences = {n.rsplit("/", 1)[1] for n in names if ".dist-info/licenses/" in n}
    if licences != {"LICENSE", "LICENSE-DATA"}:
        problems.append(f"the wheel's licence files are not LICENSE and LICENSE-DATA: {sorted(licences)}")
    if metadata["License-Expression"] != "MIT AND CC-BY-4.0":
        problems.append(f"the licence is not MIT AND CC-BY-4.0: {metadata['License-Expression']}")
    runtime = [r for r in metadata.get_all("Requires-Dist") or [] if "extra ==" not in r]
    if sorted(r.split(">")[0].split("=")[0].strip() for r in runtime) != ["attrs", "cattrs"]:
        problems.append(f"runtime requirements are not attrs and cattrs: {runtime}")
    if "shusha-decl = shusha_decl.cli:main" not in entry_points:
        problems.append("the shusha-decl console script is not declared")
    with tarfile.open(sdist) as tf:
        members = {m.name.split("/", 1)[1] for m in tf.getmembers() if "/" in m.name}
    for needed in (
        "hatch_build.py",
        "LICENSE",
        "LICENSE-DATA",
        "CITATION.cff",
        "src/shusha_decl/data/declaration.json",
        "tests/test_api.py",
        "docs/codebook.md",
    ):
        if needed not in members:
            problems.append(f"sdist lacks {needed}")
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{wheel.name}: {len(names)} files, {len(data)} data files, py.typed, _built_edition.py")
    print(f"{sdist.name}: ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
