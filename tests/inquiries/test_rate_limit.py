"""Who an inquiry comes from, behind the site's reverse proxy, and how many one buyer may send in an hour."""

import re

from django.test import override_settings

from inquiries.models import Inquiry, hash_ip

NGINX = "127.0.0.1"
TRADE_FAIR_WIFI = "203.0.113.50"


def post_as(client, url, data, *, peer, forwarded_for=None, user_agent="Mozilla/5.0 (test)", **overrides):
    headers = {"REMOTE_ADDR": peer, "HTTP_USER_AGENT": user_agent}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post(url, {**data, **overrides}, **headers)


@override_settings(TRUSTED_PROXIES=[NGINX, "10.0.0.0/8"])
def test_forwarded_for_is_believed_only_from_a_trusted_proxy(client, product, new_inquiry_url, inquiry_data):
    url = new_inquiry_url(product)

    # Straight to the app server: the header is whatever the client made up.
    post_as(client, url, inquiry_data, peer="198.51.100.7", forwarded_for="192.0.2.1")
    # Through nginx (and a load balancer in 10/8): the client's own guess on the left is not believed.
    post_as(client, url, inquiry_data, peer=NGINX, forwarded_for="192.0.2.1, 198.51.100.9, 10.1.2.3")

    spoofed, proxied = Inquiry.objects.order_by("pk")
    assert spoofed.ip_hash == hash_ip("198.51.100.7")
    assert proxied.ip_hash == hash_ip("198.51.100.9")


@override_settings(TRUSTED_PROXIES=[NGINX], INQUIRY_RATE_LIMIT_PER_EMAIL=5, INQUIRY_RATE_LIMIT_PER_IP=60)
def test_twenty_buyers_at_one_trade_fair_each_send_an_inquiry(client, product, new_inquiry_url, inquiry_data):
    for number in range(20):
        response = post_as(
            client,
            new_inquiry_url(product),
            inquiry_data,
            peer=NGINX,
            forwarded_for=TRADE_FAIR_WIFI,
            user_agent=f"Mozilla/5.0 (buyer {number})",
            email=f"buyer{number}@importer.example",
        )
        assert response.status_code == 302, number

    assert Inquiry.objects.count() == 20


@override_settings(TRUSTED_PROXIES=[NGINX], INQUIRY_RATE_LIMIT_PER_EMAIL=5)
def test_one_address_past_its_limit_is_refused_and_told_when_to_retry(
    client, product, new_inquiry_url, inquiry_data
):
    # The same buyer from different networks and browsers: the e-mail address is still theirs.
    for number in range(5):
        response = post_as(
            client,
            new_inquiry_url(product),
            inquiry_data,
            peer=NGINX,
            forwarded_for=f"198.51.100.{number + 1}",
            user_agent=f"Mozilla/5.0 (device {number})",
            email="Spammy@Importer.example" if number % 2 else "spammy@importer.example",
        )
        assert response.status_code == 302

    refused = post_as(
        client,
        new_inquiry_url(product),
        inquiry_data,
        peer=NGINX,
        forwarded_for="198.51.100.77",
        email="spammy@importer.example",
    )

    assert refused.status_code == 429
    html = refused.content.decode()
    minutes = int(re.search(r"Please try again in (\d+) minutes?", html).group(1))
    assert 1 <= minutes <= 60
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert Inquiry.objects.count() == 5


@override_settings(TRUSTED_PROXIES=[NGINX], INQUIRY_RATE_LIMIT_PER_EMAIL=50, INQUIRY_RATE_LIMIT_PER_IP=3)
def test_one_address_has_a_ceiling_for_all_its_buyers(client, product, new_inquiry_url, inquiry_data):
    statuses = [
        post_as(
            client,
            new_inquiry_url(product),
            inquiry_data,
            peer=NGINX,
            forwarded_for=TRADE_FAIR_WIFI,
            user_agent=f"Mozilla/5.0 (bot {number})",
            email=f"bot{number}@spam.example",
        ).status_code
        for number in range(4)
    ]

    assert statuses == [302, 302, 302, 429]
