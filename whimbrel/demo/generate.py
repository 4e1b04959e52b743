"""A generated corpus of news-like articles for speed benchmarks.

The articles are assembled from our own sentence templates (attacks, protests,
arrests, diplomacy, aid, threats...) with varied actors, places, dates and counts,
so that the extraction pipeline does realistic work.  They are not meant to be
true or even consistent; they are deterministic for a given ``seed``.

    python -m benchmarks.corpus 1000 --words 600 --seed 0 > bench.jsonl
    python benchmarks/corpus.py 200 -o bench.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date, timedelta
from typing import Optional

from whimbrel.records import Article

PLACES = [
    ("Aleppo", "Syria"), ("Idlib", "Syria"), ("Sanaa", "Yemen"), ("Marib", "Yemen"), ("Khartoum", "Sudan"),
    ("El Fasher", "Sudan"), ("Mopti", "Mali"), ("Gao", "Mali"), ("Maiduguri", "Nigeria"), ("Kaduna", "Nigeria"),
    ("Goma", "Congo"), ("Bunia", "Congo"), ("Kharkiv", "Ukraine"), ("Kherson", "Ukraine"), ("Mandalay", "Myanmar"),
    ("Sagaing", "Myanmar"), ("Cali", "Colombia"), ("Cucuta", "Colombia"), ("Mogadishu", "Somalia"), ("Kismayo", "Somalia"),
    ("Kandahar", "Afghanistan"), ("Peshawar", "Pakistan"), ("Quetta", "Pakistan"), ("Khan Younis", "Gaza"),
    ("Jenin", "the West Bank"), ("Niamey", "Niger"), ("Ouagadougou", "Burkina Faso"), ("Tripoli", "Libya"),
    ("Mosul", "Iraq"), ("Port-au-Prince", "Haiti"), ("Addis Ababa", "Ethiopia"), ("Juba", "South Sudan"),
]
ARMED = [
    "government forces", "the army", "rebel fighters", "suspected militants", "gunmen", "an armed group",
    "paramilitary forces", "separatist fighters", "security forces", "insurgents", "a local militia",
    "unidentified attackers", "jihadist fighters", "police",
]
OFFICIALS = [
    "the interior ministry", "a military spokesman", "the regional governor", "local officials", "police",
    "a hospital director", "the United Nations", "a rights group", "witnesses", "the health ministry",
    "the prime minister's office", "a local council member", "the defence ministry", "aid workers",
]
GOVERNMENTS = [
    "The United States", "The European Union", "Britain", "France", "Turkey", "Russia", "China", "The African Union",
    "Saudi Arabia", "Qatar", "Egypt", "Kenya", "India", "Germany", "The United Nations Security Council",
]
VICTIMS = ["civilians", "soldiers", "police officers", "villagers", "protesters", "fighters", "students", "aid workers", "farmers"]
WEAPONS = ["airstrikes", "artillery shelling", "a car bomb", "a roadside bomb", "drone strikes", "rocket fire", "a suicide bombing", "gunfire"]
TARGETS = ["a market", "a checkpoint", "a military base", "a school", "a mosque", "a bus station", "a village", "a hospital", "a convoy", "a camp for displaced people"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday", "yesterday", "overnight", "last week", "earlier this month"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a dozen", "dozens of", "scores of"]
VERBS_SAID = ["said", "said in a statement", "told reporters", "said on social media", "confirmed", "reported"]

TEMPLATES = [
    "{Armed} killed {count} {victims} in an attack on {target} in {place} {day}, {official} {said}.",
    "At least {num} people were killed and {num2} wounded when {weapon} hit {target} near {place}, {country}, {day}, according to {official}.",
    "{Official} {said} that {armed} had abducted {count} {victims} from {target} outside {place} {day}.",
    "Police arrested {num} {victims} during protests in {place} {day}, {official} {said}.",
    "Thousands of people marched peacefully through {place} {day} to demand an end to the violence, and no casualties were reported.",
    "{Government} condemned the attack and called on all sides to protect civilians in {country}.",
    "{Government} imposed sanctions on {num} commanders accused of abuses in {country}, {official} {said}.",
    "The two sides agreed to a ceasefire around {place} after talks mediated by {government}, {official} {said}.",
    "{Armed} reportedly withdrew from positions near {place} {day}, although the claim could not be independently verified.",
    "{Official} accused {armed} of shelling residential areas of {place}, an allegation they denied.",
    "{Government} warned that it would respond if attacks on its citizens in {country} continued.",
    "Aid agencies delivered food and medicine to {num} families displaced by fighting around {place}, {official} {said}.",
    "No group has claimed responsibility for the attack, but {armed} have carried out similar raids in the area.",
    "The violence in {country} has forced more than {big} people from their homes since last year, according to {official}.",
    "{Armed} claimed responsibility for {weapon} on {target} in {place}, saying it had targeted {victims}.",
    "Between {num} and {num3} people died in the clashes in {place} {day}, {official} {said}.",
    "Troops were deployed to {place} {day} after {armed} attacked {target}, {official} {said}.",
    "{Official} denied carrying out {weapon} on {place} and blamed {armed} for the deaths.",
    "Residents of {place} said they heard explosions {day} and saw smoke rising over {target}.",
    "Officials in {country} asked {government_lc} to help negotiate the release of {count} {victims} held by {armed}.",
]


def _sentence(rng: random.Random, place: tuple[str, str]) -> str:
    tpl = rng.choice(TEMPLATES)
    num = rng.randint(2, 60)
    gov = rng.choice(GOVERNMENTS)
    armed = rng.choice(ARMED)
    official = rng.choice(OFFICIALS)
    values = {
        "armed": armed,
        "Armed": armed[0].upper() + armed[1:],
        "official": official,
        "Official": official[0].upper() + official[1:],
        "government": gov[0].lower() + gov[1:] if gov.startswith("The ") else gov,
        "government_lc": gov[0].lower() + gov[1:] if gov.startswith("The ") else gov,
        "Government": gov,
        "count": rng.choice(NUMBER_WORDS + [str(rng.randint(2, 200))]),
        "num": num,
        "num2": rng.randint(1, 120),
        "num3": num + rng.randint(2, 30),
        "big": f"{rng.randint(10, 900) * 1000:,}",
        "victims": rng.choice(VICTIMS),
        "weapon": rng.choice(WEAPONS),
        "target": rng.choice(TARGETS),
        "place": place[0] if rng.random() < 0.7 else rng.choice(PLACES)[0],
        "country": place[1],
        "day": rng.choice(DAYS),
        "said": rng.choice(VERBS_SAID),
    }
    return tpl.format(**values)


def generate_one(rng: random.Random, index: int, words: int, seed: int) -> Article:
    """One generated article of about ``words`` words."""
    place = rng.choice(PLACES)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        para = " ".join(_sentence(rng, place) for _ in range(rng.randint(1, 3)))
        paragraphs.append(para)
        count += len(para.split())
    text = "\n\n".join(paragraphs)
    published = (date(2023, 1, 1) + timedelta(days=rng.randint(0, 729))).isoformat()
    return Article(
        id=f"bench-{seed}-{index:06d}",
        text=text,
        raw=text,
        title=f"Violence in {place[0]}, {place[1]}",
        published=published,
        url=f"https://example.org/bench/{seed}/{index}",
        publisher="Benchmark Wire",
        language="en",
        origin=f"benchmarks.corpus:{seed}:{index}",
    )


def generate(n: int, words: int = 600, seed: int = 0) -> list[Article]:
    """``n`` generated news-like articles of about ``words`` words each (deterministic by ``seed``)."""
    rng = random.Random(seed)
    return [generate_one(rng, i, words, seed) for i in range(n)]


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Write a generated benchmark corpus as JSONL.")
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("--words", type=int, default=600, help="approximate words per article")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", help="output file (default: stdout)")
    args = parser.parse_args(argv)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        for art in generate(args.n, args.words, args.seed):
            rec = art.model_dump(exclude={"raw", "origin"})
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
