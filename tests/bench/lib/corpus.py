"""Generates the benchmark corpora straight into a registry over HTTP.

Every byte is pseudo-random from a fixed seed, so two runs build the same digests. Layers are real
gzip-compressed tar archives, because copy tools look at the first bytes of a layer to tell its
compression apart and would re-compress what looks like plain data.
"""

import concurrent.futures
import gzip
import hashlib
import io
import json
import random
import tarfile
import zlib

from oci import OCI_MANIFEST, sha256_digest

OCI_CONFIG = "application/vnd.oci.image.config.v1+json"
OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip"
HELM_CONFIG = "application/vnd.cncf.helm.config.v1+json"
HELM_CHART = "application/vnd.cncf.helm.chart.content.v1.tar+gzip"

MiB = 1024 * 1024
GiB = 1024 * MiB

W1_NAMESPACE = "w1"
W1_TAGS = ["1.0.%d" % i for i in range(5)]
W1_BASE_LAYER_SIZES = [10 * MiB, 6 * MiB, 4 * MiB]   # ~20 MB shared by every image
W1_CHARTS = 10
W2_NAMESPACE = "w2"
W2_REPO = W2_NAMESPACE + "/big"
W2_TAG = "1g"

_EPOCH = 1700000000  # fixed mtime so archives are byte-identical between runs


def _tar(files):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in files:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = _EPOCH
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def _layer(files, level=1):
    """(blob bytes, diff_id) of a gzip-compressed tar holding files."""
    raw = _tar(files)
    return gzip.compress(raw, compresslevel=level, mtime=0), sha256_digest(raw)


def _descriptor(media_type, data):
    return {"mediaType": media_type, "digest": sha256_digest(data), "size": len(data)}


def _json(obj):
    return json.dumps(obj, separators=(",", ":"), sort_keys=True).encode()


def _image_config(diff_ids, label):
    return _json({
        "architecture": "amd64",
        "os": "linux",
        "created": "2024-01-01T00:00:00Z",
        "config": {"Env": ["PATH=/usr/local/bin:/usr/bin:/bin"], "Cmd": ["/app/run"],
                   "Labels": {"org.example.bench": label}},
        "rootfs": {"type": "layers", "diff_ids": diff_ids},
        "history": [{"created": "2024-01-01T00:00:00Z", "created_by": "bench layer %d" % i}
                    for i in range(len(diff_ids))],
    })


def _image_manifest(config, layers):
    return _json({
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "config": _descriptor(OCI_CONFIG, config),
        "layers": [_descriptor(OCI_LAYER_GZIP, blob) for blob in layers],
    })


class Corpus:
    """What was pushed: {repository: {tag: manifest digest}} plus byte counts."""

    def __init__(self, name):
        self.name = name
        self.images = {}
        self.charts = {}
        self.blob_bytes = 0

    def add(self, kind, repo, tag, digest):
        getattr(self, kind).setdefault(repo, {})[tag] = digest

    def artifact_count(self, kind=None):
        kinds = [kind] if kind else ["images", "charts"]
        return sum(len(tags) for k in kinds for tags in getattr(self, k).values())

    def repositories(self, kind=None):
        kinds = [kind] if kind else ["images", "charts"]
        return sorted(repo for k in kinds for repo in getattr(self, k))

    def expected(self, kind=None):
        kinds = [kind] if kind else ["images", "charts"]
        out = {}
        for k in kinds:
            out.update(getattr(self, k))
        return out


