"""Generic, normative and rule statements: sentences that describe no act that happened.

"The law lets asylum seekers stay until their hearing", "protesters must be allowed to
march", "you can ask questions": such a trigger names a kind of act, a permission or a
duty, not an event.  :func:`generic_statement` says so (with the cue) and the screen
stage gives the event modality ``generic``: kept as data, not counted.

Two general patterns over the dependency parse:

* a **rule subject**: a governing verb of permission or obligation (allow, let, permit,
  require, forbid, prohibit, make it ...) whose subject is a law, rule, policy,
  constitution, guideline ...;
* a **modal with a generic subject**: must/can/may/should/could/cannot on the trigger's
  clause, whose subject is the reader ("you"), an indefinite pronoun (anyone, everyone,
  one, people) or a bare plural noun with no determiner ("protesters must ...");
* a **habitual clause**: the trigger heads a present-tense "when/whenever" clause
  ("when a state slaps tariffs on goods, ..."), or sits inside one whose subject is a kind
  of people ("hearings are when defendants learn what they are accused of"), or a
  present-tense trigger has a frequency adverbial ("one driver a year is killed on that
  road", "dozens are shot every week"): a rate, not an act;
* a **penalty the law sets**: a penalty noun that a charge carries or an offence is
  punishable by ("the counts carry a maximum sentence of ten years").

:func:`unrealised` finds acts that are planned, purposed, feared or possible, not done.
"""

from __future__ import annotations

from typing import Any, Optional

from ..spacy_doc import TokenTable, token_table
from .senses import semantic_classes

RULE_SUBJECTS = frozenset(
    """law laws rule rules policy policies constitution guideline guidelines regulation regulations
    code statute act bill legislation treaty provision requirement ordinance charter""".split()
)
RULE_VERBS = frozenset("allow let permit require forbid prohibit make oblige entitle enable ban bar".split())
GENERIC_MODALS = frozenset("must can may should could cannot ca might".split())
GENERIC_SUBJECTS = frozenset("you anyone anybody everyone everybody one people someone nobody whoever".split())
_MAX_HOPS = 4
# "Whenever a government raises duties on imports, shoppers pay more": a present-tense
# "when" clause states what happens every time, not what happened.
HABITUAL_MARKS = frozenset("when whenever".split())
# "a year", "every week", "each day", "per month": a frequency adverbial on a present-tense
# verb states a rate ("one driver a year is killed on that road")
PERIOD_NOUNS = frozenset("year day week month night weekend decade".split())
FREQUENCY_DETS = frozenset("a an each every per".split())
PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _present(tt: TokenTable, verb: int) -> bool:
    """The verb is in the present tense, itself or through its auxiliaries ("is killed")."""
    if tt.tag[verb] in PRESENT_TAGS:
        return True
    return any(tt.dep[c] in ("aux", "auxpass") and tt.tag[c] in PRESENT_TAGS for c in tt.children[verb])


def _frequency(tt: TokenTable, verb: int) -> Optional[int]:
    """A frequency adverbial of the verb or of its subject ("a year", "every week", "per day";
    "one driver a year is killed", where the parser hangs it from the subject): its period noun."""
    holders = [verb, *(c for c in tt.children[verb] if tt.dep[c] in ("nsubj", "nsubjpass"))]
    for c in (k for h in holders for k in tt.children[h]):
        if tt.dep[c] in ("npadvmod", "advmod", "tmod", "dobj") and tt.lemma[c] in PERIOD_NOUNS:
            if any(tt.dep[d] in ("det", "prep", "amod") and tt.lower[d] in FREQUENCY_DETS for d in tt.children[c]):
                return c
        if tt.dep[c] == "prep" and tt.lower[c] == "per":
            if any(tt.lemma[p] in PERIOD_NOUNS for p in tt.children[c]):
                return c
    return None


def _clause_verbs(tt: TokenTable, i: int) -> list[int]:
    """The trigger (when a verb) and the verbs above it, nearest first, as token indices (a
    root reached early is counted again for each hop left, as the walk over Token objects,
    which never found a head to be the very same object, counted it)."""
    out = []
    cur = i
    for _ in range(_MAX_HOPS):
        if tt.pos[cur] in ("VERB", "AUX"):
            out.append(cur)
        cur = tt.head[cur]
    return out


def _generic_np(tt: TokenTable, head: int) -> bool:
    if tt.lower[head] in GENERIC_SUBJECTS:
        return True
    if tt.tag[head] == "NNS" and tt.ent_type[head] == "":
        dets = [c for c in tt.children[head] if tt.dep[c] in ("det", "poss", "nummod")]
        return not dets
    return False


