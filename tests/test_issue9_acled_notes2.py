"""Issue 9: ACLED typing of conflict notes, second pass (session 10, h9acled2).

Sentences are our own, written for the constructions they test:

* the ACLED cues of every sentence that reports an event count, not only its first mention's
  (a march told in one sentence, the stone-throwing in the next, is a violent demonstration);
* ACLED's own category of listed actors: Wagner beside the state's army is the government's side
  (External/Other forces, inter 8), the RSF a non-state armed group (inter 2);
* a destruction or attack told with people killed is violence, not property destruction;
* rockets fired together with small arms at armed targets are the battle they are;
* "clashes between A and B" names two sides: an armed clash;
* the evaluators keep a per-class table of the sub-event types.
"""

from __future__ import annotations

from whimbrel.codebook import ACLED_ACTOR_SECTORS, acled_coding, acled_sector
from whimbrel.evaluate.acled_notes import score_notes
from whimbrel.records import AcledType, Event

from .acledlabels import acled_labels


def _pair(got: AcledType) -> tuple:
    return (got.event_type, got.sub_event_type)


# ------------------------------------------------------------------ codebook layer (no model)


def test_acled_sector_of_listed_actors():
    assert acled_sector("grp-wagner", "UAF") == "EXT"
    assert acled_sector("grp-rsf", "MIL") == "REB"
    assert acled_sector("grp-unknown", "MIL") == "MIL"
    assert acled_sector(None, "COP") == "COP"
    assert all(why for _, why in ACLED_ACTOR_SECTORS.values())


def test_external_forces_beside_the_army_regain_territory():
    got = acled_coding("ASSAULT", None, cues=["took"], actor_sectors=["MIL", "EXT"])
    assert _pair(got) == ("Battles", "Government regains territory")
    assert got.inter1 == 1


def test_external_forces_alone_are_inter_8():
    got = acled_coding("ASSAULT", None, actor_sectors=["EXT"], recipient_sectors=["CVL"])
    assert _pair(got) == ("Violence against civilians", "Attack")
    assert (got.inter1, got.inter2) == (8, 7)


def test_rsf_as_a_rebel_group_overtakes_territory():
    got = acled_coding("ASSAULT", None, cues=["took"], actor_sectors=[acled_sector("grp-rsf", "MIL")])
    assert _pair(got) == ("Battles", "Non-state actor overtakes territory")


def test_burning_told_with_killing_is_violence_not_looting():
    got = acled_coding("ASSAULT", "destroy", cues=["loot", "harm"], actor_sectors=["UAF"])
    assert _pair(got) != ("Strategic developments", "Looting/property destruction")
    quiet = acled_coding("ASSAULT", "destroy", cues=["loot", "harm", "no_harm"], actor_sectors=["UAF"])
    assert _pair(quiet) == ("Strategic developments", "Looting/property destruction")


def test_rockets_with_rifles_at_a_post_are_a_clash_rockets_alone_shelling():
    both = acled_coding("ASSAULT", "heavy-weapons", cues=["shelling", "small_arms"], actor_sectors=["REB"],
                        recipient_sectors=["MIL"])
    assert _pair(both) == ("Battles", "Armed clash")
    alone = acled_coding("ASSAULT", "heavy-weapons", cues=["shelling"], actor_sectors=["REB"],
                         recipient_sectors=["MIL"])
    assert _pair(alone) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_two_sided_clash_with_no_party_resolved():
    got = acled_coding("ASSAULT", None, cues=["combat", "two_sided", "civilian_victim"])
    assert _pair(got) == ("Battles", "Armed clash")


def test_per_class_table_in_details():
    ev = Event(id="e", article_id="a", event_type="ASSAULT",
               acled=AcledType(event_type="Battles", sub_event_type="Armed clash"))
    gold = [{"id": "x1", "half": "tune", "date": "2024-01-01", "fatalities": 0, "event_type": "Battles",
             "sub_event_type": "Armed clash", "text": ""},
            {"id": "x2", "half": "check", "date": "2024-01-01", "fatalities": 0, "event_type": "Battles",
             "sub_event_type": "Government regains territory", "text": ""}]
    res = score_notes(gold, {"x1": ev, "x2": ev})
    per = res.details["per_class"]
    assert per["tune"]["Armed clash"]["f1"] == 1.0
    assert per["check"]["Government regains territory"]["recall"] == 0.0
    assert per["check"]["Armed clash"]["predicted"] == 1


# ------------------------------------------------------------------ whole pipeline (spaCy)

PROTEST_TWO = ("On 3 June 2024, about 400 nurses marched in Lusaka (Lusaka, Lusaka) over unpaid allowances. "
               "Some of the protesters hurled rocks and clashed with police near the ministry.")
WAGNER = ("On 6 May 2024, the Malian army and Wagner fighters took control of Tin Essako (Tin Essako, Kidal) "
          "after clashes with rebels.")
RSF = ("On 9 March 2024, the RSF took control of Tamboul (East Gezira, Al Jazirah) after two days of "
       "fighting with the SAF.")
ROCKETS = ("On 2 February 2024, TTP militants attacked a police post in Tank (Tank, Khyber Pakhtunkhwa) "
           "with rockets and rifles. 3 policemen and 5 militants were killed.")
RAID = ("On 2 May 2024, gunmen attacked Bokkos (Bokkos, Plateau), killing 12 villagers and burning houses.")
QUIET = "Police clashed with villagers in the district on Monday."
BETWEEN = "Clashes between rival clan militias killed four people near the market on Friday."
BETWEEN_AND = "On 5 July 2024, clashes between herders and farmers left 7 dead near Lafia (Lafia, Nasarawa)."


def test_pipeline_notes():
    got = acled_labels([PROTEST_TWO, WAGNER, RSF, ROCKETS, RAID, QUIET, BETWEEN, BETWEEN_AND])
    assert got[PROTEST_TWO] == ("Riots", "Violent demonstration")
    assert got[WAGNER] == ("Battles", "Government regains territory")
    assert got[RSF] == ("Battles", "Non-state actor overtakes territory")
    assert got[ROCKETS] == ("Battles", "Armed clash")
    assert got[RAID] == ("Violence against civilians", "Attack")
    # a bare "clashed with villagers" stays one-sided: no battle (what keeps "clash" out of the fight words)
    assert got[QUIET] != ("Battles", "Armed clash")
    assert got[BETWEEN] == ("Battles", "Armed clash")
    assert got[BETWEEN_AND] == ("Battles", "Armed clash")
