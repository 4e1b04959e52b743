"""The actor knowledge base and the noun-phrase resolver.

Data: ``whimbrel/knowledge/data/actors/*.yaml`` (listed actors: organisations, armed
groups, state bodies, people), ``data/roles.yaml`` (generic role words such as
"police" or "gunmen" with their sector) and the country table
(:mod:`whimbrel.knowledge.countries`).  A user file (setting ``actors``) is layered
on top.  The file format is documented in ``docs/actors.md``.

Resolution of a noun phrase is a longest match over normalised tokens against one
dict of aliases, then a small composition step:

* a listed actor in the head of the phrase wins ("the Iranian-backed Kataib
  Hezbollah militia group" → Kataib Hezbollah, IRQ, REB; Iran is its sponsor);
* otherwise country (name, demonym, metonym, possessive) + role word
  ("Iraqi prime minister's office" → IRQ GOV, "a member of Baghdad's security
  forces" → IRQ COP);
* a role alone ("gunmen", "protesters") gets its sector and the caller's
  ``context_country``;
* anything else stays unknown (name, code and sector None).

Nothing is read at import time; build one :class:`ActorKB` and keep it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Optional, Union

import yaml

from ..errors import ConfigError
from ..records import Entity
from .close_match import CloseMatcher
from .countries import Country, CountryTable, People, load_yaml, normalise, plural

#: Sectors an actor may have (PLOVER/CAMEO agent codes).
SECTORS = frozenset(
    "GOV MIL COP SPY REB UAF CRM OPP CVL REF LEG JUD PTY JRN MED EDU BUS LAB REL AGR ELI NGO IGO".split()
)
#: Non-country codes an actor may have: intergovernmental, non-governmental, transnational militant.
NON_STATE_CODES = frozenset({"IGO", "NGO", "IMG"})

_SPONSOR_WORDS = frozenset(
    "backed sponsored supported funded financed armed trained allied aligned linked affiliated "
    "inspired proxy proxies loyal".split()
)
_STRONG_SPONSOR_WORDS = frozenset("backed sponsored supported funded financed proxy proxies".split())
_NEGATING_PREFIX = frozenset({"anti"})
_PREPOSITIONS = frozenset(
    "of in from against to with by for near at on into across inside outside around fleeing loyal living "
    "operating based".split()
)
_FORMER = frozenset({"former", "ousted", "ex", "deposed", "exiled", "toppled", "late"})
_TOKEN = re.compile(r"[^\W_]+(?:['\u2019.][^\W_]+)*\.?")

_KIND_RANK = {"actor": 0, "name": 1, "demonym": 2, "metonym": 3, "place": 4, "people": 5, "role": 6}
#: Given names and patronymic particles too common to identify a person as a surname alone.
_COMMON_SURNAMES = frozenset(
    "ahmed ahmad mohammed muhammad mohamed mohammad ali hassan hasan hussein husain ibrahim abdullah khan "
    "singh kumar sharma kim lee park wang zhang chen yang abdel abdul omar osman mahmoud musa moussa "
    "ismail yusuf yousef salem saleh said sayed kabir rahman hamid karim aziz bakr jr junior".split()
)
#: Words after which a capitalised place name is a location ("rebels in Darfur").
_PLACE_CUES = frozenset("in of from near at across inside outside around city province region state town".split())
_PLACE_SUFFIXES = frozenset("state province region governorate district oblast county".split())
#: Sectors whose bare role word names a non-state code ("human rights group" → NGO).
_CODED_SECTORS = frozenset({"NGO", "IGO"})


@dataclass(frozen=True)
class Actor:
    """One listed actor of the knowledge base."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    code: Optional[str] = None
    sector: Optional[str] = None
    sponsors: tuple[str, ...] = ()
    active: Optional[str] = None
    parent: Optional[str] = None
    office: Optional[str] = None
    kind: str = "org"
    origin: str = ""


@dataclass(frozen=True)
class Role:
    """A generic role word ("police", "gunmen"); ``weak`` roles defer to a stronger one."""

    word: str
    sector: Optional[str]
    weak: bool = False


@dataclass(frozen=True)
class _Entry:
    kind: str  # actor | name | demonym | metonym | place | people | role
    target: Union[Actor, Country, Role, People]
    alias: str
    acronym: Optional[str] = None  # surface form required (dots removed) for all-caps aliases
    capitalised: bool = False  # matches only when written with a capital ("Austin", not "than")


