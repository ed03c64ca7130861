"""Precedents: earlier cases found by exemption, police theme and the words of the request.

The search reads digests of the stored cases (``Store.case_digests``: one query, no document
parsed into a Case), keeps live request cases (never training cases, nor cases a listing leaves
out, such as removed demo cases) and ranks them: exemption match (same limb before same
section), then theme, then words shared with the request, then issued and closed cases before
drafts, newest first (then by id, so equal cases keep one order).

    digests = store.case_digests()
    live = {s.id for s in store.list_cases()}
    found = search_precedents(digests, PrecedentQuery(words="ANPR cameras", exemption="s31"), live)

At a large store ``find_precedents`` ranks only the candidates the store picks from each case's
search terms (``precedent_terms``, stored at every save in ``case_terms``): the cases sharing a
term with the query, scored and ordered by the same rules in SQL, the best ``CANDIDATES`` read
and ranked here.

    found = find_precedents(store, PrecedentQuery(words="ANPR cameras"), limit=8)
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from foi_core.knowledge import (
    Catalogue,
    CitationError,
    load_catalogue,
    load_language,
    parse_citations,
)
from foi_core.knowledge.library import themes_of
from foi_core.knowledge.matcher import BOUNDARY, tokens
from foi_core.models import OUTCOME_LABELS, Outcome

FINISHED = frozenset({"issued", "closed"})
CANDIDATES = 300  # cases the store picks for a search, ranked here
TERM_LENGTH = 100  # a stored term's length at most (longer stems are cut, the query's too)
THEME, CITED, SECTION = "theme:", "cite:", "sect:"  # prefixes of the stored terms


@dataclass(frozen=True)
class PrecedentQuery:
    """What the officer searches by; every part is optional."""

    words: str = ""
    exemption: str = ""  # a citation or a section, as typed ('s31', 'section 31(3)', '24(2)')
    theme: str = ""  # a theme id from the paragraph library's themes


@dataclass(frozen=True)
class Precedent:
    """One earlier case found, with what it matched on."""

    id: str
    ref: str
    title: str
    status: str
    received: dt.date
    response_date: dt.date | None
    citations: tuple[str, ...]
    outcomes: tuple[str, ...]
    themes: tuple[str, ...]
    exemption_score: int = 0  # 2: the limb typed, 1: its section
    theme_score: int = 0
    shared_words: tuple[str, ...] = field(default=())

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def outcome(self) -> str:
        """The outcome in a few words: the items' outcomes, or the case's status."""
        return "; ".join(self.outcomes) if self.outcomes else self.status


class QueryError(ValueError):
    """A search that cannot be read (an exemption that is not a citation); one plain sentence."""


def wanted_citations(text: str) -> list[str]:
    """The citations typed ('s31(1)(a) and (b)', 'section 24(2)', '31'); QueryError if none."""
    text = text.strip()
    if not text:
        return []
    try:
        return parse_citations(text if text[:1].isalpha() else "s" + text)
    except CitationError as error:
        raise QueryError(f"'{text}' is not an exemption the search knows: {error}") from None


def _live(digest: Mapping) -> bool:
    """A request case that is not a training case (reviews and complaints are not precedents
    for a response)."""
    return not digest.get("training") and (digest.get("kind") or "request") == "request"


def _section(citation: str) -> str:
    return citation.split("(", 1)[0]


def _stems(text: str) -> frozenset[str]:
    return _profile(text)[0]


@functools.lru_cache(maxsize=16_384)
def _profile(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """A case's text as its distinctive word stems and the themes it names (remembered: the
    page searches the same cases again on every rerun)."""
    words = tokens(text.replace("-", " "))
    generic = load_language().generic
    stems = frozenset(
        t.stem
        for t in words
        if t.raw != BOUNDARY and len(t.raw) > 2 and t.stem not in generic and t.raw not in generic
    )
    return stems, themes_of(words)


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _texts(digest: Mapping) -> str:
    request = digest.get("request") or {}
    items = " \n".join(str(item.get("text", "")) for item in request.get("items") or [])
    return f"{digest.get('title') or ''} \n{request.get('text') or ''} \n{items}"


def _citations(digest: Mapping, catalogue: Catalogue) -> tuple[str, ...]:
    """Every provision the case's claims cite, an NCND use's provision included (s31(3))."""
    cited: list[str] = []
    for claim in digest.get("claims") or []:
        limbs = [claim.get("citation", ""), *(claim.get("further_limbs") or [])]
        if claim.get("mode") == "ncnd":
            entries = [catalogue.get(limb) for limb in limbs]
            limbs += [e.ncnd_provision for e in entries if e is not None and e.ncnd_provision]
        for citation in limbs:
            if citation and citation not in cited:
                cited.append(citation)
    return tuple(cited)


def _outcomes(digest: Mapping) -> tuple[str, ...]:
    labels = []
    for item in (digest.get("request") or {}).get("items") or []:
        try:
            label = OUTCOME_LABELS[Outcome(item.get("outcome"))]
        except ValueError:
            continue
        if label not in labels:
            labels.append(label)
    return tuple(labels)


def _exemption_score(wanted: list[str], cited: Iterable[str]) -> int:
    cited = list(cited)
    if not wanted:
        return 0
    if any(c == w or c.startswith(w + "(") for w in wanted for c in cited):
        return 2
    sections = {_section(w) for w in wanted}
    return 1 if any(_section(c) in sections for c in cited) else 0


def search_precedents(
    digests: Iterable[Mapping],
    query: PrecedentQuery,
    live_ids: Collection[str] | None = None,
    limit: int = 20,
) -> list[Precedent]:
    """The earlier cases that match ``query``, best first (at most ``limit``).

    Only live request cases are searched: cases whose id is in ``live_ids`` (when given),
    never training cases, reviews or complaints. A case matches when it fits anything asked
    for; with nothing asked, every live case is listed, finished ones first.
    """
    wanted = wanted_citations(query.exemption)
    catalogue = load_catalogue()
    words = _stems(query.words)
    found: list[Precedent] = []
    for digest in digests:
        if not _live(digest):
            continue
        if live_ids is not None and digest["id"] not in live_ids:
            continue
        cited = _citations(digest, catalogue)
        text = _texts(digest)
        exemption_score = _exemption_score(wanted, cited)
        stems, themes = _profile(text)
        theme_score = int(bool(query.theme) and query.theme in themes)
        shared = tuple(sorted(words & stems)) if words else ()
        asked = bool(wanted) or bool(query.theme) or bool(words)
        if asked and not (exemption_score or theme_score or shared):
            continue
        found.append(
            Precedent(
                id=str(digest["id"]),
                ref=str(digest.get("ref") or ""),
                title=str(digest.get("title") or ""),
                status=str(digest.get("status") or ""),
                received=_date(digest.get("received")) or dt.date.min,
                response_date=_date(digest.get("response_date")),
                citations=cited,
                outcomes=_outcomes(digest),
                themes=themes,
                exemption_score=exemption_score,
                theme_score=theme_score,
                shared_words=shared,
            )
        )
    found.sort(
        key=lambda p: (
            -p.exemption_score,
            -p.theme_score,
            -len(p.shared_words),
            not p.finished,
            -p.received.toordinal(),
            p.id,
        )
    )
    return found[:limit]


# --- Search terms: what the store keeps of each case to pick candidates ------------------------


@dataclass(frozen=True)
class QueryTerms:
    """A query as stored terms: ``limbs`` score 2, ``sections`` 1, ``theme`` 1, and each of
    ``words`` shared one (the store orders its candidates by these as ``search_precedents``
    ranks: exemption, theme, words shared, finished first, newest, id)."""

    words: frozenset[str]
    limbs: frozenset[str]
    sections: frozenset[str]
    theme: str

    @property
    def asked(self) -> bool:
        return bool(self.words or self.limbs or self.theme)


class PrecedentSource(Protocol):
    """What ``find_precedents`` reads from a store (``foi_core.storage.Store``)."""

    def case_digests(self, ids: Collection[str] | None = None) -> list[dict[str, object]]: ...

    def precedent_candidates(self, terms: QueryTerms, limit: int) -> list[str]: ...


def _limbs_within(citation: str) -> set[str]:
    """The citation and every provision it is a limb of: s31(1)(a), s31(1), s31."""
    return {citation} | {citation[:i] for i, ch in enumerate(citation) if ch == "(" and i}


def _term(term: str) -> str:
    return term[:TERM_LENGTH]


def precedent_terms(digest: Mapping) -> set[str]:
    """A case's search terms (stored in ``case_terms``): its word stems, "theme:" with each
    theme it names, "cite:" with every provision its claims cite or are limbs of, and "sect:"
    with their sections. None for a case that is never a precedent (training, not a request)."""
    if not _live(digest):
        return set()
    stems, themes = _profile(_texts(digest))
    terms = set(stems) | {THEME + theme for theme in themes}
    for citation in _citations(digest, load_catalogue()):
        terms |= {CITED + limb for limb in _limbs_within(citation)}
        terms.add(SECTION + _section(citation))
    return {_term(term) for term in terms}


def query_terms(query: PrecedentQuery) -> QueryTerms:
    """The terms a case must share to match ``query``; QueryError for an unreadable exemption."""
    wanted = wanted_citations(query.exemption)
    return QueryTerms(
        words=frozenset(_term(stem) for stem in _stems(query.words)),
        limbs=frozenset(_term(CITED + w) for w in wanted),
        sections=frozenset(_term(SECTION + _section(w)) for w in wanted),
        theme=_term(THEME + query.theme) if query.theme else "",
    )


def find_precedents(
    store: PrecedentSource, query: PrecedentQuery, limit: int = 20
) -> list[Precedent]:
    """``search_precedents`` over the stored cases (removed demo cases left out), reading only
    the store's best candidates when something is asked; with nothing asked every case is read
    and listed (fine at a small store only)."""
    terms = query_terms(query)
    if not terms.asked:
        return search_precedents(store.case_digests(), query, limit=limit)
    ids = store.precedent_candidates(terms, max(CANDIDATES, limit))
    return search_precedents(store.case_digests(ids), query, limit=limit) if ids else []
