"""The question topics the assistant answers for any posting, with how to speak of each."""

from __future__ import annotations

# topic -> what it is called in a sentence ("The posting does not state <label>.")
TOPICS: dict[str, str] = {
    "deadline": "an application deadline",
    "vpn": "anything about VPN access",
    "transcripts": "anything about transcripts or foreign transcript evaluation",
    "accommodation": "how to request a reasonable accommodation",
    "salary": "the salary",
    "requirements": "the minimum requirements",
    "selection_process": "the selection process",
    "eligibility_list": "anything about an eligibility list",
    "benefits": "the benefits",
    "contact": "a contact",
    "technical_help": "where to get technical help with the application",
    "confirmation_email": "anything about a confirmation email",
    "location": "the job's location or department",
    "job_number": "a job number",
    "duties": "the job duties",
    "probation": "a probationary period",
    "background_check": "anything about a background check",
    "supplemental_questions": "any supplemental questions",
}

INTENT_PREFIX = "ask_"


def topic_of_intent(intent: str | None) -> str | None:
    """`ask_salary` -> `salary`; None for intents that are not topics."""
    if intent and intent.startswith(INTENT_PREFIX) and intent[len(INTENT_PREFIX) :] in TOPICS:
        return intent[len(INTENT_PREFIX) :]
    return None
