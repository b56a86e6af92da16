"""Enterprises in the public search: the consenting ones, as their public profile pages.

An enterprise is found only if it has a public profile (it consents to publication and has a
published ranking row, `honors.services.public.public_profiles`); its name is matched without
diacritics or case ("dak mil" finds "Công ty Cổ phần Cà phê Đắk Mil"). The registry is kept
out of the search index on purpose: the registry holds personal and unpublished data, the
public profile is the only public view of it.
"""

from django.utils.translation import get_language, pgettext_lazy
from wagtail.models import Locale

from core.text import fold
from search.registry import register_searchable

KEY = "enterprises"


def _profiles(locale):
    from honors.services.public import public_profiles

    return public_profiles()


def _match(queryset, query):
    # The registry's stored folded column (name, English name, short name and tax code,
    # `Enterprise.search_text`): every word in it. On PostgreSQL one trigram index answers it
    # among a million enterprises (enterprises migration 0011); folding the three name
    # columns in SQL row by row took minutes there (issue 21).
    for word in fold(query).split():
        queryset = queryset.filter(search_text__contains=word)
    return queryset


def _url(enterprise):
    from honors.services.public import profile_links

    return profile_links(Locale.get_active())(enterprise.pk)


def _urls(enterprises):
    """Links of a page of results: the rankings page is looked up once, not per enterprise."""
    from honors.services.public import profile_links

    link = profile_links(Locale.get_active())
    return [link(enterprise.pk) for enterprise in enterprises]


def _title(enterprise):
    if get_language() != "vi" and enterprise.name_en:
        return enterprise.name_en
    return enterprise.name


def _summary(enterprise):
    parts = [str(enterprise.sector.name) if enterprise.sector else "", str(enterprise.area) if enterprise.area else ""]
    return " · ".join(part for part in parts if part)


def register():
    register_searchable(
        _profiles,
        pgettext_lazy("search kind", "Doanh nghiệp"),
        key=KEY,
        url=_url,
        urls=_urls,
        title=_title,
        summary=_summary,
        match=_match,
    )
