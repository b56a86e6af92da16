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
