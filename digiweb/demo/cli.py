import click
from flask.cli import AppGroup

from digiweb.demo import services

demo_cli = AppGroup("demo", help="Demo data of the 2021 questionnaire.")


@demo_cli.command("load")
@click.option("--reset", is_flag=True, help="Delete every record first (asks no question).")
def load_command(reset):
    """Load the demo data of the seed (idempotent)."""
    summary = services.load_demo(reset=reset)
    for line in summary:
        click.echo(line)


def register(app) -> None:
    app.cli.add_command(demo_cli)
