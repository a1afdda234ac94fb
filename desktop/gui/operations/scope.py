"""The support scope catalogue and its search."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from domain.scope import Catalogue
    from domain.scope_search import ScopeSearch


def load_search(store, language: str) -> tuple[Catalogue, ScopeSearch]:
    """The catalogue, and its (pure) search index with titles in `language`, built here
    on the worker thread."""
    from domain.scope_search import ScopeSearch
    from domain.services.scope import load_catalogue

    catalogue = load_catalogue(store)
    return catalogue, ScopeSearch(catalogue, title_language=language)