# "the charge carries a maximum sentence of ten years", "an offence punishable by a fine": the
# penalty that the law sets for an offence, not one that was imposed
PENALTY_VERBS = frozenset("carry".split())
PENALTY_ADJECTIVES = frozenset("punishable".split())
# the penalties ("carrying out investigations" is no penalty: the verb's particle and the noun say so)
PENALTY_NOUNS = frozenset("""sentence penalty fine term punishment imprisonment jail prison incarceration
    detention probation death execution""".split())


def _penalty_rule(tt: TokenTable, i: int) -> Optional[str]:
    """The cue when a noun trigger is the penalty an offence carries, or is punishable by."""
    head = tt.head[i]
    if tt.pos[i] != "NOUN" or head == i or tt.lemma[i] not in PENALTY_NOUNS:
        return None
    if tt.dep[i] == "dobj" and tt.lemma[head] in PENALTY_VERBS and not any(tt.dep[c] == "prt" for c in tt.children[head]):
        return f"rule statement: '{tt.text[head]} ... {tt.text[i]}' (a penalty the law sets)"
    if tt.dep[i] == "pobj" and tt.lower[head] == "by" and tt.lemma[tt.head[head]] in PENALTY_ADJECTIVES:
        return f"rule statement: '{tt.text[tt.head[head]]} by ... {tt.text[i]}' (a penalty the law sets)"
    return None


def generic_statement(tok: Any) -> Optional[str]:
    """The cue when the trigger token sits in a generic or normative statement, else None
    (read off the Doc's TokenTable)."""
    tt = token_table(tok.doc)
    dep, lower, text, kids = tt.dep, tt.lower, tt.text, tt.children
    penalty = _penalty_rule(tt, tok.i)
    if penalty:
        return penalty
    for k, verb in enumerate(_clause_verbs(tt, tok.i)):
        subj = next((c for c in kids[verb] if dep[c] in ("nsubj", "nsubjpass", "expl")), None)
        if tt.lemma[verb] in RULE_VERBS and subj is not None and tt.lemma[subj] in RULE_SUBJECTS:
            return f"rule statement: '{text[subj]} {text[verb]}'"
        modals = [c for c in kids[verb] if dep[c] == "aux" and lower[c] in GENERIC_MODALS]
        if modals and subj is not None and _generic_np(tt, subj):
            return f"generic statement: '{text[subj]} {text[modals[0]]}'"
        mark = next((c for c in kids[verb] if dep[c] in ("advmod", "mark") and lower[c] in HABITUAL_MARKS), None)
        # the trigger itself is only ever the first of the clause verbs
        if mark is not None and k == 0 and verb == tok.i and dep[verb] == "advcl" and tt.tag[verb] in ("VBZ", "VBP"):
            return f"habitual statement: '{text[mark]} ... {text[verb]}'"
        # a trigger inside a present-tense "when" clause about a kind of people ("hearings are
        # when defendants learn what they are accused of"): what happens to anyone, every time
        if (mark is not None and k > 0 and dep[verb] == "advcl" and tt.tag[verb] in ("VBZ", "VBP")
                and subj is not None and _generic_np(tt, subj)):
            return f"habitual statement: '{text[mark]} {text[subj]} {text[verb]} ...'"
        if k == 0 and verb == tok.i and _present(tt, verb):
            period = _frequency(tt, verb)
            if period is not None:
                return f"habitual statement: '{text[verb]} ... {text[period]}' (a rate, not an act)"
    return None


