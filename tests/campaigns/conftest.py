from tests.plans.helpers import client_for, world  # noqa: F401 - fixtures
