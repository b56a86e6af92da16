"""The one place honours talk to the stories app (a content app below us), through the
functions `stories.services` documents: `create_draft_story` and `stories_about`. Stories is
a required app: a missing function is an ImportError at start-up, never a silent gap."""

import logging

from stories import services as stories

logger = logging.getLogger(__name__)

DESKS = ("newspaper", "radio", "portal")


def draft_story(desk_key, title, standfirst, body_paragraphs, enterprises=(), user=None):
    """A draft story on a desk, for its journalists to finish; None when the desk has no index
    page on this site yet (the honours still publish)."""
    try:
        return stories.create_draft_story(
            desk_key, title, standfirst, body_paragraphs, enterprises=enterprises, user=user
        )
    except LookupError:
        logger.warning("No desk page for %s; no draft story", desk_key)
        return None


def stories_about(enterprise, limit=5):
    """Published stories about the enterprise in the current language, newest first."""
    return stories.stories_about(enterprise, limit=limit)
