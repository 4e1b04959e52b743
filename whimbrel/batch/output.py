"""The batch output folder: Parquet tables partitioned by month, and the manifest.

::

    OUT/manifest.json
    OUT/articles/month=2024-03/part-00007.parquet      (skipped inputs: month=unknown)
    OUT/mentions/month=2024-03/part-00007.parquet
    OUT/events/month=2024-03/events.parquet            (written by the merge step)
    OUT/event_mentions/month=2024-03/events.parquet
    OUT/syndication/syndication.parquet
    OUT/names/names.parquet                            (every report's proper names)

A partition's files are written under a temporary name and renamed into place; the
partition counts as finished only once the manifest (itself replaced atomically) lists it
with its files and their sizes.  On the next run, files of a partition the manifest does not
list as finished, or whose sizes differ, are half-written: they are deleted and redone.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..errors import ConfigError
from ..records import Note

MANIFEST = "manifest.json"
FORMAT = "whimbrel-batch"
PART_TABLES = ("articles", "mentions")
MERGE_TABLES = ("events", "event_mentions", "syndication", "names")


@dataclass
class PartitionInfo:
    """A finished partition: what it held and the files it wrote (relative path → bytes)."""

    index: int
    items: int
    digest: str
    articles: int = 0
    skips: int = 0
    mentions: int = 0
    files: dict[str, int] = field(default_factory=dict)
    skip_codes: dict[str, int] = field(default_factory=dict)
    warnings: list[Note] = field(default_factory=list)  # the refused values of its articles (E208...)

    def to_json(self) -> dict[str, Any]:
        return {"index": self.index, "items": self.items, "digest": self.digest, "articles": self.articles,
                "skips": self.skips, "mentions": self.mentions, "files": self.files,
                "skip_codes": self.skip_codes,
                # the lines for people (the form manifests have always held) and the notes themselves
                "warnings": [n.line() for n in self.warnings], "notes": [n.to_json() for n in self.warnings]}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "PartitionInfo":
        return cls(index=int(d["index"]), items=int(d["items"]), digest=str(d["digest"]),
                   articles=int(d.get("articles", 0)), skips=int(d.get("skips", 0)),
                   mentions=int(d.get("mentions", 0)), files=dict(d.get("files", {})),
                   skip_codes=dict(d.get("skip_codes", {})), warnings=_notes(d))


_LINE = re.compile(r"(?:(?P<origin>.+?): )?\[(?P<code>[^\]]*)\] ?(?P<message>.*?)(?: — (?P<hint>.*))?", re.S)


def _notes(d: dict[str, Any]) -> list[Note]:
    """A partition's notes; a manifest written before they were kept has only their lines
    (``ORIGIN: [CODE] message — hint``), read back into notes that print the same line."""
    if "notes" in d:
        return [Note.model_validate(n) for n in d["notes"]]
    out = []
    for line in d.get("warnings", []):
        m = _LINE.fullmatch(str(line))
        out.append(Note(code=m["code"], field="", origin=m["origin"], message=m["message"], hint=m["hint"])
                   if m else Note(code="", field="", message=str(line)))
    return out


@dataclass
class Manifest:
    """What an output folder holds and how it was made."""

    versions: dict[str, str]
    settings: dict[str, Any]
    settings_digest: str
    partition_size: int
    inputs: list[dict[str, Any]] = field(default_factory=list)
    partitions: dict[int, PartitionInfo] = field(default_factory=dict)
    merge: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "versions": self.versions, "settings": self.settings,
                "settings_digest": self.settings_digest, "partition_size": self.partition_size,
                "inputs": self.inputs,
                "partitions": [self.partitions[k].to_json() for k in sorted(self.partitions)],
                "merge": self.merge}

    @classmethod
    def from_json(cls, d: dict[str, Any], origin: str) -> "Manifest":
        if d.get("format") != FORMAT:
            raise ConfigError(f"{origin} is not a whimbrel batch manifest", origin=origin)
        try:
            parts = {int(p["index"]): PartitionInfo.from_json(p) for p in d.get("partitions", [])}
            return cls(versions=dict(d["versions"]), settings=dict(d["settings"]),
                       settings_digest=str(d["settings_digest"]), partition_size=int(d["partition_size"]),
                       inputs=list(d.get("inputs", [])), partitions=parts, merge=dict(d.get("merge", {})))
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"damaged batch manifest: {exc}", origin=origin,
                              hint="Remove the output folder, or write to a new one.") from exc


class Output:
    """The output folder ``root``."""

    def __init__(self, root: str):
        self.root = Path(root)

    @property
    def manifest_path(self) -> Path:
        return self.root / MANIFEST

    def read_manifest(self) -> Optional[Manifest]:
        if not self.manifest_path.exists():
            return None
        try:
            data = json.loads(self.manifest_path.read_text("utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise ConfigError(f"cannot read the batch manifest: {exc}", origin=str(self.manifest_path),
                              hint="Remove the output folder, or write to a new one.") from exc
        return Manifest.from_json(data, str(self.manifest_path))

    def write_manifest(self, manifest: Manifest) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps(manifest.to_json(), indent=1, sort_keys=True), "utf-8")
        os.replace(tmp, self.manifest_path)

    @staticmethod
    def part_name(index: int) -> str:
        return f"part-{index:05d}.parquet"

    def table_file(self, table: str, month: str, name: str) -> Path:
        return self.root / table / f"month={month}" / name

    def write_part(self, table: str, month: str, name: str, rows: list[dict[str, Any]]) -> tuple[str, int]:
        """Write one file atomically (temporary name, then rename); returns (relative path, bytes)."""
        from ..tables import write_table

        final = self.table_file(table, month, name)
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = final.with_name("." + final.name + ".tmp")
        write_table(table, rows, str(tmp))
        os.replace(tmp, final)
        return str(final.relative_to(self.root)), final.stat().st_size

    def files_of(self, index: int) -> list[Path]:
        """Every file a partition may have written (finished or not)."""
        name = self.part_name(index)
        return [p for t in PART_TABLES for p in (self.root / t).glob(f"month=*/{name}")] + \
               [p for t in PART_TABLES for p in (self.root / t).glob(f"month=*/.{name}.tmp")]

    def is_intact(self, info: PartitionInfo) -> bool:
        """All files the manifest lists for a partition are there, with their sizes."""
        for rel, size in info.files.items():
            p = self.root / rel
            if not p.exists() or p.stat().st_size != size:
                return False
        return True

    def clear_partition(self, index: int) -> int:
        """Delete a partition's files (a half-written one); returns how many were removed."""
        n = 0
        for p in self.files_of(index):
            p.unlink()
            n += 1
        return n

    def stray_temporaries(self) -> list[Path]:
        return sorted(self.root.glob("*/month=*/.*.tmp"))

    def merge_dir(self, staging: bool) -> Path:
        return self.root / ("_merge.tmp" if staging else "_merged")

    def swap_merge(self) -> None:
        """Move the staged merge tables into place (events, event_mentions, syndication)."""
        staged = self.merge_dir(True)
        for table in MERGE_TABLES:
            old = self.root / table
            if old.exists():
                shutil.rmtree(old)
            if (staged / table).exists():
                os.replace(staged / table, old)
        shutil.rmtree(staged, ignore_errors=True)


__all__ = ["FORMAT", "MANIFEST", "Manifest", "Output", "PartitionInfo"]
