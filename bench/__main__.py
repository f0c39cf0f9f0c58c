"""`python -m bench` (`make bench`): measure the assistant and write docs/benchmarks.{md,json,png}.

Sections: the applicant question set; the long-tail question set; the server under load; the knowledge base at 2 and 200
postings; NLU cross-validation against Rasa's default pipeline and a full training. Each shows its
progress on stderr. `--only` runs some sections (the report then shows only those).
"""

from __future__ import annotations

import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import click
import psutil
from tqdm import tqdm

from base.settings import PROJECT_ROOT
from bench import answers, knowledge_base, longtail, nlu, production, server
from bench.questions import SPANISH_QUESTIONS_FILE, load_questions
from bench.report import write_report

SECTIONS = ("nlu", "answers", "longtail", "server", "knowledge", "production")
# The keys each section writes into the results.
SECTION_KEYS = {"nlu": ("nlu", "full_training"), "answers": ("answers", "answers_es"), "longtail": ("longtail",),
                "server": ("server",), "knowledge": ("knowledge_base",), "production": ("production",)}  # fmt: skip

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    import rasa

    return {
        "cpu": platform.processor() or platform.machine(),
        "cores": psutil.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30),
        "python": platform.python_version(),
        "rasa": rasa.__version__,
        "load_average": round(os.getloadavg()[0], 2),
    }


def run_nlu(workdir: Path, folds: int) -> dict[str, Any]:
    pipelines = {"helpbot": PROJECT_ROOT / "bot" / "config.yml", "rasa default": nlu.rasa_default_config()}
    cv_dir = workdir / "cross-validation"
    cv_dir.mkdir()
    # Spanish and English examples in one model, against a language-detected route to one model per language
    results = nlu.cross_validate(pipelines, cv_dir, folds, routes={"helpbot": pipelines["helpbot"]})
    tqdm.write("Full training of the assistant (rasa train, empty cache)...", file=sys.stderr)
    full = nlu.full_training(workdir / "full-training")
    return {"nlu": {"folds": folds, "seed": nlu.SEED, **nlu.data_size(), "pipelines": results}, "full_training": full}


def run_assistant_sections(workdir: Path, sections: set[str]) -> dict[str, Any]:
    """Answers and server figures from one assistant with the seed postings (cold start included)."""
    results: dict[str, Any] = {}
    with server.running_assistant(workdir / "two-postings") as (assistant, cold_start):
        if "answers" in sections:
            with tqdm(total=len(load_questions()), desc="Applicant questions", file=sys.stderr) as progress:
                results["answers"] = answers.measure_answers(assistant, progress)
            spanish = load_questions(SPANISH_QUESTIONS_FILE)
            with tqdm(total=len(spanish), desc="Applicant questions in Spanish", file=sys.stderr) as progress:
                results["answers_es"] = answers.measure_answers(assistant, progress, spanish)
        if "longtail" in sections:
            with tqdm(total=len(longtail.load_longtail()), desc="Long-tail questions", file=sys.stderr) as progress:
                results["longtail"] = longtail.measure_longtail(assistant, progress)
        if "server" in sections:
            total = len(server.CONCURRENCY_LEVELS)
            with tqdm(total=total, desc="Server under load", unit="level", file=sys.stderr) as progress:
                results["server"] = server.measure_server(assistant, cold_start, progress)
    return results


def run_production(workdir: Path) -> dict[str, Any]:
    with tqdm(total=production.STEPS, desc="Production profile", unit="step", file=sys.stderr) as progress:
        return {"production": production.measure_production(workdir, progress)}


def merged_with_earlier(results: dict[str, Any], sections: set[str], docs: Path) -> dict[str, Any]:
    """The figures of this run over those of the last report, for the sections not run this time."""
    earlier_path = docs / "benchmarks.json"
    if not earlier_path.exists():
        return results
    earlier = json.loads(earlier_path.read_text(encoding="utf-8"))
    measured = earlier.get("sections_measured_at") or {s: earlier.get("measured_at") for s in SECTIONS}
    merged = {key: value for key, value in earlier.items() if key not in ("targets", "sections_measured_at")}
    merged.update(results)
    for section in SECTIONS:
        if section in sections:
            measured[section] = results["measured_at"]
        elif not any(key in earlier for key in SECTION_KEYS[section]):
            measured.pop(section, None)
    merged["sections_measured_at"] = measured
    return merged


def run_knowledge(workdir: Path) -> dict[str, Any]:
    two = knowledge_base.generate_postings(workdir / "kb-2", 2)
    many = knowledge_base.generate_postings(workdir / "kb-200", knowledge_base.LARGE_KNOWLEDGE_BASE)
    figures: dict[str, Any] = {"ingest_seconds": {}, "latency": {}}
    with tqdm(total=4, desc="Knowledge base", unit="step", file=sys.stderr) as progress:
        for size, folder in (("2", two), ("200", many)):
            progress.set_postfix_str(f"ingest {size} postings")
            figures["ingest_seconds"][size] = round(knowledge_base.ingest_seconds(folder, workdir), 3)
            progress.update(1)
        for size, folder in (("2", two), ("200", many)):
            progress.set_postfix_str(f"latency with {size} postings")
            with server.running_assistant(workdir / f"assistant-{size}", postings=folder) as (assistant, _):
                server.warm_up(assistant)
                load = server.apply_load(assistant, concurrency=1, messages=server.MESSAGES_PER_LEVEL)
                figures["latency"][size] = server.latency_summary(load["latencies_ms"])
            progress.update(1)
    return {"knowledge_base": figures}


@click.command()
@click.option("--only", "only", multiple=True, type=click.Choice(SECTIONS), help="Run only these sections.")
@click.option("--folds", default=nlu.FOLDS, show_default=True, help="Cross-validation folds.")
@click.option("--docs", type=click.Path(path_type=Path), default=PROJECT_ROOT / "docs", show_default=True)
@click.option("--alone", is_flag=True, help="With --only: a report of only these sections (by default the other "
              "sections keep their figures from the last report, each dated).")  # fmt: skip
def main(only: tuple[str, ...], folds: int, docs: Path, alone: bool) -> None:
    """Measure the assistant and write docs/benchmarks.md with the raw JSON and a chart."""
    sections = set(only or SECTIONS)
    results: dict[str, Any] = {"measured_at": time.strftime("%Y-%m-%d %H:%M %Z"), "machine": machine()}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="helpbot-bench-") as tmp:
        workdir = Path(tmp)
        # The servers first: NLU work in this process (scikit-learn, Rasa) sets environment
        # variables the servers would inherit.
        if sections & {"answers", "longtail", "server"}:
            results.update(run_assistant_sections(workdir, sections))
        if "production" in sections:
            results.update(run_production(workdir))
        if "knowledge" in sections:
            results.update(run_knowledge(workdir))
        if "nlu" in sections:
            results.update(run_nlu(workdir, folds))
    results["bench_minutes"] = round((time.perf_counter() - started) / 60, 1)
    if only and not alone:
        results = merged_with_earlier(results, sections, docs)
    write_report(results, docs)
    click.echo(f"Wrote {docs / 'benchmarks.md'}, benchmarks.json and benchmarks.png", err=True)


if __name__ == "__main__":
    main()
