"""The actor knowledge base: resolution table, layering, explain, find, CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from whimbrel.errors import ConfigError
from whimbrel.knowledge.actors import ActorKB


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load(use_settings=False)


CASES = [
    # text, context, code, sector, name (None: not checked)
    ("US military forces", None, "USA", "MIL", None),
    ("the Iranian-backed Kataib Hezbollah militia group", None, "IRQ", "REB", "Kataib Hezbollah"),
    ("Kata'ib Hizbollah", None, "IRQ", "REB", "Kataib Hezbollah"),
    ("a member of Baghdad's security forces", None, "IRQ", "COP", None),
    ("the Iraqi prime minister's office", None, "IRQ", "GOV", None),
    ("US Secretary of Defense Lloyd Austin", None, "USA", "GOV", "Lloyd Austin"),
    ("gunmen", None, None, "UAF", None),
    ("gunmen", "NG", "NGA", "UAF", None),
    ("militants", "Somalia", "SOM", "REB", None),
    ("protesters", None, None, "OPP", None),
    ("civilians", "IRQ", "IRQ", "CVL", None),
    ("security forces", None, None, "COP", None),
    ("police", "PAK", "PAK", "COP", None),
    ("Hezbollah", None, "LBN", "REB", "Hezbollah"),
    ("Hizbullah fighters", None, "LBN", "REB", "Hezbollah"),
    ("Ansar Allah", None, "YEM", "REB", "Houthis"),
    ("Houthi rebels", None, "YEM", "REB", "Houthis"),
    ("Daesh", None, "IMG", "REB", "Islamic State"),
    ("ISWAP", None, "NGA", "REB", None),
    ("al-Shabab militants", None, "SOM", "REB", "al-Shabaab"),
    ("JNIM", None, "MLI", "REB", None),
    ("Wagner mercenaries", None, "RUS", "UAF", "Wagner Group"),
    ("the Tatmadaw", None, "MMR", "MIL", "Tatmadaw"),
    ("Rapid Support Forces", None, "SDN", "MIL", None),
    ("IRGC Quds Force", None, "IRN", "MIL", "Quds Force"),
    ("the Pentagon", None, "USA", "MIL", "Pentagon"),
    ("the Kremlin", None, "RUS", "GOV", None),
    ("Tehran", None, "IRN", "GOV", None),
    ("UN peacekeepers", None, "IGO", "MIL", None),
    ("U.N. Security Council", None, "IGO", "GOV", None),
    ("NATO", None, "IGO", "MIL", "NATO"),
    ("Doctors Without Borders", None, "NGO", "MED", None),
    ("Sudanese government", None, "SDN", "GOV", None),
    ("Afghan rebel leaders", None, "AFG", "REB", None),
    ("president of Armenia", None, "ARM", "GOV", None),
    ("Palestinians", None, "PSE", "CVL", None),
    ("Hungarian", None, "HUN", None, None),
    ("Russian official", None, "RUS", "GOV", None),
    ("British Defence Secretary Tom King", None, "GBR", "GOV", None),
    ("Algerian President Ahmed Ben Bella", None, "DZA", "GOV", None),
    ("Turkish-backed Syrian National Army", None, "SYR", "REB", "Syrian National Army"),
    ("Russian-backed separatists", None, None, "REB", None),
    ("NATO-member Norway", None, "NOR", None, None),
    ("former President", "KGZ", "KGZ", "ELI", None),
    ("Afganistan", None, "AFG", None, None),
    ("M23 rebels", None, "COD", "REB", "M23"),
    ("Naxalites", None, "IND", "REB", None),
    ("the Arakan Army", None, "MMR", "REB", "Arakan Army"),
    # places (ISO 3166-2 subdivisions, cities, bundled regions) in a place position
    ("rebels in Darfur", None, "SDN", "REB", None),
    ("Darfur rebels", None, "SDN", "REB", None),
    ("West Darfur State", None, "SDN", None, None),
    ("gunmen in Kaduna", None, "NGA", "UAF", None),
    ("Donbas separatists", None, "UKR", "REB", None),
    ("Helmand province", None, "AFG", None, None),
    ("Siberia", None, "RUS", None, None),  # a place, not a misspelt Liberia
    # ethnic groups: a country where unambiguous, none where the group spans states
    ("Yoruba leaders", None, "NGA", "GOV", None),
    ("Karen guerrillas", None, "MMR", "REB", None),
    ("Kurds", None, None, "CVL", None),
    ("Kurdish fighters", None, None, "REB", None),
    ("Iraqi Kurds", None, "IRQ", "CVL", None),
    ("ethnic Albanians", None, None, "CVL", None),
    ("Bosnian Serbs", None, "BIH", "CVL", None),
    ("Uighurs", None, "CHN", "CVL", None),
    ("Karen Bass", None, None, None, None),
    # titles, former leaders, common given names are not surnames
    ("former President Vladimir Putin", None, "RUS", "ELI", "Vladimir Putin"),
    ("supporters of former President Ahmed Ben Bella", None, "DZA", "OPP", None),
    ("Ahmed Hassan", None, None, None, None),  # common given names are not surnames
    ("President Levy Mwanawasa", None, "ZMB", "GOV", "Levy Mwanawasa"),
    ("Ousted President Askar Akayev", None, "KGZ", "ELI", "Askar Akayev"),
    ("Palestinian Prime Minister Ismail Haniyeh", None, "PSE", "GOV", "Ismail Haniyeh"),
    ("MONUSCO peacekeepers", None, "IGO", "MIL", None),
    ("UNIFIL", None, "IGO", "MIL", None),
    ("AMISOM troops", None, "IGO", "MIL", None),
    ("Jalisco New Generation Cartel", None, "MEX", "CRM", None),
    ("the Iraqi Defence Ministry", None, "IRQ", "GOV", None),
    ("Department of State Services", None, "NGA", "SPY", None),
    ("Human Rights Watch", None, "NGO", "NGO", None),
    ("human rights group", None, "NGO", "NGO", None),
    ("Palestinian armed groups", None, "PSE", "REB", None),
    ("Khatmandu", None, "NPL", "GOV", None),
    # unknowns stay unknown
    ("the quick brown fox", None, None, None, None),
    ("yesterday", "IRQ", None, None, None),
    ("", None, None, None, None),
]


@pytest.mark.parametrize("text,context,code,sector,name", CASES)
def test_resolve(kb: ActorKB, text: str, context: str | None, code: str | None, sector: str | None,
                 name: str | None) -> None:
    ent = kb.resolve(text, context_country=context)
    assert (ent.code, ent.sector) == (code, sector)
    assert ent.text == text
    if name is not None:
        assert ent.name == name
    if code is None and sector is None:
        assert ent.name is None and ent.id is None


def test_kb_size_and_fields(kb: ActorKB) -> None:
    assert len(kb) > 2500
    kh = kb.get("grp-kataib-hezbollah")
    assert kh is not None and kh.sponsors == ("IRN",) and kh.code == "IRQ"
    quds = kb.get("irn-quds-force")
    assert quds is not None and quds.parent == "irn-irgc"
    austin = kb.get("p-austin")
    assert austin is not None and austin.office == "Secretary of Defense" and austin.active == "2021-2025"


def test_explain_names_alias_and_sponsor(kb: ActorKB) -> None:
    steps = kb.explain("the Iranian-backed Kataib Hezbollah militia group")
    joined = "\n".join(steps)
    assert "matched actor 'Kataib Hezbollah'" in joined
    assert "IRN is a sponsor ('-backed')" in joined
    assert steps[-1].startswith("listed actor 'grp-kataib-hezbollah'")
    assert kb.explain("the quick brown fox")[-1] == "nothing known: left unresolved"


def test_find_in_raw_text(kb: ActorKB) -> None:
    doc = "Officials said Kataib Hezbollah and the IRGC were behind it; who knows what ISIS is planning."
    found = kb.find(doc)
    names = [(doc[s:e], ent.name) for s, e, ent in found]
    assert ("Kataib Hezbollah", "Kataib Hezbollah") in names
    assert ("IRGC", "Islamic Revolutionary Guard Corps") in names
    assert ("ISIS", "Islamic State") in names
    # lower-case 'who' and 'is' must not match the WHO or IS
    assert all(doc[s:e] not in ("who", "is") for s, e, _ in found)
    for s, e, ent in found:
        assert (ent.start, ent.end) == (s, e)
    with_countries = kb.find("Iraq and Iran met.", countries=True)
    assert [ent.code for _s, _e, ent in with_countries] == ["IRQ", "IRN"]


def test_extra_file_layers_on_top(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "version: 7\n"
        "actors:\n"
        "  - {id: my-militia, name: Brigade of the Dawn, aliases: [Dawn Brigade], code: MLI, sector: REB}\n"
        "  - {id: grp-hezbollah, name: Hezbollah, aliases: [Hizbullah], code: LBN, sector: PTY}\n"
        "  - {id: grp-wagner, remove: true}\n",
        encoding="utf-8",
    )
    kb = ActorKB.load(str(extra))
    assert kb.resolve("the Dawn Brigade").code == "MLI"
    assert kb.resolve("Hezbollah").sector == "PTY"
    assert kb.get("grp-wagner") is None
    assert "mine.yaml@7" in kb.version


@pytest.mark.parametrize(
    "body",
    [
        "actors: []\n",  # no version
        "version: 1\nactors:\n  - {name: No Id}\n",
        "version: 1\nactors:\n  - {id: x, name: X, code: ZZZ}\n",
        "version: 1\nactors:\n  - {id: x, name: X, sector: FOO}\n",
        "version: 1\nactors:\n  - {id: x, name: X, colour: red}\n",
        "version: 1\nactors: [\n",
    ],
)
def test_bad_extra_file(tmp_path: Path, body: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError):
        ActorKB.load(str(bad))


def test_missing_extra_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        ActorKB.load(str(tmp_path / "nope.yaml"))


def test_cli_lookup() -> None:
    from whimbrel.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["actors", "lookup", "Kata'ib", "Hezbollah", "--explain"])
    assert result.exit_code == 0, result.output
    assert "code:   IRQ" in result.output and "sponsors: IRN" in result.output.replace("  ", " ")
    result = runner.invoke(main, ["actors", "lookup", "gunmen", "--context", "NGA", "--json"])
    assert result.exit_code == 0
    assert '"code": "NGA"' in result.output and '"sector": "UAF"' in result.output


def test_issue4_surname_alone_needs_a_capital():
    """'More than 30 people' once resolved to a person whose surname is Than."""
    from whimbrel.knowledge.actors import ActorKB

    ent = ActorKB.load().resolve("More than 30 people")
    assert ent.code is None and ent.sector == "CVL"
