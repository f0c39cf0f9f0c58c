"""How long `make run` takes from a fresh clone to the first answer: cold (no .venv, empty pip, uv
and npm caches) and warm (a second fresh clone, with the caches the first one filled).

With `--test`, also `make test` in a third fresh clone (warm caches). The figures go to
docs/setup.json, which `make bench` puts in docs/benchmarks.md.

Run by hand, not by `make bench`: it downloads every package again (about 2.7 GB) and needs PyPI
and the npm registry. `python -m bench.cold_run [--test] [--keep]`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTION = {"sender": "cold-run", "message": "when is the deadline?"}
ANSWER_TIMEOUT_S = 1800
FIGURES = ROOT / "docs" / "setup.json"


def first_answer(url: str, deadline: float, process: subprocess.Popen[bytes]) -> str:
    """Poll the REST webhook until the assistant answers; the text of its first reply."""
    body = json.dumps(QUESTION).encode()
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"`make run` stopped with exit code {process.returncode}")
        request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                replies = json.loads(response.read())
            if replies:
                return str(replies[0].get("text", ""))
        except (urllib.error.URLError, ConnectionError, TimeoutError, json.JSONDecodeError):
            pass
        time.sleep(1)
    raise TimeoutError("no answer in time")


def timed_run(clone: Path, caches: Path, log: Path) -> tuple[float, str]:
    """Start `make run` in `clone` and return the seconds to the first answer, and that answer."""
    env = cache_environment(caches)
    started = time.monotonic()
    with log.open("wb") as out:
        process = subprocess.Popen(["make", "run"], cwd=clone, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        try:
            text = first_answer("http://127.0.0.1:5005/webhooks/rest/webhook", started + ANSWER_TIMEOUT_S, process)
            return time.monotonic() - started, text
        finally:
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def cache_environment(caches: Path) -> dict[str, str]:
    """The environment with pip's, uv's and npm's caches in `caches`."""
    return {
        **os.environ,
        "PIP_CACHE_DIR": str(caches / "pip"),
        "UV_CACHE_DIR": str(caches / "uv"),
        "npm_config_cache": str(caches / "npm"),
    }


def timed_test(clone: Path, caches: Path, log: Path) -> tuple[float, int]:
    """`make test` in `clone`: the seconds it took and its exit code."""
    started = time.monotonic()
    with log.open("wb") as out:
        code = subprocess.run(["make", "test"], cwd=clone, env=cache_environment(caches), stdout=out,
                              stderr=subprocess.STDOUT, check=False).returncode
    return time.monotonic() - started, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", action="store_true", help="also time `make test` in a fresh clone")
    parser.add_argument("--keep", action="store_true", help="keep the clones and caches")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="helpbot-cold-"))
    caches = work / "caches"
    timings: dict[str, float] = {}
    answer = ""
    for run in ("cold", "warm"):
        clone = work / run
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        timings[run], answer = timed_run(clone, caches, work / f"{run}.log")
        shutil.rmtree(clone / ".venv", ignore_errors=True)
    figures: dict[str, object] = {
        "measured_at": time.strftime("%Y-%m-%d"),
        "cold_run_s": round(timings["cold"]),
        "warm_run_s": round(timings["warm"]),
        "first_answer": answer[:80],
        "load_average": round(os.getloadavg()[0], 1),
    }
    if args.test:
        clone = work / "test"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        test_s, exit_code = timed_test(clone, caches, work / "test.log")
        figures["make_test_s"], figures["make_test_exit"] = round(test_s), exit_code
    FIGURES.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"kept {work}")


if __name__ == "__main__":
    main()
