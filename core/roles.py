"""Rights over the outgoing-mail table (core.mail), added to the roles in accounts/roles.py:
programme editors see every e-mail, the failures and the unreachable, and resend them;
event organisers see them."""

ROLE_PERMISSIONS = {
    "programme_editor": ["core.view_outgoingmail", "core.change_outgoingmail"],
    "event_organiser": ["core.view_outgoingmail"],
}
