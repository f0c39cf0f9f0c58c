"""Dependencies point one way: front ends → actions → domains → base."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OURS = {"base", "applications", "knowledge", "staff", "helpdesk", "actions", "bot", "console", "rasa_sdk_plugins"}
# What each layer below the front ends may import of ours (its own modules are always allowed).
# The front ends (`bot`, `console`, `rasa_sdk_plugins`) may use every layer below them, never each other.
ALLOWED: dict[str, set[str]] = {
    "base": set(),
    "knowledge": {"base"},
    "applications": {"base"},
    "staff": {"base"},
    "helpdesk": {"base", "applications"},
    "actions": {"base", "knowledge", "applications", "helpdesk"},
}
FRONT_ENDS = {"bot", "console", "rasa_sdk_plugins"}


def imported_packages(path: Path) -> set[str]:
    """The top-level packages of ours a module imports, at module level or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found & OURS


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_a_package_imports_only_the_layers_below_it(package: str) -> None:
    wrong = {
        str(path.relative_to(ROOT)): sorted(imported_packages(path) - ALLOWED[package] - {package})
        for path in sorted((ROOT / package).rglob("*.py"))
    }
    assert {module: names for module, names in wrong.items() if names} == {}


@pytest.mark.parametrize("front_end", sorted(FRONT_ENDS))
def test_the_console_and_the_other_front_ends_never_import_each_other(front_end: str) -> None:
    # (the action server's plugin shares the bot's body limit: both serve the assistant)
    others = {"console"} if front_end != "console" else FRONT_ENDS - {"console"}
    wrong = {
        str(path.relative_to(ROOT)): sorted(imported_packages(path) & others)
        for path in sorted((ROOT / front_end).rglob("*.py"))
    }
    assert {module: names for module, names in wrong.items() if names} == {}


def test_every_package_of_ours_has_a_place() -> None:
    packages = {path.parent.name for path in ROOT.glob("*/*.py")} - {"tests", "bench", "scripts"}  # tools, not layers
    assert packages == set(ALLOWED) | FRONT_ENDS


def test_the_check_sees_imports_inside_functions(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("import os\n\ndef f():\n    from bot.cli import main\n    import actions.names\n")
    assert imported_packages(module) == {"bot", "actions"}
