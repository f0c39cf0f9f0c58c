"""Fail with a clear message when requirements.lock is out of date with pyproject.toml.

Every requirement of pyproject.toml (the dependencies and every extra), for Python 3.10 on Linux x86-64,
must be pinned in the lock at a version its range admits.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

TARGET = {"python_version": "3.10", "python_full_version": "3.10.0", "sys_platform": "linux",
          "platform_system": "Linux", "platform_machine": "x86_64", "os_name": "posix",
          "implementation_name": "cpython", "platform_python_implementation": "CPython"}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def declared(pyproject: Path) -> list[Requirement]:
    """The requirements pyproject.toml declares, the extras included."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    lines = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        lines.extend(extra)
    return [Requirement(line) for line in lines]


def pinned(lock: Path) -> dict[str, str]:
    """Package name → the version the lock pins."""
    return {canonicalize_name(name): version for name, version in PIN.findall(lock.read_text(encoding="utf-8"))}


def problems(pyproject: Path, lock: Path) -> list[str]:
    """What pyproject.toml asks for that the lock does not pin."""
    pins = pinned(lock)
    found = []
    for requirement in declared(pyproject):
        if requirement.marker and not requirement.marker.evaluate({**TARGET, "extra": ""}):
            continue
        version = pins.get(canonicalize_name(requirement.name))
        if version is None:
            found.append(f"{requirement.name} is not in {lock.name}")
        elif requirement.specifier and version not in requirement.specifier:
            found.append(f"{requirement.name}=={version} in {lock.name} is outside {requirement.specifier}")
    return found


def main(argv: list[str]) -> int:
    pyproject, lock = (Path(arg) for arg in (argv[1:3] if len(argv) >= 3 else ["pyproject.toml", "requirements.lock"]))
    if not lock.is_file():
        print(f"error: {lock} is missing; run `make lock`", file=sys.stderr)
        return 1
    found = problems(pyproject, lock)
    for problem in found:
        print(f"error: {problem}", file=sys.stderr)
    if found:
        print(f"error: {lock} is out of date with {pyproject}; run `make lock` and commit both", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
