"""Decide which posting a message is about: named in the text, the page's, the conversation's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.matching import mentioned_postings, postings_of_named_kind
from knowledge.model import Posting


@dataclass(frozen=True)
class Resolution:
    """The posting in question, or the candidates to ask the user to choose from."""

    posting: Posting | None
    candidates: tuple[Posting, ...] = ()


def resolve_posting(
    *,
    text: str,
    postings: Sequence[Posting],
    page_posting_id: str | None = None,
    current_posting_id: str | None = None,
) -> Resolution:
    """Pick the posting a message is about.

    A posting the text names outright wins (an applicant on one posting's page may ask about
    another); then the page's posting (message metadata); then the posting already under
    discussion; then the postings whose employer the text names by its kind ("the district");
    then the only posting. Otherwise the user is asked, with the candidates.
    """
    by_id = {p.posting_id: p for p in postings}
    known = [by_id[i] for i in (page_posting_id, current_posting_id) if i and i in by_id]
    named = mentioned_postings(text, postings)
    if len(named) == 1:
        return Resolution(named[0])
    for posting in known:
        if not named or posting in named:
            return Resolution(posting)
    of_kind = postings_of_named_kind(text, postings)
    if len(named) > 1:
        narrowed = [p for p in named if p in of_kind]
        return Resolution(narrowed[0]) if len(narrowed) == 1 else Resolution(None, tuple(named))
    if len(of_kind) == 1:
        return Resolution(of_kind[0])
    if of_kind:
        return Resolution(None, tuple(of_kind))
    if len(postings) == 1:
        return Resolution(postings[0])
    return Resolution(None, tuple(postings))
