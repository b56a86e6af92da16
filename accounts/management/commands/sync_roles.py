from django.core.management.base import BaseCommand

from accounts.roles import ROLES, sync_roles


class Command(BaseCommand):
    help = "Create or update the role groups and their permissions (see accounts/roles.py)."

    def handle(self, *args, **options):
        sync_roles()
        for role in ROLES:
            self.stdout.write(f"{role.name}: {role.description}")
