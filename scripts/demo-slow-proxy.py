#!/usr/bin/env python3
"""A registry at the end of a slow, narrow link, for the demo: forwards one request at a time
to UPSTREAM, each after DELAY ms, so a sync in the window lasts long enough to watch (and to
photograph) it move.

usage: demo-slow-proxy.py LISTEN_PORT UPSTREAM_PORT DELAY_MS

Listens on 127.0.0.1 only; bodies are streamed both ways.
"""

import http.client
import http.server
import socketserver
import sys
import threading
import time

HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te",
              "trailer", "upgrade"}


class Proxy(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    upstream_port = 0
    delay_s = 0.0
    link = threading.Lock()  # the narrow link: one request crosses it at a time

    def log_message(self, *_):
        pass

    def _forward(self):
        with self.link:
            self._cross()

    def _cross(self):
        time.sleep(self.delay_s)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        upstream = http.client.HTTPConnection("127.0.0.1", self.upstream_port, timeout=60)
        try:
            upstream.request(self.command, self.path, body=body, headers=headers)
            answer = upstream.getresponse()
            self.send_response_only(answer.status, answer.reason)
            chunked = answer.getheader("Content-Length") is None and self.command != "HEAD" \
                and answer.status not in (204, 304)
            for k, v in answer.getheaders():
                if k.lower() not in HOP_BY_HOP:
                    self.send_header(k, v)
            if chunked:
                self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            if self.command == "HEAD":
                return
            while True:
                block = answer.read(64 * 1024)
                if not block:
                    break
                if chunked:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(block), block))
                else:
                    self.wfile.write(block)
            if chunked:
                self.wfile.write(b"0\r\n\r\n")
        finally:
            upstream.close()

    do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = _forward


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    Proxy.upstream_port = int(sys.argv[2])
    Proxy.delay_s = int(sys.argv[3]) / 1000.0
    Server(("127.0.0.1", int(sys.argv[1])), Proxy).serve_forever()


if __name__ == "__main__":
    main()
