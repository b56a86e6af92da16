"""The base of the project's admin permission policies.

Wagtail's `ModelPermissionPolicy.user_has_any_permission` checks the model's permission
codenames directly, so a policy that narrows `user_has_permission` (refuses "add", invents
"resend", adds an object rule) would still be answered "yes" by the list views, the menu and
the buttons, which ask `user_has_any_permission`. `ActionPermissionPolicy` routes that question
through `user_has_permission`, so a subclass decides each action in one place."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wagtail.permission_policies import ModelPermissionPolicy


class ActionPermissionPolicy(ModelPermissionPolicy):
    def user_has_any_permission(self, user: Any, actions: Iterable[str]) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)
