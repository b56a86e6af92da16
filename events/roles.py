"""Rights over registrations, added to the roles declared in accounts/roles.py. Page rights
on the events index are granted where that page is created (see demo.py)."""

MANAGE_REGISTRATIONS = [
    "events.view_registration",
    "events.change_registration",
    "events.view_feedback",
]

ROLE_PERMISSIONS = {
    "event_organiser": MANAGE_REGISTRATIONS,
    # Organisers manage only the events that name them (events.organisers); programme
    # editors manage every event's registrations.
    "programme_editor": MANAGE_REGISTRATIONS + ["events.delete_registration", "events.manage_all_registrations"],
}
