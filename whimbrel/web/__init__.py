"""whimbrel's web dashboard and HTTP API (``whimbrel serve``); see docs/api.md and docs/dashboard.md."""

from .app import create_app

__all__ = ["create_app"]
