"""The security checks sign in as the vendors tests' makers A and B (tests/vendors/conftest.py)."""

from tests.vendors.conftest import (  # noqa: F401
    client_a,
    curator,
    curator_client,
    maker_a,
    maker_b,
    review,
    shared_makers,
)
