from django.core.management.base import BaseCommand

from events.services import expire_offers


class Command(BaseCommand):
    help = "Cancel waiting-list offers nobody accepted in time and offer the seats to the next people."

    def handle(self, *args, **options):
        count = expire_offers()
        self.stdout.write(f"{count} lời mời đã hết hạn")