@dataclass(frozen=True)
class Match:
    """One alias found in a text: token span, character span and what it denotes."""

    tok_start: int
    tok_end: int
    start: int
    end: int
    entry: _Entry


@dataclass
class _Index:
    entries: dict[str, list[_Entry]] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)

    def add(self, alias: str, entry: _Entry) -> None:
        key = normalise(alias)
        if not key:
            return
        bucket = self.entries.setdefault(key, [])
        bucket.append(entry)
        words = key.split(" ")
        for i in range(1, len(words) + 1):
            self.prefixes.add(" ".join(words[:i]))


def _acronym(alias: str) -> Optional[str]:
    bare = alias.replace(".", "").replace(" ", "")
    if bare.isupper() and bare.isalpha() and len(bare) <= 6:
        return bare
    return None


def _plurals(word: str) -> list[str]:
    low = word.lower()
    if low.endswith("man"):
        return [word[:-3] + "men"]
    if low.endswith(("s", "men", "ry", "ce", "nt", "ia")) and " " not in word:
        return []
    if low.endswith("y") and not low.endswith(("ay", "ey", "oy")):
        return [word[:-1] + "ies"]
    if low.endswith(("ch", "sh", "x")):
        return [word + "es"]
    return [word + "s"]


def _tokens(text: str) -> list[tuple[str, int, int, str]]:
    """(normalised token, start, end, surface) for each word of ``text``; a word may normalise to several."""
    out: list[tuple[str, int, int, str]] = []
    for m in _TOKEN.finditer(text):
        key = normalise(m.group())
        for part in key.split(" "):
            if part:
                out.append((part, m.start(), m.end(), m.group()))
    return out


