"""Demo accounts get their own random password, printed once; never a password in the code.

The demo steps create staff accounts (jurors, a programme editor…) with the factories, whose
password is unusable. This last step gives each such account in a role group a random
password and prints it once; a later run leaves them alone (they already have one)."""

import secrets

from django.contrib.auth import get_user_model


def build(stdout):
    from .roles import ROLES

    names = [role.name for role in ROLES]
    users = (
        get_user_model()
        .objects.filter(groups__name__in=names, is_active=True)
        .distinct()
        .order_by("username")
        .prefetch_related("groups")
    )
    created = 0
    for user in users:
        if user.has_usable_password():
            continue
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.save(update_fields=["password"])
        groups = ", ".join(sorted(group.name for group in user.groups.all()))
        stdout.write(f"accounts: tài khoản demo {user.username} ({groups}) / {password}  (chỉ hiện một lần)")
        created += 1
    if not created:
        stdout.write("accounts: các tài khoản demo đã có mật khẩu (đặt lại bằng manage.py changepassword)")
