#!/usr/bin/env python3
"""Load test of `werkvorm serve`: 1,000 phones, one facilitator, one projector.

What it does, in order:

1. writes a session script with one open-question step (`max_answers: 10`, so that ten
   answers per participant are all accepted) into a temporary directory;
2. starts `werkvorm serve SESSION --record RECORD --port P` on a free loopback port (with
   the open-file limit raised to 4096 for the server, as `ulimit -n 4096` would);
3. joins the participants (POST /api/join) and opens an event stream for each of them
   (GET /api/phone/stream), each with its own cookie;
4. the facilitator goes to the step and reveals its results, so that the projector's view
   changes with every input; one projector stream is opened;
5. each participant sends its inputs at random moments spread over `--spread` seconds; a
   tenth of all inputs are sent a second time with the same id, as a phone's outbox does
   after a lost answer: half of those retries go while the first is still on its way, half
   shortly after its answer came;
6. SIGTERM to the server, which writes the record; the record is read back.

Measured: the time from sending an input to its answer (p50, p99); the projector's lag,
from an input's answer to the first projector message whose id (the session's sequence
number) is at least that input's; inputs lost (answered "accepted" but not accepted in the
record) and inputs counted twice (one id accepted twice in the record, not as a duplicate).

The binary: $WERKVORM, else .build/release/werkvorm if it exists, else .build/debug/werkvorm.
Needs aiohttp (`.venv/bin/pip install aiohttp`; uvloop is used when it is installed).

    .venv/bin/python Benchmarks/live-load.py            # exits 1 when a goal is missed
    .venv/bin/python Benchmarks/live-load.py --no-goals # only reports
"""

import argparse
import asyncio
import bisect
import json
import math
import os
import random
import re
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    import aiohttp
except ImportError:  # pragma: no cover
    sys.exit("live-load.py needs aiohttp: .venv/bin/pip install aiohttp")

ROOT = Path(__file__).resolve().parent.parent
GOALS = {"ack_p99_ms": 50.0, "projector_p99_ms": 250.0, "lost": 0, "double": 0}
SERVER_FILES = 4096
WORDS = (
    "trust respect listening courage neighbours language school work music food football family "
    "market library bicycle garden festival children elders stories patience humour kindness "
    "curiosity mosque church synagogue temple street park bus train city village future past "
    "together apart difference sameness equality justice fairness voice silence table kitchen "
    "dance colour rhythm bridge door window river harbour memory hope fear anger joy grief "
    "welcome home roots journey border passport name accent dialect recipe spices bread tea "
    "coffee laughter question answer doubt certainty teacher nurse baker driver cleaner "
    "volunteer council neighbourhood square fountain bench sunrise winter summer harvest"
).split()


def now() -> float:
    return time.perf_counter()


def percentile(values, p):
    """Nearest-rank percentile; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def ms(value):
    return "—" if value is None else f"{value * 1000:.1f} ms"


def binary_path() -> Path:
    given = os.environ.get("WERKVORM")
    if given:
        return Path(given)
    release = ROOT / ".build/release/werkvorm"
    return release if release.exists() else ROOT / ".build/debug/werkvorm"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def raise_file_limit(wanted: int) -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def server_preexec():
    raise_file_limit(SERVER_FILES)  # `ulimit -n 4096` for the server only
    os.setpgrp()  # its own process group: a Ctrl-C of the script does not reach it twice


def machine_busy():
    """CPU seconds all processes have used (busy time from /proc/stat)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
        return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return None


def cpu_seconds(pid: int):
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


SESSION = """\
title: "Load test"
language: en
date: 2026-12-01
start: "10:00"
steps:
  - exercise: open-question
    minutes: 15
    params:
      question: "What do you bring to this city?"
      max_answers: {max_answers}
"""


class Failure(Exception):
    """The run cannot go on (the server did not start, an event was refused...)."""


