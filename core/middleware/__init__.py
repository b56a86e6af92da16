"""Middleware of the core layer (resilience)."""

from .bad_input import RejectControlCharactersMiddleware
from .sites import SiteMiddleware

__all__ = ["RejectControlCharactersMiddleware", "SiteMiddleware"]
