from django.urls import path

from . import admin_views as views

app_name = "events_admin"

urlpatterns = [
    path("<int:event_id>/", views.EventDashboardView.as_view(), name="dashboard"),
    path("<int:event_id>/export.<str:fmt>", views.ExportView.as_view(), name="export"),
    path("<int:event_id>/sign-in/", views.SignInSheetView.as_view(), name="sign_in_sheet"),
    path("<int:event_id>/check-in/", views.CheckInSearchView.as_view(), name="check_in"),
    path("<int:event_id>/message/", views.MessageAttendeesView.as_view(), name="message"),
    path("<int:event_id>/feedback/", views.FeedbackListView.as_view(), name="feedback"),
    path("<int:event_id>/feedback/request/", views.FeedbackRequestView.as_view(), name="feedback_request"),
    path("<int:event_id>/certificates.pdf", views.CertificatesView.as_view(), name="certificates"),
    path("check-in/<str:token>/", views.CheckInTokenView.as_view(), name="check_in_token"),
    path("registration/<int:pk>/<str:action>/", views.RegistrationActionView.as_view(), name="registration_action"),
]
