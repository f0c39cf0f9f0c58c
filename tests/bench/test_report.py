"""A run's figures become the JSON, the chart and the Markdown report, with every target judged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.report import judge_targets, write_report


def fold(accuracy: float, seconds: float) -> dict[str, Any]:
    return {"fold": 1, "accuracy": accuracy, "weighted_f1": accuracy - 0.01, "training_seconds": seconds,
            "model_bytes": 3_000_000, "by_language": {"en": accuracy + 0.01, "es": accuracy - 0.03}}  # fmt: skip


def pipeline(accuracy: float, seconds: float) -> dict[str, Any]:
    return {"accuracy": accuracy, "accuracy_stdev": 0.01, "weighted_f1": accuracy - 0.01,
            "training_seconds": seconds, "model_bytes": 3_000_000, "folds": [fold(accuracy, seconds)],
            "by_language": {"en": accuracy + 0.01, "es": accuracy - 0.03}}  # fmt: skip


def level(concurrency: int, p95: float, rate: float) -> dict[str, Any]:
    return {"concurrency": concurrency, "messages": 600, "seconds": 10.0, "messages_per_second": rate,
            "p50_ms": p95 / 2, "p95_ms": p95, "p99_ms": p95 * 2, "max_ms": p95 * 3}  # fmt: skip


RESULTS: dict[str, Any] = {
    "measured_at": "2026-11-22 16:00 UTC",
    "bench_minutes": 42.0,
    "machine": {"cpu": "x86_64", "cores": 2, "memory_gb": 24, "python": "3.10.13", "rasa": "3.6.21"},
    "nlu": {"folds": 1, "seed": 1, "examples": 1000, "intents": 29, "by_language": {"en": 700, "es": 300},
            "pipelines": {"helpbot": pipeline(0.95, 30.0), "rasa default": pipeline(0.94, 200.0),
                          "helpbot, per-language route": pipeline(0.92, 60.0)}},
    "full_training": {"seconds": 45.0, "model_bytes": 4_000_000},
    "answers": {"right": 170, "asked": 179, "share": 0.9497,
                "by_posting": {"a": {"right": 85, "asked": 89, "share": 0.95}},
                "by_topic": {"salary": {"right": 9, "asked": 9, "share": 1.0}},
                "by_naming": {"from the page": {"right": 90, "asked": 91, "share": 0.99}},
                "misses": [{"question": "a | b", "posting": "a", "topic": "vpn", "expected": ["x"], "reply": "no"}]},
    "answers_es": {"right": 100, "asked": 108, "share": 0.9259,
                   "by_posting": {"a": {"right": 50, "asked": 54, "share": 0.926}},
                   "by_topic": {"salary": {"right": 6, "asked": 6, "share": 1.0}},
                   "by_naming": {"from the page": {"right": 60, "asked": 64, "share": 0.94}},
                   "misses": [{"question": "¿sueldo?", "posting": "a", "topic": "salary", "expected": ["$1"],
                               "reply": "no"}]},
    "server": {"cold_start_seconds": 20.0, "levels": [level(1, 25.0, 60.0), level(10, 300.0, 70.0)],
               "rss_idle_mb": {"rasa_server": 700.0, "action_server": 100.0},
               "rss_under_load_mb": {"rasa_server": 1100.0, "action_server": 110.0}},
    "knowledge_base": {"ingest_seconds": {"2": 0.1, "200": 5.0},
                       "latency": {"2": {"p50_ms": 16.0, "p95_ms": 19.0, "p99_ms": 25.0},
                                   "200": {"p50_ms": 17.0, "p95_ms": 21.0, "p99_ms": 30.0}}},
}  # fmt: skip


def test_every_target_is_judged_from_the_figures() -> None:
    judged = {t["figure"]: t for t in judge_targets(RESULTS)}
    assert judged["nlu_accuracy_margin"]["met"] is True
    assert judged["training_time_ratio"]["value"] == 0.15 and judged["training_time_ratio"]["met"] is True
    assert judged["p95_at_1"]["met"] is True
    assert judged["best_throughput"]["value"] == 70.0
    assert judged["rasa_rss_mb"]["met"] is False  # 1100 MB is over 1 GB
    assert judged["latency_growth_200"]["value"] == 1.06
    assert judged["answers_spanish_gap"]["value"] == -0.0238 and judged["answers_spanish_gap"]["met"] is True
    assert judged["nlu_english_margin"]["value"] == 0.03 and judged["nlu_english_margin"]["met"] is True


def test_a_section_not_run_is_not_judged() -> None:
    partial = {key: value for key, value in RESULTS.items() if key != "nlu"}
    judged = {t["figure"]: t for t in judge_targets(partial)}
    assert judged["nlu_accuracy_margin"]["met"] is None


def test_the_report_files_hold_the_figures(tmp_path: Path) -> None:
    write_report(RESULTS, tmp_path)

    assert json.loads((tmp_path / "benchmarks.json").read_text())["server"]["levels"][1]["messages_per_second"] == 70.0
    assert (tmp_path / "benchmarks.png").read_bytes().startswith(b"\x89PNG")
    markdown = (tmp_path / "benchmarks.md").read_text()
    assert "| helpbot | 0.9500 ± 0.0100 | 0.9600 | 0.9200 | 0.9400 | 30.0 s |" in markdown
    assert "| helpbot, per-language route | 0.9200 ± 0.0100 | 0.9300 | 0.8900 |" in markdown
    assert "700 English; 300 Spanish" in markdown
    assert "**100 of 108 right (92.6%)**, against 95.0% in English." in markdown
    assert "**170 of 179 right (95.0%).**" in markdown
    assert "| 10 | 600 | 70.0 | 150.0 ms | 300.0 ms | 600.0 ms | 900.0 ms |" in markdown
    assert "| Rasa server RSS under 1 GB (under load) | 1100.0" in markdown and "**no**" in markdown
    assert "a \\| b" in markdown  # a pipe in a question does not break the table
    assert "| 200 | 5.00 s | 17.0 ms |" in markdown


def test_a_partial_run_writes_only_its_sections(tmp_path: Path) -> None:
    write_report({k: v for k, v in RESULTS.items() if k in ("measured_at", "bench_minutes", "machine", "server")},
                 tmp_path)  # fmt: skip
    markdown = (tmp_path / "benchmarks.md").read_text()
    assert "## Server" in markdown and "## NLU" not in markdown and "not measured in this run" in markdown
