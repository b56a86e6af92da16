"""A new desk index page (or its translation) gets its desk's workflow and permissions."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import DeskIndexPage


@receiver(post_save, sender=DeskIndexPage)
def set_up_new_desk(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .services import setup_desk

        setup_desk(instance)
