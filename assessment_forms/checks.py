"""Start-up checks of the contracts the apps above fill from their AppConfig.ready().

This app cannot import the apps above it, so they plug into its hooks; a hook nobody filled
would degrade silently (a result page without next steps, rankings and figures that never
follow a verification). These checks make that an error of `manage.py check`, `migrate` and
`runserver` instead (issue 19, "explicit contracts instead of shims")."""

from django.core.checks import Error, register

from . import services


@register()
def recommendation_providers_registered(app_configs=None, **kwargs):
    """The result page's next steps come from the providers registered by the apps above."""
    if services.recommendation_providers():
        return []
    return [
        Error(
            "No recommendation provider is registered: the DBI result page would offer no next steps.",
            hint=(
                "An app above assessment_forms must call "
                "assessment_forms.services.register_recommendation_provider() from its AppConfig.ready()."
            ),
            obj="assessment_forms.services.register_recommendation_provider",
            id="assessment_forms.E001",
        )
    ]


@register()
def results_changed_has_receivers(app_configs=None, **kwargs):
    """What is derived from verified results (rankings, cached figures) must hear of changes."""
    if services.results_changed.has_listeners():
        return []
    return [
        Error(
            "Nothing listens to assessment_forms.services.results_changed: figures derived from "
            "verified results would never follow a verification.",
            hint="The apps that derive data from results connect to the signal from their AppConfig.ready().",
            obj="assessment_forms.services.results_changed",
            id="assessment_forms.E002",
        )
    ]
