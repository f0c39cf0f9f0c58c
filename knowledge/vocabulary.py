"""The words of applicants' questions and of postings, reduced to comparable terms.

A term is a Snowball stem (`vacancies` -> `vacanc`) or a concept (`@vacancy`) that several
wordings share: applicants say "openings", postings say "vacancy". The concepts are plain
English about jobs and applying, never about one posting.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from knowledge.spanish import in_english, plain

# Words that carry no subject in a question about a job ("can I", "tell me", "the job").
_GENERIC = """
    job jobs position role posting post listing opening job's vacancy's
    does did do doing done need needs needed know tell want wanted wondering wonder question questions
    please pls plz hi hello hey thanks thank ok okay yes yeah yep sure just really actually also
    apply applying applied applicant applicants candidate candidates
    can could would should will shall may might must get got gets getting give given gives make makes
    go going goes come coming see look looking find found say says said mean means like
    im i'm ive i've id i'd dont don't doesnt doesn't isnt isn't arent aren't cant can't wont won't u ur
    thing things stuff kind sort bit lot lots way ways something anything everything
    good great nice best better ok fine okay sure possible possibly allowed allow able
    info information details detail exactly currently anyway though
    hmm hm um uh oh ah huh wow lol k kk cool happen happens happened entail entails involve involves
    whats what's hows how's wheres where's whos who's whens when's theres there's
    offer offers offered offering provide provides provided include includes included there available
