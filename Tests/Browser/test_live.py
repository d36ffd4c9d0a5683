"""End-to-end test of `werkvorm serve` in a real browser (Debian's Chromium via Playwright).

One live session of Examples/iedereen-mee-sessie-6.yaml, step 6 (engagement voting): a
facilitator page, a projector and 30 phones (one on a plain-http host name, as in a venue).
The phones write engagements and vote with dots in a fixed pattern; one phone votes while
offline; the server is killed with SIGKILL in the middle of the vote and resumed; the
projector must show the exact tally, and `werkvorm replay` must find the record identical.

Run from the package root:
    .venv/bin/python -m pytest Tests/Browser/test_live.py -v
The binary is $WERKVORM (default .build/debug/werkvorm); Chromium is /usr/bin/chromium.
"""

import collections
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "Examples" / "iedereen-mee-sessie-6.yaml"
SHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM = "/usr/bin/chromium"
VENUE_HOST = "zaal.test"  # resolved to 127.0.0.1 by Chromium: a plain-http name, not a secure context

PHONES = 30
VENUE_PHONES = {0, 13}  # these open http://zaal.test:PORT/
OFFLINE_PHONE = 17
BURST_PHONES = range(0, 6)  # tap once right before the server is killed, without waiting
DOWN_PHONES = (20, 21, 22)  # tap once while the server is down
STEP = 6
DOTS = 5


def dots_left_text(left):
    """What a phone says beside the engagements: 1 bolletje, 0 or 2 and more bolletjes."""
    return "Je hebt nog 1 bolletje" if left == 1 else f"Je hebt nog {left} bolletjes"


WAIT = 15_000  # ms, for any one thing to show up

# Every click a phone's page receives is kept, with what it hit, so that a test tap can be seen
# to have arrived where it was aimed.
COUNT_CLICKS = "window.clicked = []; document.addEventListener('click', e => { window.clicked.push(e.target); }, true);"


def tap(page, locator):
    """Tap as a finger does, and make sure the click arrived on what was tapped.

    On a loaded machine Chromium can receive a tap's touchend so late that its gesture detector
    takes the touch for a long press, which makes no click at all (crbug.com/613219). A tap that
    brought no click within WAIT is made again; a tap whose click arrived is never repeated. A
    click that hit something else fails the test: the page moved under the finger."""
    target = locator.element_handle(timeout=WAIT)
    for _ in range(3):
        page.evaluate("window.clicked = []")
        locator.tap()
        try:
            page.wait_for_function("() => window.clicked.length > 0", timeout=WAIT)
        except PlaywrightTimeout:
            continue
        hit = page.evaluate("el => window.clicked.some(t => el.contains(t))", target)
        assert hit, f"a tap on {locator} hit {page.evaluate('window.clicked.map(t => t.outerHTML.slice(0, 80))')}"
        return
    raise AssertionError(f"three taps on {locator} brought no click")


def werkvorm_binary() -> Path:
    path = Path(os.environ.get("WERKVORM", ".build/debug/werkvorm"))
    return path if path.is_absolute() else ROOT / path


