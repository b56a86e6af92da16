from django.urls import path

from . import views

app_name = "programmes"

urlpatterns = [
    path("ho-tro-nha-nuoc/", views.programme_list, name="list"),
    path("ho-tro-nha-nuoc/ho-so/", views.my_applications, name="mine"),
    path("ho-tro-nha-nuoc/ho-so/<str:reference>/", views.application_detail, name="application"),
    path("ho-tro-nha-nuoc/ho-so/<str:reference>/quyet-dinh.pdf", views.decision_letter, name="letter"),
    path("ho-tro-nha-nuoc/tep/<int:pk>/", views.attachment, name="attachment"),
    path("ho-tro-nha-nuoc/<slug:slug>/", views.programme_detail, name="detail"),
    path("ho-tro-nha-nuoc/<slug:slug>/nop-ho-so/", views.apply, name="apply"),
]
