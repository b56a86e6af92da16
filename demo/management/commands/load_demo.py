import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from demo.steps import STEPS


class Command(BaseCommand):
    help = (
        "Build (or bring up to date) the Vietnamese demo site: home page, areas, enterprises, "
        "and an admin account. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--skip-admin", action="store_true", help="Do not create the admin account.")

    def handle(self, *args, skip_admin=False, **options):
        for dotted in STEPS:
            with transaction.atomic():
                import_string(dotted)(self.stdout)
        if not skip_admin:
            self._admin()
        self.stdout.write(self.style.SUCCESS("Demo content ready."))

    def _admin(self):
        User = get_user_model()
        username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
        password = os.environ.get("DEMO_ADMIN_PASSWORD")
        user = User.objects.filter(username=username).first()
        if user is not None:
            if password:
                user.set_password(password)
                user.save(update_fields=["password"])
            self.stdout.write(f"Admin account '{username}' already exists.")
            return
        generated = not password
        password = password or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=f"{username}@example.vn", password=password)
        if generated:
            # Printed this once only; set DEMO_ADMIN_PASSWORD to choose it instead.
            self.stdout.write(
                self.style.WARNING(f"Admin account created: {username} / {password} (shown only this once)")
            )
        else:
            self.stdout.write(f"Admin account created: {username} (password from DEMO_ADMIN_PASSWORD)")
