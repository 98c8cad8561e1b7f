"""`flask --app wsgi jobs worker [--burst]`: an RQ worker of the export jobs (production runs one
or more under systemd; docs/deployment.md). Needs JOBS_REDIS_URL."""

import click
from flask import current_app
from flask.cli import AppGroup

jobs_cli = AppGroup("jobs", help="Background jobs (exports).")


@jobs_cli.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
def worker_command(burst):
    """Run the jobs of the queue (RQ on JOBS_REDIS_URL)."""
    from digiweb.jobs import runner

    url = current_app.config.get("JOBS_REDIS_URL")
    if not url:
        raise click.UsageError("JOBS_REDIS_URL is not set: the web process runs the jobs itself")
    worker = runner.worker(current_app._get_current_object(), runner._redis(url))
    # with_scheduler: the retries wait their interval in RQ's scheduled registry
    worker.work(burst=burst, with_scheduler=True)


def register(app) -> None:
    app.cli.add_command(jobs_cli)
