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


def run_with_mail_settings(code, port, timeout=None):
    """Run `code` in a new Python with the site's settings, mail to 127.0.0.1:`port`; its stdout."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"EMAIL_TIMEOUT", "DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="storefront.settings.dev",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        EMAIL_USE_TLS="0",
    )
    if timeout:
        env["EMAIL_TIMEOUT"] = timeout
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_sending_gives_up_on_a_mail_server_that_never_answers(silent_mail_server):
    output = run_with_mail_settings(SEND, silent_mail_server, timeout="2")

    assert "failed:" in output and "timed out" in output, output
    elapsed = float(output.split("seconds:")[1])
    assert 2 <= elapsed < 2 + 5


def test_without_email_timeout_set_sending_gives_up_after_ten_seconds(silent_mail_server):
    """The wait itself is shown above with two seconds; here, that ten is what the SMTP connection gets."""
    code = (
        "import django; django.setup()\n"
        "from django.core.mail import get_connection\n"
        "print(get_connection().timeout)\n"
    )

    assert run_with_mail_settings(code, silent_mail_server).strip() == "10"
