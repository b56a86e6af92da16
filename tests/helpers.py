"""Assertions shared by the tests (import them; fixtures live in tests/conftest.py)."""

from django.urls import reverse


def assert_denied(response):
    """The response refuses the request: HTTP 403, or Wagtail's admin denial (a redirect to the
    admin dashboard with a message), or a redirect to a login page. A redirect anywhere else
    (a success page, the edited object) is NOT a denial and fails."""
    if response.status_code == 403:
        return
    assert response.status_code == 302, f"expected a denial, got HTTP {response.status_code}"
    location = response["Location"].split("?")[0]
    allowed = {reverse("wagtailadmin_home"), reverse("wagtailadmin_login")}
    assert location in allowed or "login" in location, f"redirected to {location}, not refused"
