"""A small HTTP/1.1 load generator on asyncio streams: closed-loop clients, latencies.

No dependency beyond the standard library. Each client sends a request, waits for the
whole response, records the latency and sends the next one; a connection is reused while
the server keeps it open (gunicorn's sync workers close it after every response).
"""

import asyncio
import contextlib
import itertools
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode

Headers = dict[str, str]


@dataclass
class Response:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str:
        name = name.lower()
        return next((value for key, value in self.headers if key.lower() == name), "")

    def cookies(self) -> dict[str, str]:
        jar = SimpleCookie()
        for key, value in self.headers:
            if key.lower() == "set-cookie":
                jar.load(value)
        return {name: morsel.value for name, morsel in jar.items()}


@dataclass
class Request:
    method: str
    path: str
    headers: Headers = field(default_factory=dict)
    body: bytes = b""
    first_visit: bool = False  # a query parameter of its own on every send: never in a cache

    @classmethod
    def form(cls, path: str, data: dict[str, str], headers: Headers | None = None) -> "Request":
        body = urlencode(data).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
        return cls("POST", path, headers, body)


_visits = itertools.count()


def _first_visit_path(path: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}besuch={next(_visits)}"


class Connection:
    """One client's connection to the server, opened again whenever the server closed it."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def send(self, request: Request) -> Response:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        path = _first_visit_path(request.path) if request.first_visit else request.path
        head = [f"{request.method} {path} HTTP/1.1", f"Host: {self.host}"]
        head += [f"{name}: {value}" for name, value in request.headers.items()]
        if request.body or request.method == "POST":
            head.append(f"Content-Length: {len(request.body)}")
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + request.body)
        response, keep_alive = await self._read()
        if not keep_alive:
            await self.close()
        return response

    async def _read(self) -> tuple[Response, bool]:
        status_line = await self.reader.readuntil(b"\r\n")
        status = int(status_line.split()[1])
        headers = []
        while (line := await self.reader.readuntil(b"\r\n")) != b"\r\n":
            name, _, value = line.decode("latin-1").partition(":")
            headers.append((name.strip(), value.strip()))
        response = Response(status, headers, b"")
        length = response.header("content-length")
        if length:
            response.body = await self.reader.readexactly(int(length))
        elif response.header("transfer-encoding").lower() == "chunked":
            response.body = await self._chunks()
        else:
            response.body = await self.reader.read()
            return response, False
        return response, response.header("connection").lower() != "close"

    async def _chunks(self) -> bytes:
        parts = []
        while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
            parts.append(await self.reader.readexactly(size))
            await self.reader.readexactly(2)
        await self.reader.readuntil(b"\r\n")
        return b"".join(parts)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


@dataclass
class Result:
    """What one measurement saw: latencies in seconds, status codes, elapsed time."""

    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    errors: int = 0
    elapsed: float = 0.0

    @property
    def count(self) -> int:
        return len(self.latencies)

    def percentile(self, share: float) -> float:
        if not self.latencies:
            return float("nan")
        if len(self.latencies) == 1:
            return self.latencies[0]
        return statistics.quantiles(self.latencies, n=1000, method="inclusive")[
            int(share * 1000) - 1
        ]

    def summary(self) -> dict:
        return {
            "requests": self.count,
            "seconds": round(self.elapsed, 2),
            "throughput_rps": round(self.count / self.elapsed, 1) if self.elapsed else 0.0,
            "p50_ms": round(self.percentile(0.50) * 1000, 1),
            "p95_ms": round(self.percentile(0.95) * 1000, 1),
            "p99_ms": round(self.percentile(0.99) * 1000, 1),
            "statuses": {str(code): n for code, n in sorted(self.statuses.items())},
            "server_errors": sum(n for code, n in self.statuses.items() if code >= 500),
            "connection_errors": self.errors,
        }


async def _one(connection: Connection, request: Request, result: Result) -> Response | None:
    started = time.perf_counter()
    try:
        response = await connection.send(request)
    except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
        result.errors += 1
        await connection.close()
        return None
    result.latencies.append(time.perf_counter() - started)
    result.statuses[response.status] += 1
    return response


async def run_for(
    host: str, port: int, request: Request, *, clients: int, seconds: float
) -> Result:
    """``clients`` closed-loop clients send ``request`` again and again for ``seconds``."""
    result = Result()
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        connection = Connection(host, port)
        while time.perf_counter() < deadline:
            await _one(connection, request, result)
        await connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    result.elapsed = time.perf_counter() - started
    return result


async def run_each(
    host: str,
    port: int,
    requests: list[Request],
    *,
    clients: int,
    check: Callable[[Request, Response], None] | None = None,
) -> Result:
    """Send every request once, ``clients`` at a time, in list order (a shared queue)."""
    result = Result()
    queue: asyncio.Queue[Request] = asyncio.Queue()
    for request in requests:
        queue.put_nowait(request)

    async def client() -> None:
        connection = Connection(host, port)
        while not queue.empty():
            request = queue.get_nowait()
            response = await _one(connection, request, result)
            if response is not None and check is not None:
                check(request, response)
        await connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    result.elapsed = time.perf_counter() - started
    return result
