"""A real local HTTP server speaking (a small part of) Nominatim's /search API.

Tests point geopy's Nominatim at it (domain="127.0.0.1:PORT", scheme="http")
so the online path is exercised over a socket without touching the internet.
Per test, set ``mode`` to make it answer normally ("ok"), with no match
("empty"), HTTP 429 with Retry-After ("429"), an error ("500"/"503"), or
slowly ("slow", sleeping ``delay`` seconds). Every request is recorded in
``requests`` with its arrival time, so tests can count and space them.

Hostile modes, for the checks a real server's bugs or an attacker would exercise:
"nan" (lat "NaN", lon "inf"), "999" (lat 999), "null-lat" (lat null), "strings" (a list of
strings, not objects), "list-coords" (lat and lon as lists), "address-string" (address is a
string), "drip" (headers, then one byte every ``delay`` seconds, forever), "huge" (a reply of
``huge_bytes`` bytes with no Content-Length, streamed until the client hangs up) and
"huge-declared" (a Content-Length of 300 MB).
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    path: str
    params: dict[str, str]
    time: float
    headers: dict[str, str]


def place_record(name: str, lat: float, lon: float, **extra: Any) -> dict[str, Any]:
    """One Nominatim search result, with lat/lon as strings like the real server."""
    record: dict[str, Any] = {
        "place_id": 123456, "licence": "Data © OpenStreetMap contributors, ODbL 1.0.",
        "osm_type": "node", "osm_id": 987654, "lat": str(lat), "lon": str(lon),
        "class": "place", "type": "town", "place_rank": 16, "importance": 0.45,
        "addresstype": "town", "name": name, "display_name": f"{name}, Syria",
        "address": {"town": name, "country": "Syria", "country_code": "sy"},
        "boundingbox": [str(lat - 0.05), str(lat + 0.05), str(lon - 0.05), str(lon + 0.05)],
    }
    record.update(extra)
    return record


@dataclass
class NominatimStub:
    """State shared between the test and the handler thread."""

    mode: str = "ok"
    delay: float = 0.0
    retry_after: int = 30
    huge_bytes: int = 50_000_000
    bytes_sent: int = 0
    results: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    port: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.port}"

    def answer_for(self, query: str) -> list[dict[str, Any]]:
        if query.casefold() in self.results:
            return self.results[query.casefold()]
        return [place_record(query, 35.0, 36.0)]


def _handler(stub: NominatimStub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet test output
            pass

        def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            params = {k: v[0] for k, v in parse_qs(parts.query).items()}
            with stub.lock:
                stub.requests.append(Request(parts.path, params, time.monotonic(), dict(self.headers)))
            if parts.path.rstrip("/") != "/search":
                self._send(404, b'{"error": "not found"}')
                return
            mode = stub.mode
            if self._hostile(mode, params.get("q", "")):
                return
            if mode == "slow":
                time.sleep(stub.delay)
                mode = "ok"
            if mode == "429":
                self._send(429, b'{"error": "Too Many Requests"}', {"Retry-After": str(stub.retry_after)})
            elif mode in {"500", "503"}:
                self._send(int(mode), b'{"error": "server error"}')
            elif mode == "empty":
                self._send(200, b"[]")
            else:
                records = stub.answer_for(params.get("q", ""))
                self._send(200, json.dumps(records).encode("utf-8"))

        def _hostile(self, mode: str, query: str) -> bool:
            """Answer in one of the hostile modes; False when `mode` is not one of them."""
            bad = {
                "nan": [{**place_record(query, 0, 0), "lat": "NaN", "lon": "inf"}],
                "999": [place_record(query, 999, 36.0)],
                "null-lat": [{**place_record(query, 0, 36.0), "lat": None}],
                "strings": ["Damascus", "Syria"],
                "list-coords": [{**place_record(query, 0, 0), "lat": [35.0], "lon": [36.0]}],
                "address-string": [place_record(query, 35.0, 36.0, address="Syria")],
            }
            if mode in bad:
                self._send(200, json.dumps(bad[mode]).encode("utf-8"))
                return True
            if mode == "drip-headers":
                body = json.dumps([place_record(query, 35.0, 36.0)]).encode("utf-8")
                head = (f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Padding: {'p' * 40}\r\n"
                        f"Content-Length: {len(body)}\r\n\r\n").encode()  # fmt: skip
                try:
                    for ch in head:
                        self.wfile.write(bytes([ch]))
                        self.wfile.flush()
                        time.sleep(stub.delay)
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError, OSError):
                    pass
                self.close_connection = True
                return True
            if mode in ("drip", "huge", "huge-declared"):
                self.send_response(200)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                if mode == "huge-declared":
                    self.send_header("Content-Length", str(300 * 1024 * 1024))
                self.end_headers()
                try:
                    if mode == "drip":
                        for ch in b'[{"lat": "35.0", "lon": "36.0"}]' * 1000:
                            self.wfile.write(bytes([ch]))
                            self.wfile.flush()
                            time.sleep(stub.delay)
                    else:
                        block = b" " * 65536
                        while stub.bytes_sent < stub.huge_bytes:
                            self.wfile.write(block)
                            stub.bytes_sent += len(block)
                except (BrokenPipeError, ConnectionResetError, OSError):
                    pass  # the client hung up, as it should
                self.close_connection = True
                return True
            return False

    return Handler


class NominatimServer:
    """Run the stub on 127.0.0.1 on a free port in a daemon thread."""

    def __init__(self) -> None:
        self.stub = NominatimStub()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.stub))
        self.httpd.daemon_threads = True
        self.stub.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> NominatimStub:
        self.thread.start()
        return self.stub

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
