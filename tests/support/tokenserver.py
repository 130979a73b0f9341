#!/usr/bin/env python3
"""A small Docker-registry token server for crsync's tests (standard library + openssl CLI).

It implements the token flow of the distribution auth spec: GET /token?service=&scope=&account=
with Basic credentials (and the OAuth2 form POST /token), answering with a JWT signed RS256 by
a key whose certificate (x5c) chains to the registry's `rootcertbundle`.

Anonymous requests get a token without any access, like Docker Hub or Harbor; wrong credentials
get 401. The lifetime is configurable so tests can force tokens to expire and exercise a client's
refresh-on-401; the expires_in told to the client can differ from it, so that a client which
trusts expires_in meets the registry's 401 while its token is still good by its own clock.
Requests are logged to a file; credentials and tokens never are.
"""

import argparse
import base64
import binascii
import hmac
import json
import os
import secrets
import subprocess
import sys
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# docker-registry 2.8 accepts a token up to 60 s after its `exp` (clock-skew leeway); the
# claim is moved back by that much so that the registry really refuses it after `lifetime`.
REGISTRY_LEEWAY = 60
ALLOWED_ACTIONS = {"pull", "push", "delete", "*"}


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def parse_scope(scope: str):
    """'repository:a/b:pull,push' -> ('repository', 'a/b', ['pull', 'push']); None if malformed."""
    first = scope.find(":")
    last = scope.rfind(":")
    if first <= 0 or last == first:
        return None
    kind, name, actions = scope[:first], scope[first + 1:last], scope[last + 1:]
    if not name:
        return None
    return kind, name, [a for a in actions.split(",") if a]


class TokenServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # many clients at once (parallel workers) must not be refused

    def __init__(self, address, args):
        super().__init__(address, Handler)
        self.args = args
        self.username = os.environ.get("CRSYNC_TOKEN_USERNAME", "")
        self.password = os.environ.get("CRSYNC_TOKEN_PASSWORD", "")
        with open(args.cert, "rb") as f:
            pem = f.read().decode("ascii")
        body = "".join(line for line in pem.splitlines() if line and not line.startswith("-----"))
        self.x5c = [body]  # base64 DER of the signing certificate
        self.log_file = open(args.log, "a", encoding="utf-8", buffering=1)

    def log(self, line: str):
        self.log_file.write("%s %s\n" % (time.strftime("%Y-%m-%dT%H:%M:%S"), line))

    def lifetimes(self):
        """(seconds the registry accepts a token, expires_in told to the client)."""
        # A file next to the log lets a running test change them: "LIFETIME" or
        # "LIFETIME EXPIRES_IN".
        override = self.args.log + ".lifetime"
        try:
            with open(override, encoding="ascii") as f:
                values = [int(v) for v in f.read().split()]
        except (OSError, ValueError):
            values = []
        if not values:
            return self.args.lifetime, self.args.lifetime
        return values[0], values[1] if len(values) > 1 else values[0]

    def sign(self, data: bytes) -> bytes:
        result = subprocess.run(["openssl", "dgst", "-sha256", "-sign", self.args.key],
                                input=data, capture_output=True, check=True)
        return result.stdout

    def make_token(self, subject: str, access: list) -> dict:
        now = int(time.time())
        lifetime, expires_in = self.lifetimes()
        header = {"typ": "JWT", "alg": "RS256", "x5c": self.x5c}
        claims = {
            "iss": self.args.issuer,
            "sub": subject,
            "aud": self.args.service,
            "exp": now + lifetime - REGISTRY_LEEWAY,
            "nbf": now - 1,
            "iat": now,
            "jti": secrets.token_hex(16),
            "access": access,
        }
        signing_input = (b64url(json.dumps(header, separators=(",", ":")).encode()) + "." +
                         b64url(json.dumps(claims, separators=(",", ":")).encode()))
        jwt = signing_input + "." + b64url(self.sign(signing_input.encode("ascii")))
        issued = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now))
        return {"token": jwt, "access_token": jwt, "expires_in": expires_in, "issued_at": issued,
                "lifetime": lifetime}