def werkvorm_env():
    # the shipped exercises of this checkout, also for a binary copied elsewhere
    return dict(os.environ, WERKVORM_HOME=os.environ.get("WERKVORM_HOME", str(ROOT)))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("0.0.0.0", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------------------------
# the server


class Server:
    """`werkvorm serve` in a temporary directory, its stdout read line by line."""

    def __init__(self, workdir: Path, port: int):
        self.workdir = workdir
        self.port = port
        self.record = workdir / "r.json"
        self.proc = None
        self.lines = []
        self.errors = []
        self.links = {}

    def command(self, resume: bool):
        command = [str(werkvorm_binary()), "serve", str(SCRIPT), "--record", str(self.record),
                   "--port", str(self.port), "--allow-host", VENUE_HOST]
        return command + (["--resume"] if resume else [])

    def start(self, resume: bool = False, timeout: float = 30):
        self.lines, self.errors, self.links = [], [], {}
        ready = threading.Event()
        self.proc = subprocess.Popen(self.command(resume), cwd=self.workdir, env=werkvorm_env(), stdin=subprocess.DEVNULL,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)

        def read_out(stream, lines):
            for line in stream:
                lines.append(line.rstrip("\n"))
                if line.startswith("Projector:"):
                    ready.set()
            ready.set()  # the process ended

        threading.Thread(target=read_out, args=(self.proc.stdout, self.lines), daemon=True).start()
        threading.Thread(target=lambda: [self.errors.append(l.rstrip("\n")) for l in self.proc.stderr], daemon=True).start()
        assert ready.wait(timeout), f"werkvorm serve did not start in {timeout}s: {self.lines} {self.errors}"
        assert self.proc.poll() is None, f"werkvorm serve stopped: {self.lines} {self.errors}"
        text = "\n".join(self.lines)
        self.links["facilitator"] = re.search(r"Control page \(this laptop, opens once\): (\S+)", text).group(1)
        self.links["projector"] = re.search(r"Projector: (\S+)", text).group(1)
        self.code = re.search(r"Join code: (\S+)", text).group(1)
        live = json.loads((self.workdir / "r.json.live").read_text())
        assert live["join_code"] == self.code
        return self

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def end(self, timeout: float = 20) -> int:
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout)
        deadline = time.monotonic() + 5
        while not any(" accepted; wrote " in l for l in self.lines) and time.monotonic() < deadline:
            time.sleep(0.05)  # the reader thread catches up with the last lines
        return code

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


@pytest.fixture(scope="module")
def server():
    assert werkvorm_binary().exists(), f"no binary at {werkvorm_binary()}: run swift build, or set WERKVORM"
    with tempfile.TemporaryDirectory(prefix="werkvorm-browser-") as directory:
        served = Server(Path(directory), free_port()).start()
        try:
            yield served
        finally:
            served.stop()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM,
                                     args=["--no-sandbox", f"--host-resolver-rules=MAP {VENUE_HOST} 127.0.0.1"])
        try:
            yield chromium
        finally:
            chromium.close()


# ---------------------------------------------------------------------------------------------
# the voting pattern: what each phone does, so that the tally is known before the vote


def engagements_of(i: int):
    texts = [f"Engagement {i:02d}: ik spreek collega {i % 7} aan op vooroordelen"]
    if i % 10 == 0:
        texts.append(f"Engagement {i:02d}b: ik lees mij in over dekolonisering")
    return texts


NOTES = sum(len(engagements_of(i)) for i in range(PHONES))  # 33


def votes_of(i: int):
    """Phone i's taps as (sign, note number), in two rounds: before and after the crash."""
    a, b = i % NOTES + 1, (3 * i + 5) % NOTES + 1
    c, d = (7 * i + 2) % 11 + 1, 1 if i % 4 == 0 else (i * i) % NOTES + 1
    first = [(+1, a), (+1, a), (+1, b)]  # stacking two dots on a
    second = [(+1, c), (+1, d)]
    if i % 9 == 4:  # takes one back and places two more
        second = [(-1, a), (+1, c), (+1, d), (+1, (5 * i) % NOTES + 1)]
    return first, second


def expected_tally():
    tally = collections.Counter()
    for i in range(PHONES):
        for sign, note in sum(votes_of(i), []):
            tally[note] += sign
    return tally


def dots_left_after(actions) -> int:
    return DOTS - sum(sign for sign, _ in actions)


# ---------------------------------------------------------------------------------------------
# the pages