class ActorKB:
    """The actor knowledge base with its resolver.  Build with :meth:`load`."""

    def __init__(self, actors: Iterable[Actor], countries: CountryTable, roles: Iterable[Role], version: str = ""):
        self.countries = countries
        self.version = version
        self._actors: dict[str, Actor] = {a.id: a for a in actors}
        self._roles = tuple(roles)
        self._index = _Index()
        self._single_keys: Optional[dict[int, list[str]]] = None  # one-word keys by length (_close_keys)
        self._close_by_length: dict[int, CloseMatcher] = {}  # the keys a word of each length can match
        self._build()

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, extra: Optional[str] = None, *, use_settings: bool = True) -> "ActorKB":
        """Load the bundled actor files, then ``extra`` (or the ``actors`` setting) on top.

        Entries of a later file replace earlier ones with the same ``id``; an entry
        with ``remove: true`` deletes it.  Raises :class:`ConfigError` on a bad file.
        """
        if extra is None and use_settings:
            from ..settings import load as load_settings

            extra = load_settings().actors or None
        countries = CountryTable.load()
        actors: dict[str, Actor] = {}
        versions: list[str] = []
        folder = resources.files("whimbrel.knowledge").joinpath("data/actors")
        for item in sorted(folder.iterdir(), key=lambda p: p.name):
            if item.name.endswith((".yaml", ".yml", ".json")):
                data = _parse(item.read_text("utf-8"), f"whimbrel/knowledge/data/actors/{item.name}")
                versions.append(f"{item.name.rsplit('.', 1)[0]}@{data.get('version')}")
                _merge(actors, data, item.name, countries)
        if extra:
            path = Path(extra).expanduser()
            try:
                text = path.read_text("utf-8")
            except OSError as exc:
                raise ConfigError(f"cannot read actor file {path}: {exc}",
                                  hint="Check the path given with --actors or the 'actors' setting.") from exc
            data = _parse(text, str(path))
            versions.append(f"{path.name}@{data.get('version')}")
            _merge(actors, data, str(path), countries)
        roles = _load_roles()
        return cls(actors.values(), countries, roles, version=",".join(versions))

    def _build(self) -> None:
        idx = self._index
        for actor in self._actors.values():
            for alias in (actor.name, *actor.aliases):
                idx.add(alias, _Entry("actor", actor, alias, _acronym(alias)))
        # Surnames of people, when unambiguous and not otherwise a key.
        surnames: dict[str, list[Actor]] = {}
        for actor in self._actors.values():
            if actor.kind == "person":
                words = normalise(actor.name).split(" ")
                if len(words) > 1 and len(words[-1]) > 3:
                    surnames.setdefault(words[-1], []).append(actor)
        for country in self.countries.all():
            for alias in (country.name, *country.aliases):
                idx.add(alias, _Entry("name", country, alias, _acronym(alias)))
            for dem in country.demonyms:
                idx.add(dem, _Entry("demonym", country, dem, _acronym(dem)))
                pl = plural(dem)
                if pl:
                    idx.add(pl, _Entry("demonym", country, pl))
            for met in country.metonyms:
                idx.add(met, _Entry("metonym", country, met, _acronym(met)))
        for group in self.countries.peoples():
            for form in (group.name, *group.forms):
                idx.add(form, _Entry("people", group, form))
                pl = plural(form)
                if pl and not form.endswith("s"):
                    idx.add(pl, _Entry("people", group, pl))
        for role in self._roles:
            idx.add(role.word, _Entry("role", role, role.word))
        for key, people in surnames.items():
            if len(people) == 1 and key not in idx.entries and key not in _COMMON_SURNAMES:
                idx.add(key, _Entry("actor", people[0], key, capitalised=True))

    # ------------------------------------------------------------------ access

    def __len__(self) -> int:
        return len(self._actors)

    def actors(self) -> tuple[Actor, ...]:
        """Every listed actor."""
        return tuple(self._actors.values())

    def get(self, actor_id: str) -> Optional[Actor]:
        """The listed actor with this id."""
        return self._actors.get(actor_id)

    def aliases(self) -> int:
        """How many distinct normalised keys the matcher knows."""
        return len(self._index.entries)

    # ------------------------------------------------------------------ matching

    def _match(self, text: str, *, kinds: Optional[frozenset[str]] = None, proper: bool = False,
               toks: Optional[list[tuple[str, int, int, str]]] = None) -> list[Match]:
        """The knowledge base's longest matches in ``text`` (``toks``: its :func:`_tokens`, when the caller has them)."""
        if toks is None:
            toks = _tokens(text)
        idx = self._index
        out: list[Match] = []
        i = 0
        while i < len(toks):
            best: Optional[Match] = None
            key = ""
            for j in range(i, len(toks)):
                key = toks[j][0] if j == i else f"{key} {toks[j][0]}"
                if key not in idx.prefixes:
                    break
                for entry in self._rank(idx.entries.get(key, ())):
                    if kinds is not None and entry.kind not in kinds:
                        continue
                    surface = text[toks[i][1]:toks[j][2]]
                    if entry.acronym and surface.replace(".", "").replace(" ", "") != entry.acronym:
                        continue
                    if (proper or entry.capitalised) and not surface[:1].isupper() and not surface[:1].isdigit():
                        continue
                    best = Match(i, j + 1, toks[i][1], toks[j][2], entry)
                    break
            if best is not None:
                out.append(best)
                i = best.tok_end
            else:
                i += 1
        return out

    @staticmethod
    def _rank(entries: Iterable[_Entry]) -> list[_Entry]:
        return sorted(entries, key=lambda e: _KIND_RANK[e.kind])

    # ------------------------------------------------------------------ resolve

    def resolve(self, text: str, *, context_country: Optional[str] = None) -> Entity:
        """Resolve a noun phrase to an :class:`Entity` (unknown fields stay None).

        Answers are remembered on this object (the knowledge base does not change once
        loaded), so a phrase repeated across an article or corpus is resolved once."""
        memo = self.__dict__.setdefault("_memo", {})
        key = (text, context_country)
        hit = memo.get(key)
        if hit is None:
            hit, _steps = self._resolve(text, context_country)
            if len(memo) > 200_000:
                memo.clear()
            memo[key] = hit
        return hit

    def explain(self, text: str, *, context_country: Optional[str] = None) -> list[str]:
        """The steps of :meth:`resolve`: which aliases and patterns matched, and why."""
        _entity, steps = self._resolve(text, context_country)
        return steps

    def _context(self, context_country: Optional[str]) -> Optional[str]:
        if not context_country:
            return None
        if context_country.upper() in NON_STATE_CODES:
            return context_country.upper()
        country = self.countries.by_code(context_country) or self.countries.by_name(context_country)
        return country.alpha3 if country else None

    def _resolve(self, text: str, context_country: Optional[str]) -> tuple[Entity, list[str]]:
        """Resolve one noun phrase: a listed actor heading it, else a country it names, else a
        generic role, else an ethnic group; ``steps`` says why, one line per decision."""
        phrase = self._phrase(text, context_country)
        countries, ethnic = self._countries(phrase)
        codes = {c.alpha3 for _m, c in countries}
        actor_match = self._pick_actor(phrase, phrase.head, codes) or self._pick_actor(phrase, phrase.matches, codes)
        steps = phrase.steps
        role_sector, role_word = self._role(phrase.head, steps) if phrase.head else (None, None)
        if role_sector is None and actor_match is None:
            role_sector, role_word = self._role(phrase.matches, steps)
        head_countries = [c for c in countries if c[0].tok_start < phrase.cut]
        country_pick = head_countries[0] if head_countries else (countries[0] if countries else None)
        if actor_match is not None:
            return _as_listed_actor(phrase, actor_match, country_pick, role_sector), steps
        if country_pick is not None:
            return _as_country(phrase, country_pick, role_sector, role_word, ethnic), steps
        if role_sector is not None or role_word is not None:
            return _as_role(phrase, role_sector, role_word, ethnic), steps
        if ethnic:
            steps.append("an ethnic group in several states: CVL, no country")
            return Entity(text=text, name=text.strip(), sector="CVL"), steps
        steps.append("nothing known: left unresolved")
        return Entity(text=text), steps

    def _phrase(self, text: str, context_country: Optional[str]) -> "_Phrase":
        """The phrase's words and knowledge-base matches, and where its head ends."""
        steps: list[str] = []
        toks = _tokens(text)
        words = [t[0] for t in toks]
        matches = self._match(text, toks=toks)
        matches = self._check_peoples(text, words, matches, steps)
        if not any(m.entry.kind in ("name", "demonym", "metonym") or
                   (m.entry.kind == "actor" and getattr(m.entry.target, "code", None)) or
                   (m.entry.kind == "people" and getattr(m.entry.target, "code", None)) for m in matches):
            matches = self._places(text, toks, matches)
        if not any(m.entry.kind not in ("role", "people") for m in matches):
            matches = self._fuzzy(text, toks, matches)
        for m in matches:
            steps.append(f"matched {m.entry.kind} {text[m.start:m.end]!r} → {_describe(m.entry)}")
        covered = {k for m in matches for k in range(m.tok_start, m.tok_end)}
        cut = next((k for k, w in enumerate(words) if w in _PREPOSITIONS and k not in covered and k > 0), len(words))
        return _Phrase(text=text, words=words, matches=matches, cut=cut,
                       head=[m for m in matches if m.tok_start < cut], context=self._context(context_country),
                       former=any(w in _FORMER for w in words[:cut]), steps=steps)

    def _countries(self, phrase: "_Phrase") -> tuple[list[tuple[Match, Country]], bool]:
        """The states the phrase names as its own (sponsors, 'anti-' and modifiers left out),
        and whether it names an ethnic group.  Peoples tied to one state stand for it."""
        steps, words, text = phrase.steps, phrase.words, phrase.text
        for m in [m for m in phrase.matches if m.entry.kind == "people"]:
            group = m.entry.target
            assert isinstance(group, People)
            if group.code:
                found = self.countries.by_code(group.code)
                if found is not None:
                    phrase.matches = [x if x is not m else replace(m, entry=replace(m.entry, target=found))
                                      for x in phrase.matches]
            steps.append(f"people {group.name!r} → {group.code or 'several states: no country'}")
        countries: list[tuple[Match, Country]] = []
        ethnic = False
        for m in phrase.matches:
            if m.entry.kind not in ("name", "demonym", "metonym", "place", "people"):
                continue
            country = m.entry.target
            if not isinstance(country, Country):
                ethnic = True
                continue
            verdict = _country_role(phrase, m, country)
            if verdict == "ethnic":
                ethnic = True
            elif verdict == "own":
                countries.append((m, country))
        if any(m.entry.kind != "people" for m, _c in countries):
            # A state named in the phrase wins over one derived from a people ("Iraqi Kurds").
            countries = [(m, c) for m, c in countries if m.entry.kind != "people"]
        if any(m.entry.kind == "people" for m in phrase.matches):
            ethnic = True
        # "Bosnian Serbs": a country adjective before a plural demonym; the plural names a people.
        if (len(countries) >= 2 and countries[0][0].entry.kind == "demonym"
                and countries[1][0].entry.kind == "demonym" and countries[1][0].tok_start == countries[0][0].tok_end
                and _is_plural_demonym(countries[1][1], text[countries[1][0].start:countries[1][0].end])):
            steps.append(f"{text[countries[1][0].start:countries[1][0].end]!r} names a people in "
                         f"{countries[0][1].alpha3}")
            countries = [countries[0]] + countries[2:]
            ethnic = True
        return countries, ethnic

    @staticmethod
    def _pick_actor(phrase: "_Phrase", pool: list[Match], codes: set[str]) -> Optional[Match]:
        """The last listed actor of ``pool`` that can head the phrase."""
        found = [m for m in pool if m.entry.kind == "actor" and _usable_actor(phrase, m, codes)]
        return found[-1] if found else None

    def _check_peoples(self, text: str, words: list[str], matches: list[Match], steps: list[str]) -> list[Match]:
        """Keep a people match only where it names a group: capitalised, and plural, after 'ethnic',
        before a role word, or the whole phrase ("Karen guerrillas", "Kurds"; not "Karen Bass")."""
        out: list[Match] = []
        for n, m in enumerate(matches):
            if m.entry.kind != "people":
                out.append(m)
                continue
            surface = text[m.start:m.end]
            before = words[m.tok_start - 1] if m.tok_start > 0 else ""
            whole = all(w in ("the", "a", "an") for k, w in enumerate(words) if not m.tok_start <= k < m.tok_end)
            after = words[m.tok_end] if m.tok_end < len(words) else ""
            plural_form = surface.endswith("s") and not surface.endswith("ss")
            role_next = any(x.entry.kind == "role" and x.tok_start >= m.tok_end for x in matches[n + 1:])
            if surface[:1].isupper() and (whole or before == "ethnic" or role_next or
                                          (plural_form and after not in ("", "and") and not after[:1].isupper())
                                          or plural_form):
                out.append(m)
            else:
                steps.append(f"{surface!r} is not used as a people here: ignored")
        return out

    def _places(self, text: str, toks: list[tuple[str, int, int, str]], matches: list[Match]) -> list[Match]:
        """Add a place match (subdivision or city → country) for capitalised words in a place position:
        after a locative word ("rebels in Darfur"), before a role ("Darfur rebels") or the whole phrase."""
        covered = {k for m in matches for k in range(m.tok_start, m.tok_end)}
        role_starts = {m.tok_start for m in matches if m.entry.kind == "role"}
        extra: list[Match] = []
        k = 0
        while k < len(toks):
            if k in covered or not toks[k][3][:1].isupper():
                k += 1
                continue
            found: Optional[Match] = None
            for j in range(min(len(toks), k + 4), k, -1):
                if any(x in covered for x in range(k, j)) or not all(t[3][:1].isupper() for t in toks[k:j]):
                    continue
                country = self.countries.by_place(" ".join(t[0] for t in toks[k:j]))
                if country is None:
                    continue
                cue = k > 0 and toks[k - 1][0] in _PLACE_CUES
                end = j + 1 if j < len(toks) and toks[j][0] in _PLACE_SUFFIXES else j
                rest = [t for n, t in enumerate(toks) if not k <= n < end and t[0] not in ("the", "a")]
                if cue or j in role_starts or end in role_starts or not rest:
                    entry = _Entry("place", country, f"{text[toks[k][1]:toks[j - 1][2]]} (place)")
                    found = Match(k, j, toks[k][1], toks[j - 1][2], entry)
                    break
            if found is not None:
                extra.append(found)
                k = found.tok_end
            else:
                k += 1
        return sorted(matches + extra, key=lambda m: m.tok_start) if extra else matches

    def _fuzzy(self, text: str, toks: list[tuple[str, int, int, str]], matches: list[Match]) -> list[Match]:
        """Add country matches for unmatched capitalised words close to a country name or demonym."""
        covered = {k for m in matches for k in range(m.tok_start, m.tok_end)}
        extra: list[Match] = []
        for k, (key, start, end, surface) in enumerate(toks):
            if k in covered or len(key) < 5 or not surface[:1].isupper():
                continue
            close = [c for c in self._close_keys(key) if c[0] == key[0]]
            if close:
                entry = next(e for e in self._index.entries[close[0]] if e.kind in ("name", "demonym", "metonym"))
                extra.append(Match(k, k + 1, start, end, replace(entry, alias=f"{close[0]} (fuzzy)")))
        return sorted(matches + extra, key=lambda m: m.tok_start) if extra else matches

    def _close_keys(self, key: str) -> list[str]:
        """``difflib.get_close_matches(key, keys, n=3, cutoff=0.85)`` over the one-word country
        names and demonyms, asked only of the keys whose length can reach the cutoff (difflib's
        own first test, ``real_quick_ratio``, on lengths alone), through a :class:`CloseMatcher`
        (difflib's letter test over all keys at once), so the answer is the same."""
        if self._single_keys is None:
            by_length: dict[int, list[str]] = {}
            for kk in sorted(kk for kk, entries in self._index.entries.items()
                             if " " not in kk and any(e.kind in ("name", "demonym", "metonym") for e in entries)):
                by_length.setdefault(len(kk), []).append(kk)
            self._single_keys = by_length
        known = self.__dict__.setdefault("_close_memo", {})  # like resolve's memo: the base does not change
        hit = known.get(key)
        if hit is None:
            la = len(key)
            matcher = self._close_by_length.get(la)
            if matcher is None:
                matcher = self._close_by_length[la] = CloseMatcher(
                    [kk for lb, keys in self._single_keys.items() if 2.0 * min(la, lb) / (la + lb) >= 0.85
                     for kk in keys])
            hit = matcher.close(key, n=3, cutoff=0.85)
            if len(known) > 50_000:
                known.clear()
            known[key] = hit
        return list(hit)

    def _role(self, pool: list[Match], steps: list[str]) -> tuple[Optional[str], Optional[str]]:
        roles = [m.entry.target for m in pool if m.entry.kind == "role"]
        if not roles:
            return None, None
        strong = [r for r in roles if isinstance(r, Role) and not r.weak]
        if strong:
            role = strong[-1]
            steps.append(f"head role {role.word!r}: {role.sector}")
            return role.sector, role.word
        role = roles[-1]
        assert isinstance(role, Role)
        steps.append(f"weak role {role.word!r} alone: {role.sector}")
        return role.sector, role.word

    # ------------------------------------------------------------------ find

    def find(self, doc_text: str, *, countries: bool = False) -> list[tuple[int, int, Entity]]:
        """Spot listed actors (and, if asked, country names) in raw text.

        Only capitalised surfaces match, and all-caps aliases ("WHO", "IS") must
        appear in capitals.  Returns (start, end, Entity) with offsets into ``doc_text``.
        """
        kinds = frozenset({"actor", "name"}) if countries else frozenset({"actor"})
        out: list[tuple[int, int, Entity]] = []
        for m in self._match(doc_text, kinds=kinds, proper=True):
            surface = doc_text[m.start:m.end]
            target = m.entry.target
            if isinstance(target, Actor):
                ent = Entity(text=surface, name=target.name, code=target.code, sector=target.sector,
                             id=target.id, start=m.start, end=m.end)
            elif isinstance(target, Country):
                ent = Entity(text=surface, name=target.name, code=target.alpha3, id=f"country:{target.alpha3}",
                             start=m.start, end=m.end)
            else:
                continue
            out.append((m.start, m.end, ent))
        return out


