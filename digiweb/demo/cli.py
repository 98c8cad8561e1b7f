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


@demo_cli.command("scale")
@click.option(
    "--projects",
    "count",
    type=click.IntRange(min=0),
    required=True,
    help="How many synthetic projects to add (years 2015-2020).",
)
@click.option("--seed", type=int, default=None, help="Seed of the random draw (reproducible).")
def scale_command(count, seed):
    """Add synthetic projects over earlier years, for benchmarks (never touches 2021)."""
    from digiweb.demo.scale import PROGRESS_EVERY, scale_projects

    shown = [0]

    def progress(done, total, seconds):
        if done - shown[0] >= PROGRESS_EVERY or done == total:
            shown[0] = done
            click.echo(f"{done}/{total} projects ({seconds:.1f} s)")

    summary = scale_projects(count, seed=seed, progress=progress)
    for line in summary.lines():
        click.echo(line)


def register(app) -> None:
    app.cli.add_command(demo_cli)
