"""Real servers on loopback for the probe tests: HTTP(S), TCP, DNS, each in a thread."""

from __future__ import annotations

import json
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import dns.message
import dns.rcode
import dns.rrset
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


class Handler(BaseHTTPRequestHandler):
    """/ok, /switch, /status/<code>, /slow/<seconds>, /health; records each request's method."""

    methods: list[str] = []
    switch = 200  # the status /switch answers: a test flips it to take the service down
    in_flight = 0  # requests being answered now
    most_in_flight = 0  # the most answered at once since the last reset
    lock = threading.Lock()

    def _answer(self, body: bytes) -> None:
        with Handler.lock:
            Handler.in_flight += 1
            Handler.most_in_flight = max(Handler.most_in_flight, Handler.in_flight)
        try:
            self._respond(body)
        finally:
            with Handler.lock:
                Handler.in_flight -= 1

    def _respond(self, body: bytes) -> None:
        Handler.methods.append(self.command)
        path = self.path
        code, kind = 200, "text/plain"
        if path == "/switch":
            code = Handler.switch
        elif path.startswith("/status/"):
            code = int(path.rsplit("/", 1)[1])
        elif path.startswith("/slow/"):
            time.sleep(float(path.rsplit("/", 1)[1]))
        elif path == "/health":
            body, kind = (
                json.dumps({"status": "ok", "db": {"up": True}}).encode(),
                "application/json",
            )
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        self._answer(b"welcome to the service")

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(b"welcome to the service")

    def do_POST(self) -> None:  # noqa: N802
        # /fix brings /switch back up; any other path is an action that fixes nothing.
        if self.path == "/fix":
            Handler.switch = 200
        Handler.methods.append("POST " + self.path)
        self.send_response(202)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def http_server(context: ssl.SSLContext | None = None) -> Iterator[str]:
    """A threaded HTTP server on a free loopback port; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    scheme = "http"
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
        scheme = "https"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"{scheme}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def certificate(directory: Path, valid_for: timedelta, name: str = "localhost") -> ssl.SSLContext:
    """A server context with a fresh self-signed certificate valid from an hour ago."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1) - max(-valid_for, timedelta(0)) * 2)
        .not_valid_after(now + valid_for)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / f"{name}.crt", directory / f"{name}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    return context


@contextmanager
def closed_port() -> Iterator[int]:
    """A loopback port nothing listens on."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    yield port


@contextmanager
def dns_server(records: dict[str, str]) -> Iterator[str]:
    """A UDP DNS server answering A queries for `records` (name -> address), NXDOMAIN else."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                data, peer = sock.recvfrom(4096)
            except TimeoutError:
                continue
            query = dns.message.from_wire(data)
            response = dns.message.make_response(query)
            name = query.question[0].name.to_text()
            if name in records:
                response.answer.append(dns.rrset.from_text(name, 60, "IN", "A", records[name]))
            else:
                response.set_rcode(dns.rcode.NXDOMAIN)
            sock.sendto(response.to_wire(), peer)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{sock.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        sock.close()
