"""Verified status look-ups: id and email must both match; failures are counted and locked out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.engine import Engine

from applications import store
from applications.privacy import keyed_hash, normalise_application_id, normalise_email
from applications.store import Application

MAX_FAILURES = 5
LOCK_WINDOW = timedelta(minutes=15)


@dataclass(frozen=True)
class Verification:
    """The application when the applicant proved who they are; None otherwise (whatever the reason)."""

    application: Application | None

    @property
    def verified(self) -> bool:
        return self.application is not None


def is_locked(application_id: str, *, engine: Engine | None = None) -> bool:
    """Whether this application id had MAX_FAILURES failed look-ups within LOCK_WINDOW."""
    subject = keyed_hash(normalise_application_id(application_id), purpose="application")
    since = store.now() - LOCK_WINDOW
    return store.count_audit(subject_hash=subject, outcome="failed", since=since, engine=engine) >= MAX_FAILURES


def verify(application_id: str, email: str, *, conversation_id: str, engine: Engine | None = None) -> Verification:
    """Look an application up for its applicant. Unknown id, wrong email and lock-out all look the same."""
    key = normalise_application_id(application_id)
    subject = keyed_hash(key, purpose="application")
    conversation = keyed_hash(conversation_id, purpose="conversation")
    if is_locked(key, engine=engine):
        store.record_audit(
            event="status_lookup", outcome="locked", conversation_hash=conversation, subject_hash=subject, engine=engine
        )
        return Verification(None)
    application = store.get_application(key, engine=engine)
    matches = application is not None and application.email == normalise_email(email)
    store.record_audit(
        event="status_lookup",
        outcome="verified" if matches else "failed",
        conversation_hash=conversation,
        subject_hash=subject,
        engine=engine,
    )
    return Verification(application if matches else None)
