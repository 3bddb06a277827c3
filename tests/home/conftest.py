# The home page shows news, guides and venues; it uses the information point's test helpers.
from tests.infopoint.conftest import make_venue  # noqa: F401
