"""Rights over the newsroom's snippets, added to the roles of accounts/roles.py. Page rights
are granted per desk on the desk index pages (stories.services.setup_desk)."""

JOURNALIST_VIEW = ["stories.view_journalist"]
JOURNALIST_MANAGE = ["stories.add_journalist", "stories.change_journalist", "stories.view_journalist"]

ROLE_PERMISSIONS = {
    "journalist_newspaper": JOURNALIST_VIEW,
    "journalist_radio": JOURNALIST_VIEW,
    "journalist_portal": JOURNALIST_VIEW,
    "desk_editor_newspaper": JOURNALIST_MANAGE,
    "desk_editor_radio": JOURNALIST_MANAGE,
    "desk_editor_portal": JOURNALIST_MANAGE,
    "programme_editor": JOURNALIST_MANAGE + ["stories.delete_journalist"],
}
