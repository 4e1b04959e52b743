"""`whimbrel actors lookup NAME`: resolve a noun phrase against the actor knowledge base."""

from __future__ import annotations

import json

import click


@click.group("actors")
def actors_group() -> None:
    """Look actors up in the knowledge base (docs/actors.md)."""


@actors_group.command("lookup")
@click.argument("name", nargs=-1, required=True)
@click.option("--context", "context_country", default=None, help="country of the article (code or name) for generic roles")
@click.option("--actors", "extra", default=None, help="extra actor file layered over the bundled one")
@click.option("--explain", is_flag=True, help="print the matching steps")
@click.option("--json", "as_json", is_flag=True, help="print the Entity as JSON")
def lookup(name: tuple[str, ...], context_country: str | None, extra: str | None, explain: bool, as_json: bool) -> None:
    """Resolve NAME (e.g. "the Iranian-backed Kataib Hezbollah militia") to name, code and sector."""
    from ..knowledge.actors import ActorKB

    kb = ActorKB.load(extra)
    text = " ".join(name)
    entity = kb.resolve(text, context_country=context_country)
    if as_json:
        click.echo(json.dumps(entity.to_json(), ensure_ascii=False))
    else:
        click.echo(f"text:   {entity.text}")
        click.echo(f"name:   {entity.name or '-'}")
        click.echo(f"code:   {entity.code or '-'}")
        click.echo(f"sector: {entity.sector or '-'}")
        click.echo(f"id:     {entity.id or '-'}")
        actor = kb.get(entity.id) if entity.id else None
        if actor is not None:
            for label, value in (("office", actor.office), ("active", actor.active), ("parent", actor.parent),
                                 ("sponsors", ", ".join(actor.sponsors))):
                if value:
                    click.echo(f"{label + ':':<10}{value}")
    if explain:
        for step in kb.explain(text, context_country=context_country):
            click.echo(f"  - {step}")


commands = [actors_group]
