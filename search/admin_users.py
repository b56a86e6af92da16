"""The admin's user listing, searched without diacritics (see search/users_app.py)."""

from wagtail.users.views.users import IndexView, UserViewSet

from core.folding import FoldedSearchMixin


class FoldedUserIndexView(FoldedSearchMixin, IndexView):
    pass


class FoldedUserViewSet(UserViewSet):
    index_view_class = FoldedUserIndexView
