"""Batch runs at scale: ``whimbrel batch`` on a process pool or a Dask cluster (docs/scaling.md)."""

from .load import load_batch
from .merge import read_events
from .run import BatchSummary, run_batch

__all__ = ["BatchSummary", "load_batch", "read_events", "run_batch"]
