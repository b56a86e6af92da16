import pytest

from dashboard.suppression import Cube, hidden_groups


def test_no_small_groups_hides_nothing():
    assert hidden_groups({"a": 10, "b": 5, "c": 0}) == set()


def test_one_small_group_hides_the_next_smallest_too():
    # b alone could be read off the total minus a and c.
    assert hidden_groups({"a": 20, "b": 3, "c": 7, "d": 0}) == {"b", "c"}


def test_small_groups_that_together_reach_five_need_no_partner():
    assert hidden_groups({"a": 20, "b": 3, "c": 2}) == {"b", "c"}
    assert hidden_groups({"a": 20, "b": 4, "c": 4}) == {"b", "c"}


def test_two_tiny_groups_pull_in_a_third():
    assert hidden_groups({"a": 20, "b": 1, "c": 1, "d": 6}) == {"b", "c", "d"}


def test_cube_hides_a_set_the_same_way_wherever_it_is_shown():
    # Sector 1 has 20 enterprises, sector 2 has 3, sector 3 has 7, all in area 9.
    cube = Cube([(2025, 1, 9, "small", 20), (2025, 2, 9, "small", 3), (2025, 3, 9, "small", 7)])
    assert cube.published({"year": 2025})
    assert cube.published({"year": 2025, "sector": 1})
    assert not cube.published({"year": 2025, "sector": 2})  # primary
    assert not cube.published({"year": 2025, "sector": 3})  # secondary: filtering on it does not reveal it
    assert cube.published({"year": 2025, "area": 9})
    assert not cube.published({"year": 2024})


def test_cube_guards_against_differencing_between_filters():
    # Area 9 has 12 verified enterprises: 10 in sector 1 and 2 in sector 2. The view
    # "area 9 + sector 1" would give away sector 2's two by subtraction from "area 9".
    cube = Cube([(2025, 1, 9, "small", 10), (2025, 2, 9, "small", 2), (2025, 1, 8, "small", 30)])
    assert cube.published({"year": 2025, "area": 9})
    assert not cube.published({"year": 2025, "area": 9, "sector": 2})
    assert not cube.published({"year": 2025, "area": 9, "sector": 1})


def _reference_published(cells, spec):
    """The rule written out by brute force over the raw cells (no index), for comparison."""

    def count(fixed):
        return sum(c[4] for c in cells if all(c[Cube.FIELDS.index(f)] == v for f, v in fixed.items()))

    if count(spec) < 5:
        return False
    for dimension in ("sector", "area", "size"):
        if dimension not in spec:
            continue
        parent = {f: v for f, v in spec.items() if f != dimension}
        position = Cube.FIELDS.index(dimension)
        siblings = {}
        for cell in cells:
            if all(cell[Cube.FIELDS.index(f)] == v for f, v in parent.items()):
                siblings[cell[position]] = siblings.get(cell[position], 0) + cell[4]
        if spec[dimension] in hidden_groups(siblings):
            return False
    return True


def test_cube_agrees_with_the_rule_on_many_cells_with_repeats_and_unknowns():
    # Rows of the same cell at several levels add up; None (an unknown area) is a value.
    import itertools
    import random

    rng = random.Random(7)
    cells = [
        (
            rng.choice([2024, 2025]),
            rng.choice([1, 2, 3, "2018-45"]),
            rng.choice([8, 9, None]),
            rng.choice(["small", ""]),
            rng.randint(0, 6),
        )
        for _ in range(120)
    ]
    cube = Cube(cells)
    choices = {"year": [2024, 2025, 2023], "sector": [1, 2, 3, "2018-45"], "area": [8, 9, None], "size": ["small", ""]}
    outcomes = []
    for fields in itertools.chain.from_iterable(itertools.combinations(Cube.FIELDS, k) for k in range(1, 5)):
        for values in itertools.product(*(choices[f] for f in fields)):
            spec = dict(zip(fields, values, strict=True))
            outcomes.append(cube.published(spec))
            assert outcomes[-1] == _reference_published(cells, spec), spec
    assert len(outcomes) > 200 and any(outcomes) and not all(outcomes)
    assert cube.count({"year": 2025, "area": None}) == sum(c[4] for c in cells if c[0] == 2025 and c[2] is None)


def test_a_cube_with_the_year_fixed_agrees_and_refuses_sets_without_a_year():
    import itertools
    import random

    rng = random.Random(11)
    cells = [
        (
            rng.choice([2024, 2025]),
            rng.choice([1, 2, 3]),
            rng.choice([8, 9, None]),
            rng.choice(["small", ""]),
            rng.randint(0, 6),
        )
        for _ in range(120)
    ]
    full, yearly = Cube(cells), Cube(cells, fixed=("year",))
    choices = {"sector": [1, 2, 3], "area": [8, 9, None], "size": ["small", ""]}
    for fields in itertools.chain.from_iterable(
        itertools.combinations(("sector", "area", "size"), k) for k in range(4)
    ):
        for values in itertools.product(*(choices[f] for f in fields)):
            for year in (2024, 2025, 2023):
                spec = {"year": year, **dict(zip(fields, values, strict=True))}
                assert yearly.published(spec) == full.published(spec) == _reference_published(cells, spec), spec
    with pytest.raises(ValueError):
        yearly.published({"sector": 1})