"""
GENERIC_WORDS = frozenset(ENGLISH_STOP_WORDS) | frozenset(_GENERIC.split())

# Words that ask for the whole of a topic or section rather than one fact.
BROAD_CUES = re.compile(
    r"\b(tell me (?:more )?about|list|all (?:the|of)|every|everything|full|whole|entire|complete|"
    r"describe|overview|summar\w*|rundown|breakdown|walk me through|explain"
    r"|how (?:do|should|can) i (?:handle|deal with|go about|take care of)|what (?:do|should) i do (?:about|with)"
    r"|how does (?:it|that|this|the \w+(?: \w+)?) work|what(?:'s| is) the (?:process|procedure))\b",
    re.IGNORECASE,
)

# Where applicants often studied abroad: a degree "from Mexico" is a foreign degree.
COUNTRIES = (
    "mexico", "el salvador", "guatemala", "honduras", "nicaragua", "cuba", "colombia", "peru", "ecuador",
    "venezuela", "argentina", "chile", "brazil", "dominican republic", "philippines", "vietnam", "korea",
    "china", "taiwan", "japan", "thailand", "cambodia", "indonesia", "india", "pakistan", "bangladesh",
    "iran", "armenia", "russia", "ukraine", "israel", "lebanon", "egypt", "nigeria", "ethiopia", "canada",
    "england", "uk", "germany", "france", "italy", "spain", "poland",
)

# Concepts: wordings that mean the same thing in applicants' questions and postings' text.
# Phrases are matched before single words; every member is matched on whole words.
CONCEPTS: dict[str, tuple[str, ...]] = {
    "vacancy": (
        "vacancy", "vacancies", "openings", "job openings", "open positions", "positions open",
        "positions available", "spots", "slots", "positions", "how many people",
    ),
    "remote": (
        "remote", "remotely", "telework", "teleworking", "telecommute", "telecommuting", "work from home",
        "working from home", "wfh", "hybrid", "from home", "home office", "on site", "onsite", "in person",
    ),
    "pay": (
        "salary", "salaries", "pay", "wage", "wages", "compensation", "earn", "earnings", "income", "money",
        "get paid", "gets paid", "be paid", "paid per", "paid hourly", "pay scale", "pay rate",
    ),
    "assessment": (
        "assessment", "assessments", "test", "tests", "testing", "exam", "exams", "examination",
        "examinations", "appraisal", "appraisals", "quiz",
    ),
    "interview": ("interview", "interviews", "interviewed", "oral appraisal", "oral board", "panel"),
    "hours": (
        "hours", "hrs", "hour", "working hours", "work hours", "work schedule", "working schedule", "shift",
        "shifts", "work week", "workweek", "a week", "per week", "weekly",
    ),
    "fulltime": ("full time", "fulltime", "full-time"),
    "parttime": ("part time", "parttime", "part-time"),
    "union": ("union", "unions", "bargaining unit", "bargaining", "labor union", "represented", "union dues"),
    "citizenship": (
        "citizen", "citizens", "citizenship", "visa", "visas", "sponsor", "sponsorship", "work authorization",
        "green card", "authorized to work", "work permit", "h1b", "h-1b",
    ),
    "relocation": ("relocation", "relocate", "relocating", "moving expenses", "move here"),
    "parking": ("parking", "park", "parking lot", "parking space"),
    "dress": ("dress code", "dress", "attire", "uniform", "uniforms", "wear"),
    "benefit": ("benefits", "benefit", "perks"),
    "insurance": ("insurance", "medical", "dental", "vision", "health plan", "health insurance", "coverage"),
    "retirement": ("retirement", "pension", "calpers", "401k", "457", "retire"),
    "vacation": ("vacation", "vacations", "pto", "paid time off", "time off", "days off", "annual leave"),
    "holiday": ("holiday", "holidays"),
    "sick": ("sick leave", "sick days", "sick"),
    "education": (
        "degree", "degrees", "diploma", "diplomas", "education", "educational", "college", "university",
        "ged", "high school", "associate", "associate's", "associates", "bachelor", "bachelor's", "coursework",
    ),
    "experience": ("experience", "experienced", "years of experience"),
    "transcript": ("transcript", "transcripts", "grades"),
    "foreign": (
        "foreign", "abroad", "overseas", "international", "another country", "other country",
        "outside the united states", "outside the us", "outside the u.s.", "outside of the us",
        *COUNTRIES,
    ),
    "evaluation": ("evaluate", "evaluates", "evaluated", "evaluation", "evaluations", "evaluator", "evaluators"),
    "phone": ("phone", "phone number", "telephone", "call", "ring", "number to call"),
    "email": ("email", "e-mail", "emails", "email address", "mail"),
    "website": ("website", "web site", "link", "url", "web page", "webpage", "online"),
    "deadline": (
        "deadline", "deadlines", "closing date", "close", "closes", "closing", "due", "last day", "cutoff",
        "cut off", "filing period", "filing dates",
    ),
    "vpn": ("vpn", "virtual private network", "globalprotect", "global protect"),
    "accommodation": ("accommodation", "accommodations", "disability", "disabilities", "disabled", "ada"),
    "background": (
        "background check", "background checks", "background screening", "background investigation",
        "fingerprint", "fingerprints", "fingerprinting", "live scan",
        "credit check", "criminal record", "conviction", "felony",
    ),
    "drug": ("drug test", "drug testing", "drug screen", "drug screening", "drugs"),
    "probation": ("probation", "probationary", "trial period"),
    "jobnumber": (
        "job number", "bulletin number", "recruitment number", "exam number", "posting number", "job id", "job code",
        "requisition", "req number",
    ),
    "eligibility": ("eligibility list", "eligible list", "hiring list", "eligibility", "ranks", "ranking"),
    "competency": ("competencies", "competency", "qualities", "soft skills", "traits"),
    "overtime": ("overtime",),
    "training": ("training", "onboarding", "train", "trained"),
    "promotion": ("promotion", "promotions", "promote", "promoted", "advancement", "career growth"),
    "team": ("team", "coworkers", "colleagues", "unit", "group"),
    "bonus": ("bonus", "signing bonus", "sign-on bonus"),
    "discrimination": ("discrimination", "discriminate", "harassment", "equal opportunity", "eeo", "bias"),
    "spam": (
        "spam", "junk", "junk folder", "spam folder", "whitelist", "allowlist", "allow list", "safe senders",
        "safe sender", "safe senders list", "blocked", "filtered",
    ),
    "contact": (
        "contact", "contacts", "ask", "reach", "get in touch", "talk to", "speak to", "speak with", "write to",
        "questions about", "questions regarding", "inquiries", "inquiry",
    ),
    "confirmation": ("confirmation", "confirm", "confirmed", "confirming", "receipt"),
    "questionnaire": ("supplemental questions", "supplemental questionnaire", "questionnaire"),
    "duties": ("duties", "tasks", "responsibilities", "day to day", "daily work", "do all day"),
    "start": ("start date", "start", "starting", "begin", "first day", "onboard"),
    "reference": ("references", "reference"),
    "resume": ("resume", "cv", "curriculum vitae", "cover letter"),
    "competitive": ("competitive", "competition", "compete", "competing"),
    "size": ("how big", "size", "largest", "how large"),
    "software": ("excel", "microsoft office", "ms office", "software", "erp"),
    "age": ("age", "how old", "minimum age", "years old", "age limit"),
    "license": ("driver's license", "drivers license", "driver license", "license", "car", "vehicle"),
    "reapply": ("reapply", "re-apply", "apply again"),
}

# Concepts that belong to many questions beyond a job ("a parking ticket", "my age"): alone, they do
# not make a message a question about the job.
_NOT_ONLY_WORK = frozenset(
    {"parking", "size", "age", "license", "software", "contact", "website", "email", "phone", "pay", "deadline"}
)
# Words that make a message about work, even when no posting sentence mentions them.
_WORKPLACE = re.compile(
    r"\b(?:work|works|working|worker|workers|workplace|job|jobs|employee|employees|employer|employment|staff"
    r"|position|role|office|hire|hired|hiring|boss|supervisor|manager|coworkers?|lunch break|breaks|commute"
    r"|schedule|career|paycheck|paychecks|payday|perks?)\b",
    re.IGNORECASE,
)

# What kind of fact a question asks for, and how to see that kind of fact in a sentence.
ASKED_KINDS: dict[str, re.Pattern[str]] = {
    "count": re.compile(r"\bhow many\b|\bnumber of (?!the )", re.I),
    "money": re.compile(
        r"\bhow much (?:do|does|did|will|would|can|could|is|are|money|pay|salary)\b(?!.*\b(?:experience|time)\b)", re.I
    ),
    "date": re.compile(
        r"^\W*when\b|\bwhen (?:is|are|was|were|does|do|did|will|can|could|should|would|must)\b"
        r"|\bwhat (?:date|day)\b|\bby when\b|\bby what\b",
        re.I,
    ),
    "duration": re.compile(r"\bhow long\b", re.I),
    "phone": re.compile(
        r"\b(?:tele)?phone\b|\bcall\b|\bring\b|\b(?:their|his|her|contact|direct|office|help ?desk) number\b"
        r"|\bnumber (?:to|i can|we can) (?:call|ring|reach|dial)\b",
        re.I,
    ),
    "email": re.compile(
        r"\be-?mail (?:address|id)\b|\b(?:what|which)(?:'s| is)? (?:the |their |an? )?e-?mail\b"
        r"|\be-?mail (?:them|someone|to|whom)\b|\bwho (?:do|can|should) i e-?mail\b",
        re.I,
    ),
    "website": re.compile(r"\b(?:website|link|url|web ?page)\b", re.I),
    "who": re.compile(r"\bwho(?:m)?\b|\bwhich (?:office|organi[sz]ation|company|companies|agency|person)\b", re.I),
}
_NUMBER_WORDS = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|single|several|a few"
FACT_SHAPES: dict[str, re.Pattern[str]] = {
    "count": re.compile(rf"\b(?:\d+|{_NUMBER_WORDS})\b", re.I),
    "money": re.compile(r"\$\s?\d"),
    "date": re.compile(
        r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}/\d{1,2}/\d{2,4}\b", re.I
    ),
    "duration": re.compile(
        rf"\b(?:\d+|{_NUMBER_WORDS})[\s-]+(?:years?|months?|weeks?|days?)\b|\b(?:until|through|by)\s+\w+\s+\d", re.I
    ),
    "phone": re.compile(r"\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b"),
    "email": re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"),
    "website": re.compile(r"\bhttps?://|\bwww\.|\b[\w-]+\.(?:org|gov|com|net|edu)\b", re.I),
}
FACT_SHAPES["who"] = re.compile("|".join(FACT_SHAPES[k].pattern for k in ("phone", "email", "website")), re.I)

_STEMMER = snowballstemmer.stemmer("english")
_COMPOUNDS = re.compile(r"\b(full|part)[\s-]+time\b|\bon[\s-]+line\b|\be[\s-]+mail\b|\bre[\s-]+apply\b")
_NUMBER_SIGN = re.compile(r"(?<=[a-z])\s*#")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _join_compounds(text: str) -> str:
    """`full time`, `full-time` and `fulltime` are one word; so are `on-line`/`online`, `e-mail`/`email`."""
    return _COMPOUNDS.sub(lambda m: m.group(0).replace("-", "").replace(" ", ""), text)


def plain_text(text: str) -> str:
    """Lower case without accents, apostrophes straight: `Résumé’s` -> `resume's`."""
    return plain(text)


def words(text: str) -> list[str]:
    """Lower-case words without accents, compounds joined, possessives dropped (`city's` -> `city`),
    `job #` as `job number`."""
    joined = _NUMBER_SIGN.sub(" number ", _join_compounds(plain_text(text)))
    return [w.removesuffix("'s") for w in _WORD.findall(joined)]


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """The Snowball stem of one lower-case word (cached: postings' words recur)."""
    return str(_STEMMER.stemWord(word))


def _alternatives(forms: set[str]) -> re.Pattern[str] | None:
    ordered = sorted((f for f in forms if f), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in ordered) + r")\b") if ordered else None


