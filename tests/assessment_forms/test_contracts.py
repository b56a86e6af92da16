"""The hooks assessment_forms offers the apps above it are filled at start-up, and a system
check fails loudly when one is not (issue 19: no silent optional-app fallbacks)."""

import pytest
from django.core import checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from assessment_forms import checks as contract_checks
from assessment_forms import services

# The site's other checks read the database.
pytestmark = pytest.mark.django_db


def _ids():
    return {message.id for message in checks.run_checks() if message.id and message.id.startswith("assessment_forms.")}


def test_the_installed_site_fills_every_hook():
    # The apps above registered their providers and listeners from ready().
    assert services.recommendation_providers()
    assert services.results_changed.has_listeners()
    assert not _ids() & {"assessment_forms.E001", "assessment_forms.E002"}


def test_a_missing_recommendation_provider_stops_the_start_up():
    with services.replaced_recommendation_providers():
        errors = contract_checks.recommendation_providers_registered()
        assert [error.id for error in errors] == ["assessment_forms.E001"]
        assert errors[0].is_serious()
        with pytest.raises(SystemCheckError, match="assessment_forms.E001"):
            call_command("check")


def test_results_nobody_listens_to_stop_the_start_up(monkeypatch):
    monkeypatch.setattr(services.results_changed, "has_listeners", lambda sender=None: False)
    assert [error.id for error in contract_checks.results_changed_has_receivers()] == ["assessment_forms.E002"]
