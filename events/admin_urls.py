from django.urls import path

from . import admin_views as views

app_name = "events_admin"

urlpatterns = [
    path("<int:event_id>/", views.event_dashboard, name="dashboard"),
    path("<int:event_id>/export.<str:fmt>", views.export, name="export"),
    path("<int:event_id>/sign-in/", views.sign_in_sheet, name="sign_in_sheet"),
    path("<int:event_id>/check-in/", views.check_in_search, name="check_in"),
    path("<int:event_id>/message/", views.message_attendees, name="message"),
    path("<int:event_id>/feedback/", views.feedback_list, name="feedback"),
    path("<int:event_id>/feedback/request/", views.feedback_request, name="feedback_request"),
    path("<int:event_id>/certificates.pdf", views.certificates, name="certificates"),
    path("check-in/<str:token>/", views.check_in_token, name="check_in_token"),
    path("registration/<int:pk>/<str:action>/", views.registration_action, name="registration_action"),
]
