"""The Dask worker plugin (imported only when ``--engine dask`` runs: distributed is optional)."""

from __future__ import annotations

from distributed.diagnostics.plugin import WorkerPlugin

from .worker import PipelinePlugin


class DaskPipelinePlugin(PipelinePlugin, WorkerPlugin):
    """Builds the worker's pipeline once, when the worker starts (or joins later)."""


__all__ = ["DaskPipelinePlugin"]
