"""A stand-in for the few Stripe API endpoints the orders app calls, served on a local port for tests."""

import re
import secrets
from urllib.parse import parse_qsl

from tests.standin import JSONHandler, LocalServer


def _nested(flat):
    """Stripe's form encoding (line_items[0][price_data][unit_amount]=…) back into dicts and lists."""
    root = {}
    for key, value in flat:
        parts = re.findall(r"[^\[\]]+", key)
        node = root
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value

    def listify(node):
        if isinstance(node, dict):
            node = {k: listify(v) for k, v in node.items()}
            if node and all(k.isdigit() for k in node):
                return [node[k] for k in sorted(node, key=int)]
        return node

    return listify(root)


class FakeStripe(LocalServer):
    def __init__(self):
        self.requests = []  # every request: method, path, headers, form
        self.sessions = {}
        self.by_idempotency_key = {}
        self.fail_creates = 0  # answer this many session creations with a 500
        super().__init__()

    @property
    def created_sessions(self):
        return [r for r in self.requests if r["method"] == "POST" and r["path"] == "/v1/checkout/sessions"]

    def set_session(self, session_id, **fields):
        with self.lock:
            self.sessions[session_id].update(fields)

    def _create(self, form, headers):
        key = headers.get("Idempotency-Key")
        if key and key in self.by_idempotency_key:
            return self.sessions[self.by_idempotency_key[key]]
        params = _nested(form)
        amount = sum(
            int(item["price_data"]["unit_amount"]) * int(item.get("quantity", 1))
            for item in params.get("line_items", [])
        )
        session_id = f"cs_test_{secrets.token_hex(12)}"
        session = {
            "id": session_id,
            "object": "checkout.session",
            "url": f"https://checkout.stripe.test/c/pay/{session_id}",
            "amount_total": amount,
            "currency": params["line_items"][0]["price_data"]["currency"],
            "metadata": params.get("metadata", {}),
            "client_reference_id": params.get("client_reference_id"),
            "customer_email": params.get("customer_email"),
            "payment_status": "unpaid",
            "status": "open",
            "mode": params.get("mode"),
            "success_url": params.get("success_url"),
        }
        self.sessions[session_id] = session
        if key:
            self.by_idempotency_key[key] = session_id
        return session

    def _handler(self):
        fake = self

        class Handler(JSONHandler):
            def response_headers(self):
                return {"Request-Id": f"req_{secrets.token_hex(6)}"}

            def _record(self, form=None):
                with fake.lock:
                    fake.requests.append(
                        {
                            "method": self.command,
                            "path": self.path,
                            "headers": dict(self.headers),
                            "form": form,
                        }
                    )

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                form = parse_qsl(self.rfile.read(length).decode(), keep_blank_values=True)
                self._record(form)
                if self.path != "/v1/checkout/sessions":
                    return self._send(
                        404, {"error": {"message": "Unknown endpoint", "type": "invalid_request_error"}}
                    )
                with fake.lock:
                    if fake.fail_creates:
                        fake.fail_creates -= 1
                        return self._send(500, {"error": {"message": "Boom", "type": "api_error"}})
                    session = fake._create(form, self.headers)
                return self._send(200, session)

            def do_GET(self):
                self._record()
                match = re.fullmatch(r"/v1/checkout/sessions/([^/?]+)", self.path.split("?")[0])
                with fake.lock:
                    session = match and fake.sessions.get(match.group(1))
                if not session:
                    return self._send(
                        404,
                        {"error": {"message": "No such checkout.session", "type": "invalid_request_error"}},
                    )
                return self._send(200, session)

        return Handler