def _is_plural_demonym(country: Country, surface: str) -> bool:
    key = normalise(surface)
    singular = {normalise(d) for d in country.demonyms}
    return key not in singular


@dataclass
class _Phrase:
    """A noun phrase being resolved: its words, its matches, where its head ends (``cut``,
    the first preposition outside a match), and the decisions taken so far."""

    text: str
    words: list[str]
    matches: list[Match]
    cut: int
    head: list[Match]
    context: Optional[str]
    former: bool
    steps: list[str]


def _country_role(phrase: _Phrase, m: Match, country: Country) -> str:
    """What a state named in the phrase is to it: ``own``, ``sponsor``, ``ethnic`` or ``ignored``."""
    words, text, steps = phrase.words, phrase.text, phrase.steps
    after = words[m.tok_end] if m.tok_end < len(words) else ""
    before = words[m.tok_start - 1] if m.tok_start > 0 else ""
    joined = text[m.end:m.end + 1] == "-"
    if (after in _SPONSOR_WORDS and (joined or after in _STRONG_SPONSOR_WORDS)) or before == "pro":
        cue = "pro-" if before == "pro" else f"-{after}"
        steps.append(f"{country.alpha3} is a sponsor ('{cue}'), not the actor's country")
        return "sponsor"
    if before in _NEGATING_PREFIX:
        steps.append(f"{country.alpha3} follows 'anti': ignored")
        return "ignored"
    if before == "ethnic":
        steps.append(f"'ethnic {text[m.start:m.end]}' names an ethnic group, not {country.alpha3}")
        return "ethnic"
    if after == "member":
        steps.append(f"{country.alpha3} is only a modifier ('-member')")
        return "ignored"
    return "own"