# Nouns of fear or chance whose "of" complement has not happened ("his fear of being
# extradited", "the risk of attack").
UNREALISED_NOUNS = frozenset("fear risk threat prospect possibility danger chance likelihood spectre specter".split())
# Adjectives that, as a noun trigger's modifier, say it has not happened ("future talks", "the
# eventual withdrawal", "a possible deal"); planned, proposed and scheduled acts are not among
# them (a report expects those: "the planned rally").  Not for violence, which crime reports
# put under doubt when it happened ("police are investigating a possible shooting").
UNREALISED_MODIFIERS = frozenset("future eventual possible potential prospective hypothetical would-be".split())
# Adjectives that, as the predicate over a trigger, say it may happen ("a sentence is possible
# upon conviction", "an attack is likely").
UNREALISED_ADJECTIVES = frozenset("possible likely unlikely impossible probable".split())
# Verbs whose infinitive complement is a purpose or a plot, not an act ("conspiring to hack",
# "was intended to shoot down").
PURPOSE_GOVERNORS = frozenset("conspire plot design intend aim scheme".split())
# Nouns whose infinitive complement is planned, pressed for or possible, not done
# ("pressure to outlaw", "a plot to kill", "the wrong place to intercept").
PLAN_NOUNS = frozenset(
    """pressure plan plot conspiracy scheme bid effort push proposal intention aim goal place way
    right power authority need chance opportunity ability capacity capability readiness
    case option means mandate incentive reason duty obligation resolve determination permission
    motive pretext""".split()
)
# Adjectives of need whose infinitive complement is called for, not done ("the changes
# necessary to protect the vulnerable and punish their abusers", "it is vital to stop them").
NEED_ADJECTIVES = frozenset("necessary needed required essential vital crucial imperative important".split())
# Determiners that name no particular act ("on any deal", "whatever sanctions follow"): the
# noun stands for a kind of act, so no event is reported.
ANY_DETERMINERS = frozenset("any whatever whichever".split())


# Predicates of wish or fear: their complement is an act wanted or shunned, not done ("Trump
# has been eager to withdraw", "the Americans wanted to raid a base", "wary of offering
# concessions").  Readiness and willingness are not among them: "France is ready to contribute
# troops", "Syria is willing to withdraw" are offers, which PLOVER codes (AGREE), and "unwilling
# to" a refusal (REJECT); nor is a plan, a schedule or a decision ("is set to announce",
# "decided to withdraw"): those name acts the report expects.
WISH_GOVERNORS = frozenset("want wish hope eager keen wary afraid desperate anxious".split())
# "would like to" wishes as "want to" does ("advisers would like to see China agree")
_CONDITIONAL_WISH = frozenset({"like", "love", "prefer"})
# verbs through whose clausal complement a wish reaches the act wished for: "want to see
# China agree", "hoping to see her give her backing", "wants them to negotiate"
_SEE_VERBS = frozenset({"see", "watch", "have", "get", "make"})
# how a trigger hangs below such a predicate: its infinitive or "of" gerund, and the objects
# of these ("reluctant to commit to a meeting": meeting < to < commit < reluctant)
_WISH_PATH = frozenset({"xcomp", "dobj", "pobj", "prep", "pcomp", "nsubjpass"})


def _wished(tok: Any) -> Optional[str]:
    """The cue when the trigger is an act wished for or shunned, not done (see
    :data:`WISH_GOVERNORS`); a negated predicate is none ("did not want to kill her" may tell
    a killing)."""
    tt = token_table(tok.doc)
    cur, seen_clause = tok.i, False
    for _ in range(_MAX_HOPS):
        head = tt.head[cur]
        via_see = tt.dep[cur] == "ccomp" and tt.lemma[head] in _SEE_VERBS and tt.dep[head] == "xcomp"
        if head == cur or (tt.dep[cur] not in _WISH_PATH and not via_see):
            return None
        if tt.dep[cur] in ("xcomp", "pcomp") or via_see:
            seen_clause = True
        wish = tt.lemma[head] in WISH_GOVERNORS or (
            tt.lemma[head] in _CONDITIONAL_WISH
            and any(tt.dep[c] == "aux" and tt.lower[c] in ("would", "'d") for c in tt.children[head]))
        if seen_clause and wish and not any(tt.dep[c] == "neg" for c in tt.children[head]):
            return f"wished or feared, not done: '{tt.text[head]} ... {tok.text}'"
        cur = head
    return None


def _infinitive(tok: Any) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


def _act_or_weapon(classes: frozenset) -> bool:
    """A noun of these semantic classes can name an act or its means: not a person, unless
    armed (troops and missiles are both "armed")."""
    return "person" not in classes or "armed" in classes


