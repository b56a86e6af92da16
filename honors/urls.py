"""Plain views of this app (where no page fits), included under the language prefix."""

from django.urls import path

from .views import public

app_name = "honors"

urlpatterns = [
    path("ton-vinh/de-cu/", public.nominate, name="nominate"),
    path("ton-vinh/de-cu/da-nhan/", public.nominate_thanks, name="nominate_thanks"),
    path("ton-vinh/chung-nhan/", public.certificate_lookup, name="certificate_lookup"),
    path("ton-vinh/de-cu/xem/<str:key>/", public.nomination_receipt, name="nomination_receipt"),
    path("ton-vinh/de-cu/xem/<str:key>/tep/<int:pk>/", public.receipt_evidence, name="receipt_evidence"),
    path("ton-vinh/minh-chung/<int:pk>/", public.evidence_file, name="evidence_file"),
    path("ton-vinh/chung-nhan/<str:code>/", public.certificate, name="certificate"),
    path("ton-vinh/chung-nhan/<str:code>/pdf/", public.certificate_pdf, name="certificate_pdf"),
    path("widgets/ranking/", public.ranking_widget, name="ranking_widget"),
]
