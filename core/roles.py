"""Rights over core's tables, added to the roles declared in accounts/roles.py: programme
editors see every outgoing e-mail (failures and unreachable too) and resend them, and read the
audit trail (nobody writes it through the admin); event organisers see the e-mails."""

ROLE_PERMISSIONS = {
    "programme_editor": ["core.view_outgoingmail", "core.change_outgoingmail", "core.view_auditentry"],
    "event_organiser": ["core.view_outgoingmail"],
}
