"""Admin panels of this app that no stock panel covers."""

from wagtail.admin.panels import Panel


class PublicNominationsPanel(Panel):
    """Read-only: every public nomination of this candidacy, side by side, with links to its
    evidence through the rights-checked view (never a /media/ address)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "honors/admin/public_nominations_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            instance = self.instance
            context["entries"] = instance.entries.prefetch_related("evidence") if instance and instance.pk else []
            return context
