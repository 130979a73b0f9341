"""Minimal OCI distribution client over http.client: push blobs and manifests, read them back.

One keep-alive connection per thread, so a thread pool can push concurrently.
"""

import hashlib
import http.client
import json
import threading
import urllib.parse

OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
OCI_INDEX = "application/vnd.oci.image.index.v1+json"
DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json"
DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json"
MANIFEST_ACCEPT = ", ".join([OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_LIST])


def sha256_digest(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


class RegistryError(RuntimeError):
    pass


class Client:
    def __init__(self, host):
        self.host = host
        self._local = threading.local()

    def _conn(self):
        conn = getattr(self._local, "conn", None)
        if conn is None:
            hostname, port = self.host.rsplit(":", 1)
            conn = http.client.HTTPConnection(hostname, int(port), timeout=300)
            self._local.conn = conn
        return conn

    def request(self, method, path, body=None, headers=None, expect=(200,)):
        """Sends one request and reads the whole answer; retries once on a stale keep-alive."""
        for attempt in (0, 1):
            conn = self._conn()
            try:
                conn.request(method, path, body=body, headers=headers or {})
                resp = conn.getresponse()
                data = resp.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                conn.close()
                self._local.conn = None
                if attempt == 1 or (body is not None and not isinstance(body, (bytes, str))):
                    raise
        if resp.status not in expect:
            raise RegistryError("%s %s on %s: HTTP %d %s" % (
                method, path, self.host, resp.status, data[:300].decode("utf-8", "replace")))
        return resp, data

    @staticmethod
    def _location_path(location):
        parts = urllib.parse.urlsplit(location)
        return parts.path + ("?" + parts.query if parts.query else "")

    @staticmethod
    def _with_query(path, **params):
        sep = "&" if "?" in path else "?"
        return path + sep + urllib.parse.urlencode(params)

    def blob_exists(self, repo, digest):
        resp, _ = self.request("HEAD", "/v2/%s/blobs/%s" % (repo, digest), expect=(200, 404))
        return resp.status == 200

    def push_blob(self, repo, data, digest=None):
        """Monolithic upload: POST to open a session, one PUT with the whole body."""
        digest = digest or sha256_digest(data)
        resp, _ = self.request("POST", "/v2/%s/blobs/uploads/" % repo, expect=(202,))
        path = self._with_query(self._location_path(resp.getheader("Location")), digest=digest)
        self.request("PUT", path, body=data, expect=(201,), headers={
            "Content-Type": "application/octet-stream", "Content-Length": str(len(data))})
        return digest

    def push_blob_chunked(self, repo, chunks):
        """Chunked upload (PATCH per chunk, then PUT with the digest) from an iterator of bytes.

        Only one chunk is held at a time, so a blob of any size streams in bounded memory.
        Returns (digest, size).
        """
        resp, _ = self.request("POST", "/v2/%s/blobs/uploads/" % repo, expect=(202,))
        path = self._location_path(resp.getheader("Location"))
        hasher = hashlib.sha256()
        offset = 0
        for chunk in chunks:
            if not chunk:
                continue
            hasher.update(chunk)
            resp, _ = self.request("PATCH", path, body=chunk, expect=(202,), headers={
                "Content-Type": "application/octet-stream",
                "Content-Length": str(len(chunk)),
                "Content-Range": "%d-%d" % (offset, offset + len(chunk) - 1)})
            offset += len(chunk)
            path = self._location_path(resp.getheader("Location"))
        digest = "sha256:" + hasher.hexdigest()
        self.request("PUT", self._with_query(path, digest=digest), body=b"", expect=(201,),
                     headers={"Content-Length": "0"})
        return digest, offset

    def mount_blob(self, repo, digest, from_repo):
        """Cross-repository mount; falls back to False when the registry opened an upload instead."""
        path = "/v2/%s/blobs/uploads/?%s" % (repo, urllib.parse.urlencode(
            {"mount": digest, "from": from_repo}))
        resp, _ = self.request("POST", path, expect=(201, 202))
        if resp.status == 202:
            # Not mounted: cancel the upload session the registry opened for us.
            self.request("DELETE", self._location_path(resp.getheader("Location")),
                         expect=(204, 404))
            return False
        return True

    def push_manifest(self, repo, reference, media_type, body):
        self.request("PUT", "/v2/%s/manifests/%s" % (repo, reference), body=body, expect=(201,),
                     headers={"Content-Type": media_type, "Content-Length": str(len(body))})
        return sha256_digest(body)

    def manifest_digest(self, repo, reference):
        """Digest the registry reports for a tag, or None when the tag is missing."""
        resp, _ = self.request("HEAD", "/v2/%s/manifests/%s" % (repo, reference),
                               headers={"Accept": MANIFEST_ACCEPT}, expect=(200, 404))
        if resp.status == 404:
            return None
        return resp.getheader("Docker-Content-Digest")

    def get_manifest(self, repo, reference):
        _, data = self.request("GET", "/v2/%s/manifests/%s" % (repo, reference),
                               headers={"Accept": MANIFEST_ACCEPT})
        return json.loads(data)

    def tags(self, repo):
        resp, data = self.request("GET", "/v2/%s/tags/list?n=1000" % repo, expect=(200, 404))
        if resp.status == 404:
            return []
        return sorted(json.loads(data).get("tags") or [])

    def catalog(self):
        repos = []
        path = "/v2/_catalog?n=1000"
        while path:
            resp, data = self.request("GET", path)
            repos.extend(json.loads(data).get("repositories") or [])
            link = resp.getheader("Link")
            path = link.split(";")[0].strip().strip("<>") if link else None
        return repos
