#!/usr/bin/env python3
"""Times `adoptkit serve` on a big kit: startup, four kinds of edit, idle CPU and memory.

Usage: scripts/serve-bench.py PATH/TO/adoptkit [KIT]      (make bench-serve runs it)

Without KIT it makes one with ../shared/bench/make-corpus (SERVE_PAGES pages, SERVE_GROUPS
groups). The kit is copied to a scratch folder first, so the edits never touch KIT. Into the
copy it adds one include (`Content/docs/includes/serve-bench.md`) used by one page, because
make-corpus kits have none. Then it:

1. starts `adoptkit serve COPY --port P --verbose` on loopback and times "ready": from the
   start of the process to the first 200 for `/`;
2. opens three pages as a browser does (GET, then the page's live-reload event stream): the
   page it edits (a page in the middle of the kit), the page before it (whose "Next" link
   shows the edited page's title) and the page that has the include;
3. measures idle CPU over IDLE_SECONDS from /proc/PID/stat (user + system time of every thread);
4. ROUNDS times, each of these edits, saved the way editors save (a hidden temporary file
   renamed over the original):
     body     a new paragraph at the end of the edited page
     title    a new `title:` in the edited page's front matter that keeps its place
     move     a `title:` that sorts first in its folder, then the one before again: the page
              moves in the navigation (twice a round)
     include  new text in the include
     config   a new `site.title` in adoptkit.yml
   and for each, the time from the rename to the new bytes being served over HTTP (the page's
   event stream says `reload`, then a GET returns the new text), and the `Rebuilt in N ms`
   line `--verbose` prints (from the batch of changed files inotify reported to the rebuilt
   site; the watcher first waits 30 ms for a batch to settle, which the HTTP figure includes);
5. measures idle CPU again, and counts the rebuilds during both idle spells (must be 0);
6. reads VmHWM (peak) and VmRSS from /proc/PID/status.

Prints a table of medians with min and max (also to BENCH_RESULTS/serve.md) and the load
average, since other work on the machine slows every figure. Exits 1 when the server fails,
an edit is never served, or an idle spell rebuilt anything; missing a target is reported, not
fatal, because a loaded machine can miss one.

Environment: ROUNDS (5), IDLE_SECONDS (30), SERVE_PAGES (10000), SERVE_GROUPS (1000),
BENCH_RESULTS (.build/bench), TMPDIR (scratch; default /dev/shm when it exists).
"""
import http.client, os, queue, re, shutil, socket, statistics, subprocess, sys, tempfile, threading, time

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROUNDS = int(os.environ.get("ROUNDS", "5"))
IDLE_SECONDS = float(os.environ.get("IDLE_SECONDS", "30"))
PAGES = int(os.environ.get("SERVE_PAGES", "10000"))
GROUPS = int(os.environ.get("SERVE_GROUPS", "1000"))
RESULTS = os.environ.get("BENCH_RESULTS", os.path.join(HERE, ".build", "bench"))
TIMEOUT = 60.0
# The targets of the engine issue, in the units of the table.
TARGETS = {"body": 50, "title": 500, "idle": 2.0, "rss": 500}
INCLUDE = "docs/includes/serve-bench.md"


