"""The codebook: types, modes, mappings, lexicon, generated documentation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from whimbrel import codebook as cb
from whimbrel.records import AcledType

REPO = Path(__file__).resolve().parent.parent

PLOVER_16 = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]


def test_sixteen_types_in_order():
    assert list(cb.EVENT_TYPES) == PLOVER_16


@pytest.mark.parametrize("name", PLOVER_16)
def test_type_is_complete(name):
    et = cb.EVENT_TYPES[name]
    assert et.quad_class in (1, 2, 3, 4)
    assert cb.quad_class(name) == et.quad_class
    assert et.definition and len(et.definition) > 30
    root = cb.cameo_root(name)
    assert len(root) == 2 and root.isdigit() and "01" <= root <= "20"
    assert -10.0 <= cb.intensity(name) <= 10.0
    # conflict is negative, cooperation positive
    assert (cb.intensity(name) < 0) == (et.quad_class >= 3)
    assert isinstance(cb.acled(name), AcledType)
    for m in et.modes:
        assert cb.is_valid(name, m.name)
        assert -10.0 <= cb.intensity(name, m.name) <= 10.0
        assert (cb.intensity(name, m.name) < 0) == (et.quad_class >= 3)
        assert cb.cameo_root(name, m.name)[:2] in {c for c in et.cameo} | {"17"}
        a = cb.acled(name, m.name)
        if a.event_type is not None:
            assert a.sub_event_type in cb.ACLED_TYPES[a.event_type]


def test_quad_classes_follow_plover():
    quads = {n: cb.quad_class(n) for n in PLOVER_16}
    assert [n for n in PLOVER_16 if quads[n] == 1] == ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"]
    assert [n for n in PLOVER_16 if quads[n] == 2] == ["COOPERATE", "AID", "RETREAT"]
    assert [n for n in PLOVER_16 if quads[n] == 3] == ["REQUEST", "ACCUSE", "REJECT", "THREATEN"]
    assert [n for n in PLOVER_16 if quads[n] == 4] == ["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def test_unknown_names_raise():
    with pytest.raises(cb.CodebookError):
        cb.quad_class("DEMAND")
    with pytest.raises(cb.CodebookError):
        cb.intensity("ASSAULT", "teleport")
    with pytest.raises(ValueError):
        cb.cameo_to_plover("abc")
    with pytest.raises(cb.CodebookError):
        cb.cameo_to_plover("99")
    assert cb.event_type("assault").name == "ASSAULT"


@pytest.mark.parametrize(
    "etype,mode,kw,acled_type,acled_sub,cameo",
    [
        ("ASSAULT", "aerial", {}, "Explosions/Remote violence", "Air/drone strike", "19"),
        ("ASSAULT", "heavy-weapons", {}, "Explosions/Remote violence", "Shelling/artillery/missile attack", "19"),
        ("ASSAULT", "explosives", {}, "Explosions/Remote violence", "Remote explosive/landmine/IED", "18"),
        ("ASSAULT", "explosives", {"trigger": "grenade"}, "Explosions/Remote violence", "Grenade", "18"),
        ("ASSAULT", "suicide-attack", {}, "Explosions/Remote violence", "Suicide bomb", "18"),
        ("ASSAULT", "firearms", {}, "Battles", "Armed clash", "19"),
        ("ASSAULT", "firearms", {"recipient_sectors": ["CVL"]}, "Violence against civilians", "Attack", "19"),
        ("ASSAULT", None, {"recipient_sectors": ["MIL"]}, "Battles", "Armed clash", "18"),
        ("ASSAULT", "abduct", {}, "Violence against civilians", "Abduction/forced disappearance", "18"),
        ("ASSAULT", "sexual", {}, "Violence against civilians", "Sexual violence", "18"),
        ("ASSAULT", "destroy", {}, "Strategic developments", "Looting/property destruction", "17"),
        ("ASSAULT", None, {"trigger": "recapture", "actor_sectors": ["MIL"]}, "Battles", "Government regains territory", "18"),
        ("ASSAULT", None, {"trigger": "capture", "actor_sectors": ["REB"]}, "Battles", "Non-state actor overtakes territory", "18"),
        ("PROTEST", "demo", {}, "Protests", "Peaceful protest", "14"),
        ("PROTEST", None, {"intervention": True}, "Protests", "Protest with intervention", "14"),
        ("PROTEST", "riot", {}, "Riots", "Violent demonstration", "14"),
        ("PROTEST", "riot", {"trigger": "lynch"}, "Riots", "Mob violence", "14"),
        ("COERCE", "arrest", {}, "Strategic developments", "Arrests", "17"),
        ("COERCE", "curfew", {}, "Strategic developments", "Other", "17"),
        ("COERCE", None, {"trigger": "defuse"}, "Strategic developments", "Disrupted weapons use", "17"),
        ("AGREE", None, {}, "Strategic developments", "Agreement", "03"),
        ("RETREAT", "withdraw", {}, "Strategic developments", "Non-violent transfer of territory", "08"),
        ("MOBILIZE", "troops", {}, "Strategic developments", "Change to group/activity", "15"),
        ("CONSULT", "visit", {}, None, None, "04"),
        ("ACCUSE", "investigate", {}, None, None, "09"),
        ("THREATEN", "violence", {}, None, None, "13"),
        ("SANCTION", "embargo", {}, None, None, "16"),
    ],
)
def test_acled_and_cameo_table(etype, mode, kw, acled_type, acled_sub, cameo):
    assert cb.acled(etype, mode, **kw) == AcledType(event_type=acled_type, sub_event_type=acled_sub)
    assert cb.cameo_root(etype, mode) == cameo


def test_trigger_hints_do_not_turn_attacks_into_bases():
    assert cb.acled("ASSAULT", None, trigger="base") == AcledType(event_type="Battles", sub_event_type="Armed clash")
    assert cb.acled("ASSAULT", None, trigger="loot").sub_event_type == "Looting/property destruction"
    assert cb.acled("MOBILIZE", "troops", trigger="base").sub_event_type == "Headquarters or base established"


def test_cbrn_context():
    assert cb.acled("ASSAULT", None, ("cbrn",)).sub_event_type == "Chemical weapon"
    assert cb.cameo_root("ASSAULT", None, ("cbrn",)) == "20"


def test_intensity_ordering():
    assert cb.intensity("ASSAULT", "aerial") <= -9.5
    assert -7.0 <= cb.intensity("PROTEST") <= -6.0
    assert 4.0 <= cb.intensity("AGREE") <= 5.5
    assert cb.intensity("ASSAULT") < cb.intensity("COERCE") < cb.intensity("ACCUSE") < 0
    assert 0 < cb.intensity("CONSULT") < cb.intensity("AID")


@pytest.mark.parametrize(
    "code,expected",
    [
        ("190", ("ASSAULT", None)),
        ("19", ("ASSAULT", None)),
        ("1951", ("ASSAULT", "aerial")),
        ("193", ("ASSAULT", "firearms")),
        ("0431", ("CONSULT", "host")),
        ("042", ("CONSULT", "visit")),
        ("1831", ("ASSAULT", "suicide-attack")),
        ("173", ("COERCE", "arrest")),
        ("1712", ("ASSAULT", "destroy")),
        ("0871", ("RETREAT", "ceasefire")),
        ("081", ("CONCEDE", None)),
        ("1053", ("REQUEST", "yield")),
        ("112", ("ACCUSE", "accuse")),
        ("145", ("PROTEST", "riot")),
        ("163", ("SANCTION", "embargo")),
        ("154", ("MOBILIZE", "troops")),
        ("010", None),
    ],
)
def test_cameo_to_plover(code, expected):
    assert cb.cameo_to_plover(code) == expected


def test_cameo_to_plover_results_are_valid():
    for code in [f"{r:02d}{s}" for r in range(2, 21) for s in ("", "0", "1", "5", "9", "11", "41")]:
        if len(code) > 4:
            continue
        got = cb.cameo_to_plover(code)
        if got is not None:
            assert cb.is_valid(*got), code
            # the mapping agrees with cameo_root on the root, except where PLOVER moved a code
            assert cb.quad_class(got[0]) in (1, 2, 3, 4)


@pytest.mark.parametrize(
    "event,mode,expected",
    [
        ("DEMAND", None, ("REQUEST", None)),
        ("DISAPPROVE", None, ("ACCUSE", None)),
        ("DISAPPROVE", "", ("ACCUSE", None)),
        ("INVESTIGATE", "", ("ACCUSE", "investigate")),
        ("FIGHT", "heavy-weapons", ("ASSAULT", "heavy-weapons")),
        ("FIGHT", "deport", ("ASSAULT", None)),
        ("COERCE", "destroy", ("ASSAULT", "destroy")),
        ("PROTEST", "demo-org", ("PROTEST", "demo")),
        ("PROTEST", "riot-spon", ("PROTEST", "riot")),
        ("THREATEN", "martial-law", ("THREATEN", "restrict")),
        ("RETREAT", "", ("RETREAT", None)),
        ("AGREE", None, ("AGREE", None)),
    ],
)
def test_legacy_to_plover(event, mode, expected):
    assert cb.legacy_to_plover(event, mode) == expected


def test_gsr_labels_all_translate(shared_dir):
    path = shared_dir / "eval" / "plover_gsr" / "PLOVER_GSR_CAMEO.json"
    if not path.exists():
        pytest.skip("PLOVER GSR file absent")
    records = json.loads(path.read_text(encoding="utf-8"))
    for rec in records:
        if rec.get("event") in (None, "DOCUMENT"):
            continue
        etype, mode = cb.legacy_to_plover(rec["event"], rec.get("mode"))
        assert cb.is_valid(etype, mode), (rec["event"], rec.get("mode"))


@pytest.mark.parametrize(
    "kairos,expected",
    [
        ("Conflict.Attack.DetonateExplode", ("ASSAULT", "explosives")),
        ("Conflict.Attack.FirearmAttack", ("ASSAULT", "firearms")),
        ("Conflict.Attack.SomethingNew", ("ASSAULT", None)),
        ("Life.Die.Unspecified", ("ASSAULT", None)),
        ("Life.Injure.Unspecified", ("ASSAULT", None)),
        ("Justice.ArrestJailDetain.Unspecified", ("COERCE", "arrest")),
        ("Contact.Contact.Meet", ("CONSULT", None)),
        ("Contact.ThreatenCoerce.Broadcast", ("THREATEN", None)),
        ("Contact.RequestCommand.Unspecified", ("REQUEST", None)),
        ("Conflict.Demonstrate.DemonstrateWithViolence", ("PROTEST", "riot")),
        ("Contact.Contact.Broadcast", None),
        ("Movement.Transportation.Evacuation", None),
        ("Disaster.DiseaseOutbreak.Unspecified", None),
        ("Nonsense.Type.Here", None),
    ],
)
def test_kairos_to_plover(kairos, expected):
    assert cb.kairos_to_plover(kairos) == expected


def test_every_wikievents_type_is_listed(shared_dir):
    path = shared_dir / "eval" / "wikievents" / "dev.jsonl"
    if not path.exists():
        pytest.skip("WikiEvents dev file absent")
    types = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            for ev in json.loads(line)["event_mentions"]:
                types.add(ev["event_type"])
    assert types
    unlisted = sorted(t for t in types if not cb.kairos_is_listed(t))
    assert unlisted == []
    for t in types:
        got = cb.kairos_to_plover(t)
        if got is not None:
            assert cb.is_valid(*got), t


# --------------------------------------------------------------------------- lexicon


def test_lexicon_covers_every_type_richly():
    counts = cb.LEXICON.counts()
    assert set(counts) == set(PLOVER_16)
    assert all(n >= 20 for n in counts.values()), counts
    assert len(cb.TRIGGERS) >= 800
    for s in cb.TRIGGERS:
        assert s.pos in ("VERB", "NOUN")
        assert 0 < s.weight <= 1.0
        assert cb.is_valid(s.event_type, s.mode), s
        assert s.lemma == s.lemma.lower() and " " not in s.lemma


@pytest.mark.parametrize(
    "lemma,pos,etype,mode",
    [
        ("kill", "VERB", "ASSAULT", None),
        ("shoot", "VERB", "ASSAULT", "firearms"),
        ("bomb", "VERB", "ASSAULT", "explosives"),
        ("shell", "VERB", "ASSAULT", "heavy-weapons"),
        ("airstrike", "NOUN", "ASSAULT", "aerial"),
        ("behead", "VERB", "ASSAULT", "execute"),
        ("kidnap", "VERB", "ASSAULT", "abduct"),
        ("arrest", "VERB", "COERCE", "arrest"),
        ("deport", "VERB", "COERCE", "deport"),
        ("curfew", "NOUN", "COERCE", "curfew"),
        ("protest", "VERB", "PROTEST", "demo"),
        ("riot", "NOUN", "PROTEST", "riot"),
        ("embargo", "NOUN", "SANCTION", "embargo"),
        ("ultimatum", "NOUN", "THREATEN", None),
        ("condemn", "VERB", "ACCUSE", None),
        ("veto", "VERB", "REJECT", None),
        ("urge", "VERB", "REQUEST", None),
        ("ceasefire", "NOUN", "RETREAT", "ceasefire"),
        ("negotiate", "VERB", "CONSULT", None),
        ("visit", "VERB", "CONSULT", "visit"),
        ("endorse", "VERB", "SUPPORT", None),
        ("apologize", "VERB", "CONCEDE", None),
        ("cooperate", "VERB", "COOPERATE", None),
        ("donate", "VERB", "AID", None),
        ("withdraw", "VERB", "RETREAT", "withdraw"),
        ("deploy", "VERB", "MOBILIZE", "troops"),
    ],
)
def test_lexicon_has_sense(lemma, pos, etype, mode):
    got = {(s.event_type, s.mode) for s in cb.senses(lemma, pos)}
    assert (etype, mode) in got


def test_ambiguous_words_have_several_senses():
    strike = {(s.event_type, s.mode) for s in cb.senses("strike", "NOUN")}
    assert ("ASSAULT", "aerial") in strike and ("PROTEST", "strike-lim") in strike
    fire = {s.event_type for s in cb.senses("fire", "VERB")}
    assert "ASSAULT" in fire
    assert cb.senses("strike", "VERB")[0].weight >= cb.senses("strike", "VERB")[-1].weight


@pytest.mark.parametrize(
    "lemma,particle,etype",
    [("call", "on", "REQUEST"), ("crack", "down", "COERCE"), ("pull", "out", "RETREAT"),
     ("shoot", "down", "ASSAULT"), ("step", "down", "RETREAT"), ("blow", "up", "ASSAULT")],
)
def test_phrasal(lemma, particle, etype):
    assert etype in {s.event_type for s in cb.phrasal(lemma, particle)}
    assert (lemma, particle) in cb.PHRASAL


@pytest.mark.parametrize(
    "verb,particle,obj,etype,mode",
    [
        ("carry", "out", "attack", "ASSAULT", None),
        ("launch", None, "airstrike", "ASSAULT", "aerial"),
        ("impose", None, "sanction", "SANCTION", "embargo"),
        ("impose", None, "curfew", "COERCE", "curfew"),
        ("sign", None, "agreement", "SUPPORT", None),
        ("hold", None, "talk", "CONSULT", None),
        ("open", None, "fire", "ASSAULT", "firearms"),
        ("take", None, "hostage", "ASSAULT", "abduct"),
        ("set", None, "fire", "ASSAULT", "destroy"),
    ],
)
def test_light_verbs(verb, particle, obj, etype, mode):
    got = {(s.event_type, s.mode) for s in cb.LEXICON.with_object(verb, obj, "VERB", particle)}
    assert (etype, mode) in got


def test_noun_modifiers():
    got = {(s.event_type, s.mode) for s in cb.LEXICON.with_object("strike", "hunger", "NOUN")}
    assert ("PROTEST", "strike-hun") in got
    got = {(s.event_type, s.mode) for s in cb.LEXICON.with_object("bomb", "car", "NOUN")}
    assert ("ASSAULT", "explosives") in got


def test_bare_excludes_light_verb_senses():
    assert all(s.object_lemmas is None and s.particle is None for s in cb.LEXICON.bare("impose", "VERB"))
    assert cb.LEXICON.bare("impose", "VERB") == []


# --------------------------------------------------------------------------- export


def test_as_json_round_trips():
    data = json.loads(json.dumps(cb.as_json()))
    assert [t["name"] for t in data["event_types"]] == PLOVER_16
    assert len(data["triggers"]) == len(cb.TRIGGERS)
    assert "GOV" in {s["code"] for s in data["sectors"]}
    assert "terrorism" in {c["name"] for c in data["contexts"]}


def test_docs_codebook_is_current():
    path = REPO / "docs" / "codebook.md"
    assert path.exists(), "run: whimbrel codebook > docs/codebook.md"
    assert path.read_text(encoding="utf-8") == cb.render_markdown(), (
        "docs/codebook.md is stale; run: whimbrel codebook > docs/codebook.md"
    )


def test_cli_prints_both_formats():
    from click.testing import CliRunner

    from whimbrel.cli.codebook import codebook_cmd

    runner = CliRunner()
    md = runner.invoke(codebook_cmd, ["--format", "md"])
    assert md.exit_code == 0 and md.output.startswith("# whimbrel codebook")
    js = runner.invoke(codebook_cmd, ["--format", "json"])
    assert js.exit_code == 0 and json.loads(js.output)["event_types"][0]["name"] == "AGREE"


# --------------------------------------------------------------------------- the package's public face

PUBLIC_NAMES = [
    "ACLED_TYPES", "ACTOR_CODES", "CONTEXTS", "CodebookError", "Context", "EVENT_TYPES", "EventType",
    "KAIROS_NOTES", "LEXICON", "LocationCodes", "Mode", "PHRASAL", "QUAD_CLASSES", "SECTORS", "Sector", "TRIGGERS",
    "TriggerLexicon", "TriggerSense", "acled", "as_json", "cameo_root", "location_codes", "cameo_to_plover", "event_type",
    "intensity", "is_valid", "kairos_is_listed", "kairos_to_plover", "legacy_to_plover", "phrasal",
    "quad_class", "render_markdown", "senses", "threat_mode",
    "ACLED_RULES", "AcledCues", "acled_coding", "disorder_type", "interaction", "render_acled_markdown",
    "ACLED_ACTOR_SECTORS", "acled_sector",
]


def test_public_face_keeps_every_name():
    assert sorted(cb.__all__) == sorted(PUBLIC_NAMES)
    missing = [n for n in PUBLIC_NAMES if not hasattr(cb, n)]
    assert not missing


def test_public_face_is_the_modules_inside():
    from whimbrel.codebook import acled_map, lexicon, plover, render

    assert cb.acled is acled_map.acled and cb.ACLED_TYPES is acled_map.ACLED_TYPES
    assert cb.LEXICON is lexicon.LEXICON and cb.TriggerSense is lexicon.TriggerSense
    assert cb.EVENT_TYPES is plover.EVENT_TYPES and cb.event_type is plover.event_type
    assert cb.render_markdown is render.render_markdown and cb.as_json is render.as_json


def test_renderer_does_not_import_the_face():
    """render.py reads the modules beside it; importing the package face would be a cycle."""
    import ast

    src = (REPO / "whimbrel" / "codebook" / "render.py").read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.ImportFrom):
            base = {0: "", 1: "whimbrel.codebook", 2: "whimbrel"}[node.level]
            mod = ".".join(p for p in (base, node.module or "") if p)
            imported |= {mod} if node.module else {f"{mod}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            imported |= {a.name for a in node.names}
    assert "whimbrel.codebook" not in imported and "whimbrel" not in imported
    assert "whimbrel.codebook.plover" in imported and "whimbrel.codebook.acled_map" in imported


# --------------------------------------------------------------------------- lexicon decisions (PLOVER definitions)


def _strongest(lemma: str, pos: str, obj: str | None = None, particle: str | None = None) -> tuple[str, str | None]:
    """The sense an extractor would pick: object/particle senses first, then weight."""
    if obj is not None:
        got = cb.LEXICON.with_object(lemma, obj, pos, particle)
    elif particle is not None:
        got = cb.LEXICON.phrasal(lemma, particle, pos)
    else:
        got = [s for s in cb.LEXICON.bare(lemma, pos) if s.weight >= 0.45]
    assert got, (lemma, pos, obj, particle)
    best = max(got, key=lambda s: s.weight)
    return best.event_type, best.mode


@pytest.mark.parametrize(
    "lemma,pos,obj,particle,expected",
    [
        ("extradite", "VERB", None, None, ("COOPERATE", None)),  # judicial cooperation (CAMEO 06)
        ("extradition", "NOUN", None, None, ("COOPERATE", None)),
        ("share", "VERB", "evidence", None, ("COOPERATE", None)),
        ("share", "VERB", "expertise", None, ("COOPERATE", None)),
        ("give", "VERB", "welcome", None, ("CONSULT", "host")),
        ("receive", "VERB", "delegation", None, ("CONSULT", "host")),
        ("mediate", "VERB", None, None, ("CONSULT", "third-party")),  # CAMEO 045 is consult
        ("offer", "VERB", "mediation", None, ("AGREE", None)),
        ("mediation", "NOUN", None, None, ("CONSULT", "third-party")),
        ("demonstrate", "VERB", None, None, ("PROTEST", "demo")),
        ("rally", "NOUN", None, None, ("PROTEST", "demo")),
        ("call", "VERB", "strike", "off", ("CONCEDE", None)),
        ("accept", "VERB", "demand", None, ("CONCEDE", None)),
        ("lift", "VERB", "curfew", None, ("CONCEDE", None)),  # CAMEO 0812: easing a curfew
        ("lift", "VERB", "blockade", None, ("RETREAT", None)),  # material de-escalation
        ("lift", "VERB", "sanctions", None, ("RETREAT", None)),  # CAMEO 085
        ("declare", "VERB", "siege", None, ("COERCE", "martial-law")),
        ("expel", "VERB", "inspector", None, ("SANCTION", "expel")),
        ("open", "VERB", "hearing", None, ("ACCUSE", "investigate")),
        ("hack", "VERB", None, "into", ("COERCE", None)),
        ("attack", "NOUN", "cyber", None, ("COERCE", None)),
        ("slaying", "NOUN", None, None, ("ASSAULT", None)),
        ("cleansing", "NOUN", "ethnic", None, ("ASSAULT", None)),
        ("evacuate", "VERB", "wounded", None, ("AID", "humanitarian")),
        ("mobilize", "VERB", "reservist", None, ("MOBILIZE", "troops")),
        ("block", "VERB", "road", None, ("PROTEST", "obstruct")),
        ("travel", "VERB", None, "to", ("CONSULT", "visit")),
        ("plead", "VERB", None, "for", ("REQUEST", None)),
    ],
)
def test_strongest_sense(lemma, pos, obj, particle, expected):
    assert _strongest(lemma, pos, obj, particle) == expected


@pytest.mark.parametrize(
    "lemma,pos",
    # too generic alone in news to name an event: only their compounds do
    [("suicide", "NOUN"), ("travel", "VERB"), ("receive", "VERB"), ("plead", "VERB")],
)
def test_generic_words_do_not_trigger_alone(lemma, pos):
    assert all(s.weight < 0.45 for s in cb.LEXICON.bare(lemma, pos))


@pytest.mark.parametrize(
    "etype,mode,expected",
    [
        ("ASSAULT", "heavy-weapons", "violence"),
        ("ASSAULT", None, "violence"),
        ("COERCE", "curfew", "restrict"),
        ("COERCE", "martial-law", "restrict"),
        ("COERCE", "arrest", "arrest"),
        ("COERCE", "ban", "ban"),
        ("COERCE", None, None),
        ("SANCTION", "cancel", "relations"),
        ("SANCTION", "embargo", "restrict"),
        ("PROTEST", "strike-gen", "restrict"),
        ("AID", None, None),
    ],
)
def test_threat_mode(etype, mode, expected):
    got = cb.threat_mode(etype, mode)
    assert got == expected
    if got is not None:
        assert cb.is_valid("THREATEN", got)


def test_threat_mode_rejects_unknown_mode():
    with pytest.raises(cb.CodebookError):
        cb.threat_mode("ASSAULT", "no-such-mode")
