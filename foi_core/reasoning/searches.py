"""Searches are recorded once, for the whole request; an item keeps a note of its own only where
its searches differ. The Items page, the items action and the letter all ask these functions."""

from __future__ import annotations

from foi_core.models import Case, RequestItem


def _same(first: str, second: str) -> bool:
    """The same words, whatever the spacing and capitals."""
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


def own_searches(text: str, request_searches: str) -> str:
    """An item's searches as it keeps them: blank when they only repeat the request's."""
    return "" if text.strip() and _same(text, request_searches) else text


def searches_once(case: Case) -> tuple[str, list[RequestItem]]:
    """What the letter says about the searches: the request's searches (once), and the items
    whose searches differ from them. When the request has none and every item carries the same
    searches, they are the request's and no item is listed."""
    general = case.request.searches
    noted = [i for i in case.request.items if i.searches.strip() and not _same(i.searches, general)]
    every_item_alike = len(noted) == len(case.request.items) and all(
        _same(i.searches, noted[0].searches) for i in noted
    )
    if not general.strip() and noted and every_item_alike:
        return noted[0].searches, []
    return general, noted
