"""Issue 9 §1: ACLED's own conventions in notes, and refinements of a rule's decision (session 11, h11acled).

Sentences are our own, written for the constructions they test:

* ACLED's actor names: a state force's period ("Military Forces of X (2021-)") is dropped and an
  acronym's full name after a colon ("ABC: Full Name") becomes its bracketed apposition, so that
  the parser keeps the date, the actor and the event in one sentence; datelines, labels and
  shouted lines are left alone;
* ACLED's crowd-size tag ("[size=no report]") tells a demonstration: the protest rules decide;
* an attack that was repelled or fought off was a fight between armed sides (an armed clash);
* "installed a base / camp / command post" sets up a base;
* unidentified or unknown persons are the unidentified armed actor of ACLED's notes.
"""

from __future__ import annotations

from whimbrel.codebook import acled_coding
from whimbrel.codebook.acled_rules2 import CUE_CONVENTIONS, EXTRA_CUE_PHRASES, REFINEMENTS, SIZE_TAG
from whimbrel.stages.acled_names import acled_actor_names

from .acledlabels import acled_labels

# ------------------------------------------------------------------ ACLED actor names (no model)


def test_period_of_a_state_force_is_dropped():
    assert (acled_actor_names("On 2 May 2025, Military Forces of Chad (2021-) shelled a camp.")
            == "On 2 May 2025, Military Forces of Chad shelled a camp.")
    assert (acled_actor_names("Police Forces of the Central African Republic (2016-2023) arrested him.")
            == "Police Forces of the Central African Republic arrested him.")
    # a year range that follows no ACLED state-force name is kept
    assert acled_actor_names("Output grew by 4 percent a year (2011 - 2015).") == \
        "Output grew by 4 percent a year (2011 - 2015)."


def test_acronym_with_its_full_name_becomes_an_apposition():
    assert (acled_actor_names("On 9 May 2025, FNL: National Liberation Forces fighters raided a market.")
            == "On 9 May 2025, FNL (National Liberation Forces) fighters raided a market.")
    # an "and" joins the name's last word only, not the next actor
    assert (acled_actor_names("clashes between ADF: Allied Democratic Forces and Military Forces of Uganda")
            == "clashes between ADF (Allied Democratic Forces) and Military Forces of Uganda")
    assert (acled_actor_names("the MNLA: Movement for the Liberation of Azawad and the army")
            == "the MNLA (Movement for the Liberation of Azawad) and the army")


def test_datelines_labels_and_shouted_lines_are_left_alone():
    for line in ("KAMPALA: Police said on Monday that two men were held.",
                 "9 a.m. UPDATE: County Police have named the driver.",
                 "Jane Roe PHOTO: City Police Department",
                 "He said WAIT: NOBODY LEAVES THE ROOM NOW.",
                 "the UN: The agency said it was alarmed."):
        assert acled_actor_names(line) == line


# ------------------------------------------------------------------ codebook layer (no model)


def test_size_tag_reads_an_arrest_as_a_protest_intervention():
    plain = acled_coding("COERCE", "arrest", actor_sectors=["COP"], recipient_sectors=["CVL"],
                         cues=["intervention"])
    tagged = acled_coding("COERCE", "arrest", actor_sectors=["COP"], recipient_sectors=["CVL"],
                          cues=["intervention", SIZE_TAG])
    assert (plain.event_type, plain.sub_event_type) == ("Strategic developments", "Arrests")
    assert (tagged.event_type, tagged.sub_event_type) == ("Protests", "Protest with intervention")
    assert CUE_CONVENTIONS[SIZE_TAG][0] == "protest"


def test_repelled_attack_is_an_armed_clash():
    got = acled_coding("ASSAULT", None, actor_sectors=["MIL"], cues=["repelled"])
    assert (got.event_type, got.sub_event_type, got.rule) == ("Battles", "Armed clash", "repelled-attack")
    # without an armed party the one-sided attack stays an attack
    got = acled_coding("ASSAULT", None, actor_sectors=["CVL"], recipient_sectors=["CVL"], cues=["repelled"])
    assert got.sub_event_type == "Attack"
    assert all(r.after and r.when and r.definition for r in REFINEMENTS)


def test_part_two_phrases_extend_the_base_cue():
    assert any(p.startswith("install") for p in EXTRA_CUE_PHRASES["base"])


# ------------------------------------------------------------------ end to end (spaCy model)

TAGGED = ("On 6 April 2025, police detained 11 people who had gathered with candles outside the "
          "city court in Gulu (Gulu, Northern). [size=no report]")
UNTAGGED = "On 6 April 2025, police detained 11 people outside the city court in Gulu."
REPELLED = ("On 8 April 2025, Military Forces of Chad (2021-) repelled an assault by FACT: Front for Change "
            "and Concord in Chad fighters on a border post near Bardai (Tibesti, Tibesti).")
INSTALLED = "On 3 April 2025, ex-rebel fighters installed a camp on a hilltop above the mining town, residents said."
UNKNOWN = "On 5 April 2025, unknown persons set fire to a clinic in the market town. No one was hurt."


def test_notes_end_to_end():
    got = acled_labels([TAGGED, UNTAGGED, REPELLED, INSTALLED, UNKNOWN])
    assert got[TAGGED] == ("Protests", "Protest with intervention")
    assert got[UNTAGGED] == ("Strategic developments", "Arrests")
    assert got[REPELLED] == ("Battles", "Armed clash")
    assert got[INSTALLED] == ("Strategic developments", "Headquarters or base established")
    assert got[UNKNOWN] == ("Strategic developments", "Looting/property destruction")


def test_acronym_name_keeps_the_date_with_its_event():
    from whimbrel import extract_many
    from whimbrel.records import Article

    text = "On 12 April 2025, CPJP: Convention of Patriots for Justice and Peace fighters seized the town of Ndele."
    (_, events), = list(extract_many([Article(id="a", text=text)]))
    typed = [e for e in events if e.acled.event_type]
    assert typed and all(e.date is not None and e.date.value == "2025-04-12" for e in typed)
