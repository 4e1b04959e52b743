"""`whimbrel codebook`: print the codebook (event types, modes, contexts, sectors,
mappings, trigger lexicon) as Markdown or JSON."""

from __future__ import annotations

import json

import click


@click.command("codebook")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "json"]),
    default="md",
    show_default=True,
    help="md: the document in docs/codebook.md; json: the same content as one JSON object.",
)
def codebook_cmd(fmt: str) -> None:
    """Print whimbrel's codebook: the 16 PLOVER event types with their modes, quad
    classes, CAMEO roots, ACLED types and intensities; contexts; sectors; the CAMEO
    and KAIROS mappings; and the trigger lexicon.

    Regenerate the documentation with: whimbrel codebook > docs/codebook.md
    """
    from .. import codebook

    if fmt == "json":
        click.echo(json.dumps(codebook.as_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(codebook.render_markdown(), nl=False)


commands = [codebook_cmd]
