from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentFormsConfig(AppConfig):
    name = "assessment_forms"
    verbose_name = _("Tự đánh giá DBI")
