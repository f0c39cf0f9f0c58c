"""scripts/check_lock.py: the lock must pin everything pyproject.toml asks for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "check_lock.py"
PYPROJECT = """\
[project]
name = "demo"
dependencies = [
    "rasa==3.6.21", "SQLAlchemy>=1.4,<1.5", "tomli; python_version < '3.11'", "pywin32; sys_platform == 'win32'",
]
[project.optional-dependencies]
dev = ["pytest>=7.4"]
"""
LOCK = """\
# generated
rasa==3.6.21 \\
    --hash=sha256:00
sqlalchemy==1.4.54 \\
    --hash=sha256:11
tomli==2.0.1 ; python_version < '3.11' \\
    --hash=sha256:22
pytest==8.4.2 \\
    --hash=sha256:33
"""


def check(tmp_path: Path, pyproject: str, lock: str | None) -> subprocess.CompletedProcess[str]:
    (tmp_path / "pyproject.toml").write_text(pyproject)
    if lock is not None:
        (tmp_path / "requirements.lock").write_text(lock)
    args = [sys.executable, str(SCRIPT), str(tmp_path / "pyproject.toml"), str(tmp_path / "requirements.lock")]
    return subprocess.run(args, capture_output=True, text=True, check=False)


def test_a_lock_that_pins_every_requirement_passes(tmp_path: Path) -> None:
    result = check(tmp_path, PYPROJECT, LOCK)
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.parametrize(
    ("pyproject", "lock", "message"),
    [
        (PYPROJECT.replace('"pytest>=7.4"', '"pytest>=7.4", "hypothesis"'), LOCK, "hypothesis is not in"),
        (PYPROJECT.replace('"pytest>=7.4"', '"pytest>=9"'), LOCK, "pytest==8.4.2 in requirements.lock is outside >=9"),
        (PYPROJECT, LOCK.replace("sqlalchemy==1.4.54", "sqlalchemy==2.0.1"), "outside <1.5,>=1.4"),
        (PYPROJECT, None, "requirements.lock is missing; run `make lock`"),
    ],
    ids=["a new package", "a raised floor", "a pin outside its range", "no lock"],
)
def test_a_stale_lock_fails_with_a_clear_message(
    tmp_path: Path, pyproject: str, lock: str | None, message: str
) -> None:
    result = check(tmp_path, pyproject, lock)
    assert result.returncode == 1
    assert message in result.stderr


def test_the_projects_own_lock_is_in_sync() -> None:
    result = check_project()
    assert (result.returncode, result.stderr) == (0, "")


def check_project() -> subprocess.CompletedProcess[str]:
    args = [sys.executable, str(SCRIPT), str(ROOT / "pyproject.toml"), str(ROOT / "requirements.lock")]
    return subprocess.run(args, capture_output=True, text=True, check=False)
