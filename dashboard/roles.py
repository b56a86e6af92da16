"""Rights over the dashboard: programme editors see the details and edit the annual report."""

ROLE_PERMISSIONS = {
    "programme_editor": [
        "dashboard.view_dashboard_details",
        "dashboard.add_annualreport",
        "dashboard.change_annualreport",
        "dashboard.view_annualreport",
        "dashboard.delete_annualreport",
    ],
}
