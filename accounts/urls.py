"""The account page and the privacy notice, under the language prefix."""

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("tai-khoan/", views.home, name="home"),
    path("tai-khoan/du-lieu-cua-toi.json", views.my_data, name="my_data"),
    path("tai-khoan/yeu-cau-xoa-du-lieu/", views.request_deletion, name="request_deletion"),
    path("bao-ve-du-lieu-ca-nhan/", views.privacy, name="privacy"),
]
