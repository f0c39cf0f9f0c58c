"""The Teams app package: manifest with the app id, and both icons."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from bot.teams_package import build_package


def test_package_holds_the_manifest_with_the_app_id_and_the_icons(tmp_path: Path) -> None:
    out = build_package(tmp_path / "app.zip", app_id="abc-123", developer_name="HR", website_url="https://hr.example")
    with zipfile.ZipFile(out) as package:
        assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(package.read("manifest.json"))
    assert manifest["id"] == "abc-123"
    assert manifest["bots"][0]["botId"] == "abc-123"
    assert manifest["developer"]["websiteUrl"] == "https://hr.example"
    assert "{{" not in json.dumps(manifest)
