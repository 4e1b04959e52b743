"""Read-only access to the event store for the web server.

Every request opens its own SQLite connection with ``mode=ro`` (a URI), so the
server can never write through a read, and in WAL mode a reader never waits for
an ingest that is writing beside it: it sees the last committed state.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Optional, Union

from ..errors import StoreUnavailable
from ..store import Store
from ..store.migrations import MIGRATIONS, current_version


class ReadOnlyStore(Store):
    """A :class:`~whimbrel.store.Store` opened read-only (no migration, no writes).

    It inherits the store's read methods (``get_event``, ``get_article``,
    ``search``, ``counts``...), so the API reads through the same code as the CLI.
    """

    def __init__(self, path: Union[str, Path], *, timeout: float = 5.0,  # noqa: D107 - no super().__init__
                 query_seconds: Optional[float] = None):
        self.path = str(path)
        if not Path(self.path).is_file():
            raise StoreUnavailable(f"no event store at {self.path}")
        uri = Path(self.path).resolve().as_uri() + "?mode=ro"
        try:
            self.conn = sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False,
                                        isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA query_only=ON")
            self.version = current_version(self.conn)
            if query_seconds:
                self.limit_time(query_seconds)
        except sqlite3.Error as exc:
            raise StoreUnavailable(f"cannot read the store at {self.path}: {exc}") from exc
        if self.version != len(MIGRATIONS):
            self.conn.close()
            raise StoreUnavailable(
                f"the store at {self.path} has schema version {self.version}, this whimbrel reads {len(MIGRATIONS)}"
            )

    def limit_time(self, seconds: float) -> None:
        """Stop the reads of this connection once they have used ``seconds`` of CPU time in one
        thread (``sqlite3.OperationalError: interrupted``, which the server answers with E709).

        CPU time, not wall time: under load a cheap read can wait long for a core, and it must
        not be stopped for that; an expensive one is stopped however busy the machine is.
        """
        started: dict[int, float] = {}

        def check() -> int:
            now = time.thread_time()
            return 1 if now - started.setdefault(threading.get_ident(), now) > seconds else 0

        self.conn.set_progress_handler(check, 20_000)

    def write(self):  # type: ignore[override]
        raise StoreUnavailable("this store is opened read-only")


def prepare_store(path: Union[str, Path]) -> None:
    """Create or migrate the store once, read-write, before the server starts reading it."""
    with Store(path):
        pass


__all__ = ["ReadOnlyStore", "prepare_store"]
