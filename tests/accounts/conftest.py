import re

import pytest


def link_in(message):
    """The first link of an e-mail, as a path on the test server."""
    url = re.search(r"https?://\S+", message.body).group(0)
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


@pytest.fixture
def mails(django_capture_on_commit_callbacks):
    """Run the commit hooks (the mail queue sends after commit) inside the block."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run
