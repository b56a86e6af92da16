"""Writes the Vietnamese admin strings (search/admin_vi.py) into site/locale/vi's catalogue,
and completes the site's own Vietnamese entries (their msgids are already Vietnamese).

Run after `makemessages -l vi` in the project root (which would mark the admin strings obsolete),
then `compilemessages`.
"""

from pathlib import Path

import polib
import wagtail
from django.conf import settings
from django.core.management.base import BaseCommand

from search.admin_vi import TRANSLATIONS

MARK = "Wagtail admin (search/admin_vi.py)"


def wagtail_english_entries():
    """msgid → entry for every English string in Wagtail's own catalogues."""
    entries = {}
    for path in sorted(Path(wagtail.__file__).parent.glob("**/locale/en/LC_MESSAGES/django.po")):
        for entry in polib.pofile(str(path)):
            if not entry.obsolete:
                entries.setdefault(entry.msgid, entry)
    return entries


class Command(BaseCommand):
    help = "Adds the Vietnamese translations of the Wagtail admin to site/locale/vi."

    def handle(self, *args, **options):
        path = Path(settings.SITE_DIR) / "locale" / "vi" / "LC_MESSAGES" / "django.po"
        catalogue = polib.pofile(str(path))
        catalogue.metadata["Language"] = "vi"
        catalogue.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
        catalogue.metadata["Content-Type"] = "text/plain; charset=UTF-8"
        # Drop obsolete copies and earlier runs' entries, then add the current ones.
        for entry in list(catalogue):
            if entry.obsolete or MARK in (entry.comment or ""):
                catalogue.remove(entry)
        site_msgids = set()
        for entry in catalogue:
            site_msgids.add(entry.msgid)
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            if entry.msgid_plural:
                if not any(entry.msgstr_plural.values()):
                    entry.msgstr_plural = {0: entry.msgid_plural}
            elif not entry.msgstr:
                entry.msgstr = entry.msgid

        english = wagtail_english_entries()
        missing = []
        added = 0
        for msgid, msgstr in TRANSLATIONS.items():
            source = english.get(msgid)
            if source is None:
                missing.append(msgid)
                continue
            if msgid in site_msgids:
                continue
            entry = polib.POEntry(msgid=msgid, comment=MARK, flags=[f for f in source.flags if f != "fuzzy"])
            if source.msgid_plural:
                entry.msgid_plural = source.msgid_plural
                entry.msgstr_plural = {0: msgstr}
            else:
                entry.msgstr = msgstr
            catalogue.append(entry)
            added += 1
        catalogue.save(str(path))
        self.stdout.write(f"{added} admin strings written to {path}.")
        for msgid in missing:
            self.stdout.write(f"Not in Wagtail's catalogues (skipped): {msgid!r}")
