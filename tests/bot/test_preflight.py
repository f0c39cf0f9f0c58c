"""The checks before `helpbot serve` starts anything: what several replicas need, and stores that answer."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from base.settings import Settings, get_settings, reset_settings
from bot.preflight import problems, replica_problems
from tests.stores import postgres_database, redis_url_or_skip


@pytest.fixture
def embedded(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> Iterator[Settings]:
    for name in ("HELPBOT_DATABASE_URL", "HELPBOT_APPLICATIONS_DATABASE_URL", "HELPBOT_TRACKER_STORE_URL",
                 "HELPBOT_REDIS_URL"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HELPBOT_TRACKER_DB", f"{tmp_path}/conversations.db")
    reset_settings()
    yield get_settings()
    reset_settings()


def test_one_replica_runs_on_the_embedded_defaults(embedded: Settings) -> None:
    assert problems(embedded, 1) == []


def test_several_replicas_need_postgresql_and_redis(embedded: Settings) -> None:
    found = replica_problems(embedded, 2)
    settings = [problem.split(" ")[0] for problem in found]
    assert settings == ["HELPBOT_DATABASE_URL", "HELPBOT_TRACKER_STORE_URL", "HELPBOT_REDIS_URL"]
    assert all("2 replicas need" in p for p in found)


def test_separate_applications_database_is_checked_too(embedded: Settings) -> None:
    settings = dataclasses.replace(embedded, applications_database_url="sqlite:////tmp/applications.db")
    assert any(p.startswith("HELPBOT_APPLICATIONS_DATABASE_URL") for p in replica_problems(settings, 3))


def test_shared_stores_that_answer_pass() -> None:
    with postgres_database() as url:
        settings = dataclasses.replace(
            get_settings(), database_url=url, applications_database_url=url, tracker_store_url=url,
            redis_url=redis_url_or_skip(),
        )  # fmt: skip
        assert problems(settings, 3) == []


def test_a_bad_url_is_named(embedded: Settings) -> None:
    settings = dataclasses.replace(embedded, tracker_store_url="postgres//nope", redis_url="http://127.0.0.1:6379")
    found = problems(settings, 1)
    assert any(p.startswith("HELPBOT_TRACKER_STORE_URL: 'postgres//nope' is not a database URL") for p in found)
    assert any(p.startswith("HELPBOT_REDIS_URL: not a Redis URL") for p in found)
