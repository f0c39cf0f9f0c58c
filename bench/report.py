"""Write a benchmark run's figures: raw JSON, a chart (PNG) and docs/benchmarks.md from its template."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATE = "benchmarks.md.j2"
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}
TUNING_LOG = Path(__file__).with_name("tuning.yml")
SET_UP_FIGURES = "setup.json"  # written by `python -m bench.cold_run`, which `make bench` does not run

# (what, figure in the results, comparison, target)
TARGETS: tuple[tuple[str, str, str, float], ...] = (
    ("intent accuracy at least Rasa's default", "nlu_accuracy_margin", ">=", 0.0),
    ("NLU training at most half of Rasa's default", "training_time_ratio", "<=", 0.5),
    ("full training under 60 s", "full_training_seconds", "<", 60.0),
    ("topic questions right: at least 95%", "answers_share", ">=", 0.95),
    ("Spanish questions right within 3 points of English", "answers_spanish_gap", ">=", -0.03),
    ("English intents: one bilingual model at least the English-only model", "nlu_english_margin", ">=", 0.0),
    ("long tail (held-out): answerable questions quoted right, at least 90%", "longtail_answerable", ">=", 0.9),
    ("long tail (held-out): unanswerable questions declined with a contact, 90%+", "longtail_declined", ">=", 0.9),
    ("long tail (held-out): answerable questions declined, at most 3%", "longtail_wrongly_declined", "<=", 0.03),
    ("long tail (held-out): median narrow reply at most 350 characters", "longtail_narrow_median", "<=", 350.0),
    ("p95 reply latency at concurrency 1 under 30 ms", "p95_at_1", "<", 30.0),
    ("at least 50 messages per second from one server", "best_throughput", ">=", 50.0),
    ("Rasa server RSS under 1 GB (under load)", "rasa_rss_mb", "<", 1024.0),
    ("latency flat from 2 to 200 postings (p50 within 20%)", "latency_growth_200", "<=", 1.2),
    ("latency flat from turn 1 to turn 200 (p50 within 25%)", "length_growth_200", "<=", 1.25),
    ("Rasa server as `helpbot serve` starts it: at most 600 MB RSS (under load)", "served_rasa_rss_mb", "<=", 600.0),
)


def headline(results: dict[str, Any]) -> dict[str, float]:
    """The figures the targets are judged on, from whichever sections this run measured."""
    figures: dict[str, float] = {}
    nlu = results.get("nlu")
    if nlu:
        ours, default = nlu["pipelines"]["helpbot"], nlu["pipelines"]["rasa default"]
        figures["nlu_accuracy_margin"] = round(ours["accuracy"] - default["accuracy"], 4)
        figures["training_time_ratio"] = round(ours["training_seconds"] / default["training_seconds"], 2)
        route = nlu["pipelines"].get("helpbot, per-language route")
        if route and "en" in ours.get("by_language", {}):
            figures["nlu_english_margin"] = round(ours["by_language"]["en"] - route["by_language"]["en"], 4)
    if "full_training" in results:
        figures["full_training_seconds"] = results["full_training"]["seconds"]
    if "answers" in results:
        figures["answers_share"] = results["answers"]["share"]
        if "answers_es" in results:
            figures["answers_spanish_gap"] = round(results["answers_es"]["share"] - results["answers"]["share"], 4)
    held_out = results.get("longtail", {}).get("splits", {}).get("heldout")
    if held_out:
        figures["longtail_answerable"] = held_out["answerable_right"]
        figures["longtail_declined"] = held_out["declined_right"]
        figures["longtail_wrongly_declined"] = held_out["wrongly_declined"]
        figures["longtail_narrow_median"] = held_out["narrow_median_chars"]
    server = results.get("server")
    if server:
        figures["p95_at_1"] = server["levels"][0]["p95_ms"]
        figures["best_throughput"] = max(level["messages_per_second"] for level in server["levels"])
        figures["rasa_rss_mb"] = server["rss_under_load_mb"]["rasa_server"]
    kb = results.get("knowledge_base")
    if kb and "latency" in kb:
        figures["latency_growth_200"] = round(kb["latency"]["200"]["p50_ms"] / kb["latency"]["2"]["p50_ms"], 2)
    production = results.get("production")
    if production:
        figures["length_growth_200"] = production["conversation_length"]["growth_p50"]
        figures["served_rasa_rss_mb"] = production["memory"]["as_served"]["under_load_mb"]["rasa server 1"]
    return figures


def judge_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with its measured figure and whether it is met (None when not measured this run)."""
    figures = headline(results)
    checks = {">=": float.__ge__, "<=": float.__le__, "<": float.__lt__}
    judged = []
    for what, key, comparison, target in TARGETS:
        value = figures.get(key)
        met = None if value is None else bool(checks[comparison](float(value), target))
        judged.append({"what": what, "figure": key, "value": value, "comparison": comparison, "target": target,
                       "met": met})  # fmt: skip
    return judged


