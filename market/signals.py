"""Cache versions (core.cache) of the public catalogue and board (core.fragments: their pages
and cards; core.widgets: the board's filter options), bumped by every save or delete of what
they show, including many-to-many changes:

- "market": the solutions catalogue (solutions, their providers, sectors);
- "market-board": the supply–demand board (posts, the enterprises, sectors and areas named on
  them). Posts also leave the board by expiring: a cached page ends at its first expiry.
Contact requests bump nothing."""

from core.fragments import bump_on_change

CATALOGUE = "market"
BOARD = "market-board"


def connect():
    from .models import Post, Provider, Solution

    bump_on_change(
        CATALOGUE, Provider, Solution, Solution.sectors.through, "enterprises.Sector", uid="market-catalogue"
    )
    bump_on_change(
        BOARD,
        Post,
        "enterprises.Sector",
        "enterprises.AdministrativeUnit",
        referenced=("enterprises.Enterprise",),
        uid="market-board",
    )
