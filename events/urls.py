"""Plain views of this app (where no page fits), included under the language prefix."""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("events/<int:pk>/register/", views.register, name="register"),
    path("events/registration/<str:token>/", views.manage, name="manage"),
    path("events/registration/<str:token>/calendar.ics", views.registration_ics, name="registration_ics"),
    path("events/registration/<str:token>/feedback/", views.feedback, name="feedback"),
    path("events/registration/<str:token>/certificate.pdf", views.certificate, name="certificate"),
    path("widgets/events/", views.widget, name="widget"),
]
