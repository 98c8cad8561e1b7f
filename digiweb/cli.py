"""Registers every area's command-line commands on the app (`flask --app wsgi ...`)."""

import importlib

CLI_MODULES = (
    "digiweb.audit.cli",
    "digiweb.auth.cli",
    "digiweb.auth.tokens_cli",
    "digiweb.backup",
    "digiweb.demo.cli",
    "digiweb.jobs.cli",
    "digiweb.dashboard.cli",
    "digiweb.reports.cli",
)


def register_commands(app) -> None:
    for name in CLI_MODULES:
        importlib.import_module(name).register(app)
