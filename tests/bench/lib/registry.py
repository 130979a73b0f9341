"""A throwaway Debian docker-registry (CNCF distribution) on 127.0.0.1, plain HTTP."""

import http.client
import os
import re
import shutil
import socket
import subprocess
import time

REGISTRY_BINARY = "/usr/bin/docker-registry"

CONFIG_TEMPLATE = """version: 0.1
log:
  level: error
  accesslog:
    disabled: {quiet}
storage:
  filesystem:
    rootdirectory: {root}
  delete:
    enabled: true
  cache:
    blobdescriptor: inmemory
http:
  addr: 127.0.0.1:{port}
"""


_ACCESS_LINE = re.compile(r'"([A-Z]+) (/v2/\S*) HTTP/')


def free_port():
    # The kernel hands out an unused port; the registry binds it right after, so the race with
    # other programs on the machine is a few milliseconds wide.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Registry:
    """One docker-registry process whose storage lives in a directory of its own."""

    def __init__(self, name, workdir, access_log=False):
        self.name = name
        self.access_log = access_log
        self.workdir = os.path.join(workdir, name)
        self.port = None
        self.generation = 0
        self._process = None
        self._log = None

    @property
    def host(self):
        return "127.0.0.1:%d" % self.port

    @property
    def url(self):
        return "http://" + self.host

    @property
    def storage(self):
        return os.path.join(self.workdir, "storage")

    def start(self):
        os.makedirs(self.storage, exist_ok=True)
        self.port = free_port()
        config = os.path.join(self.workdir, "config.yml")
        with open(config, "w") as f:
            f.write(CONFIG_TEMPLATE.format(
                root=self.storage, port=self.port, quiet="false" if self.access_log else "true"))
        self._log = open(os.path.join(self.workdir, "registry-%d.log" % self.generation), "ab")
        self._process = subprocess.Popen(
            [REGISTRY_BINARY, "serve", config],
            stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError("registry %s exited at start (status %d); see %s"
                                   % (self.name, self._process.returncode, self._log.name))
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/v2/")
                status = conn.getresponse().status
                conn.close()
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("registry %s did not answer on %s within 20 s" % (self.name, self.host))

    def stop(self):
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def restart_empty(self):
        """Stops, wipes the storage and starts again on a new port.

        A new port as well as empty storage: skopeo keeps a blob-location cache across runs keyed
        by registry host, so an old port would let it try mounts that can no longer succeed.
        """
        self.stop()
        shutil.rmtree(self.storage, ignore_errors=True)
        self.generation += 1
        self.start()

    def cpu_seconds(self):
        """User + system CPU time the registry process has used so far."""
        if self._process is None:
            return 0.0
        with open("/proc/%d/stat" % self._process.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        # utime and stime are fields 14 and 15 of stat(5); fields[0] here is field 3.
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def log_offset(self):
        return os.path.getsize(self._log.name) if self._log else 0

    def requests_since(self, offset):
        """{"GET manifests": n, ...} from the access log written after offset."""
        counts = {}
        with open(self._log.name, "rb") as f:
            f.seek(offset)
            for line in f:
                m = _ACCESS_LINE.search(line.decode("utf-8", "replace"))
                if m:
                    method, path = m.group(1), m.group(2)
                    kind = next((k for k in ("blobs/uploads", "manifests", "blobs", "tags/list",
                                             "_catalog") if "/" + k in path), "other")
                    key = "%s %s" % (method, kind)
                    counts[key] = counts.get(key, 0) + 1
        return counts

    def storage_bytes(self):
        total = 0
        for root, _dirs, files in os.walk(self.storage):
            for name in files:
                try:
                    total += os.lstat(os.path.join(root, name)).st_size
                except OSError:
                    pass
        return total
