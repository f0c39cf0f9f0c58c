"""Dependencies point one way: front ends → actions → domains → base."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OURS = {"base", "applications", "knowledge", "actions", "bot", "rasa_sdk_plugins"}
# What each layer below the front ends may import of ours (its own modules are always allowed).
# The front ends (`bot`, `rasa_sdk_plugins`, and any console) may use every layer.
ALLOWED: dict[str, set[str]] = {
    "base": set(),
    "knowledge": {"base"},
    "applications": {"base"},
    "actions": {"base", "knowledge", "applications"},
}


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


def test_the_check_sees_imports_inside_functions(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("import os\n\ndef f():\n    from bot.cli import main\n    import actions.names\n")
    assert imported_packages(module) == {"bot", "actions"}
