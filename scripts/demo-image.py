#!/usr/bin/env python3
"""Writes a small OCI image layout for the demo: demo-image.py DIR REPOSITORY:TAG.

One layer (a gzipped tar with a text file naming the image) on a shared base layer, so
images of one repository share a blob as real ones do, and a config; the layout's index
names the manifest by the tag. Deterministic: the same arguments give the same digests.
"""
import gzip
import hashlib
import io
import json
import os
import sys
import tarfile


def tar_gz(files):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in files:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 0
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(data))
    plain = raw.getvalue()
    packed = io.BytesIO()
    with gzip.GzipFile(fileobj=packed, mode="wb", mtime=0) as gz:
        gz.write(plain)
    return packed.getvalue(), "sha256:" + hashlib.sha256(plain).hexdigest()


def main():
    if len(sys.argv) != 3 or ":" not in sys.argv[2]:
        sys.exit("usage: demo-image.py DIR REPOSITORY:TAG")
    out, ref = sys.argv[1], sys.argv[2]
    repository, tag = ref.rsplit(":", 1)
    blobs = os.path.join(out, "blobs", "sha256")
    os.makedirs(blobs, exist_ok=True)

    def put(data):
        digest = hashlib.sha256(data).hexdigest()
        with open(os.path.join(blobs, digest), "wb") as f:
            f.write(data)
        return {"digest": "sha256:" + digest, "size": len(data)}

    # The base is the same for every tag of a repository; about 64 KiB that does not compress.
    seed = hashlib.sha256(repository.encode()).digest()
    noise = b"".join(hashlib.sha256(seed + i.to_bytes(4, "big")).digest() for i in range(2048))
    base, base_diff = tar_gz([("usr/share/base.bin", noise)])
    top, top_diff = tar_gz([("etc/demo-image", ("%s\n" % ref).encode())])
    layers = []
    for data in (base, top):
        d = put(data)
        d["mediaType"] = "application/vnd.oci.image.layer.v1.tar+gzip"
        layers.append(d)
    config = json.dumps({
        "architecture": "amd64", "os": "linux",
        "config": {"Labels": {"org.opencontainers.image.title": ref}},
        "rootfs": {"type": "layers", "diff_ids": [base_diff, top_diff]},
    }, sort_keys=True).encode()
    c = put(config)
    c["mediaType"] = "application/vnd.oci.image.config.v1+json"
    manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                           "config": c, "layers": layers}, sort_keys=True).encode()
    m = put(manifest)
    m["mediaType"] = "application/vnd.oci.image.manifest.v1+json"
    m["annotations"] = {"org.opencontainers.image.ref.name": tag}
    with open(os.path.join(out, "index.json"), "w") as f:
        json.dump({"schemaVersion": 2, "manifests": [m]}, f)
    with open(os.path.join(out, "oci-layout"), "w") as f:
        json.dump({"imageLayoutVersion": "1.0.0"}, f)


if __name__ == "__main__":
    main()
