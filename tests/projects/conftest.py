"""The project-list tests' world (tests/projects/listing.py) and its reviewer's client."""

import pytest

from tests.factories import log_in
from tests.projects.listing import build_world


@pytest.fixture
def world(app):
    return build_world()


@pytest.fixture
def reviewer(client, world):
    """A client logged in (in French) as the world's reviewer."""
    return log_in(client, world.reviewer, "fr")
