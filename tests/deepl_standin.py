"""A stand-in for DeepL's POST /v2/translate, served on a local port for tests.

It answers as DeepL does for one key (`DeepL-Auth-Key <key>`, 403 for any other), reading the texts
from a form body (text=…&text=…, as wagtail-localize sends them) or a JSON one; each translation is
the text behind the target language in brackets ("[JA] Porcelain burner").
"""

import json
from urllib.parse import parse_qs

from tests.standin import JSONHandler, LocalServer


class DeepLStandIn(LocalServer):
    def __init__(self, auth_key="standin-key:fx"):
        self.auth_key = auth_key
        self.requests = []  # every request: method, path, headers, params (lists of values)
        super().__init__()

    @staticmethod
    def translation(text, target_lang):
        return f"[{target_lang}] {text}"

    def _handler(self):
        standin = self

        class Handler(JSONHandler):
            def _params(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode()
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    return {
                        key: value if isinstance(value, list) else [value]
                        for key, value in json.loads(body or "{}").items()
                    }
                return parse_qs(body, keep_blank_values=True)

            def do_POST(self):
                params = self._params()
                with standin.lock:
                    standin.requests.append(
                        {
                            "method": self.command,
                            "path": self.path,
                            "headers": dict(self.headers),
                            "params": params,
                        }
                    )
                if self.path != "/v2/translate":
                    return self._send(404, {"message": "Not found"})
                if self.headers.get("Authorization") != f"DeepL-Auth-Key {standin.auth_key}":
                    return self._send(403, {"message": "Forbidden"})
                texts = params.get("text", [])
                target = (params.get("target_lang") or [""])[0]
                if not texts or not target:
                    return self._send(400, {"message": "Parameter 'text' and 'target_lang' are required"})
                source = (params.get("source_lang") or ["EN"])[0]
                return self._send(
                    200,
                    {
                        "translations": [
                            {"detected_source_language": source, "text": standin.translation(text, target)}
                            for text in texts
                        ]
                    },
                )

        return Handler
