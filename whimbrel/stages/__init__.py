"""The stages of the article → events pipeline, and the helpers each one uses.

Stages (classes with ``name``, ``needs`` and ``gives``; ``whimbrel pipeline`` lists them):

=============  =========================================================================
module         role
=============  =========================================================================
read           before the pipeline: files, folders, feeds, JSONL, stdin → Article | Skip
clean          stage ``clean``: raw text or HTML → main text in English (article → text)
nlp            stage ``nlp``: spaCy parse, batched (text → doc)
resolve        stages ``places`` (doc → places) and ``resolve``
               (doc, places, mentions.raw → mentions.resolved)
triggers       stage ``triggers``: lexicon triggers → mentions (doc → mentions.raw)
merge          stage ``merge``: an article's mentions of one incident → one Event
               (mentions.resolved → events)
screen         stage ``screen``: relevance, trigger senses, political actors, generic
               statements, confidence; held-back events keep a reason (doc, mentions, events → events)
=============  =========================================================================

Helpers (functions, no stage of their own; each names the stage that calls it):

=============  =========================================================================
arguments      resolve: actor and recipient heads from the dependency parse
frames         resolve: PLOVER verbal frames (promise, threat, demand, refusal)
dates          resolve: time expressions against the publication date, with precision
numbers        counts: numbers in words and digits → Count(low, best, high)
counts         resolve: dead / injured / arrested figures and whom they count
counts_lexicon counts: who is counted when no figure is written; wounds and holders
claims         resolve: who says so (reporting verbs, quotes, "according to", hedges)
quotes         claims: quotations and their speakers, pronoun sources
modality       resolve, claims: asserted, negated, hypothetical, future, historical
senses         screen: the trigger-sense table and argument semantic classes
generic        screen: rule and normative statements (modality generic)
confidence     screen: logistic relevance and confidence models, fitting, reliability
=============  =========================================================================
"""
