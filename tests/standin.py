"""The part every stand-in for an outside API shares: a threaded HTTP server on a free local port."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class JSONHandler(BaseHTTPRequestHandler):
    """A request handler that answers in JSON, as the APIs the stand-ins speak do, and logs nothing."""

    def log_message(self, *args):
        pass

    def response_headers(self):
        """Headers the API sends with every answer, besides the content's type and length."""
        return {}

    def _send(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in self.response_headers().items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


class LocalServer:
    """Serves `self._handler()` (a BaseHTTPRequestHandler class) on 127.0.0.1 once started; `url` is its
    address. Subclasses set up what the handler reads before calling `super().__init__()`."""

    def __init__(self):
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _handler(self):
        raise NotImplementedError

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
