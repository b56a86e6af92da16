"""The demo content, step by step, bottom layer first.

Each feature adds its own `demo.py` with a `build(stdout)` function that uses the same
factories as its tests, and appends it here. Every step is idempotent.
"""

STEPS = [
    "enterprises.demo.build_units",
    "enterprises.demo.build_enterprises",
    "home.demo.build",
    "assessment_forms.demo.build",
    "events.demo.build",
    "stories.demo.build",
    "handbook.demo.build",
    "support.demo.build",  # support desk: consultants, organisations, requests
    "honors.demo.build",
    "dashboard.demo.build",
    "market.demo.build",
    "programmes.demo.build",
    # Demo staff accounts get random passwords, printed once (accounts, issue 13).
    "accounts.demo.build",
    # Features add their steps here, before the home page's sections are composed.
    "home.demo.build_home_sections",
]
