"""The cues outside left-out ranges: the whole sentence's cues when no phrase word is left out."""

from __future__ import annotations


def test_cues_outside_equal_the_blanked_match(nlp):
    from whimbrel.stages import acled_cues

    doc = nlp("Riot police in the northern town fired rubber bullets at a crowd of striking miners on Tuesday. "
              "Armed men on motorbikes abducted eleven traders near a market and burned two trucks. "
              "The bodies of four farmers were found after the raid, a local official told reporters.")
    for sent in doc.sents:
        forms = acled_cues._sentence_forms(doc, sent.start, sent.end)
        ranges = [(i, j) for i in range(sent.start, sent.end) for j in (i + 1, i + 3) if j <= sent.end]
        ranges += [(sent.start - 2, sent.start + 2), (sent.end - 1, sent.end + 3)]
        for lo, hi in ranges:
            want = acled_cues._cues_outside(forms, sent.start, [(lo, hi)])
            assert acled_cues._sentence_cues_outside(sent, [(lo, hi)]) == want, (lo, hi)