def _phrase_patterns(members: tuple[str, ...]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """A concept's single words, matched as written, and its phrases, matched on stems (`equal opportunities`)."""
    split = [words(m) for m in members]
    return (
        _alternatives({w[0] for w in split if len(w) == 1}),
        _alternatives({" ".join(stem(x) for x in w) for w in split if len(w) > 1}),
    )


_CONCEPT_PATTERNS = {name: _phrase_patterns(members) for name, members in CONCEPTS.items()}


def concepts(text: str) -> set[str]:
    """The concepts `text` mentions, as `@name` terms."""
    found = words(text)
    plain, stems = " ".join(found), " ".join(stem(w) for w in found)
    return {
        f"@{name}"
        for name, (single, phrases) in _CONCEPT_PATTERNS.items()
        if (single and single.search(plain)) or (phrases and phrases.search(stems))
    }


def content_terms(text: str, ignore: frozenset[str] = frozenset()) -> list[str]:
    """Stems of the words that carry a subject (generic words and the stems in `ignore` dropped)."""
    stems = (stem(w) for w in words(text) if w not in GENERIC_WORDS and not w.isdigit())
    return list(dict.fromkeys(s for s in stems if s not in ignore and len(s) > 1))


def terms(text: str, ignore: frozenset[str] = frozenset()) -> list[str]:
    """Content stems and the concepts they make up: what a text is about."""
    return content_terms(text, ignore) + sorted(concepts(text))


def concept_stems() -> dict[str, frozenset[str]]:
    """Each concept's member stems (a question's stem covered by its concept is not counted twice)."""
    return _concept_stems()


@lru_cache(maxsize=1)
def _concept_stems() -> dict[str, frozenset[str]]:
    return {
        f"@{name}": frozenset(stem(w) for m in members for w in words(m) if w not in GENERIC_WORDS)
        for name, members in CONCEPTS.items()
    }


def asked_kinds(question: str) -> set[str]:
    """What kind of fact the question asks for (a count, a date, a phone number, ...), in English words."""
    return {kind for kind, pattern in ASKED_KINDS.items() if pattern.search(plain_text(question))}


def has_shape(text: str, kind: str) -> bool:
    """Whether `text` holds a fact of this kind (a number, a date, a phone number, ...)."""
    return bool(FACT_SHAPES[kind].search(text))


def asks_for_everything(question: str) -> bool:
    """`tell me about the benefits`, `list the duties`: the whole topic, not one fact (in English words)."""
    return bool(BROAD_CUES.search(plain_text(question)))


def about_work(text: str) -> bool:
    """Whether a message is about a job or working ("is there a lunch break?"), not about anything at all
    ("what's the weather?"): a question the posting may not answer, but its employer could. Spanish is
    read in English words first."""
    text = in_english(text)
    return bool(_WORKPLACE.search(" ".join(words(text)))) or any(
        c.removeprefix("@") not in _NOT_ONLY_WORK for c in concepts(text)
    )