def _usable_actor(phrase: _Phrase, m: Match, codes: set[str]) -> bool:
    """A listed actor heads the phrase unless it only modifies the head ("Hamas members") or
    is a person of another state than the one the phrase names."""
    target = m.entry.target
    words = phrase.words
    if m.tok_end < len(words) and words[m.tok_end] in ("member", "members", "led") and m.tok_end < phrase.cut:
        phrase.steps.append(f"{_describe(m.entry)} is only a modifier of the head")
        return False
    if isinstance(target, Actor) and target.kind == "person" and codes and target.code not in codes:
        phrase.steps.append(f"person {target.name} ({target.code}) disagrees with the phrase's country: ignored")
        return False
    return True


def _as_listed_actor(phrase: _Phrase, actor_match: Match, country_pick: Optional[tuple[Match, Country]],
                     role_sector: Optional[str]) -> Entity:
    """The entity of a phrase headed by a listed actor (or by a role in front of it)."""
    steps, text = phrase.steps, phrase.text
    actor = actor_match.entry.target
    assert isinstance(actor, Actor)
    code = actor.code or (country_pick[1].alpha3 if country_pick else phrase.context)
    sector = actor.sector or role_sector
    head_roles = [m.entry.target for m in phrase.head if m.entry.kind == "role" and isinstance(m.entry.target, Role)
                  and (actor.kind == "person" or not m.entry.target.weak)]
    if actor_match.tok_start >= phrase.cut and head_roles and head_roles[-1].sector:
        role = head_roles[-1]
        steps.append(f"head role {role.word!r} of listed actor {actor.id!r}: code {code}, sector {role.sector}")
        return Entity(text=text, name=role.word, code=code, sector=role.sector)
    if actor.kind == "person":
        title = [m for m in phrase.head if m.entry.kind == "role" and m.tok_end == actor_match.tok_start
                 and isinstance(m.entry.target, Role) and not m.entry.target.weak]
        if title and isinstance(title[0].entry.target, Role) and title[0].entry.target.sector:
            sector = title[0].entry.target.sector
            steps.append(f"title {title[0].entry.target.word!r} before the name: sector {sector}")
        if sector == "GOV" and phrase.former:
            sector = "ELI"
            steps.append("'former/ousted' government figure: ELI")
    steps.append(f"listed actor {actor.id!r} heads the phrase: code {code}, sector {sector}"
                 + (f" (sponsors {', '.join(actor.sponsors)})" if actor.sponsors else ""))
    return Entity(text=text, name=actor.name, code=code, sector=sector, id=actor.id)


