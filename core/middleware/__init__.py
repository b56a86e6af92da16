"""Middleware of the core layer (resilience)."""

from .bad_input import RejectControlCharactersMiddleware

__all__ = ["RejectControlCharactersMiddleware"]
