"""Hand-built articles and events for the store, dedupe and export tests."""

from __future__ import annotations

from typing import Iterable, Optional, Sequence

from whimbrel.records import Article, Claim, Count, DateRef, Entity, Event, Place, Size, Skip, Span
from whimbrel.settings import Settings

PLACES = {
    "aleppo": ("Aleppo", "SY", 36.2021, 37.1343, "Aleppo"),
    "idlib": ("Idlib", "SY", 35.9306, 36.6339, "Idlib"),
    "damascus": ("Damascus", "SY", 33.5102, 36.2913, "Damascus"),
    "gary": ("Gary", "US", 41.5934, -87.3464, "Indiana"),
    "chicago": ("Chicago", "US", 41.8500, -87.6500, "Illinois"),
    "austin": ("Austin", "US", 30.2672, -97.7431, "Texas"),
}


def place(key: str) -> Place:
    name, cc, lat, lon, adm = PLACES[key]
    return Place(text=name, name=name, country_code=cc, lat=lat, lon=lon, admin1=adm, precision="city")


def event(
    article_id: str,
    *,
    etype: str = "ASSAULT",
    day: Optional[str] = "2024-03-02",
    where: Optional[str] = "aleppo",
    dead: Optional[int] = None,
    injured: Optional[int] = None,
    actors: Sequence[str] = (),
    victims: Sequence[str] = (),
    sentence: str = "An air strike hit a market.",
    start: int = 0,
    claimant: Optional[str] = None,
    hedged: bool = False,
) -> Event:
    span = Span(sentence=0, start=start, end=start + len(sentence), text=sentence)
    claims = ()
    if claimant:
        claims = (Claim(claimant=Entity(text=claimant, name=claimant), text="said", hedged=hedged, cue="said"),)
    return Event(
        id=Event.make_id(article_id, etype, start, start + len(sentence)),
        article_id=article_id,
        event_type=etype,
        actor=tuple(Entity(text=a, name=a, sector="MIL") for a in actors),
        recipient=tuple(Entity(text=v, name=v, sector="CVL") for v in victims),
        date=DateRef(text="Saturday", value=day, precision="day") if day else None,
        location=place(where) if where else None,
        size=Size(dead=Count(best=dead, low=dead, high=dead) if dead is not None else None,
                  injured=Count(best=injured, low=injured, high=injured) if injured is not None else None),
        claims=claims,
        quad_class=4 if etype == "ASSAULT" else 3,
        intensity=-9.0 if etype == "ASSAULT" else -4.0,
        trigger="strike",
        mentions=(span,),
    )


def article(aid: str, text: str, *, published: str = "2024-03-03", publisher: Optional[str] = None,
            title: Optional[str] = None) -> Article:
    return Article(id=aid, text=text, raw=text, published=published, publisher=publisher or f"pub-{aid}",
                   title=title, origin=f"test:{aid}")


class FakeExtractor:
    """Stands in for whimbrel.extract_many: events looked up by article id."""

    def __init__(self, events: dict[str, list[Event]]):
        self.events = events
        self.calls = 0

    def __call__(self, items: Iterable, settings: Optional[Settings] = None):
        for item in items:
            if isinstance(item, Skip):
                yield item, item
                continue
            self.calls += 1
            yield item, list(self.events.get(item.id, []))


def settings(tmp_path) -> Settings:
    return Settings(db=str(tmp_path / "w.db"), data_dir=str(tmp_path), batch_size=4)


WIRE = (
    "Government aircraft struck a crowded vegetable market in the northern city of Aleppo on Saturday "
    "killing at least twelve civilians and wounding dozens more according to rescue workers who pulled "
    "bodies from the rubble for hours while residents searched for relatives among the collapsed stalls "
    "and the local health directorate appealed for blood donations as hospitals filled with the injured "
    "and the opposition council called the attack a massacre of people buying food for the holiday."
)
