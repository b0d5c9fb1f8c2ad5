"""The part every stand-in for an outside API shares: a threaded HTTP server on a free local port."""

import threading
from http.server import ThreadingHTTPServer


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
