"""Guessing admin passwords: a username is locked out from an address after too many wrong ones, and
password-reset e-mails cannot be sent without end."""

import pytest

from django.test import override_settings

NGINX = "127.0.0.1"


@pytest.fixture
def curator(django_user_model):
    return django_user_model.objects.create_superuser("curator", "curator@example.com", "right-password-2026")


def sign_in(client, password, *, address="198.51.100.20", username="curator"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=NGINX,
        HTTP_X_FORWARDED_FOR=address,
    )


@override_settings(AXES_FAILURE_LIMIT=5, TRUSTED_PROXIES=[NGINX])
def test_after_too_many_wrong_passwords_the_right_one_is_refused(client, curator):
    for attempt in range(5):
        assert sign_in(client, f"guess-{attempt}").status_code in (200, 429)

    refused = sign_in(client, "right-password-2026")

    assert refused.status_code == 429
    assert "Too many wrong passwords were tried for this account" in refused.content.decode()
    assert "_auth_user_id" not in client.session
    # The lockout is of this username from this address: the curator at the office still signs in.
    assert sign_in(client, "right-password-2026", address="203.0.113.7").status_code == 302


@override_settings(PASSWORD_RESET_RATE_LIMIT_PER_EMAIL=3, PASSWORD_RESET_RATE_LIMIT_PER_IP=20)
def test_password_reset_sends_at_most_three_emails_an_hour_to_one_address(client, curator, mailoutbox):
    for _ in range(6):
        response = client.post("/admin/password_reset/", {"email": "curator@example.com"})
        assert response.status_code == 302  # the same answer every time: nothing to learn from it

    assert len(mailoutbox) == 3


@override_settings(
    PASSWORD_RESET_RATE_LIMIT_PER_EMAIL=3, PASSWORD_RESET_RATE_LIMIT_PER_IP=4, TRUSTED_PROXIES=[NGINX]
)
def test_password_reset_requests_from_one_address_are_limited(client, django_user_model, mailoutbox):
    for number in range(6):
        django_user_model.objects.create_user(f"maker{number}", f"maker{number}@example.com", "pw")
        client.post(
            "/admin/password_reset/",
            {"email": f"maker{number}@example.com"},
            REMOTE_ADDR=NGINX,
            HTTP_X_FORWARDED_FOR="198.51.100.20",
        )

    assert len(mailoutbox) == 4
