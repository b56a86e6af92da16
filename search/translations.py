"""Translation status of the pages: which are untranslated or out of date in each language.

A translation is *out of date* when its source was published after the translation was last
published (wagtail-localize syncs a translation from the source's latest version; editors then
publish the translation). Two queries, whatever the number of pages.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

MISSING = "missing"
OUTDATED = "outdated"
DRAFT = "draft"
CURRENT = "current"
STATUS_LABELS = {
    MISSING: _("Chưa dịch"),
    OUTDATED: _("Bản dịch cũ hơn bản gốc"),
    DRAFT: _("Bản dịch chưa xuất bản"),
    CURRENT: _("Đã cập nhật"),
}


@dataclass
class Row:
    page_id: int
    title: str
    locale: str
    status: str
    translation_id: int | None
    source_published: object
    translation_published: object

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


def translation_status(source_locale=None, target_locales=None, statuses=None):
    """Rows for every live page of the source locale (default: the site's default language)
    and every other locale, filtered by status; sorted by page path."""
    source_locale = source_locale or Locale.get_default()
    if target_locales is None:
        target_locales = list(Locale.objects.exclude(pk=source_locale.pk))
    sources = list(
        Page.objects.live()
        .filter(locale=source_locale, depth__gt=1)
        .order_by("path")
        .values("id", "title", "translation_key", "last_published_at")
    )
    keys = [source["translation_key"] for source in sources]
    translations = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(translation_key__in=keys, locale__in=target_locales).values(
            "id", "translation_key", "locale_id", "live", "last_published_at"
        )
    }
    rows = []
    for source in sources:
        for locale in target_locales:
            found = translations.get((source["translation_key"], locale.pk))
            if found is None:
                status = MISSING
            elif not found["live"]:
                status = DRAFT
            elif (
                source["last_published_at"]
                and found["last_published_at"]
                and found["last_published_at"] < source["last_published_at"]
            ):
                status = OUTDATED
            else:
                status = CURRENT
            if statuses and status not in statuses:
                continue
            rows.append(
                Row(
                    page_id=source["id"],
                    title=source["title"],
                    locale=locale.get_display_name(),
                    status=status,
                    translation_id=found["id"] if found else None,
                    source_published=source["last_published_at"],
                    translation_published=found["last_published_at"] if found else None,
                )
            )
    return rows


def summary(rows):
    counts = dict.fromkeys(STATUS_LABELS, 0)
    for row in rows:
        counts[row.status] += 1
    return [(status, STATUS_LABELS[status], count) for status, count in counts.items()]
