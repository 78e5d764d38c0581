from engine.wording import counted


def test_one_is_singular_and_every_other_count_plural():
    assert counted(1, "segment") == "1 segment"
    assert counted(0, "segment") == "0 segments"
    assert counted(4, "segment") == "4 segments"
    assert counted(12_000, "segment") == "12,000 segments"


def test_an_irregular_plural_is_used_as_given():
    assert counted(1, "entry", "entries") == "1 entry"
    assert counted(3, "entry", "entries") == "3 entries"