class Handler(BaseHTTPRequestHandler):
    server_version = "crsync-test-token-server/1"
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # the default logs to stderr, with the query string
        pass

    def reply(self, status: int, body: dict, extra_headers=None):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (extra_headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def credentials(self):
        """(username, password) from Basic auth, or None when the request is anonymous."""
        header = self.headers.get("Authorization", "")
        if not header.lower().startswith("basic "):
            return None
        try:
            decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return ("", "")
        user, _, password = decoded.partition(":")
        return (user, password)

    def valid(self, user: str, password: str) -> bool:
        srv = self.server
        return (hmac.compare_digest(user.encode(), srv.username.encode()) and
                hmac.compare_digest(password.encode(), srv.password.encode()))

    def handle_token(self, params: dict, creds):
        srv = self.server
        service = (params.get("service") or [""])[0]
        scopes = []
        for value in params.get("scope", []):
            scopes.extend(s for s in value.split(" ") if s)
        account = (params.get("account") or params.get("username") or [""])[0]
        summary = "service=%s scope=%s account=%s" % (service, ",".join(scopes) or "-", account or "-")

        if service and service != srv.args.service:
            srv.log("%s %s %s -> 400 unknown service" % (self.command, self.path.split("?")[0], summary))
            return self.reply(400, {"errors": [{"code": "UNSUPPORTED", "message": "unknown service"}]})

        if creds is None:
            subject, access = "", []
        else:
            user, password = creds
            if not self.valid(user, password):
                srv.log("%s %s %s -> 401 bad credentials" % (self.command, self.path.split("?")[0], summary))
                return self.reply(401, {"errors": [{"code": "UNAUTHORIZED", "message": "invalid username or password"}]},
                                  {"WWW-Authenticate": 'Basic realm="crsync-test-token-server"'})
            subject, access = user, []
            for scope in scopes:
                parsed = parse_scope(scope)
                if parsed is None:
                    continue
                kind, name, actions = parsed
                granted = [a for a in actions if a in ALLOWED_ACTIONS]
                if kind in ("repository", "registry") and granted:
                    access.append({"type": kind, "name": name, "actions": granted})

        body = srv.make_token(subject, access)
        lifetime = body.pop("lifetime")
        srv.log("%s %s %s -> 200 granted=%d lifetime=%d expires_in=%d" %
                (self.command, self.path.split("?")[0], summary, len(access), lifetime,
                 body["expires_in"]))
        return self.reply(200, body)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path != "/token":
            self.server.log("GET %s -> 404" % url.path)
            return self.reply(404, {"errors": [{"code": "NOT_FOUND", "message": "not found"}]})
        self.handle_token(urllib.parse.parse_qs(url.query), self.credentials())

    def do_POST(self):
        # The OAuth2 form (grant_type=password) some clients use instead of GET with Basic.
        url = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8", "replace"))
        if url.path != "/token":
            self.server.log("POST %s -> 404" % url.path)
            return self.reply(404, {"errors": [{"code": "NOT_FOUND", "message": "not found"}]})
        creds = self.credentials()
        if (form.get("grant_type") or [""])[0] == "password":
            creds = ((form.get("username") or [""])[0], (form.get("password") or [""])[0])
        self.handle_token(form, creds)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--key", required=True, help="PEM private key (RSA) that signs tokens")
    parser.add_argument("--cert", required=True, help="PEM certificate of that key (goes into x5c)")
    parser.add_argument("--issuer", required=True)
    parser.add_argument("--service", required=True)
    parser.add_argument("--log", required=True, help="request log file")
    parser.add_argument("--lifetime", type=int,
                        default=int(os.environ.get("CRSYNC_TOKEN_LIFETIME", "300")),
                        help="seconds a token is valid at the registry (default 300)")
    args = parser.parse_args()

    server = TokenServer(("127.0.0.1", args.port), args)
    # The fixture reads the bound port from this first line.
    sys.stdout.write("PORT %d\n" % server.server_address[1])
    sys.stdout.flush()
    server.log("listening on 127.0.0.1:%d lifetime=%d" % (server.server_address[1], args.lifetime))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
