"""whimbrel's command line: thin click commands over the public functions.

Each module listed in ``COMMAND_MODULES`` exposes ``commands``, a list of click
commands (or groups) added to the ``whimbrel`` group.  Errors from the
:mod:`whimbrel.errors` tree become one-line messages and their exit codes.
"""

from __future__ import annotations

import importlib
import sys

import click

from ..errors import WhimbrelError

COMMAND_MODULES = (
    "codebook",
    "extract",
    "pipeline",
    "geoparse",
    "gazetteer",
    "evaluate",
    "store",
    "actors",
    "demo",
    "batch",
    "serve",
)


class _Group(click.Group):
    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except WhimbrelError as err:
            click.echo(f"whimbrel: {err}", err=True)
            sys.exit(err.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="whimbrel")
def main() -> None:
    """whimbrel: news reports of conflict and political events → structured, attributed events.

    Run `whimbrel COMMAND --help` for the manual of each command.
    """


for _name in COMMAND_MODULES:
    _mod = importlib.import_module(f"{__name__}.{_name}")
    for _cmd in _mod.commands:
        main.add_command(_cmd)