class SSE:
    """A minimal Server-Sent Events reader: complete messages as (id, data) from chunks."""

    def __init__(self):
        self.buffer = b""

    def feed(self, chunk: bytes):
        self.buffer += chunk
        end = self.buffer.rfind(b"\n\n")
        if end < 0:
            return []
        complete, self.buffer = self.buffer[:end], self.buffer[end + 2:]
        messages = []
        for block in complete.split(b"\n\n"):
            seq, data, event = None, None, None
            for line in block.split(b"\n"):
                if line.startswith(b"id: "):
                    seq = int(line[4:])
                elif line.startswith(b"data: "):
                    data = line[6:]
                elif line.startswith(b"event: "):
                    event = line[7:]
            if seq is not None or event is not None:
                messages.append((seq, data, event))
        return messages


class Run:
    def __init__(self, args):
        self.args = args
        self.port = args.port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.binary = binary_path()
        self.process = None
        self.stdout_lines = []
        self.links = {}
        self.rng = random.Random(args.seed)
        # measurements
        self.join_latencies = []
        self.acks = {}  # (participant, id) -> (seq, ack time, result)
        self.ack_latencies = []  # first sends
        self.retry_latencies = []  # retried sends (same id)
        self.retry_mismatch = 0  # a retry answered with another seq than the first send
        self.rejected = []
        self.too_many = 0
        self.errors = 0
        self.projector = []  # (time, seq, has html)
        self.projector_bytes = 0
        self.phone_messages = {}  # participant -> ([times], [seqs])
        self.loop_lags = []
        self.phase_times = {}
        self.cpu = {}

    # MARK: The server

    async def start_server(self, directory: Path):
        if not self.binary.exists():
            raise Failure(f"{self.binary}: no such binary; build it (swift build) or set WERKVORM")
        script = directory / "session.yaml"
        script.write_text(SESSION.format(max_answers=self.args.inputs))
        self.record = directory / "record.json"
        command = [str(self.binary), "serve", str(script), "--record", str(self.record), "--port", str(self.port),
                   "--library", str(ROOT / "Exercises")]
        for extra in self.args.library:
            command += ["--library", str(extra)]
        self.stderr = open(directory / "serve.stderr", "wb")
        self.process = await asyncio.create_subprocess_exec(
            *command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self.stderr, preexec_fn=server_preexec)
        self.stdout_task = asyncio.create_task(self.read_stdout())
        deadline = now() + 30
        while not {"code", "control", "projector"} <= self.links.keys():
            if self.process.returncode is not None:
                said = (directory / "serve.stderr").read_text(errors="replace")[-2000:]
                hint = ("; this binary has no `serve` (an older build?): rebuild it or set WERKVORM"
                        if "Unknown option" in said or "Unexpected argument" in said else "")
                raise Failure(f"{self.binary} serve stopped at once (exit {self.process.returncode}){hint}:\n{said}")
            if now() > deadline:
                raise Failure("werkvorm serve did not print its links within 30 s")
            await asyncio.sleep(0.05)
        live = json.loads(Path(str(self.record) + ".live").read_text())
        if live.get("join_code") != self.links["code"]:
            raise Failure("the join code on stdout is not the one in RECORD.live")

    async def read_stdout(self):
        while True:
            line = await self.process.stdout.readline()
            if not line:
                return
            text = line.decode(errors="replace").rstrip("\n")
            self.stdout_lines.append(text)
            if m := re.search(r"Join code: (\S+)", text):
                self.links["code"] = m.group(1)
            elif m := re.search(r"Control page[^:]*: (http://\S+)", text):
                self.links["control"] = m.group(1)
            elif m := re.search(r"Projector: (http://\S+)", text):
                self.links["projector"] = m.group(1)

    async def stop_server(self, timeout=30):
        if self.process is None or self.process.returncode is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(self.process.wait(), timeout)
        except asyncio.TimeoutError:
            self.process.kill()
            await self.process.wait()
            raise Failure(f"werkvorm serve did not stop within {timeout} s of SIGTERM; killed")

    def local(self, link: str) -> str:
        """A printed link (on localhost) as a path on 127.0.0.1."""
        return self.base + link.split(f":{self.port}", 1)[1]

    # MARK: Requests

    @staticmethod
    def headers(cookie=None):
        headers = {"Content-Type": "application/json", "X-Werkvorm": "1"}
        if cookie:
            headers["Cookie"] = cookie
        return headers

    async def token(self, link: str, name: str) -> str:
        async with self.http.get(self.local(link), allow_redirects=False) as response:
            if response.status != 303 or name not in response.cookies:
                raise Failure(f"{link.split('?')[0]}: expected 303 with a {name} cookie, got {response.status}")
            return f"{name}={response.cookies[name].value}"

    async def facilitator(self, cookie, event):
        event = {"id": "fac-" + os.urandom(6).hex(), **event}
        async with self.http.post(self.base + "/api/facilitator/event", json=event, headers=self.headers(cookie)) as response:
            body = await response.json(content_type=None)
            if response.status != 200 or body.get("result") != "accepted":
                raise Failure(f"facilitator event {event} → {response.status} {body}")
            return body

    async def join(self):
        body = {"code": self.links["code"]}
        for _ in range(20):
            started = now()
            async with self.http.post(self.base + "/api/join", json=body, headers=self.headers()) as response:
                answer = await response.json(content_type=None)
                if response.status == 429:
                    self.too_many += 1
                    await asyncio.sleep(float(response.headers.get("Retry-After", "1")))
                    continue
                if response.status != 200 or "wv_participant" not in response.cookies:
                    raise Failure(f"join → {response.status} {answer}")
                self.join_latencies.append(now() - started)
                return answer["participant"], "wv_participant=" + response.cookies["wv_participant"].value
        raise Failure("a join was refused as too many 20 times")

    async def follow(self, path, cookie, what, on_message):
        """Reads an event stream until its `end`, calling on_message(at, seq, data) per message."""
        reader = SSE()
        async with self.streams.get(self.base + path, headers={"Cookie": cookie}) as response:
            if response.status != 200:
                raise Failure(f"{what} stream → {response.status}")
            async for chunk in response.content.iter_any():
                at = now()
                for seq, data, event in reader.feed(chunk):
                    if event == b"end":
                        return
                    if seq is not None:
                        on_message(at, seq, data)

    async def phone_stream(self, participant, cookie, opened: asyncio.Event):
        times, seqs = [], []
        self.phone_messages[participant] = (times, seqs)

        def message(at, seq, data):
            if not seqs or seq > seqs[-1]:
                times.append(at)
                seqs.append(seq)
                opened.set()

        await self.follow("/api/phone/stream", cookie, "phone", message)

    async def projector_stream(self, cookie, opened: asyncio.Event):
        def message(at, seq, data):
            self.projector.append((at, seq, data is not None and b'"html"' in data))
            self.projector_bytes = max(self.projector_bytes, len(data or b""))
            opened.set()

        await self.follow("/api/projector/stream", cookie, "projector", message)

    async def send(self, participant, cookie, payload, retry=False):
        """Sends one input until it is answered (a lost connection or a 429 is tried again
        with the same id, as a phone's outbox does); returns (seq, ack time, result)."""
        for _ in range(20):
            started = now()
            try:
                async with self.http.post(self.base + "/api/phone/input", data=payload, headers=self.headers(cookie)) as response:
                    body = await response.read()
                    ended = now()
                    status = response.status
            except (aiohttp.ClientError, asyncio.TimeoutError):
                self.errors += 1
                await asyncio.sleep(0.2)
                continue
            if status == 429:
                self.too_many += 1
                await asyncio.sleep(1)
                continue
            answer = json.loads(body)
            (self.retry_latencies if retry else self.ack_latencies).append(ended - started)
            if status != 200:
                self.rejected.append((participant, status, answer))
            return answer.get("duplicate", answer.get("seq")), ended, answer.get("result")
        self.errors += 1
        return None, now(), "unanswered"

    async def participant(self, participant, cookie, plan, retries, start):
        """Sends `plan` (offsets in seconds from `start`); the inputs in `retries` twice."""
        late = []
        for k, offset in enumerate(plan):
            delay = start + offset - now()
            if delay > 0:
                await asyncio.sleep(delay)
            words = self.rng.sample(WORDS, self.rng.randint(2, 7))
            ident = f"{participant}-{k}-{os.urandom(4).hex()}"
            payload = json.dumps({"id": ident, "step": 1, "input": "answer", "fields": {"text": " ".join(words)}})
            key = (participant, ident)
            mode = retries.get(k)
            if mode == "racing":  # the retry goes while the first is on its way
                first, second = await asyncio.gather(self.send(participant, cookie, payload),
                                                     self.send(participant, cookie, payload, retry=True))
                self.acks[key] = first
                self.check_retry(first, second)
            else:
                self.acks[key] = await self.send(participant, cookie, payload)
                if mode == "after":  # the answer was "lost": the outbox sends it again
                    late.append(asyncio.create_task(self.retry_later(participant, cookie, payload, key)))
        await asyncio.gather(*late)

    async def retry_later(self, participant, cookie, payload, key):
        await asyncio.sleep(self.rng.uniform(0.05, 1.0))
        self.check_retry(self.acks[key], await self.send(participant, cookie, payload, retry=True))

    def check_retry(self, first, second):
        if first[0] is None or second[0] != first[0] or second[2] != first[2]:
            self.retry_mismatch += 1

    async def loop_lag(self):
        """How late the client's own event loop wakes up: its share of the latencies."""
        while True:
            planned = now() + 0.01
            await asyncio.sleep(0.01)
            self.loop_lags.append(now() - planned)

    # MARK: The run

    async def main(self, directory: Path):
        args = self.args
        await self.start_server(directory)
        timeout = aiohttp.ClientTimeout(total=None, sock_connect=10, sock_read=30)
        self.http = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=512), cookie_jar=aiohttp.DummyCookieJar(), timeout=timeout)
        self.streams = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0), cookie_jar=aiohttp.DummyCookieJar(),
                                             timeout=aiohttp.ClientTimeout(total=None, sock_connect=10, sock_read=None))
        background = []
        try:
            self.phase_times["start"] = now()
            # Joins, each phone with its stream open
            limit = asyncio.Semaphore(64)
            people = []

            streaming = round(args.participants * args.streams)

            async def one(number):
                async with limit:
                    participant, cookie = await self.join()
                opened = asyncio.Event()
                if number < streaming:
                    background.append(asyncio.create_task(self.phone_stream(participant, cookie, opened)))
                else:
                    opened.set()
                people.append((participant, cookie, opened))

            await asyncio.gather(*(one(n) for n in range(args.participants)))
            self.phase_times["joined"] = now()
            await asyncio.wait_for(asyncio.gather(*(opened.wait() for _, _, opened in people)), 60)
            self.phase_times["streams"] = now()
            self.check_background(background)

            # The facilitator goes to the step and reveals it; the projector watches
            facilitator = await self.token(self.links["control"], "wv_facilitator")
            await self.facilitator(facilitator, {"go": 1})
            if not args.no_reveal:
                await self.facilitator(facilitator, {"step": 1, "reveal": True})
            projector = await self.token(self.links["projector"], "wv_projector")
            shown = asyncio.Event()
            background.append(asyncio.create_task(self.projector_stream(projector, shown)))
            await asyncio.wait_for(shown.wait(), 10)
            await asyncio.sleep(1)  # the phones' views of the step settle
            self.check_background(background)

            # The inputs
            total = args.participants * args.inputs
            chosen = self.rng.sample(range(total), round(total * args.duplicates))
            retries = {}
            for index, pick in enumerate(chosen):
                retries.setdefault(pick // args.inputs, {})[pick % args.inputs] = "racing" if index % 2 == 0 else "after"
            background.append(asyncio.create_task(self.loop_lag()))
            pid = self.process.pid
            self.cpu["server_before"] = cpu_seconds(pid)
            self.cpu["client_before"] = time.process_time()
            self.cpu["machine_before"] = machine_busy()
            start = now() + 0.5
            self.phase_times["inputs"] = start
            tasks = []
            for number, (participant, cookie, _) in enumerate(people):
                plan = sorted(self.rng.uniform(0, args.spread) for _ in range(args.inputs))
                tasks.append(self.participant(participant, cookie, plan, retries.get(number, {}), start))
            await asyncio.gather(*tasks)
            self.phase_times["sent"] = now()
            self.cpu["server_sent"] = cpu_seconds(pid)
            self.cpu["client_sent"] = time.process_time()
            self.cpu["machine_sent"] = machine_busy()

            # The projector and the phones catch up with the last inputs
            last = max((seq for seq, _, result in self.acks.values() if seq is not None), default=0)
            latest = {}
            for (participant, _), (seq, _, _) in self.acks.items():
                if seq is not None and self.phone_messages.get(participant) is not None:
                    latest[participant] = max(seq, latest.get(participant, 0))

            def behind():
                if not args.no_reveal and (not self.projector or self.projector[-1][1] < last):
                    return True
                return any(not self.phone_messages[p][1] or self.phone_messages[p][1][-1] < seq for p, seq in latest.items())

            deadline = now() + 15
            while behind() and now() < deadline:
                await asyncio.sleep(0.05)
            self.phase_times["shown"] = now()
            self.cpu["server_shown"] = cpu_seconds(pid)
            self.check_background(background)
        finally:
            self.server_rss = self.rss()
            try:
                await self.stop_server()
            finally:
                for task in background:
                    task.cancel()
                await asyncio.gather(*background, return_exceptions=True)
                await self.http.close()
                await self.streams.close()
        self.phase_times["stopped"] = now()

    def rss(self):
        try:
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        except (OSError, ValueError):
            return None

    @staticmethod
    def check_background(tasks):
        for task in tasks:
            if task.done() and not task.cancelled() and task.exception():
                raise task.exception()

    # MARK: Figures

    def figures(self):
        record = json.loads(self.record.read_text())
        accepted_in_record = {}
        for event in record.get("events", []):
            if "input" not in event or event.get("id") is None:
                continue
            if event.get("result") == "accepted" and event.get("duplicate") is None:
                key = (event.get("participant"), event["id"])
                accepted_in_record[key] = accepted_in_record.get(key, 0) + 1
        acked = {key: ack for key, ack in self.acks.items() if ack[2] == "accepted"}
        lost = sum(1 for key in acked if key not in accepted_in_record)
        double = sum(1 for count in accepted_in_record.values() if count > 1)

        seqs = [seq for _, seq, _ in self.projector]
        times = [at for at, _, _ in self.projector]
        lags, never = [], 0
        for seq, acked_at, _ in acked.values():
            index = bisect.bisect_left(seqs, seq)
            if index == len(seqs):
                never += 1
            else:
                lags.append(max(0.0, times[index] - acked_at))
        phone_lags, phone_never = [], 0
        for (participant, _), (seq, acked_at, _) in acked.items():
            ptimes, pseqs = self.phone_messages.get(participant, ([], []))
            index = bisect.bisect_left(pseqs, seq)
            if index == len(pseqs):
                phone_never += 1
            else:
                phone_lags.append(max(0.0, ptimes[index] - acked_at))
        sending = self.phase_times["sent"] - self.phase_times["inputs"]
        sent = len(self.ack_latencies) + len(self.retry_latencies)
        server_cpu = None
        if self.cpu.get("server_before") is not None and self.cpu.get("server_sent") is not None:
            server_cpu = (self.cpu["server_sent"] - self.cpu["server_before"]) / sending
        client_cpu = (self.cpu["client_sent"] - self.cpu["client_before"]) / sending
        others = None
        if server_cpu is not None and self.cpu.get("machine_before") is not None and self.cpu.get("machine_sent") is not None:
            others = (self.cpu["machine_sent"] - self.cpu["machine_before"]) / sending - server_cpu - client_cpu
        return {
            "binary": str(self.binary),
            "binary_mb": round(self.binary.stat().st_size / 1e6, 1),
            "participants": self.args.participants,
            "inputs_per_participant": self.args.inputs,
            "spread_s": self.args.spread,
            "phone_streams": round(self.args.participants * self.args.streams),
            "revealed": not self.args.no_reveal,
            "library": [str(d) for d in self.args.library],
            "unique_inputs": len(self.acks),
            "accepted_acks": len(acked),
            "retries": len(self.retry_latencies),
            "requests_per_s": round(sent / sending, 1),
            "ack_p50_ms": rounded(percentile(self.ack_latencies, 50)),
            "ack_p99_ms": rounded(percentile(self.ack_latencies, 99)),
            "ack_max_ms": rounded(max(self.ack_latencies, default=None)),
            "retry_ack_p99_ms": rounded(percentile(self.retry_latencies, 99)),
            "projector_p50_ms": rounded(percentile(lags, 50)),
            "projector_p99_ms": rounded(percentile(lags, 99)),
            "projector_never": never,
            "projector_messages": len(self.projector),
            "projector_html": bool(self.projector and self.projector[-1][2]),
            "projector_kb": round(self.projector_bytes / 1000),
            "phone_p50_ms": rounded(percentile(phone_lags, 50)),
            "phone_p99_ms": rounded(percentile(phone_lags, 99)),
            "phone_never": phone_never,
            "phone_messages": sum(len(s) for _, s in self.phone_messages.values()),
            "lost": lost,
            "double": double,
            "retry_mismatch": self.retry_mismatch,
            "rejected": len(self.rejected),
            "rejected_sample": self.rejected[:3],
            "too_many": self.too_many,
            "errors": self.errors,
            "join_p50_ms": rounded(percentile(self.join_latencies, 50)),
            "join_p99_ms": rounded(percentile(self.join_latencies, 99)),
            "joins_s": round(self.phase_times["joined"] - self.phase_times["start"], 2),
            "server_cpu_cores": None if server_cpu is None else round(server_cpu, 2),
            "client_cpu_cores": round(client_cpu, 2),
            "other_cpu_cores": None if others is None else round(max(0.0, others), 2),
            "cores": os.cpu_count(),
            "client_loop_lag_p99_ms": rounded(percentile(self.loop_lags, 99)),
            "server_peak_rss_mb": None if self.server_rss is None else round(self.server_rss, 1),
            "record_events": len(record.get("events", [])),
            "wall_s": round(self.phase_times["stopped"] - self.phase_times["start"], 1),
        }


def rounded(seconds):
    return None if seconds is None else round(seconds * 1000, 1)


def report(f, goals: bool) -> bool:
    def met(ok):
        return ("yes" if ok else "**no**") if goals else ""

    ok_ack = f["ack_p99_ms"] is not None and f["ack_p99_ms"] <= GOALS["ack_p99_ms"]
    ok_projector = (f["projector_p99_ms"] is not None and f["projector_p99_ms"] <= GOALS["projector_p99_ms"]
                    and f["projector_never"] == 0)
    ok_lost = f["lost"] == 0 and f["errors"] == 0
    ok_double = f["double"] == 0 and f["retry_mismatch"] == 0
    print(f"\nwerkvorm serve under load: {f['participants']} participants × {f['inputs_per_participant']} inputs over "
          f"{f['spread_s']:g} s, {f['retries']} retried; {f['requests_per_s']} inputs/s")
    if f["phone_streams"] != f["participants"] or not f["revealed"] or f["library"]:
        print(f"variant: {f['phone_streams']} phones with a stream open; results {'revealed' if f['revealed'] else 'hidden'}"
              + (f"; exercises also from {', '.join(f['library'])}" if f["library"] else ""))
    print(f"binary: {f['binary']} ({f['binary_mb']} MB)\n")
    print("| measure | value | goal | met? |")
    print("| --- | ---: | ---: | --- |")
    print(f"| submit → ack p50 | {f['ack_p50_ms']} ms | | |")
    print(f"| submit → ack p99 | {f['ack_p99_ms']} ms | ≤ {GOALS['ack_p99_ms']:g} ms | {met(ok_ack)} |")
    never = f" ({f['projector_never']} never shown)" if f["projector_never"] else ""
    print(f"| projector lag p99 | {f['projector_p99_ms']} ms{never} | ≤ {GOALS['projector_p99_ms']:g} ms | {met(ok_projector)} |")
    errors = f" ({f['errors']} unanswered)" if f["errors"] else ""
    print(f"| inputs lost | {f['lost']}{errors} | 0 | {met(ok_lost)} |")
    mismatch = f" ({f['retry_mismatch']} retries answered differently)" if f["retry_mismatch"] else ""
    print(f"| inputs counted twice | {f['double']}{mismatch} | 0 | {met(ok_double)} |")
    print()
    print(f"also: ack max {f['ack_max_ms']} ms, retried ack p99 {f['retry_ack_p99_ms']} ms; projector lag p50 "
          f"{f['projector_p50_ms']} ms over {f['projector_messages']} messages of up to {f['projector_kb']} kB (outcome shown: {f['projector_html']}); "
          f"a phone's own view after its ack p50 {f['phone_p50_ms']} ms, p99 {f['phone_p99_ms']} ms "
          f"({f['phone_never']} never); joins {f['joins_s']} s (p99 {f['join_p99_ms']} ms); "
          f"{f['rejected']} rejected, {f['too_many']} × 429; server {f['server_cpu_cores']} cores, "
          f"client {f['client_cpu_cores']} cores, other processes {f['other_cpu_cores']} of {f['cores']} cores, client loop lag p99 {f['client_loop_lag_p99_ms']} ms; "
          f"server peak RSS {f['server_peak_rss_mb']} MB; {f['record_events']} events recorded; {f['wall_s']} s in all")
    if f["rejected_sample"]:
        print("rejected, for example:", f["rejected_sample"])
    return ok_ack and ok_projector and ok_lost and ok_double


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=1000)
    parser.add_argument("--inputs", type=int, default=10, help="inputs per participant (at most 10: the exercise's cap)")
    parser.add_argument("--duplicates", type=float, default=0.10, help="share of inputs sent twice with the same id")
    parser.add_argument("--spread", type=float, default=20.0, help="seconds over which each participant's inputs are spread")
    parser.add_argument("--streams", type=float, default=1.0, help="share of the phones with an event stream open (to find costs)")
    parser.add_argument("--no-reveal", action="store_true", help="leave the results hidden: the projector shows no outcome (to find costs)")
    parser.add_argument("--library", type=Path, action="append", default=[], metavar="DIR",
                        help="another exercise directory (later ones override an id): to try a changed open-question")
    parser.add_argument("--port", type=int, default=0, help="default: a free loopback port")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--time-limit", type=float, default=135.0,
                        help="seconds for the run; stopping the server may take 30 s more")
    parser.add_argument("--no-goals", action="store_true", help="only report; exit 0 whatever the figures")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (record, stderr)")
    args = parser.parse_args()
    if not 0 <= args.streams <= 1:
        parser.error("--streams is a share, from 0 to 1")
    if not 1 <= args.inputs <= 10:
        parser.error("--inputs must be from 1 to 10 (open-question takes at most 10 answers each)")

    files = raise_file_limit(args.participants + 1024)
    if files < args.participants + 200:
        print(f"warning: the open-file limit is {files}; {args.participants} streams need more", file=sys.stderr)
    try:
        import uvloop
        uvloop.install()
    except ImportError:
        pass

    directory = Path(tempfile.mkdtemp(prefix="werkvorm-live-load-"))
    run = Run(args)

    async def bounded():
        try:
            await asyncio.wait_for(run.main(directory), args.time_limit)
        except asyncio.TimeoutError:
            raise Failure(f"the run took longer than {args.time_limit:g} s")
        finally:
            if run.process is not None and run.process.returncode is None:
                run.process.kill()
                await run.process.wait()
            if getattr(run, "stderr", None):
                run.stderr.close()

    try:
        asyncio.run(bounded())
        figures = run.figures()
    except Failure as failure:
        print(f"live-load: {failure}", file=sys.stderr)
        print(f"(server output and record kept in {directory})", file=sys.stderr)
        sys.exit(2)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    ok = report(figures, goals=not args.no_goals)
    if args.keep:
        print(f"kept: {directory}")
    else:
        for path in sorted(directory.iterdir()):
            path.unlink()
        directory.rmdir()
    if not ok and not args.no_goals:
        print("\nA goal is missed.")
        sys.exit(1)


if __name__ == "__main__":
    main()
