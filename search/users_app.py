"""Wagtail's users app, with a user listing whose search ignores diacritics and case
("hung" finds "Nguyễn Văn Hùng"). Listed in INSTALLED_APPS instead of "wagtail.users"."""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "search.admin_users.FoldedUserViewSet"
