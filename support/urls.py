"""Public URLs of the support desk, included under the language prefix."""

from django.urls import path

from . import views

app_name = "support"

urlpatterns = [
    path("ho-tro/", views.directory, name="directory"),
    path("ho-tro/chuyen-gia/<slug:slug>/", views.consultant, name="consultant"),
    path("ho-tro/to-chuc/<slug:slug>/", views.organisation, name="organisation"),
    path("ho-tro/yeu-cau/", views.request_form, name="request"),
    path("ho-tro/yeu-cau-cua-toi/", views.my_requests, name="my_requests"),
    path("ho-tro/yeu-cau/<str:token>/", views.status, name="status"),
    path("ho-tro/yeu-cau/<str:token>/tep/<int:pk>/", views.attachment, name="attachment"),
    path("ho-tro/so-lieu/", views.figures_page, name="figures"),
]
