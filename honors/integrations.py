"""The one place honours talk to the stories app (a content app below us)."""

import logging

logger = logging.getLogger(__name__)

DESKS = ("newspaper", "radio", "portal")


def draft_story(desk_key, title, standfirst, body_paragraphs, enterprises=(), user=None):
    """A draft story on a desk through `stories.services.create_draft_story`; None when the
    stories app does not offer it (the honours still publish)."""
    try:
        from stories.services import create_draft_story
    except ImportError:
        logger.info("stories.services.create_draft_story is not available; no draft for %s", desk_key)
        return None
    try:
        return create_draft_story(desk_key, title, standfirst, body_paragraphs, enterprises=enterprises, user=user)
    except LookupError:  # the desk has no index page on this site yet
        logger.warning("No desk page for %s; no draft story", desk_key)
        return None


def stories_about(enterprise, limit=5):
    """Published stories that mention the enterprise, when the stories app offers it."""
    try:
        from stories import services
    except ImportError:
        return []
    finder = getattr(services, "stories_about", None) or getattr(services, "stories_for_enterprise", None)
    if finder is None:
        return []
    try:
        return list(finder(enterprise))[:limit]
    except TypeError:
        return []