def _plan_infinitive(verb: Any, depth: int = 0) -> Optional[str]:
    """The cue when ``verb`` is the infinitive of a plan noun or a plotting verb, the purpose
    of a mere state ("the radars were there to intercept missiles": no act is reported, only
    what something is for), or the purpose or conjunct of such a planned infinitive ("under
    pressure to follow its neighbours to outlaw the trade and to bar ..."), else None."""
    if not _infinitive(verb):
        # a bare conjunct of an infinitive shares its "to" ("to shield the poor and prosecute ...")
        if verb.dep_ == "conj" and verb.tag_ == "VB" and verb.head is not verb and depth < _MAX_HOPS:
            return _plan_infinitive(verb.head, depth + 1)
        return None
    head = verb.head
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
        # also a conjunct of a plan noun ("the resolution and power to end the unrest")
        plan = next((h for h in (head, *head.conjuncts) if h.lemma_.lower() in PLAN_NOUNS or h.lower_ in PLAN_NOUNS), None)
        if plan is not None:
            return f"planned act: '{plan.text} to {verb.text}'"
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.lemma_.lower() in NEED_ADJECTIVES:
        return f"needed, not done: '{head.text} to {verb.text}'"
    # "he did not intend to kill her": the killing may well have happened
    if verb.dep_ == "xcomp" and head.lemma_.lower() in PURPOSE_GOVERNORS and not any(c.dep_ == "neg" for c in head.children):
        return f"planned act: '{head.text} to {verb.text}'"
    if verb.dep_ == "advcl" and head.lemma_.lower() == "be":
        return f"purpose of a state: '{head.text} ... to {verb.text}'"
    if verb.dep_ in ("advcl", "conj") and head is not verb and depth < _MAX_HOPS:
        return _plan_infinitive(head, depth + 1)
    return None


def unrealised(tok: Any, wishes: bool = True) -> Optional[str]:
    """The cue when the trigger names an act that has not happened, else None.

    * a **plan infinitive**: the complement of a noun of plan, pressure or means ("under
      pressure to outlaw organ sales", "a conspiracy to commit fraud", "in the wrong place
      to intercept") or of a verb of plotting or design ("conspired to hack").  A purpose
      clause is not one: "fighters crossed the border to reinforce the group" reports the
      reinforcement, "protesters gathered to demand his release" the demand.  A noun
      trigger that is the object of such an infinitive is planned with it ("intended to
      shoot down missiles");
    * the "of" complement of a noun of fear or chance ("his fear of being extradited");
    * a trigger under a predicate of possibility ("is possible upon conviction");
    * an act wished for or shunned ("eager to withdraw", "wary of offering
      concessions", "would like to see China agree": :data:`WISH_GOVERNORS`; not with
      ``wishes=False``: crime reports give the motive of a killing that happened, "he wanted
      to kill the children"), and a noun trigger under attributive doubt ("future talks",
      "the eventual withdrawal": :data:`UNREALISED_MODIFIERS`, also not with ``wishes=False``);
    * the infinitive of an adjective of need ("the changes necessary to punish them");
    * a noun trigger with "any" ("the final word on any deal"): a kind of act, none in particular.
    """
    # a noun trigger that names the act or its weapon takes the plan of the infinitive it is
    # the object of ("intended to shoot down missiles", "a plot to plant bombs"); a person
    # is no act ("efforts to persuade protesters": the protesters are real)
    if tok.pos_ == "NOUN":
        det = next((c for c in tok.children if c.dep_ == "det" and c.lower_ in ANY_DETERMINERS), None)
        if det is not None:
            return f"no particular act: '{det.text} {tok.text}'"
    noun_object = (tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass")
                   and _act_or_weapon(semantic_classes(tok)))
    verb = tok.head if noun_object else tok
    cue = _plan_infinitive(verb) or (_wished(tok) if wishes else None)
    if cue:
        return cue
    if wishes and tok.pos_ == "NOUN":
        mod = next((c for c in tok.children if c.dep_ == "amod" and c.lower_ in UNREALISED_MODIFIERS), None)
        if mod is not None:
            return f"not happened: '{mod.text} {tok.text}'"
    # the walk up the heads, on the TokenTable (a root is its own head: the Token walk, which
    # never found a head to be the very same object, read it again for each hop left)
    tt = token_table(tok.doc)
    dep, lemma, text, up = tt.dep, tt.lemma, tt.text, tt.head
    cur = tok.i
    for _ in range(_MAX_HOPS):
        head = up[cur]
        if dep[cur] in ("pobj", "pcomp") and tt.lower[head] == "of" and lemma[up[head]] in UNREALISED_NOUNS:
            return f"not happened: '{text[up[head]]} of ... {tok.text}'"
        if tt.pos[head] == "ADJ" and lemma[head] in UNREALISED_ADJECTIVES and dep[head] in ("acomp", "ROOT", "ccomp"):
            return f"possibility: '{text[head]}'"
        adj = next((c for c in tt.children[head] if dep[c] == "acomp" and lemma[c] in UNREALISED_ADJECTIVES), None)
        if lemma[head] == "be" and adj is not None:
            return f"possibility: '{text[head]} {text[adj]}'"
        if dep[cur] in ("ccomp", "advcl", "relcl", "parataxis"):
            break
        cur = head
    return None


__all__ = ["generic_statement", "unrealised"]
