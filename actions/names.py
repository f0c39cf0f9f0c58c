"""Names shared by the actions, the domain and the tests."""

from __future__ import annotations

# slots
SLOT_POSTING = "posting_id"
SLOT_PENDING_TOPIC = "pending_topic"
SLOT_PENDING_QUESTION = "pending_question"
SLOT_LAST_TOPIC = "last_topic"
SLOT_LAST_ITEMS = "last_items"  # the pieces of the last answer, for "and the second one?"
SLOT_LAST_SECTIONS = "last_sections"
SLOT_LAST_TERMS = "last_terms"  # what the last answer was about, for "who evaluates them?"

# entities and metadata keys
ENTITY_POSTING = "posting_id"
METADATA_POSTING = "posting_id"
ENTITY_WHOLE = "whole"  # `topic:<topic>` or `section:<heading>`, from a "Show the whole section" button

# intents
INTENT_SELECT_POSTING = "select_posting"
INTENT_OUT_OF_SCOPE = "out_of_scope"
INTENT_FALLBACK = "nlu_fallback"
INTENT_INFORM = "inform"
INTENT_SHOW_WHOLE = "show_whole"

# texts the actions send (actions.messages)
REPLY_TOPIC_ANSWER = "reply_topic_answer"
REPLY_NOT_STATED = "reply_not_stated"
REPLY_SEARCH_ANSWER = "reply_search_answer"
REPLY_ASK_WHICH_POSTING = "reply_ask_which_posting"
REPLY_ASK_WHICH_OF_MANY_POSTINGS = "reply_ask_which_of_many_postings"
REPLY_POSTING_SELECTED = "reply_posting_selected"
REPLY_OUT_OF_SCOPE = "reply_out_of_scope"
REPLY_KB_EMPTY = "reply_kb_empty"
REPLY_CAPABILITIES = "reply_capabilities"
REPLY_HUMAN_CONTACTS = "reply_human_contacts"
REPLY_NO_CONTACTS = "reply_no_contacts"
REPLY_ASK_REPHRASE = "reply_ask_rephrase"
REPLY_NOTHING_TO_SHOW = "reply_nothing_to_show"
REPLY_HANDOFF_CREATED = "reply_handoff_created"
REPLY_HANDOFF_CREATED_LIVE = "reply_handoff_created_live"
REPLY_HANDOFF_EMAIL_SAVED = "reply_handoff_email_saved"
REPLY_HANDOFF_UNAVAILABLE = "reply_handoff_unavailable"

# hand-offs to a person (helpdesk.handoffs)
SLOT_HANDOFF = "handoff_id"
ACTION_SEARCH_POSTING = "action_search_posting"

# pending topic meaning "search the posting for the pending question"
PENDING_SEARCH = "search"

# application status
FORM_STATUS = "status_form"
SLOT_APPLICATION_ID = "application_id"
SLOT_APPLICANT_EMAIL = "applicant_email"
SLOT_STATUS_FAILURES = "status_failures"
INTENT_CHECK_STATUS = "check_status"
MAX_CONVERSATION_FAILURES = 3
REPLY_STATUS = "reply_status"
REPLY_STATUS_FAILED = "reply_status_failed"
REPLY_STATUS_GIVE_UP = "reply_status_give_up"
REPLY_STATUS_UNAVAILABLE = "reply_status_unavailable"
REPLY_NOT_AN_ID = "reply_not_an_id"
REPLY_NOT_AN_EMAIL = "reply_not_an_email"
REPLY_STATUS_CANCELLED = "reply_status_cancelled"
REPLY_NOTHING_TO_CANCEL = "reply_nothing_to_cancel"
REPLY_STATUS_PERSONAL_ONLY = "reply_status_personal_only"
REPLY_EMPLOYEE_VPN = "reply_employee_vpn"
REPLY_STATUS_HINT = "reply_status_hint"
CAPTION_FROM_POSTING = "caption_from_posting"  # the citation under an answer
