"""helpbot's own words in English, by name (actions.names). The answers' phrases are knowledge.answers.PHRASES."""

from __future__ import annotations

from actions import names
from applications.statuses import STATUSES, TRANSCRIPT_STATUSES
from knowledge.section_links import OVERVIEW_TITLE
from knowledge.topics import TOPICS

TEXTS: dict[str, str] = {
    names.REPLY_TOPIC_ANSWER: "{answer}",
    names.REPLY_SEARCH_ANSWER: "{answer}",
    names.REPLY_ASK_REPHRASE: (
        "Could you say a little more about what you'd like to know about the {posting} posting? For example "
        "the deadline, the requirements, the salary or how to apply."
    ),
    names.REPLY_NOTHING_TO_SHOW: "Sorry, I don't have a longer answer to show. Ask me anything about the posting.",
    names.REPLY_NOT_STATED: "The {posting} posting does not state {topic}{note}. {contact}",
    names.REPLY_ASK_WHICH_POSTING: "Which posting are you asking about?",
    names.REPLY_ASK_WHICH_OF_MANY_POSTINGS: (
        "Which posting are you asking about? {count} postings fit; here are the first {shown}. "
        "You can also type the job title, the employer or the job number."
    ),
    names.REPLY_POSTING_SELECTED: "OK, let's talk about the {posting} posting. What would you like to know?",
    names.REPLY_OUT_OF_SCOPE: (
        "Sorry, I can only help with questions about job postings and applications. Try asking about "
        "the deadline, requirements, salary or how to apply."
    ),
    names.REPLY_KB_EMPTY: (
        "Sorry, I have no job postings loaded right now, so I can't answer that. Please check the "
        "careers website or contact the human resources office."
    ),
    names.REPLY_CAPABILITIES: (
        "I answer questions about job postings from their own text: {topics}. Just ask, for example "
        '"when is the deadline?".\nPostings I know about:\n{postings}'
    ),
    names.REPLY_HUMAN_CONTACTS: "Meanwhile, these are the contacts the posting gives:\n{contacts}",
    names.REPLY_NO_CONTACTS: "{handoff}\n\n{contact}",
    names.REPLY_HANDOFF_CREATED: (
        "I've passed this conversation to the helpdesk, and a person will read it. If you'd like an answer "
        "by email, type your email address now."
    ),
    names.REPLY_HANDOFF_CREATED_LIVE: (
        "I've passed this conversation to the helpdesk, and a person will read it. Keep this chat open "
        "and their answer appears here; or, for an answer by email, type your email address now."
    ),
    names.REPLY_HANDOFF_EMAIL_SAVED: (
        "Thanks. The helpdesk will answer at that address (it is kept with your request only)."
    ),
    names.REPLY_HANDOFF_UNAVAILABLE: "I couldn't pass this conversation to the helpdesk just now.",
    names.REPLY_STATUS: "{status}",
    names.REPLY_STATUS_FAILED: (
        "Sorry, I couldn't find an application with that application ID and email address. Please check "
        "both (the ID is in the confirmation email you received when you applied) and ask me again."
    ),
    names.REPLY_STATUS_GIVE_UP: "Sorry, I still couldn't verify those details, so I'll stop asking for now. {contact}",
    names.REPLY_STATUS_UNAVAILABLE: (
        "Sorry, I can't check application status right now. Please try again later. {contact}"
    ),
    names.REPLY_NOT_AN_ID: (
        "That doesn't look like an application ID. It is a code such as A-10234, in the confirmation "
        'email you received when you applied. (Say "cancel" to stop.)'
    ),
    names.REPLY_NOT_AN_EMAIL: (
        "That doesn't look like an email address. Please type the address you applied with, such as "
        'name@example.com. (Say "cancel" to stop.)'
    ),
    names.REPLY_STATUS_PERSONAL_ONLY: (
        "For your privacy I only check application status in a personal chat. Please message me "
        "directly (not in this group or channel) and ask again."
    ),
    names.REPLY_EMPLOYEE_VPN: "Applying from outside the network? {vpn}",
    names.CAPTION_FROM_POSTING: "From the posting: {sections}",
    names.REPLY_STATUS_HINT: (
        "Would you like to check the status of your application? Just ask \"what's the status of my "
        "application?\" and I'll ask for your application ID and email."
    ),
    names.REPLY_STATUS_CANCELLED: "OK, I've stopped. Ask me anything else about the posting.",
    names.REPLY_NOTHING_TO_CANCEL: "OK. Is there anything else you'd like to know about a posting?",
    names.REPLY_GREET: (
        "Hello! I'm the job application assistant. Ask me about a job posting: the deadline, requirements, "
        "transcripts, salary, benefits, VPN access, accommodations and more."
    ),
    names.REPLY_GOODBYE: "Goodbye, and good luck with your application!",
    names.REPLY_YOU_ARE_WELCOME: "You're welcome! Anything else about the posting?",
    names.REPLY_I_AM_A_BOT: (
        "I'm an automated assistant, not a person. I answer from the job posting's own text. If you'd like a "
        'person, say "talk to a person" and I\'ll give you the posting\'s contacts.'
    ),
    names.ASK_APPLICATION_ID: (
        "I can check that for you. First, what is your application ID? It is in the confirmation email you "
        "received when you applied."
    ),
    names.ASK_APPLICANT_EMAIL: "Thanks. And the email address you applied with?",
    # pieces
    names.PIECE_CONTACT: "For more, you can contact {contact} (given in the posting's “{section}” section).",
    names.PIECE_CITED_CONTACT: "For more, you can contact {contact}.",
    names.PIECE_NO_CONTACT: (
        "The posting lists no email address or phone number, so please contact {organisation}'s human "
        "resources office through the job listing where you found the posting."
    ),
    names.PIECE_EMPTY_SECTION: " (its “{section}” section is empty)",
    names.PIECE_ABOUT: "anything about “{subject}”",
    names.PIECE_AN_ANSWER: "an answer to that",
    names.PIECE_NTH_ITEM: "a number {number} in my last answer",
    names.PIECE_QUOTE_INTRO: "",
    names.PIECE_TOPIC_SUMMARY: (
        "deadlines and filing dates, minimum requirements, transcripts and foreign transcript "
        "evaluation, VPN access for employees, reasonable accommodations, salary, benefits, the "
        "selection process and eligibility list, duties, location, job number, probation, background "
        "checks, supplemental questions, and whom to contact"
    ),
    names.PIECE_STATUS_CONTACT: "For help, please contact {contact}.",
    names.PIECE_STATUS_NO_CONTACT: (
        "For help, please contact the human resources office of the employer you applied to."
    ),
    names.PIECE_GENERIC_CONTACT: "If it keeps happening, please contact the human resources office of the employer.",
    names.PIECE_THE_EMPLOYER: "the employer",
    names.PIECE_OVERVIEW: OVERVIEW_TITLE,
    names.BUTTON_SHOW_WHOLE: "Show the whole section",
    # the chat widget (web/static/chat-widget.js); {posting} is the page's posting title
    "widget_launcher": "Questions? Chat with us",
    "widget_close_chat": "Close chat",
    "widget_title": "Job application assistant",
    "widget_close_label": "Close the chat",
    "widget_conversation": "Conversation",
    "widget_typing": "The assistant is typing…",
    "widget_your_message": "Your message",
    "widget_placeholder": "Ask about {posting}",
    "widget_send": "Send",
    "widget_human": "Talk to a person",
    "widget_you_said": "You said: ",
    "widget_assistant_said": "Assistant: ",
    "widget_suggested": "Suggested replies",
    "widget_no_answer": "Sorry, no answer came back. Please try again in a moment.",
    "widget_welcome": "Hi! Ask me anything about {posting}: the deadline, requirements, salary, how to apply…",
    "widget_this_posting": "this posting",
    "widget_language": "Language",
    "widget_from_staff": "Helpdesk staff",
    # the channels
    names.CHANNEL_TOO_LONG: (
        "Sorry, that message is too long for me ({length} characters). Please shorten it to at most "
        "{limit} characters, or ask one question at a time."
    ),
    names.CHANNEL_APOLOGY: (
        "Sorry, something went wrong on my side and I couldn't answer that. Please try again in a moment. {contact}"
    ),
    names.CHANNEL_SLOW_DOWN: "You're sending messages faster than I can answer. Please wait a moment, then try again.",
    names.CHANNEL_BAD_MESSAGE: "Sorry, I couldn't read that message. Please type your question again.",
    names.CHANNEL_TOO_LARGE: "the request body is too large (at most {limit} bytes)",
    names.CHANNEL_CONTINUED: "… The rest is in the posting.",
    names.CHANNEL_OPEN_SECTION: "Open the section",
    # topics, as in "The posting does not state <label>"; application statuses in plain language
    **{names.TOPIC_LABEL.format(topic=topic): label for topic, label in TOPICS.items()},
    **{names.STATUS_LABEL.format(status=status): text for status, text in STATUSES.items()},
    **{names.TRANSCRIPT_LABEL.format(status=status): text for status, text in TRANSCRIPT_STATUSES.items()},
    "status_application_for": "Your application for {posting}:",
    "status_status": "Status: {status}",
    "status_last_updated": "Last updated: {date}.",
    "status_rank": "Your rank on the list: {rank}.",
    "status_comes_next": "What the posting says comes next: {text} (section “{section}”)",
    "status_transcripts": "Transcripts: {status}",
    "status_posting_asks": "What the posting asks: {text} (section “{section}”)",
    "status_next_step": "Next step: {text}",
}
