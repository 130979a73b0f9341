"""The two contenders, each run as one timed process: skopeo sync and crsync sync --wait."""

import os
import re
import shutil
import signal
import subprocess

TIME_BINARY = "/usr/bin/time"
SKOPEO_BINARY = "skopeo"


class Measurement:
    """Wall time and peak resident set size of one process, from GNU time."""

    def __init__(self, exit_code, wall_s, peak_rss_kib, cpu_s, log):
        self.exit_code = exit_code
        self.wall_s = wall_s
        self.peak_rss_kib = peak_rss_kib
        self.cpu_s = cpu_s          # user + system CPU of the tool's process
        self.registry_cpu_s = None  # CPU both registries spent meanwhile, filled in by the caller
        self.log = log

    @property
    def peak_rss_mib(self):
        return self.peak_rss_kib / 1024.0


def check_time_binary():
    if not os.access(TIME_BINARY, os.X_OK):
        raise SystemExit("run-bench: %s is missing; install it with `apt-get install time`"
                         % TIME_BINARY)


RUN_TIMEOUT_S = 1800


def timed(argv, log_path, env=None):
    """Runs argv under GNU time: %e is elapsed wall seconds, %M the peak RSS in KiB, %U and %S
    the user and system CPU seconds.

    os.sync() first, so dirty pages left by the previous run are not flushed on this run's clock.
    A run that hangs is killed (its whole process group) after RUN_TIMEOUT_S.
    """
    os.sync()
    time_file = log_path + ".time"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen([TIME_BINARY, "-f", "%e %M %U %S", "-o", time_file, "--"] + argv,
                                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                env=env, start_new_session=True)
        try:
            proc.wait(timeout=RUN_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise RuntimeError("%s did not finish within %d s; see %s"
                               % (" ".join(argv[:3]), RUN_TIMEOUT_S, log_path))
        except KeyboardInterrupt:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait()
            raise
    with open(time_file) as f:
        # GNU time writes "Command exited with non-zero status N" above the numbers on failure.
        last = f.read().strip().splitlines()[-1].split()
    return Measurement(proc.returncode, float(last[0]), int(last[1]),
                       float(last[2]) + float(last[3]), log_path)


def tail(path, lines=15):
    try:
        with open(path, errors="replace") as f:
            return "".join(f.readlines()[-lines:])
    except OSError:
        return ""


def last_line(path):
    """The tool's own closing words (skopeo: "Synced N images from M sources", crsync: the task)."""
    lines = [line.strip() for line in tail(path, 5).splitlines() if line.strip()]
    if not lines:
        return ""
    m = re.search(r'msg="([^"]*)"', lines[-1])  # skopeo's logrus format
    return m.group(1) if m else lines[-1]


# --------------------------------------------------------------------------------------------
# skopeo

def skopeo_version():
    out = subprocess.run([SKOPEO_BINARY, "--version"], capture_output=True, text=True)
    return out.stdout.strip()


class Skopeo:
    """skopeo sync of a whole namespace in ONE process.

    skopeo has no namespace listing, so it is handed a YAML source that names every repository
    with an empty tag list (= all tags, read with tags/list): the same discovery of tags that
    crsync does, minus the catalog walk crsync does on top. --all keeps multi-arch indexes whole
    and --preserve-digests forbids any manifest rewrite, which is what crsync guarantees too.
    """

    def __init__(self, workdir):
        self.workdir = workdir

    def write_yaml(self, name, src_host, repositories):
        path = os.path.join(self.workdir, "skopeo-%s.yml" % name)
        with open(path, "w") as f:
            f.write("%s:\n  tls-verify: false\n  images:\n" % src_host)
            for repo in repositories:
                f.write("    %s: []\n" % repo)
        return path

    def sync(self, yaml_path, dst_host, namespace, log_path):
        # Without --scoped skopeo keeps only the last path element of each source repository,
        # so DEST/NAMESPACE + "app-000" lands at the same path as the source.
        argv = [SKOPEO_BINARY, "sync", "--src", "yaml", "--dest", "docker",
                "--dest-tls-verify=false", "--all", "--preserve-digests",
                yaml_path, "%s/%s" % (dst_host, namespace)]
        return timed(argv, log_path)


# --------------------------------------------------------------------------------------------
# crsync  (CLI: app/cli; `instance add`, `rule create`, `sync RULE --wait`)

class CrsyncUnavailable(RuntimeError):
    pass


class Crsync:
    """The crsync half: instances and one rule made with the CLI, then `sync RULE --wait` timed.

    Only the sync command is on the clock; creating instances and rules is set-up.
    """

    def __init__(self, binary, workdir):
        self.binary = binary
        self.workdir = workdir

    def probe(self):
        """Raises CrsyncUnavailable unless the binary has the commands the benchmark needs."""
        if not (os.path.isfile(self.binary) and os.access(self.binary, os.X_OK)):
            raise CrsyncUnavailable("%s not found (build it: cmake --build build)" % self.binary)
        helps = {}
        for words in ([], ["instance", "add"], ["rule", "create"], ["sync"]):
            out = subprocess.run([self.binary] + words + ["--help"], capture_output=True,
                                 text=True, stdin=subprocess.DEVNULL, timeout=30,
                                 env=self._env(os.path.join(self.workdir, "probe")))
            helps[" ".join(words)] = out.stdout + out.stderr
        for words, needle in (("", "sync"), ("instance add", "--url"),
                              ("rule create", "--namespace"), ("sync", "--wait")):
            if needle not in helps[words]:
                raise CrsyncUnavailable("`%s --help` does not mention %s: that command is not "
                                        "there yet" % (" ".join(["crsync"] + words.split()),
                                                       needle))
        # Plain-HTTP instances need an explicit opt-in flag.
        self._http_flag = "--allow-http" if "--allow-http" in helps["instance add"] else None
        shutil.rmtree(os.path.join(self.workdir, "probe"), ignore_errors=True)

    @staticmethod
    def _env(data_dir):
        env = dict(os.environ)
        env["CRSYNC_DATA_DIR"] = data_dir
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return env

    def _run(self, data_dir, args, log):
        argv = [self.binary, "--data-dir", data_dir] + args
        with open(log, "ab") as f:
            f.write(("$ crsync %s\n" % " ".join(args)).encode())
            f.flush()
            proc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=f,
                                  stderr=subprocess.STDOUT, env=self._env(data_dir), timeout=120)
        if proc.returncode != 0:
            raise RuntimeError("crsync %s failed with status %d; see %s:\n%s"
                               % (" ".join(args), proc.returncode, log, tail(log)))

    def setup(self, data_dir, src_url, dst_url, rule, namespace, resource_type, log):
        """Fresh data dir, instances src and dst, and one rule for the namespace."""
        shutil.rmtree(data_dir, ignore_errors=True)
        os.makedirs(data_dir)
        http = [self._http_flag] if self._http_flag else []
        self._run(data_dir, ["instance", "add", "src", "--url", src_url] + http, log)
        self._run(data_dir, ["instance", "add", "dst", "--url", dst_url] + http, log)
        self._run(data_dir, ["rule", "create", rule, "--source", "src", "--namespace", namespace,
                             "--type", resource_type, "--target", "dst"], log)

    def sync(self, data_dir, rule, log_path):
        return timed([self.binary, "--data-dir", data_dir, "sync", rule, "--wait"], log_path,
                     env=self._env(data_dir))

