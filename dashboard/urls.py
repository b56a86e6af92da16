"""Plain views of this app (where no page fits), included under the language prefix."""

from django.urls import path

from . import areas

urlpatterns = [
    # units (issue 20): figures by new communes or old districts across the merger.
    path("thong-ke/dia-ban/", areas.areas_view, name="dashboard_areas"),
]