def draw_chart(results: dict[str, Any], path: Path) -> None:
    """Four panels: NLU accuracy, training time, latency by concurrency, latency by knowledge-base size."""
    figure, axes = plt.subplots(2, 2, figsize=(11, 8))
    nlu = results.get("nlu")
    if nlu:
        names = list(nlu["pipelines"])
        scores = [[nlu["pipelines"][n]["accuracy"] for n in names], [nlu["pipelines"][n]["weighted_f1"] for n in names]]
        width = 0.38
        for offset, (label, values) in enumerate(zip(("accuracy", "weighted F1"), scores, strict=True)):
            bars = axes[0][0].bar([i + offset * width for i in range(len(names))], values, width, label=label)
            axes[0][0].bar_label(bars, fmt="%.3f", fontsize=8)
        axes[0][0].set_xticks([i + width / 2 for i in range(len(names))], names)
        axes[0][0].set_ylim(min(min(s) for s in scores) - 0.05, 1.0)
        axes[0][0].set_title(f"Intent classification ({nlu['folds']}-fold CV)")
        axes[0][0].legend(loc="lower right")
        seconds = [nlu["pipelines"][n]["training_seconds"] for n in names]
        bars = axes[0][1].bar(names, seconds, color=["tab:green", "tab:gray", "tab:olive"][: len(names)])
        axes[0][1].bar_label(bars, fmt="%.0f s")
        axes[0][1].set_title("NLU training time per fold (s)")
    server = results.get("server")
    if server:
        levels = [str(level["concurrency"]) for level in server["levels"]]
        for key in ("p50_ms", "p95_ms", "p99_ms"):
            axes[1][0].plot(levels, [level[key] for level in server["levels"]], marker="o", label=key[:3])
        axes[1][0].set_yscale("log")
        axes[1][0].set_xlabel("concurrent conversations")
        axes[1][0].set_title("REST reply latency (ms, log scale)")
        axes[1][0].legend()
    kb = results.get("knowledge_base")
    if kb and "latency" in kb:
        sizes = list(kb["latency"])
        for key in ("p50_ms", "p95_ms"):
            axes[1][1].plot(sizes, [kb["latency"][s][key] for s in sizes], marker="o", label=key[:3])
        axes[1][1].set_xlabel("postings in the knowledge base")
        axes[1][1].set_ylim(bottom=0)
        axes[1][1].set_title("Reply latency at concurrency 1 (ms)")
        axes[1][1].legend()
    figure.suptitle(f"helpbot benchmarks, {results['measured_at']}")
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)


def write_report(results: dict[str, Any], docs: Path) -> None:
    """docs/benchmarks.json, docs/benchmarks.png and docs/benchmarks.md for one run."""
    results = {**results, "targets": judge_targets(results)}
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "benchmarks.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    draw_chart(results, docs / "benchmarks.png")
    environment = Environment(
        loader=FileSystemLoader(Path(__file__).parent), undefined=StrictUndefined, keep_trailing_newline=True
    )
    changes = yaml.safe_load(TUNING_LOG.read_text(encoding="utf-8"))["changes"]
    set_up_path = docs / SET_UP_FIGURES
    set_up = json.loads(set_up_path.read_text(encoding="utf-8")) if set_up_path.is_file() else None
    markdown = environment.get_template(TEMPLATE).render(
        r=results, changes=changes, set_up=set_up, language_names=LANGUAGE_NAMES
    )
    (docs / "benchmarks.md").write_text(markdown, encoding="utf-8")
