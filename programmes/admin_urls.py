from django.urls import path

from . import views

app_name = "programmes_admin"

urlpatterns = [
    path("<int:pk>/", views.review, name="review"),
]
