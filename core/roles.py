"""Rights over core's tables, added to the roles declared in accounts/roles.py: programme
editors read the audit trail (nobody writes it through the admin)."""

ROLE_PERMISSIONS = {
    "programme_editor": ["core.view_auditentry"],
}
