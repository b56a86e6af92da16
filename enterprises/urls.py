"""Plain views of this app (where no page fits), included under the language prefix."""

from django.urls import path

from . import views

app_name = "enterprises"

urlpatterns = [
    path("doanh-nghiep/ho-so/", views.profile_list, name="profile_list"),
    path("doanh-nghiep/ho-so/<int:pk>/", views.profile_edit, name="profile_edit"),
    path("doanh-nghiep/loi-moi/<str:token>/", views.invitation, name="invitation"),
    path("doanh-nghiep/dang-ky/", views.register, name="register"),
]
