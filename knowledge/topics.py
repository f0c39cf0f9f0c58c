"""The question topics the assistant answers for any posting, with how to speak of each."""

from __future__ import annotations

from collections.abc import Sequence

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


# Intents for a question no topic covers, or that the classifier could not place.
OUTSIDE_TOPIC_INTENTS = ("ask_about_job", "nlu_fallback")
# How far the likeliest topic is trusted when the classifier says no topic covers the question (tuned on
# the long tail's dev half and the topic questions with `python -m bench.tune`).
OUTSIDE_TOPICS_TRUST = 0.85


def likeliest_topic(
    intent: str | None, ranking: Sequence[tuple[str, float]], trust: float = OUTSIDE_TOPICS_TRUST
) -> tuple[str | None, float]:
    """The topic a question outside the topics (`ask_about_job`, `nlu_fallback`) may still be about, and how
    sure: its share of the topics' confidence, discounted; none for other intents. A hint only: its answer
    must hold what was asked."""
    if intent not in OUTSIDE_TOPIC_INTENTS:
        return None, 0.0
    topics = [(topic, confidence) for name, confidence in ranking if (topic := topic_of_intent(name))]
    total = sum(confidence for _, confidence in topics)
    if not topics or total <= 0:
        return None, 0.0
    topic, confidence = max(topics, key=lambda pair: pair[1])
    return topic, trust * confidence / total


# topic -> the words a question uses to ask for the topic as a whole; a question with other
# subject words asks for something more specific, which the topic's answer must then contain.
TOPIC_WORDS: dict[str, str] = {
    "deadline": (
        "deadline close closing closed due last day date dates filing period window submit submission application "
        "open opening still accepting accept extended extension long time left apply late when"
    ),
    "vpn": "vpn globalprotect network outside external employee install connect access sign",
    "transcripts": (
        "transcripts foreign degree degrees evaluation evaluated upload diploma certification education verify "
        "abroad country report detailed"
    ),
    "accommodation": "accommodation disability disabled help assistance testing test special needs request",
    "salary": (
        "salary pay range annual annually year yearly per hourly monthly compensation wage money earn start starting"
    ),
    "requirements": (
        "requirements requirement qualifications qualify qualified minimum education experience degree eligible "
        "years need needed required substitute substitution meet"
    ),
    "selection_process": (
        "selection process steps step hiring hire assessment test exam interview evaluated screening select "
        "chosen picked competitive"
    ),
    "eligibility_list": "eligibility eligible list hiring ranks rank ranking placed offers last long months valid",
    "benefits": "benefits benefit insurance retirement vacation holidays perks package",
    "contact": "contact email phone call reach person ask questions talk speak someone human number",
    "technical_help": (
        "technical help problem problems trouble website online portal error login account upload system "
        "issue issues working assistance"
    ),
    "confirmation_email": "confirmation email receive received submitted submit got",
    "location": "location located where site office department division unit team group address work place based",
    "job_number": "job number bulletin code id recruitment reference requisition posting listing",
    "duties": "duties duty responsibilities tasks do work day daily typical involve",
    "probation": "probation probationary period trial long",
    "background_check": "background check checks fingerprinting fingerprint credit screening criminal",
    "supplemental_questions": "supplemental questions questionnaire question ask asks",
}
