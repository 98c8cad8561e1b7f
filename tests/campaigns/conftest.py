from tests.plans.conftest import client_for, world  # noqa: F401 - fixtures
