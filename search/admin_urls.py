from django.urls import path

from search import admin_views

app_name = "search_admin"

urlpatterns = [
    path("translations/", admin_views.TranslationStatusView.as_view(), name="translation_status"),
    path("terms/", admin_views.ProgrammeSearchTermsView.as_view(), name="search_terms"),
    path(
        "terms/results/",
        admin_views.ProgrammeSearchTermsView.as_view(results_only=True),
        name="search_terms_results",
    ),
]
