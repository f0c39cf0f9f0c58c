"""The production section's figures: latency by turn, what the load saw around a killed replica, the
report with the section, and a section run alone merged into the last report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.__main__ import merged_with_earlier
from bench.production import bucket_summary, failover_figures
from bench.report import judge_targets, write_report
from tests.bench.test_report import RESULTS


def test_latency_is_summed_up_by_ranges_of_turns() -> None:
    turns = [1, 2, 10, 11, 150, 199, 200]
    rows = bucket_summary(turns, [10.0, 20.0, 22.0, 30.0, 31.0, 40.0, 44.0])
    assert [(r["turns"], r["replies"], r["p50_ms"]) for r in rows] == [
        ("1", 1, 10.0), ("2-10", 2, 21.0), ("11-50", 1, 30.0), ("101-150", 1, 31.0), ("191-200", 2, 42.0)
    ]  # fmt: skip


def test_failover_figures_from_the_load_s_timeline() -> None:
    load = {"started_at": 1000.0, "concurrency": 4, "messages_per_second": 20.0, "timeline": [
        [0.5, 100.0, 1, True], [5.9, 120.0, 2, False], [6.0, 80.0, 2, False], [6.1, 5100.0, 3, True],
        [17.0, 90.0, 4, True], [18.0, 110.0, 5, True],
    ]}  # fmt: skip
    figures = failover_figures(load, killed_at=1006.0, replica_back=12.5)
    assert figures["failed"] == 2 and figures["requests"] == 6
    assert figures["killed_after_seconds"] == 6.0
    assert figures["failures_until_seconds"] == 0.08  # the last failure ended 6.08 s in
    assert figures["slowest_reply_around_kill_ms"] == 5100.0
    assert figures["p50_before_ms"] == 100.0 and figures["p50_after_ms"] == 100.0
    assert figures["replica_back_seconds"] == 12.5


PRODUCTION: dict[str, Any] = {
    "conversation_length": {"conversations_at_once": 5, "turns": 200, "replies": 100, "growth_p50": 0.9,
                            "by_turn": [{"turns": "1", "replies": 5, "p50_ms": 20.0, "p95_ms": 30.0, "p99_ms": 31.0},
                                        {"turns": "191-200", "replies": 50, "p50_ms": 18.0, "p95_ms": 29.0,
                                         "p99_ms": 35.0}]},
    "memory": {"as_served": {"idle_mb": {"rasa server 1": 550.0}, "under_load_mb": {"rasa server 1": 612.0}},
               "inheriting": {"idle_mb": {"rasa server 1": 560.0}, "under_load_mb": {"rasa server 1": 770.0}},
               "inherited_variables": {"KMP_INIT_AT_FORK": "FALSE"}},
    "scaling": {"runs": [{"replicas": 1, "concurrency": 10, "messages": 600, "messages_per_second": 50.0,
                          "speed_up": 1.0, "p50_ms": 100.0, "p95_ms": 150.0, "p99_ms": 170.0}],
                "rounds": 3, "rss_after_load_mb": {"nginx": 7.0}, "cores": 2, "load_average_before_rounds": [1.0],
                "freshness": {"replicas": 3, "seconds_by_replica": {}, "all_seconds": 0.2}},
    "failover": {"concurrency": 20, "requests": 100, "failed": 1, "failed_share": 0.01, "killed_after_seconds": 6.0,
                 "failures_until_seconds": 0.1, "slowest_reply_around_kill_ms": 5000.0, "p50_before_ms": 50.0,
                 "p50_after_ms": 40.0, "replica_back_seconds": 13.0, "messages_per_second": 20.0},
}  # fmt: skip


def test_the_targets_judge_conversation_length_and_memory_as_served(tmp_path: Path) -> None:
    results = {**RESULTS, "production": PRODUCTION}
    judged = {t["figure"]: t["met"] for t in judge_targets(results)}
    assert judged["length_growth_200"] is True
    assert judged["served_rasa_rss_mb"] is False  # 612 MB > 600 MB
    write_report(results, tmp_path)
    report = (tmp_path / "benchmarks.md").read_text()
    assert "## Production profile" in report and "| 191-200 | 50 | 18.0 ms |" in report


def test_a_section_run_alone_keeps_the_others_from_the_last_report(tmp_path: Path) -> None:
    (tmp_path / "benchmarks.json").write_text(json.dumps({**RESULTS, "targets": []}))
    new = {"measured_at": "2026-12-01 10:00 UTC", "machine": RESULTS["machine"], "production": PRODUCTION}
    merged = merged_with_earlier(new, {"production"}, tmp_path)
    assert merged["nlu"] == RESULTS["nlu"] and merged["production"] == PRODUCTION
    assert merged["sections_measured_at"]["production"] == "2026-12-01 10:00 UTC"
    assert merged["sections_measured_at"]["nlu"] == RESULTS["measured_at"]
    assert "targets" not in merged
