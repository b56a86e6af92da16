"""Plain views of this app (where no page fits), included under the language prefix."""

from django.urls import path

from .views import public

app_name = "honors"

urlpatterns = [
    path("ton-vinh/de-cu/", public.nominate, name="nominate"),
    path("ton-vinh/de-cu/da-nhan/", public.nominate_thanks, name="nominate_thanks"),
    path("ton-vinh/chung-nhan/", public.certificate_lookup, name="certificate_lookup"),
    path("ton-vinh/chung-nhan/<str:code>/", public.certificate, name="certificate"),
    path("ton-vinh/chung-nhan/<str:code>/pdf/", public.certificate_pdf, name="certificate_pdf"),
    path("widgets/ranking/", public.ranking_widget, name="ranking_widget"),
]
