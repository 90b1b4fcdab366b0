"""What a release uploads, checked before anyone installs it:

    python .ci/check-dist.py DIST FILES

DIST holds the sdist and the wheel `python -m build` made; FILES lists the project's
files, one a line (what `git ls-files` gives). The sdist must hold every one of them, so
that the test suite runs from it; the wheel must hold every file of the package (a
runtime data file left out fails here before the smoke test would); the classifiers
must be ones the package index accepts (trove-classifiers, from the release extra).
"""

from __future__ import annotations

import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

NOT_SHIPPED = {".gitignore", ".gitattributes"}


def fail(message: str) -> None:
    sys.exit(f"check-dist: {message}")


def main() -> None:
    dist, listing = Path(sys.argv[1]), Path(sys.argv[2])
    files = {f for f in listing.read_text(encoding="utf-8").splitlines() if f and f not in NOT_SHIPPED}
    (sdist,) = dist.glob("*.tar.gz")
    (wheel,) = dist.glob("*.whl")

    with tarfile.open(sdist) as tar:
        in_sdist = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    missing = sorted(files - in_sdist)
    if missing:
        fail(f"{sdist.name} lacks {len(missing)} project files (add them to MANIFEST.in): {', '.join(missing[:20])}")

    with zipfile.ZipFile(wheel) as whl:
        in_wheel = set(whl.namelist())
    package = {f for f in files if f.startswith("factcheck/")}
    missing = sorted(package - in_wheel)
    if missing:
        fail(f"{wheel.name} lacks files of the package: {', '.join(missing)}")
    strays = sorted(n for n in in_wheel if not n.startswith(("factcheck/", wheel.name.split("-")[0] + "-")))
    if strays:
        fail(f"{wheel.name} installs files outside the factcheck package: {', '.join(strays)}")

    from trove_classifiers import classifiers as known  # noqa: PLC0415

    project = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))["project"]
    unknown = [c for c in project["classifiers"] if c not in known]
    if unknown:
        fail(f"pyproject.toml: classifiers the package index rejects: {unknown}")
    print(f"check-dist: {sdist.name} holds all {len(files)} project files; {wheel.name} all {len(package)} of the package")


if __name__ == "__main__":
    main()