class Phone:
    def __init__(self, index, context, page, base):
        self.index, self.context, self.page, self.base = index, context, page, base
        self.done = []  # the taps that were sent

    def status(self):
        return self.page.locator("#status-text")

    def dot_button(self, sign: int, note: int):
        item = self.page.locator(f'.dots li:has(.count[data-item="{note}"])')
        return item.locator("button").nth(1 if sign > 0 else 0)

    def tap(self, sign: int, note: int):
        tap(self.page, self.dot_button(sign, note))
        self.done.append((sign, note))

    def tap_without_waiting(self, sign: int, note: int):
        self.dot_button(sign, note).evaluate("button => button.click()")
        self.done.append((sign, note))

    def my_dots(self):
        mine = collections.Counter()
        for sign, note in self.done:
            mine[note] += sign
        return {note: n for note, n in mine.items() if n}

    def expect_settled(self, timeout=WAIT):
        """Every tap answered by the server: nothing waiting, the dots left and counts as sent."""
        left = dots_left_after(self.done)
        try:
            expect(self.page.locator("#dots-left")).to_have_text(dots_left_text(left), timeout=timeout)
            expect(self.page.locator("#mine li.wait")).to_have_count(0, timeout=timeout)
            for note, n in self.my_dots().items():
                expect(self.page.locator(f'.dots .count[data-item="{note}"]')).to_have_text(str(n), timeout=timeout)
            # one row for each tap in "Wat je instuurde", each answered
            rows = self.page.locator("#mine li", has_text=re.compile(r"^Bolletje (plakken|terugnemen): "))
            expect(rows).to_have_count(len(self.done), timeout=timeout)
            expect(rows.filter(has_text="Verstuurd ✓")).to_have_count(len(self.done), timeout=timeout)
        except AssertionError as error:
            raise AssertionError(f"phone {self.index} ({self.base}), taps {self.done}: {self.describe()}") from error

    def describe(self):
        return self.page.evaluate("""() => ({
            status: document.getElementById("status-text").textContent,
            outbox: Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)])),
            mine: Array.from(document.querySelectorAll("#mine li"), li => li.textContent),
        })""")


def open_phone(browser, index, port, code) -> Phone:
    host = VENUE_HOST if index in VENUE_PHONES else "127.0.0.1"
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True,
                                  device_scale_factor=1, locale="nl-BE")
    context.add_init_script(COUNT_CLICKS)
    page = context.new_page()
    base = f"http://{host}:{port}"
    page.goto(f"{base}/?code={code}")
    return Phone(index, context, page, base)


