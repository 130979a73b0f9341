#!/usr/bin/env python3
"""Writes a small OCI layout for the demo: demo-image.py [--multi-arch | --chart] DIR REPOSITORY:TAG.

An image is one layer (a gzipped tar with a text file naming the image) on a base layer
shared by the repository's images, as real ones share their bases, and a config. --multi-arch
makes an OCI index of an amd64 and an arm64 image; --chart a Helm chart as an OCI artifact
(the media types Helm 3 pushes). The layout's index.json names the result by the tag.
Deterministic: the same arguments give the same digests.
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
    args = sys.argv[1:]
    kind = "image"
    if args and args[0] in ("--multi-arch", "--chart"):
        kind = args.pop(0)[2:]
    if len(args) != 2 or ":" not in args[1]:
        sys.exit("usage: demo-image.py [--multi-arch | --chart] DIR REPOSITORY:TAG")
    out, ref = args
    repository, tag = ref.rsplit(":", 1)
    blobs = os.path.join(out, "blobs", "sha256")
    os.makedirs(blobs, exist_ok=True)

    def put(data):
        digest = hashlib.sha256(data).hexdigest()
        with open(os.path.join(blobs, digest), "wb") as f:
            f.write(data)
        return {"digest": "sha256:" + digest, "size": len(data)}

    def write_index(descriptor):
        descriptor["annotations"] = {"org.opencontainers.image.ref.name": tag}
        with open(os.path.join(out, "index.json"), "w") as f:
            json.dump({"schemaVersion": 2, "manifests": [descriptor]}, f)
        with open(os.path.join(out, "oci-layout"), "w") as f:
            json.dump({"imageLayoutVersion": "1.0.0"}, f)

    if kind == "chart":
        name = repository.rsplit("/", 1)[-1]
        chart_yaml = ("apiVersion: v2\nname: %s\nversion: %s\ndescription: crsync demo chart\n"
                      % (name, tag)).encode()
        content, _ = tar_gz([("%s/Chart.yaml" % name, chart_yaml)])
        config = json.dumps({"apiVersion": "v2", "name": name, "version": tag,
                             "description": "crsync demo chart"}, sort_keys=True).encode()
        c = put(config)
        c["mediaType"] = "application/vnd.cncf.helm.config.v1+json"
        layer = put(content)
        layer["mediaType"] = "application/vnd.cncf.helm.chart.content.v1.tar+gzip"
        manifest = json.dumps({"schemaVersion": 2,
                               "mediaType": "application/vnd.oci.image.manifest.v1+json",
                               "config": c, "layers": [layer]}, sort_keys=True).encode()
        m = put(manifest)
        m["mediaType"] = "application/vnd.oci.image.manifest.v1+json"
        write_index(m)
        return

    platforms = [("amd64", "")] if kind == "image" else [("amd64", ""), ("arm64", "v8")]
    children = [image(put, repository, ref, arch, variant) for arch, variant in platforms]
    if kind == "image":
        write_index(children[0])
        return
    index = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
                        "manifests": children}, sort_keys=True).encode()
    d = put(index)
    d["mediaType"] = "application/vnd.oci.image.index.v1+json"
    write_index(d)


def image(put, repository, ref, arch, variant):
    """Writes one image's blobs; returns its manifest's descriptor (with its platform)."""
    # The base is the same for every tag of a repository; about 64 KiB that does not compress.
    seed = hashlib.sha256(repository.encode()).digest()
    noise = b"".join(hashlib.sha256(seed + i.to_bytes(4, "big")).digest() for i in range(2048))
    base, base_diff = tar_gz([("usr/share/base.bin", noise)])
    top, top_diff = tar_gz([("etc/demo-image", ("%s %s\n" % (ref, arch)).encode())])
    layers = []
    for data in (base, top):
        d = put(data)
        d["mediaType"] = "application/vnd.oci.image.layer.v1.tar+gzip"
        layers.append(d)
    config = json.dumps({
        "architecture": arch, "os": "linux",
        "config": {"Labels": {"org.opencontainers.image.title": ref}},
        "rootfs": {"type": "layers", "diff_ids": [base_diff, top_diff]},
    }, sort_keys=True).encode()
    c = put(config)
    c["mediaType"] = "application/vnd.oci.image.config.v1+json"
    manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                           "config": c, "layers": layers}, sort_keys=True).encode()
    m = put(manifest)
    m["mediaType"] = "application/vnd.oci.image.manifest.v1+json"
    m["platform"] = {"architecture": arch, "os": "linux"}
    if variant:
        m["platform"]["variant"] = variant
    return m


if __name__ == "__main__":
    main()