def _as_country(phrase: _Phrase, country_pick: tuple[Match, Country], role_sector: Optional[str],
                role_word: Optional[str], ethnic: bool) -> Entity:
    """The entity of a phrase that names a state (with the sector its role or form implies)."""
    steps, text, words = phrase.steps, phrase.text, phrase.words
    m, country = country_pick
    sector = role_sector
    if sector is None and role_word is None:
        if m.entry.kind == "metonym":
            sector = "GOV"
            steps.append(f"metonym {country.alpha3} alone stands for its government: GOV")
        elif m.entry.kind == "demonym" and words and words[m.tok_end - 1] != normalise(
                text[m.start:m.end]).split(" ")[-1]:
            sector = None
        elif m.entry.kind == "demonym" and _is_plural_demonym(country, text[m.start:m.end]):
            sector = "CVL"
            steps.append("plural demonym alone names the people: CVL")
        elif ethnic:
            sector = "CVL"
            steps.append("an ethnic group alone: CVL")
    if sector == "GOV" and phrase.former:
        sector = "ELI"
        steps.append("'former/ousted' government figure: ELI")
    label = f"{country.name} ({role_word})" if role_word else country.name
    ent_id = f"country:{country.alpha3}" + (f":{sector}" if sector else "")
    steps.append(f"country {country.alpha3} from {m.entry.kind}; sector {sector}")
    return Entity(text=text, name=label, code=country.alpha3, sector=sector, id=ent_id)


