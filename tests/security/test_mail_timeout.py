"""A mail server that accepts the connection and never answers: sending gives up after EMAIL_TIMEOUT."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
# Times only the sending, not Django's start-up, which a busy machine makes slow.
SEND = (
    "import time, django; django.setup()\n"
    "from django.core.mail import send_mail\n"
    "started = time.monotonic()\n"
    "try:\n"
    "    send_mail('Subject', 'Body', None, ['buyer@importer.example'])\n"
    "except Exception as exc:\n"
    "    print('failed:', exc)\n"
    "print('seconds:', time.monotonic() - started)\n"
)


@pytest.fixture
def silent_mail_server():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)  # connections are accepted by the kernel; nobody ever says hello
    yield server.getsockname()[1]
    server.close()


@pytest.mark.parametrize(("configured", "expected"), [(None, 10), ("2", 2)])
def test_sending_gives_up_on_a_mail_server_that_never_answers(silent_mail_server, configured, expected):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"EMAIL_TIMEOUT", "DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="storefront.settings.dev",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(silent_mail_server),
        EMAIL_USE_TLS="0",
    )
    if configured:
        env["EMAIL_TIMEOUT"] = configured

    result = subprocess.run(
        [sys.executable, "-c", SEND], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )

    assert "failed:" in result.stdout and "timed out" in result.stdout, result.stderr
    elapsed = float(result.stdout.split("seconds:")[1])
    assert expected <= elapsed < expected + 5
