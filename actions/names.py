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
SLOT_LANGUAGE = "language"  # the conversation's language, `en` or `es` (actions.language)

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
REPLY_GREET = "reply_greet"
REPLY_GOODBYE = "reply_goodbye"
REPLY_YOU_ARE_WELCOME = "reply_you_are_welcome"
REPLY_I_AM_A_BOT = "reply_i_am_a_bot"
REPLY_HANDOFF_CREATED = "reply_handoff_created"
REPLY_HANDOFF_CREATED_LIVE = "reply_handoff_created_live"
REPLY_HANDOFF_EMAIL_SAVED = "reply_handoff_email_saved"
REPLY_HANDOFF_UNAVAILABLE = "reply_handoff_unavailable"

# pieces of texts (filled into the texts above)
PIECE_CONTACT = "piece_contact"  # whom to ask, when the posting gives an email or phone number
PIECE_CITED_CONTACT = "piece_cited_contact"  # ... when the reply's citation already names its section
PIECE_NO_CONTACT = "piece_no_contact"  # ... when it gives none
PIECE_EMPTY_SECTION = "piece_empty_section"
PIECE_ABOUT = "piece_about"  # anything about “<subject>”
PIECE_AN_ANSWER = "piece_an_answer"  # an answer to that
PIECE_NTH_ITEM = "piece_nth_item"  # a number 3 in my last answer
PIECE_QUOTE_INTRO = "piece_quote_intro"  # before quoted posting text, in a language other than the posting's
PIECE_TOPIC_SUMMARY = "piece_topic_summary"
PIECE_STATUS_CONTACT = "piece_status_contact"
PIECE_STATUS_NO_CONTACT = "piece_status_no_contact"
PIECE_GENERIC_CONTACT = "piece_generic_contact"
PIECE_THE_EMPLOYER = "piece_the_employer"  # when a posting names no organisation
PIECE_OVERVIEW = "piece_overview"  # the posting's header block, as a section
BUTTON_SHOW_WHOLE = "button_show_whole"
TOPIC_LABEL = "topic_{topic}"  # the posting does not state <label>
STATUS_LABEL = "application_status_{status}"
TRANSCRIPT_LABEL = "transcript_status_{status}"

# the chat widget's own labels (web/static/chat-widget.js), by these names after the prefix
WIDGET_PREFIX = "widget_"

# the status form's questions
ASK_APPLICATION_ID = "ask_application_id"
ASK_APPLICANT_EMAIL = "ask_applicant_email"

# what the channels say themselves
CHANNEL_TOO_LONG = "channel_too_long"
CHANNEL_APOLOGY = "channel_apology"
CHANNEL_SLOW_DOWN = "channel_slow_down"
CHANNEL_BAD_MESSAGE = "channel_bad_message"
CHANNEL_TOO_LARGE = "channel_too_large"  # a request body over the cap (413), as a JSON error
CHANNEL_CONTINUED = "channel_continued"  # a Teams card cut to Teams' size limit ends with this
CHANNEL_OPEN_SECTION = "channel_open_section"  # a card's link to a cited section, when it has no title

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