def _as_role(phrase: _Phrase, role_sector: Optional[str], role_word: Optional[str], ethnic: bool) -> Entity:
    """The entity of a generic role ("police", "rebels"): coded by its sector or the context."""
    steps, text = phrase.steps, phrase.text
    if role_sector == "GOV" and phrase.former:
        role_sector = "ELI"
    if role_sector in _CODED_SECTORS and not ethnic:
        steps.append(f"generic role {role_word!r}: sector and code {role_sector}")
        return Entity(text=text, name=role_word, code=role_sector, sector=role_sector)
    steps.append(f"generic role {role_word!r}: sector {role_sector}, code from context {phrase.context}")
    return Entity(text=text, name=role_word, code=phrase.context, sector=role_sector)


def _describe(entry: _Entry) -> str:
    t = entry.target
    if isinstance(t, Actor):
        return f"{t.name} [{t.id}] {t.code or '-'} {t.sector or '-'}"
    if isinstance(t, Country):
        return f"{t.name} ({t.alpha3})"
    if isinstance(t, People):
        return f"people {t.name} ({t.code or 'several states'})"
    return f"role {t.word} {t.sector or '-'}{' (weak)' if t.weak else ''}"


def _parse(text: str, origin: str) -> dict[str, Any]:
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"actor file is not valid YAML/JSON: {exc}", origin=origin,
                          hint="Fix the syntax; see docs/actors.md for the format.") from exc
    if not isinstance(data, dict) or "version" not in data or not isinstance(data.get("actors"), list):
        raise ConfigError("actor file needs 'version' and a list 'actors'", origin=origin,
                          hint="See docs/actors.md for the format.")
    return data