def log(message):
    print(f"serve-bench: {message}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def save(path, text):
    """Writes as editors do: a hidden temporary file beside it, renamed over it."""
    folder, name = os.path.split(path)
    temporary = os.path.join(folder, f".{name}.serve-bench~")
    with open(temporary, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(temporary, path)
    return time.monotonic()


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


class Server:
    """`adoptkit serve` as a child process, with its standard error read line by line."""

    def __init__(self, adoptkit, kit, port):
        self.port = port
        self.started = time.monotonic()
        self.process = subprocess.Popen([adoptkit, "serve", kit, "--port", str(port), "--verbose"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.lines = queue.Queue()
        self.all = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stderr:
            self.all.append(line.rstrip("\n"))
            self.lines.put((time.monotonic(), line.rstrip("\n")))

    def get(self, path):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", "replace")
        finally:
            connection.close()

    def wait_ready(self):
        deadline = self.started + 600
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"serve-bench: adoptkit serve exited with {self.process.returncode}:\n" + "\n".join(self.all))
            try:
                if self.get("/")[0] == 200:
                    return time.monotonic() - self.started
            except OSError:
                pass
            time.sleep(0.02)
        raise SystemExit("serve-bench: adoptkit serve was not ready after 600 s")

    def rebuild_line(self, after, timeout=TIMEOUT):
        """The first `Rebuilt…` or failure line printed after `after` (a monotonic time)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                at, line = self.lines.get(timeout=left)
            except queue.Empty:
                return None
            if at >= after and line.startswith("Rebuil"):
                return line

    def drain(self):
        """Lines printed since the last call (rebuilds nobody asked for show up here)."""
        lines = []
        while True:
            try:
                lines.append(self.lines.get_nowait()[1])
            except queue.Empty:
                return lines

    def cpu_seconds(self):
        with open(f"/proc/{self.process.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        # Fields 14 and 15 (utime, stime); the split above starts at field 3.
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def memory_mb(self, key):
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class EventStream:
    """A page's live-reload stream, as the reload script opens it; records when `reload` comes."""

    def __init__(self, port, page):
        self.events = queue.Queue()
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=None)
        self.connection.request("GET", "/_adoptkit/events?page=" + page)
        self.response = self.connection.getresponse()
        self.connected = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()
        if not self.connected.wait(TIMEOUT):
            raise SystemExit(f"serve-bench: the event stream for {page} did not open")

    def _read(self):
        try:
            for raw in self.response:
                line = raw.decode("utf-8", "replace").strip()
                if line == ": connected":
                    self.connected.set()
                elif line.startswith("event: "):
                    self.events.put((time.monotonic(), line[7:]))
        except (OSError, ValueError, http.client.HTTPException):
            pass

    def clear(self):
        while not self.events.empty():
            self.events.get_nowait()

    def next_reload(self, timeout=TIMEOUT):
        try:
            return self.events.get(timeout=timeout)
        except queue.Empty:
            return None


def served_after(server, stream, page, marker, written):
    """Milliseconds from `written` until `page` is served with `marker` in it: the event stream's
    reload, then GETs until the text shows (normally the first one)."""
    deadline = written + TIMEOUT
    event = stream.next_reload(timeout=TIMEOUT)
    if event is None:
        return None
    while time.monotonic() < deadline:
        status, body = server.get(page)
        if status == 200 and marker in body:
            return (time.monotonic() - written) * 1000
        time.sleep(0.002)
    return None


def rebuild_ms(line):
    match = re.match(r"Rebuilt in (\d+) ms", line or "")
    return int(match.group(1)) if match else None


def idle_cpu(server, seconds):
    """Percent of one core the idle server used over `seconds`, and the rebuilds it made."""
    server.drain()
    before, started = server.cpu_seconds(), time.monotonic()
    time.sleep(seconds)
    used, elapsed = server.cpu_seconds() - before, time.monotonic() - started
    rebuilds = [line for line in server.drain() if line.startswith("Rebuil")]
    return 100 * used / elapsed, rebuilds


def prepare(kit, work):
    """The copy the benchmark edits, with an include used by one page."""
    copy = os.path.join(work, "kit")
    shutil.copytree(kit, copy, symlinks=True, ignore=shutil.ignore_patterns("_site"))
    content = os.path.join(copy, "Content")
    pages = sorted(os.path.relpath(os.path.join(folder, name), content)
                   for folder, _, names in os.walk(content) for name in names
                   if name.endswith(".md") and "includes" not in folder.split(os.sep) and name.lower() not in ("toc.md", "index.md"))
    if len(pages) < 4:
        raise SystemExit("serve-bench: the kit needs at least 4 pages")
    edited, included = pages[len(pages) // 2], pages[len(pages) // 3]
    # Pages may share a title; a suffix set before the server starts means later suffixes keep
    # the page's place among them.
    path = os.path.join(content, edited)
    text = read(path)
    with open(path, "w", encoding="utf-8") as f:
        f.write(re.sub(r"^(title: *.*?) *$", lambda m: m.group(1) + " renamed 0", text, count=1, flags=re.M))
    os.makedirs(os.path.dirname(os.path.join(content, INCLUDE)), exist_ok=True)
    with open(os.path.join(content, INCLUDE), "w") as f:
        f.write("Include text 0.\n")
    path = os.path.join(content, included)
    relative = os.path.relpath(os.path.join(content, INCLUDE), os.path.dirname(path)).replace(os.sep, "/")
    with open(path, "a") as f:
        f.write(f"\n[!INCLUDE [serve bench]({relative})]\n")
    return copy, edited, included


def output_of(source):
    return "/" + source[:-3].replace(os.sep, "/") + ".html"


def median_row(name, values, unit, target=None):
    values = [v for v in values if v is not None]
    if not values:
        return f"| {name} | 0 | – | – | – | {target or '–'} |"
    fmt = (lambda v: f"{v:.0f}") if unit == "ms" else (lambda v: f"{v:.2f}")
    met = "" if target is None else (" (met)" if statistics.median(values) <= target else " (missed)")
    return (f"| {name} | {len(values)} | {fmt(statistics.median(values))} {unit}{met} | {fmt(min(values))} | {fmt(max(values))} |"
            f" {'≤ ' + str(target) + ' ' + unit if target is not None else '–'} |")


def main():
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    adoptkit = os.path.abspath(sys.argv[1])
    scratch = os.environ.get("TMPDIR") or ("/dev/shm" if os.path.isdir("/dev/shm") else None)
    work = tempfile.mkdtemp(prefix="adoptkit-serve-bench-", dir=scratch)
    server = None
    try:
        if len(sys.argv) == 3:
            kit = sys.argv[2]
        else:
            kit = os.path.join(work, "made")
            log(f"making a {PAGES}-page kit with {GROUPS} groups")
            subprocess.run([sys.executable, os.path.join(HERE, "..", "shared", "bench", "make-corpus"), str(PAGES), str(GROUPS), kit],
                           check=True, stdout=subprocess.DEVNULL)
        kit_copy, edited, included = prepare(kit, work)
        config = os.path.join(kit_copy, "adoptkit.yml")
        load = os.getloadavg()
        server = Server(adoptkit, kit_copy, free_port())
        ready = server.wait_ready()
        ready_rss = server.memory_mb("VmRSS")
        log(f"ready after {ready:.1f} s; {edited} is edited")

        page = output_of(edited)
        status, html = server.get(page)
        previous = re.search(r'rel="prev" href="([^"]+)"', html)
        if status != 200 or not previous:
            raise SystemExit(f"serve-bench: {page} was not served with a previous page (status {status})")
        before = os.path.normpath(os.path.join(os.path.dirname(page), previous.group(1)))
        include_page = output_of(included)
        streams = {}
        for path in (page, before, include_page):
            if server.get(path)[0] != 200:
                raise SystemExit(f"serve-bench: {path} was not served")
            streams[path] = EventStream(server.port, path)

        idle_start, idle_rebuilds = idle_cpu(server, IDLE_SECONDS)
        results = {kind: ([], []) for kind in ("body", "title", "move", "include", "config")}
        failed = []
        page_file, include_file = os.path.join(kit_copy, "Content", edited), os.path.join(kit_copy, "Content", INCLUDE)
        original_page, original_config = read(page_file), read(config)
        title = re.search(r"^title: *(.*)$", original_page, re.M)

        def edit(kind, path, text, watched, marker):
            for stream in streams.values():
                stream.clear()
            server.drain()
            written = save(path, text)
            served = served_after(server, streams[watched], watched, marker, written)
            line = server.rebuild_line(written)
            results[kind][0].append(served)
            results[kind][1].append(rebuild_ms(line))
            if served is None or not (line or "").startswith("Rebuilt in"):
                failed.append(f"{kind}: served {served}, {line!r}")
            log(f"{kind}: served after {served if served is None else round(served)} ms; {line}")
            time.sleep(0.3)

        def page_text(page_title, body_line):
            text = original_page
            if page_title is not None:
                text = original_page.replace(title.group(0), f"title: {page_title}", 1) if title else f"---\ntitle: {page_title}\n---\n" + text
            return text + (f"\n{body_line}\n" if body_line else "")

        # The kit's copy already has "renamed 0" (see `prepare`), so "renamed N" keeps its place.
        base_title = title.group(1).strip().removesuffix(" renamed 0") if title else "Serve bench"
        page_title, body_line = f"{base_title} renamed 0" if title else None, None
        for run in range(1, ROUNDS + 1):
            body_line = f"Serve bench body {run}."
            edit("body", page_file, page_text(page_title, body_line), page, body_line)
            page_title = f"{base_title} renamed {run}"
            edit("title", page_file, page_text(page_title, body_line), before, page_title)
            # A title that sorts first in its folder, and back: the page moves in the navigation,
            # and the pages around its old and new places change.
            edit("move", page_file, page_text(f"Aaa serve bench {run}", body_line), page, f"Aaa serve bench {run}")
            edit("move", page_file, page_text(page_title, body_line), before, page_title)
            edit("include", include_file, f"Include text {run}.\n", include_page, f"Include text {run}.")
            site_title = f"Serve bench site {run}"
            text, count = re.subn(r"^(  title: ).*$", lambda m: m.group(1) + site_title, original_config, count=1, flags=re.M)
            if not count:
                text = f"site:\n  title: {site_title}\n" + original_config
            edit("config", config, text, page, site_title)

        idle_end, end_rebuilds = idle_cpu(server, IDLE_SECONDS)
        peak, rss = server.memory_mb("VmHWM"), server.memory_mb("VmRSS")
        load_end = os.getloadavg()
        lines = [
            f"`adoptkit serve` on {kit if len(sys.argv) == 3 else f'make-corpus {PAGES} {GROUPS}'} "
            f"({ROUNDS} rounds; load average {load[0]:.1f} at start, {load_end[0]:.1f} at end, {os.cpu_count()} cores)",
            "",
            "| measure | runs | median | min | max | target |",
            "|---|---:|---:|---:|---:|---|",
            median_row("ready (start → first page served)", [ready], "s"),
            median_row("body edit: saved → served over HTTP", results["body"][0], "ms"),
            median_row("body edit: rebuild (`--verbose`)", results["body"][1], "ms", TARGETS["body"]),
            median_row("title edit: saved → previous page served", results["title"][0], "ms"),
            median_row("title edit: rebuild (`--verbose`)", results["title"][1], "ms", TARGETS["title"]),
            median_row("title that moves the page: saved → served", results["move"][0], "ms"),
            median_row("title that moves the page: rebuild (`--verbose`)", results["move"][1], "ms", TARGETS["title"]),
            median_row("include edit: saved → served", results["include"][0], "ms"),
            median_row("include edit: rebuild (`--verbose`)", results["include"][1], "ms"),
            median_row("config edit: saved → served", results["config"][0], "ms"),
            median_row("config edit: rebuild (`--verbose`)", results["config"][1], "ms"),
            median_row(f"idle CPU after start ({IDLE_SECONDS:.0f} s), % of a core", [idle_start], "%", TARGETS["idle"]),
            median_row(f"idle CPU after the edits ({IDLE_SECONDS:.0f} s), % of a core", [idle_end], "%", TARGETS["idle"]),
            median_row("RSS when ready (VmRSS)", [ready_rss], "MB"),
            median_row("RSS at the end (VmRSS)", [rss], "MB"),
            median_row("peak RSS (VmHWM)", [peak], "MB", TARGETS["rss"]),
        ]
        table = "\n".join(lines) + "\n"
        print(table)
        os.makedirs(RESULTS, exist_ok=True)
        with open(os.path.join(RESULTS, "serve.md"), "w") as f:
            f.write(table)
        if idle_rebuilds or end_rebuilds:
            failed.append(f"the idle server rebuilt: {idle_rebuilds + end_rebuilds}")
        for problem in failed:
            log(f"FAILED {problem}")
        return 1 if failed else 0
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


sys.exit(main())