def generate_w1(client, repos, charts=W1_CHARTS, workers=8, progress=print):
    """W1: `repos` repositories x 5 tags in namespace w1, three shared base layers (~20 MB) and two
    small unique layers per image; plus `charts` Helm charts (one version each) in the same namespace.
    """
    corpus = Corpus("W1")
    rng = random.Random(1)
    base = [_layer([("base/%d.bin" % i, rng.randbytes(size))])
            for i, size in enumerate(W1_BASE_LAYER_SIZES)]
    base_blobs = [blob for blob, _ in base]
    base_diff_ids = [diff_id for _, diff_id in base]
    repo_names = ["%s/app-%03d" % (W1_NAMESPACE, i) for i in range(repos)]

    first = repo_names[0]
    for blob in base_blobs:
        client.push_blob(first, blob)
    corpus.blob_bytes += sum(len(b) for b in base_blobs)
    progress("  base layers: %d blobs, %.1f MiB, pushed to %s"
             % (len(base_blobs), corpus.blob_bytes / MiB, first))

    def mount_base(repo):
        for blob in base_blobs:
            digest = sha256_digest(blob)
            if not client.mount_blob(repo, digest, first):
                client.push_blob(repo, blob, digest)

    def push_image(repo, repo_index, tag_index, tag):
        seed = repo_index * 1000 + tag_index
        r = random.Random(seed)
        unique = [_layer([("app/%s/%s/%d.bin" % (repo, tag, i),
                           r.randbytes(r.randint(1024, 10 * 1024)))]) for i in range(2)]
        blobs = [blob for blob, _ in unique]
        config = _image_config(base_diff_ids + [d for _, d in unique], "%s:%s" % (repo, tag))
        for blob in blobs + [config]:
            client.push_blob(repo, blob)
        manifest = _image_manifest(config, base_blobs + blobs)
        digest = client.push_manifest(repo, tag, OCI_MANIFEST, manifest)
        return repo, tag, digest, sum(len(b) for b in blobs) + len(config)

    def push_chart(index):
        name = "chart-%02d" % index
        repo = "%s/%s" % (W1_NAMESPACE, name)
        version = "0.1.%d" % index
        chart_yaml = ("apiVersion: v2\nname: %s\nversion: %s\ndescription: benchmark chart\n"
                      "type: application\nappVersion: \"1.0\"\n" % (name, version)).encode()
        values = b"replicaCount: 1\nimage:\n  repository: w1/app-000\n  tag: 1.0.0\n"
        template = (b"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n"
                    b"data:\n  note: " + random.Random(5000 + index).randbytes(256).hex().encode() + b"\n")
        content, _ = _layer([(name + "/Chart.yaml", chart_yaml), (name + "/values.yaml", values),
                             (name + "/templates/configmap.yaml", template)], level=6)
        config = _json({"apiVersion": "v2", "name": name, "version": version,
                        "description": "benchmark chart", "type": "application", "appVersion": "1.0"})
        client.push_blob(repo, content)
        client.push_blob(repo, config)
        manifest = _json({
            "schemaVersion": 2,
            "mediaType": OCI_MANIFEST,
            "config": _descriptor(HELM_CONFIG, config),
            "layers": [_descriptor(HELM_CHART, content)],
        })
        digest = client.push_manifest(repo, version, OCI_MANIFEST, manifest)
        return repo, version, digest, len(content) + len(config)

    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(mount_base, repo_names[1:]))
        jobs = [pool.submit(push_image, repo, ri, ti, tag)
                for ri, repo in enumerate(repo_names) for ti, tag in enumerate(W1_TAGS)]
        jobs += [pool.submit(push_chart, i) for i in range(charts)]
        for n, job in enumerate(concurrent.futures.as_completed(jobs), 1):
            repo, tag, digest, size = job.result()
            corpus.add("charts" if "/chart-" in repo else "images", repo, tag, digest)
            corpus.blob_bytes += size
            if n % 250 == 0 or n == len(jobs):
                progress("  pushed %d/%d artifacts" % (n, len(jobs)))
    return corpus


def _w2_layer_chunks(file_size, chunk_size, info):
    """Yields a gzip'd tar of one file_size-byte random file in chunks, computing its diff_id.

    Compression level 0 (stored deflate blocks): still a valid gzip stream the tools recognise,
    without spending a minute of CPU compressing incompressible bytes.
    """
    rng = random.Random(2)
    raw_hash = hashlib.sha256()
    comp = zlib.compressobj(0, zlib.DEFLATED, 31)  # wbits 31: gzip wrapper, mtime 0

    def feed(raw):
        raw_hash.update(raw)
        return comp.compress(raw)

    tinfo = tarfile.TarInfo("big/payload.bin")
    tinfo.size = file_size
    tinfo.mtime = _EPOCH
    tinfo.mode = 0o644
    pending = feed(tinfo.tobuf(format=tarfile.PAX_FORMAT))
    left = file_size
    while left > 0:
        n = min(chunk_size, left)
        pending += feed(rng.randbytes(n))
        left -= n
        if len(pending) >= chunk_size:
            yield pending
            pending = b""
    padding = (-file_size) % tarfile.BLOCKSIZE
    pending += feed(b"\0" * (padding + 2 * tarfile.BLOCKSIZE))
    pending += comp.flush()
    yield pending
    info["diff_id"] = "sha256:" + raw_hash.hexdigest()


def generate_w2(client, size=GiB, progress=print):
    """W2: one image with a single layer of `size` bytes, streamed in 16 MiB PATCH chunks."""
    corpus = Corpus("W2")
    info = {}
    file_size = max(size - 4096, 1)
    digest, blob_size = client.push_blob_chunked(W2_REPO, _w2_layer_chunks(file_size, 16 * MiB, info))
    config = _image_config([info["diff_id"]], W2_REPO + ":" + W2_TAG)
    client.push_blob(W2_REPO, config)
    manifest = _json({
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "config": _descriptor(OCI_CONFIG, config),
        "layers": [{"mediaType": OCI_LAYER_GZIP, "digest": digest, "size": blob_size}],
    })
    corpus.add("images", W2_REPO, W2_TAG, client.push_manifest(W2_REPO, W2_TAG, OCI_MANIFEST, manifest))
    corpus.blob_bytes = blob_size + len(config)
    progress("  layer %s: %.1f MiB" % (digest[:19], blob_size / MiB))
    return corpus
