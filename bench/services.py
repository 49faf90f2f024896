"""The processes under test: gunicorn and a Celery worker with production settings, and a
local SMTP sink; their environment, start, readiness and peak memory."""

import os
import re
import socket
import statistics
import subprocess
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
WEB_WORKERS = 4
CELERY_CONCURRENCY = 2
_KEY = re.compile(rb"^X-Portal-Key: *(.+?)\r?$", re.MULTILINE | re.IGNORECASE)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def bench_environment(
    *, database_url: str, redis_url: str, web_port: int, smtp_port: int, static_root: Path
) -> dict[str, str]:
    """Production settings, with what production.py requires and HTTPS redirects off
    (the load generator speaks plain HTTP on 127.0.0.1)."""
    return {
        "DJANGO_SETTINGS_MODULE": "network_portal.settings.production",
        "DEBUG": "false",
        "SECRET_KEY": "bench-" + "k3y" * 20,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "PORTAL_IMPRINT_CONTACT": "Bench-Betrieb, Musterstraße 1, 44787 Bochum",
        "PORTAL_PRIVACY_CONTACT": "datenschutz@bench.example",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": "np-bench",
        "STATIC_ROOT": str(static_root),
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "SITE_URL": f"http://127.0.0.1:{web_port}",
        "LOG_LEVEL": "WARNING",
    }


def wait_for_port(port: int, *, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answers on port {port} after {timeout:.0f} s")


@dataclass
class Process:
    """A child process we started, with its log file; stopped by its own pid only."""

    name: str
    popen: subprocess.Popen
    log: Path

    def child_pids(self) -> list[int]:
        path = Path(f"/proc/{self.popen.pid}/task/{self.popen.pid}/children")
        try:
            return [int(pid) for pid in path.read_text().split()]
        except OSError:
            return []

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()


def _start(name: str, args: list[str], env: dict[str, str], logs: Path) -> Process:
    log = logs / f"{name}.log"
    handle = log.open("w")
    popen = subprocess.Popen(  # noqa: S603 - our own executables from .venv
        args, cwd=ROOT, env={**os.environ, **env}, stdout=handle, stderr=subprocess.STDOUT
    )
    return Process(name, popen, log)


def start_gunicorn(env: dict[str, str], port: int, logs: Path) -> Process:
    args = [
        str(BIN / "gunicorn"),
        "network_portal.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(WEB_WORKERS),
        "--worker-class",
        "sync",
        "--backlog",
        "2048",
    ]
    process = _start("gunicorn", args, env, logs)
    wait_for_port(port)
    return process


def start_celery(env: dict[str, str], logs: Path) -> Process:
    args = [
        str(BIN / "celery"),
        "-A",
        "network_portal",
        "worker",
        "--loglevel",
        "INFO",
        "--concurrency",
        str(CELERY_CONCURRENCY),
        "--without-gossip",
        "--without-mingle",
    ]
    process = _start("celery", args, env, logs)
    deadline = time.monotonic() + 60
    while b"ready." not in process.log.read_bytes():
        if process.popen.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"the Celery worker did not start; see {process.log}")
        time.sleep(0.2)
    return process


def task_medians(log: Path) -> dict[str, float]:
    """Median run time (ms) of each Celery task name, from the worker's INFO log."""
    pattern = re.compile(r"Task ([\w.]+)\[[^]]+\] succeeded in ([0-9.]+)s")
    times: dict[str, list[float]] = {}
    for name, seconds in pattern.findall(log.read_text(errors="replace")):
        times.setdefault(name, []).append(float(seconds) * 1000)
    return {name: round(statistics.median(values), 1) for name, values in times.items()}


def _cpu_seconds(pid: int, *, with_ended_children: bool = False) -> float:
    """User and system CPU time of one process so far (0 when it is gone); with the time of
    its children that ended and were waited for (a closed PostgreSQL connection's backend)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat[stat.rindex(")") + 2 :].split()
    used = int(fields[11]) + int(fields[12])
    if with_ended_children:
        used += int(fields[13]) + int(fields[14])
    return used / os.sysconf("SC_CLK_TCK")


def _postgres_seconds() -> float:
    """Every PostgreSQL server process, and the backends that ended (the postmaster's
    children): a connection closed during a measurement takes its time along otherwise."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            name = (entry / "comm").read_text().strip()
            parent = (entry / "stat").read_text().rsplit(")", 1)[1].split()[1]
            parent_name = Path(f"/proc/{parent}/comm").read_text().strip()
        except (OSError, IndexError):
            continue
        if name.startswith("postgres"):
            postmaster = not parent_name.startswith("postgres")
            total += _cpu_seconds(int(entry.name), with_ended_children=postmaster)
    return total


def cpu_seconds(web: Process, celery: Process) -> dict[str, float]:
    """CPU time used so far by each part on this machine: the web server (gunicorn and its
    workers), PostgreSQL (every server process), the Celery worker, and this process (the
    load generator and the SMTP sink). Take it before and after a measurement."""

    def tree(process: Process) -> float:
        main = _cpu_seconds(process.popen.pid, with_ended_children=True)
        return main + sum(map(_cpu_seconds, process.child_pids()))

    return {
        "web": tree(web),
        "database": _postgres_seconds(),
        "worker": tree(celery),
        "load_generator_and_smtp_sink": _cpu_seconds(os.getpid()),
    }


def cpu_ms_per_request(before: dict, after: dict, requests: int) -> dict[str, float]:
    used = {part: (after[part] - before[part]) * 1000 / requests for part in after}
    rounded = {part: round(ms, 1) for part, ms in used.items()}
    return {**rounded, "all": round(sum(used.values()), 1)}


def peak_rss_mb(pid: int) -> float:
    """VmHWM: the highest resident set size the process ever had, in MB."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return float("nan")
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return round(int(match.group(1)) / 1024, 1) if match else float("nan")


@dataclass
class SmtpSink:
    """Accepts every mail and counts it by its ``X-Portal-Key`` (duplicates show up)."""

    keys: Counter = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)
    last_arrival: float = 0.0

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd API
        head = (envelope.original_content or envelope.content).split(b"\r\n\r\n", 1)[0]
        match = _KEY.search(head.replace(b"\r\n ", b" ").replace(b"\r\n\t", b" "))
        key = match.group(1).decode() if match else "(no key)"
        with self.lock:
            self.keys[key] += 1
            self.last_arrival = time.monotonic()
        return "250 Message accepted for delivery"

    def count(self, prefix: str) -> tuple[int, int]:
        """(mails received, distinct keys) for keys starting with ``prefix``."""
        with self.lock:
            matching = {k: n for k, n in self.keys.items() if k.startswith(prefix)}
        return sum(matching.values()), len(matching)


def start_smtp_sink(port: int) -> tuple[SmtpSink, Controller]:
    sink = SmtpSink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    return sink, controller
