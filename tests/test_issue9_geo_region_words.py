"""Region demonyms and English division names (tried; reverted: the check half did not confirm)."""

from __future__ import annotations

from whimbrel.knowledge import gazetteer as gz_mod
from whimbrel.knowledge.region_words import apply_region_words, parse_region_words


def test_parse_region_words_hand_built():
    rows = parse_region_words(["# comment", "demonym\tqq\tNorth Land\tNorthlander", "alias\tQQ\tNorth Land",
                               "other\tQQ\tNorth Land\tX", "alias\tQQ\tNorth Land\tNorland"])
    assert rows == [("demonym", "QQ", "North Land", "Northlander"), ("alias", "QQ", "North Land", "Norland")]


def test_apply_region_words_to_a_tiny_build():
    b = gz_mod._Builder()
    b.add(-5, "North Land", "QQ", "North Land", "ADM1", 1.0, 2.0, 100)
    b.add(7, "North Land", "QQ", "North Land", "PPL", 1.0, 2.0, 50)
    n = apply_region_words(b, gz_mod.normalise, [("demonym", "QQ", "North Land", "Northlander"),
                                                 ("alias", "QQ", "North Land", "Norland"),
                                                 ("demonym", "QQ", "South Land", "Southlander")])
    assert n == 2
    assert b.demonyms[gz_mod.normalise("Northlander")] == -5
    assert (gz_mod.normalise("Norland"), -5) in b.names