def _merge(actors: dict[str, Actor], data: dict[str, Any], origin: str, countries: CountryTable) -> None:
    defaults = data.get("defaults") or {}
    for n, row in enumerate(data["actors"]):
        if not isinstance(row, dict) or not row.get("id"):
            raise ConfigError(f"actor #{n} has no id", origin=origin, hint="Every actor needs an 'id' and a 'name'.")
        row = {**defaults, **row}
        if row.get("remove"):
            actors.pop(str(row["id"]), None)
            continue
        if not row.get("name"):
            raise ConfigError(f"actor {row['id']!r} has no name", origin=origin,
                              hint="Every actor needs an 'id' and a 'name'.")
        code = row.get("code")
        if code is not None:
            code = str(code).upper()
            if code not in NON_STATE_CODES:
                country = countries.by_code(code)
                if country is None:
                    raise ConfigError(f"actor {row['id']!r}: unknown code {code!r}", origin=origin,
                                      hint="Use an ISO 3166 alpha-3 code or IGO, NGO, IMG.")
                code = country.alpha3
        sector = row.get("sector")
        if sector is not None and sector not in SECTORS:
            raise ConfigError(f"actor {row['id']!r}: unknown sector {sector!r}", origin=origin,
                              hint=f"Use one of {', '.join(sorted(SECTORS))}.")
        unknown = set(row) - {"id", "name", "aliases", "code", "sector", "sponsors", "active", "parent", "office",
                              "kind", "remove"}
        if unknown:
            raise ConfigError(f"actor {row['id']!r}: unknown field(s) {sorted(unknown)}", origin=origin,
                              hint="See docs/actors.md for the fields.")
        actors[str(row["id"])] = Actor(
            id=str(row["id"]),
            name=str(row["name"]),
            aliases=tuple(str(a) for a in row.get("aliases") or ()),
            code=code,
            sector=sector,
            sponsors=tuple(str(s) for s in row.get("sponsors") or ()),
            active=str(row["active"]) if row.get("active") is not None else None,
            parent=row.get("parent"),
            office=row.get("office"),
            kind=str(row.get("kind") or "org"),
            origin=origin,
        )


def _load_roles() -> list[Role]:
    text = resources.files("whimbrel.knowledge").joinpath("data/roles.yaml").read_text("utf-8")
    data = load_yaml(text)
    assert isinstance(data, dict)
    roles: list[Role] = []
    weak = data.get("weak") or {}
    for sector, words in (data.get("roles") or {}).items():
        for word in words:
            if word in weak:
                continue
            roles.append(Role(word, sector))
            roles.extend(Role(p, sector) for p in _plurals(word))
    for word, sector in weak.items():
        roles.append(Role(word, sector, weak=True))
    return roles


__all__ = ["Actor", "ActorKB", "Match", "NON_STATE_CODES", "Role", "SECTORS"]
