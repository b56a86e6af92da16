from django.urls import path

from . import provider_views, views

app_name = "market"

urlpatterns = [
    path("giai-phap/", views.catalogue, name="catalogue"),
    path("giai-phap/so-sanh/", views.compare, name="compare"),
    path("giai-phap/<int:pk>/", views.solution_detail, name="solution"),
    path("giai-phap/cua-toi/", provider_views.my_listings, name="my_listings"),
    path("giai-phap/cua-toi/<slug:kind>/<int:pk>/", provider_views.edit_listing, name="edit_listing"),
    path("san-thuong-mai-dien-tu/", views.platforms, name="platforms"),
    path("ket-noi-cung-cau/", views.board, name="board"),
    path("ket-noi-cung-cau/dang-tin/", views.new_post, name="new_post"),
    path("ket-noi-cung-cau/<int:pk>/", views.post_detail, name="post"),
]
