"""Admin screens for programme editors: translation status and the search terms report."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView
from wagtail.models import Locale

from search import translations

TRANSLATION_PERMISSION = "wagtailcore.view_locale"
PROMOTIONS_PERMISSION = "wagtailsearchpromotions.change_searchpromotion"


def can_see_translation_status(user):
    return user.is_active and (user.is_superuser or user.has_perm(TRANSLATION_PERMISSION))


def can_see_search_terms(user):
    return user.is_active and (user.is_superuser or user.has_perm(PROMOTIONS_PERMISSION))


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    """Pages untranslated, unpublished in translation, or out of date, per language."""

    page_title = _("Tình trạng bản dịch")
    header_icon = "globe"
    template_name = "search/admin/translation_status.html"
    per_page = 50

    def dispatch(self, request, *args, **kwargs):
        if not can_see_translation_status(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        source = Locale.get_default()
        targets = list(Locale.objects.exclude(pk=source.pk))
        locale_code = self.request.GET.get("locale", "")
        chosen = [locale for locale in targets if locale.language_code == locale_code] or targets
        status = self.request.GET.get("status", "")
        all_rows = translations.translation_status(source, chosen)
        rows = (
            [row for row in all_rows if row.status == status]
            if status
            else [row for row in all_rows if row.status != translations.CURRENT]
        )
        page = Paginator(rows, self.per_page).get_page(self.request.GET.get("p"))
        context.update(
            {
                "rows": page,
                "summary": translations.summary(all_rows),
                "status": status,
                "locales": targets,
                "locale_code": locale_code,
                "source_locale": source,
                "statuses": translations.STATUS_LABELS,
            }
        )
        return context


class ProgrammeSearchTermsView(SearchTermsReportView):
    """Wagtail's search terms report, open to programme editors (Wagtail limits it to superusers)."""

    index_url_name = "search_admin:search_terms"
    index_results_url_name = "search_admin:search_terms_results"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_search_terms(request.user):
            raise PermissionDenied
        # Skip the superuser-only check of the parent class.
        return super(SearchTermsReportView, self).dispatch(request, *args, **kwargs)


def translation_status_url():
    return reverse("search_admin:translation_status")
