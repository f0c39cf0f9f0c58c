"""The application and transcript statuses the HR export uses, in plain language."""

from __future__ import annotations

STATUSES: dict[str, str] = {
    "received": "We have received your application.",
    "minimum_qualifications_review": "Your application is being reviewed against the minimum qualifications.",
    "transcript_verification": "Your education documents (transcripts) are being verified.",
    "assessment_scheduled": "You have been scheduled for the assessment.",
    "eligible_list": "You passed the assessment and are on the eligibility (hiring) list.",
    "referred": "Your name has been referred to the hiring department.",
    "selected": "You have been selected for the position.",
    "not_selected": "You were not selected for this position.",
    "withdrawn": "Your application has been withdrawn.",
}

TRANSCRIPT_STATUSES: dict[str, str] = {
    "not_required": "No transcripts are needed for this application.",
    "not_received": "We have not received your transcripts yet.",
    "received": "We have received your transcripts; they are waiting to be verified.",
    "foreign_evaluation_pending": "Your foreign transcript evaluation is pending.",
    "verified": "Your transcripts have been verified.",
    "rejected": "Your transcripts could not be accepted.",
}

# Transcript statuses that wait for a staff decision (the verification queue).
AWAITING_VERIFICATION = ("received", "foreign_evaluation_pending")

# Which posting fact explains what happens next, by status.
NEXT_STEP_FACTS: dict[str, tuple[str, ...]] = {
    "received": ("requirements_deadline",),
    "minimum_qualifications_review": ("requirements_deadline",),
    "transcript_verification": ("transcripts",),
    "assessment_scheduled": ("selection_process",),
    "eligible_list": ("eligibility_list",),
    "referred": ("eligibility_list",),
}

# Which posting facts tell the applicant what to do, by transcript status.
TRANSCRIPT_FACTS: dict[str, tuple[str, ...]] = {
    "not_received": ("transcripts",),
    "foreign_evaluation_pending": ("foreign_evaluation", "detailed_report", "evaluators_link"),
    "rejected": ("transcripts", "foreign_evaluation"),
}