def test_live_session_with_thirty_phones(server, browser):
    started = time.monotonic()

    def lap(what):  # shown with pytest -s
        print(f"{time.monotonic() - started:6.1f}s  {what}", flush=True)

    SHOTS.mkdir(exist_ok=True)
    port, code = server.port, server.code
    tally = expected_tally()
    assert sum(tally.values()) == PHONES * DOTS

    # 1. facilitator (desktop) and projector (1280x720)
    facilitator_context = browser.new_context(viewport={"width": 1366, "height": 900})
    facilitator = facilitator_context.new_page()
    facilitator.goto(server.links["facilitator"])
    expect(facilitator).to_have_url(re.compile(r"/facilitator$"))
    expect(facilitator.locator("#status-text")).to_have_text("Verbonden", timeout=WAIT)
    expect(facilitator.locator("#code")).to_have_text(code)
    projector_context = browser.new_context(viewport={"width": 1280, "height": 720})
    projector = projector_context.new_page()
    projector.goto(server.links["projector"])
    expect(projector).to_have_url(re.compile(r"/projector$"))
    expect(projector.locator("#code")).to_have_text(code, timeout=WAIT)
    expect(projector.locator("#qr")).to_be_visible()
    assert projector.evaluate("document.querySelector(\"#qr\").naturalWidth") > 0
    expect(projector.locator("#address")).to_have_text(re.compile(rf":{port}$"), timeout=WAIT)
    if shutil.which("zbarimg"):  # the QR code, as a phone's camera reads it
        picture = server.workdir / "qr.png"
        projector.locator("#qr").screenshot(path=str(picture))
        read = subprocess.run(["zbarimg", "--quiet", "--raw", str(picture)], capture_output=True, text=True, timeout=30)
        address = projector.locator("#address").text_content()
        assert read.stdout.strip() == f"http://{address}/?code={code}", read

    lap('facilitator and projector open')

    # 2. thirty phones join
    phones = [open_phone(browser, i, port, code) for i in range(PHONES)]
    for phone in phones:
        expect(phone.page.locator("#join")).to_be_visible(timeout=WAIT)
        expect(phone.page.locator("#code")).to_have_value(code)
        tap(phone.page, phone.page.locator("#join-form button[type=submit]"))
    for phone in phones:
        expect(phone.page.locator("#session")).to_be_visible(timeout=WAIT)
        expect(phone.status()).to_have_text("Verbonden", timeout=WAIT)
    expect(facilitator.locator("#count")).to_have_text(str(PHONES), timeout=WAIT)
    expect(projector.locator("#count")).to_have_text(str(PHONES), timeout=WAIT)
    for index in VENUE_PHONES:
        page = phones[index].page
        assert page.evaluate("window.isSecureContext") is False, "the venue host name must be a plain-http context"
        assert page.evaluate("typeof crypto.randomUUID") == "undefined"
    assert phones[1].page.evaluate("window.isSecureContext") is True  # 127.0.0.1 is trustworthy
    # a name the server was not told about is refused (421), the venue's name is not
    other = facilitator_context.request.get(f"http://127.0.0.1:{port}/", headers={"Host": f"elders.test:{port}"})
    assert other.status == 421, other.status
    venue = facilitator_context.request.get(f"http://127.0.0.1:{port}/", headers={"Host": f"{VENUE_HOST}:{port}"})
    assert venue.status == 200, venue.status

    lap('30 phones joined')

    # 3. step 6, collect: everyone writes one engagement, some two
    facilitator.get_by_role("button", name=f"Ga naar stap {STEP}").click()
    expect(facilitator.locator("#now")).to_contain_text(f"{STEP}. ", timeout=WAIT)
    facilitator.locator("#phases button", has_text="Engagementen verzamelen").click()
    expect(facilitator.locator("#phases button[aria-pressed=true]")).to_have_text("Engagementen verzamelen", timeout=WAIT)
    for phone in phones:
        expect(phone.page.locator("#phase")).to_have_text("Engagementen verzamelen", timeout=WAIT)
    for round_ in (0, 1):
        writers = [p for p in phones if len(engagements_of(p.index)) > round_]
        # a phone that writes no more, its form on the screen: the others' post-its appear above
        # it, and the form a finger is on stays where it is
        reader = phones[1].page
        if round_ == 1:
            reader.locator("#forms").scroll_into_view_if_needed()
            form_top = reader.evaluate("document.getElementById('forms').getBoundingClientRect().top")
        for phone in writers:
            form = phone.page.locator("form", has=phone.page.locator("textarea"))
            form.locator("textarea").fill(engagements_of(phone.index)[round_])
            tap(phone.page, form.get_by_role("button", name="Versturen"))
        for phone in writers:
            text = engagements_of(phone.index)[round_]
            expect(phone.page.locator("#mine li", has_text=text)).to_contain_text("Verstuurd ✓", timeout=WAIT)
        if round_ == 1:
            expect(reader.locator("#view li")).to_have_count(NOTES, timeout=WAIT)
            assert reader.evaluate("window.scrollY") > 0
            moved = reader.evaluate("document.getElementById('forms').getBoundingClientRect().top") - form_top
            assert abs(moved) < 2, f"the form moved {moved} px while the list above it grew"  # within a scroll's rounding

    lap('engagements written')

    # 3b. vote: the notes are numbered in the order the server took them
    facilitator.locator("#phases button", has_text="Stemmen met bolletjes").click()
    for phone in phones:
        expect(phone.page.locator("#phase")).to_have_text("Stemmen met bolletjes", timeout=WAIT)
        expect(phone.page.locator(".dots li")).to_have_count(NOTES, timeout=WAIT)
        expect(phone.page.locator("#dots-left")).to_have_text(dots_left_text(DOTS), timeout=WAIT)
    labels = phones[0].page.locator(".dots li .text").all_text_contents()
    notes = {}
    for label in labels:
        number, text = label.split(". ", 1)
        notes[int(number)] = text
    assert sorted(notes) == list(range(1, NOTES + 1))
    assert sorted(notes.values()) == sorted(t for i in range(PHONES) for t in engagements_of(i))

    first_round = {p.index: votes_of(p.index)[0] for p in phones}
    for phone in phones:
        for sign, note in first_round[phone.index]:
            phone.tap(sign, note)
    for phone in phones:
        phone.expect_settled()

    lap('first round of dots settled')
    phone = phones[3]
    phone.page.screenshot(path=str(SHOTS / "phone-vote.png"), full_page=True)

    # 4. one phone votes offline: the tap waits, then counts exactly once
    offline = phones[OFFLINE_PHONE]
    second_round = {p.index: list(votes_of(p.index)[1]) for p in phones}
    offline.context.set_offline(True)  # new requests fail; Chromium keeps the open event stream
    sign, note = second_round[OFFLINE_PHONE].pop(0)
    offline.tap(sign, note)
    expect(offline.page.locator("#mine li.wait")).to_contain_text("wordt verstuurd", timeout=WAIT)
    outbox_key = f"werkvorm-outbox-{code}"
    offline.page.wait_for_function(
        "key => (JSON.parse(localStorage.getItem(key) || '[]')[0] || {}).tries >= 1", arg=outbox_key, timeout=WAIT)
    waiting = offline.page.evaluate("key => JSON.parse(localStorage.getItem(key))", outbox_key)
    assert len(waiting) == 1, waiting
    offline_body = waiting[0]["body"]
    offline.page.screenshot(path=str(SHOTS / "phone-offline.png"), full_page=True)
    offline.context.set_offline(False)
    expect(offline.status()).to_have_text("Verbonden", timeout=WAIT)
    offline.expect_settled()
    assert offline.page.evaluate("key => JSON.parse(localStorage.getItem(key) || '[]').length", outbox_key) == 0

    lap('offline vote counted')

    # 5. a few taps go out, and the server is killed with SIGKILL in the middle of the vote
    for index in BURST_PHONES:
        sign, note = second_round[index].pop(0)
        phones[index].tap_without_waiting(sign, note)
    server.kill()
    old_link = server.links["facilitator"]
    unanswered = sum(p.page.evaluate("key => JSON.parse(localStorage.getItem(key) || '[]').length", outbox_key)
                     for p in (phones[i] for i in BURST_PHONES))
    lap(f"killed with {unanswered} of {len(BURST_PHONES)} taps unanswered")
    for index in DOWN_PHONES:  # taps while the laptop is down wait on the phone
        sign, note = second_round[index].pop(0)
        phones[index].tap(sign, note)
        expect(phones[index].page.locator("#mine li.wait")).to_contain_text("wordt verstuurd", timeout=WAIT)
    for phone in phones:
        expect(phone.status()).to_contain_text("Geen verbinding", timeout=WAIT)
    server.start(resume=True)
    assert any("resumed:" in line for line in server.errors), server.errors
    assert server.code == code, "the join code stays the same after --resume"
    assert server.links["facilitator"] != old_link, "a new one-time link; the page's cookie stays valid"
    for phone in phones:
        expect(phone.status()).to_have_text("Verbonden", timeout=WAIT)
    expect(facilitator.locator("#status-text")).to_have_text("Verbonden", timeout=WAIT)
    for index in list(BURST_PHONES) + list(DOWN_PHONES):
        phones[index].expect_settled()

    lap('resumed, phones reconnected')

    # a retry of the offline tap whose answer was lost: recognised by its id after the resume
    answer = offline.page.evaluate(
        "async body => { const r = await post('/api/phone/input', body); return [r.status, await r.json()]; }", offline_body)
    assert answer[0] == 200 and answer[1]["result"] == "accepted" and "duplicate" in answer[1], answer
    offline_seq = answer[1]["duplicate"]

    # the rest of the vote, after the resume
    for phone in phones:
        for sign, note in second_round[phone.index]:
            phone.tap(sign, note)
    for phone in phones:
        phone.expect_settled()
        expect(phone.page.locator("#dots-left")).to_have_text("Je hebt nog 0 bolletjes")
    expect(facilitator.locator("#view")).to_contain_text("Deelnemers met bolletjes over: 0", timeout=WAIT)

    lap('vote done')

    # 6. results, revealed on the projector: the exact tally
    facilitator.locator("#phases button", has_text="Uitslag").click()
    expect(facilitator.locator("#phases button[aria-pressed=true]")).to_have_text("Uitslag", timeout=WAIT)
    expect(facilitator.locator("#reveal")).to_have_text("Uitslag tonen op de projector", timeout=WAIT)
    facilitator.locator("#reveal").click()
    expect(facilitator.locator("#reveal")).to_have_text("Uitslag verbergen", timeout=WAIT)
    outcome = projector.locator("#outcome")
    # every engagement once, in the bar chart, drawn as pictures of at most eight bars; each
    # picture's summary: "Staafdiagram: Bolletjes per engagement. TEXT: N; TEXT: N; …"
    pictures = outcome.locator("figure.wv-bars svg")
    expect(pictures.first).to_be_visible(timeout=WAIT)
    expect(pictures).to_have_count((NOTES + 7) // 8)
    shown = {}
    for chart in pictures.evaluate_all("svgs => svgs.map(s => s.getAttribute('aria-label'))"):
        for part in chart.split(". ", 1)[1].split("; "):
            text, n = part.rsplit(": ", 1)
            shown[text] = int(n)
    assert shown == {notes[n]: tally[n] for n in notes}
    expect(outcome).to_contain_text(f"{NOTES} engagementen, {PHONES} deelnemers met elk {DOTS} bolletjes")
    expect(outcome).to_contain_text(f"{PHONES * DOTS} bolletjes gebruikt")
    best = max(tally.values())
    for n in (n for n in notes if tally[n] == best):
        expect(outcome.locator("ul, ol").first).to_contain_text(f"{notes[n]}; {best} stemmen")
    projector.screenshot(path=str(SHOTS / "projector.png"))
    facilitator.screenshot(path=str(SHOTS / "facilitator.png"), full_page=True)

    lap('tally on the projector')

    # 7. end the session (SIGTERM): the pages are told, the record is written, and a replay of it
    # is identical
    assert server.end() == 0, server.errors
    expect(phones[0].status()).to_have_text("De sessie is afgelopen", timeout=WAIT)
    expect(facilitator.locator("#status-text")).to_have_text("Sessie beëindigd; het record is geschreven", timeout=WAIT)
    expect(projector.locator("#state")).to_have_text("De sessie is afgelopen", timeout=WAIT)
    for context in [facilitator_context, projector_context] + [p.context for p in phones]:
        context.close()
    summary = next(l for l in server.lines if " accepted; wrote " in l)
    assert summary.endswith(f"wrote {server.record}"), summary
    replay = subprocess.run([str(werkvorm_binary()), "replay", str(server.record)], cwd=server.workdir, env=werkvorm_env(),
                            capture_output=True, text=True, timeout=60)
    assert replay.returncode == 0, replay.stdout + replay.stderr
    assert "identical" in replay.stdout.lower(), replay.stdout
    lap("replay: " + replay.stdout.strip().splitlines()[-1])

    record = json.loads(server.record.read_text())
    events = record["events"]
    same = [e for e in events if e.get("id") == offline_body["id"]]
    accepted = [e for e in same if e["result"] == "accepted" and "duplicate" not in e]
    assert len(accepted) == 1, same
    assert accepted[0]["seq"] == offline_seq
    assert all(e.get("duplicate") == offline_seq for e in same if e is not accepted[0]), same
    counted = collections.Counter()
    for e in events:
        if e.get("step") == STEP and e["result"] == "accepted" and "duplicate" not in e and e.get("input") in ("dot", "remove_dot"):
            counted[e["fields"]["note"]] += 1 if e["input"] == "dot" else -1
    assert {n: c for n, c in counted.items() if c} == {n: c for n, c in tally.items() if c}
    lap(f"record: {len(events)} events, {sum('duplicate' in e for e in events)} repeats recognised by id")
    ids = [e["id"] for e in events if e.get("id") and "duplicate" not in e]
    assert len(ids) == len(set(ids)), "an id is accepted once"
    lap("replayed and checked")  # 70-95 s on this 2-core machine with a Swift build beside it
