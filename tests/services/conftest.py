import pytest

from tests.services.factories import make_organisation


@pytest.fixture
def organisation(lunetten):
    return make_organisation(lunetten, "Buurtteam Lunetten", phone="030 111 22 33")


@pytest.fixture
def buurthuis(make_venue):
    return make_venue("Buurthuis De Ster", latitude="52.06170", longitude="5.13920")
