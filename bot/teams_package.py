"""Build the Teams app package (manifest and icons) for sideloading, with the app id from settings."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

TEMPLATE_DIR = Path(__file__).resolve().parent / "teams_app"


def render_manifest(*, app_id: str, developer_name: str, website_url: str) -> dict[str, object]:
    """The manifest with the bot's app id and the publisher's details filled in."""
    manifest: dict[str, object] = json.loads((TEMPLATE_DIR / "manifest.json").read_text(encoding="utf-8"))
    values = {"{{APP_ID}}": app_id, "{{DEVELOPER_NAME}}": developer_name, "{{WEBSITE_URL}}": website_url}

    def fill(node: object) -> object:
        if isinstance(node, str):
            return values.get(node, node)
        if isinstance(node, dict):
            return {key: fill(value) for key, value in node.items()}
        if isinstance(node, list):
            return [fill(item) for item in node]
        return node

    return fill(manifest)  # type: ignore[return-value]


def build_package(out: Path, *, app_id: str, developer_name: str, website_url: str) -> Path:
    """Write the zip Teams sideloads: manifest.json, color.png, outline.png."""
    manifest = render_manifest(app_id=app_id, developer_name=developer_name, website_url=website_url)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest, indent=2))
        for icon in ("color.png", "outline.png"):
            package.write(TEMPLATE_DIR / icon, icon)
    return out
