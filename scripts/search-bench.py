#!/usr/bin/env python3
"""Times the offline search of a built site in headless Chromium, as a reader types.

Opens SITE/index.html from file:// (so the index loads by <script> tags, as it does for readers),
clicks into the header's search box and types each query with real key events (the DevTools
protocol's Input.dispatchKeyEvent), one character at a time, waiting for each keystroke's complete
results before the next. Per keystroke it reports the time from the key event (the keydown's
timeStamp, so input queueing counts) to the complete results painted (the first frame after the
results list for that text is in the page with every entry filled in: a requestAnimationFrame
callback, then a task after that frame), the time to the first results painted (the same, for a
list whose entries may still wait for their sections file; the script paints one when its files
are late), and the time the search itself took (adoptkitSearch.lastMilliseconds: matching and
ranking, without loading index files). The first query is typed straight after the click (or
after --pause), so its first keystroke may meet the files the click started loading on their way;
every first keystroke of a word may wait for a terms file, and results for a sections file. All
of that is in both figures.

Other builds share the machine: a thread of this script sleeps 2 ms at a time and notes how
late it wakes. The slowest keystrokes are listed with the worst such lateness while they ran,
so a keystroke slowed by the machine can be told from one slowed by the page.

Usage: scripts/search-bench.py SITE [--throttle N] [--rounds N] [--pause MS] [QUERY ...]   (needs chromium)
  --throttle N   slow the page's CPU N times (DevTools CPU throttling), to see a slow phone
  --rounds N     type the queries N times, each round in a fresh tab (cold index); default 1
  --pause MS     wait this long between the click and the first key; default 0, which no person
                 manages (moving a hand from the mouse to the keys, or even the next key after a
                 Tab, takes well over 100 ms), so it is the worst case for the files the click
                 starts loading; 200 is closer to a fast reader
Prints per query "total/search ms" per keystroke, the slowest keystrokes split into their parts,
then the median, 95th percentile and worst from key to complete and to first results painted,
the median and worst search, and the load average. Exits non-zero when a keystroke takes 100 ms
or more from key to complete results painted.
"""
import json, os, select, statistics, subprocess, sys, tempfile, threading, time

TIMEOUT = 60
DEFAULT_QUERIES = ["configure group policies", "retention", "connector", "sign in", "ubersicht", "microsoft teams"]


class Browser:
    """Chromium over the DevTools protocol on a pipe (fds 3 and 4); every read has a deadline."""

    def __init__(self):
        down_r, self.down = os.pipe()
        self.up, up_w = os.pipe()
        down_r, up_w = os.dup2(down_r, 20), os.dup2(up_w, 21)

        def child():
            os.dup2(down_r, 3, inheritable=True)
            os.dup2(up_w, 4, inheritable=True)
        self.profile = tempfile.mkdtemp(prefix="adoptkit-search-bench-")
        self.process = subprocess.Popen(
            ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--user-data-dir=" + self.profile, "--allow-file-access-from-files", "about:blank"],
            preexec_fn=child, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(down_r)
        os.close(up_w)
        self.buffer, self.next_id, self.session = b"", 0, None

    def call(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.down, json.dumps(message).encode() + b"\0")
        deadline = time.time() + TIMEOUT
        while True:
            while b"\0" not in self.buffer:
                if time.time() > deadline:
                    raise TimeoutError(method)
                ready, _, _ = select.select([self.up], [], [], max(0, deadline - time.time()))
                if ready:
                    chunk = os.read(self.up, 1 << 20)
                    if not chunk:
                        raise EOFError("chromium closed the pipe")
                    self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def new_tab(self, url):
        if self.session:
            self.call("Target.closeTarget", {"targetId": self.target}, session=False)
            self.session = None
        self.target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": self.target, "flatten": True})["sessionId"]
        self.call("Page.enable")
        self.call("Emulation.setDeviceMetricsOverride", {"width": 1366, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        self.call("Page.navigate", {"url": url})
        self.evaluate("new Promise(function (r) { if (document.readyState === 'complete') r(); else addEventListener('load', function () { r(); }); })")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def key(self, character):
        code = "Space" if character == " " else "Key" + character.upper() if character.isalpha() else ""
        self.call("Input.dispatchKeyEvent", {"type": "keyDown", "key": character, "text": character, "unmodifiedText": character, "code": code})
        self.call("Input.dispatchKeyEvent", {"type": "keyUp", "key": character, "code": code})

    def close(self):
        self.process.kill()
        self.process.wait(timeout=10)


# Installed in the page: notes each keydown's time in the box, and resolves `adoptkitBench.next`
# once the results for the box's text are painted complete, with the time the first results for
# that text were painted too. A script that marks its state (data-query and data-state on the
# list: searching, partial, complete) is read by it; an older one, which paints only complete
# results, by its "All results for “…”" line.
HARNESS = """
(function () {
  var input = document.getElementById('site-search-input'), popup = document.getElementById('site-search-results');
  var bench = window.adoptkitBench = { start: 0 };
  bench.arm = function () { bench.first = null; bench.next = new Promise(function (resolve) { bench.resolve = resolve; }); return true; };
  addEventListener('keydown', function (event) { if (event.target === input) bench.start = event.timeStamp; }, true);
  function shown() {
    if (popup.hidden) return null;
    if (popup.hasAttribute('data-state')) {
      var state = popup.getAttribute('data-state');
      return popup.getAttribute('data-query') !== input.value || state === 'searching' ? null : state;
    }
    var more = popup.querySelector('.search-more');
    return more && more.textContent.indexOf('\\u201c' + input.value + '\\u201d') >= 0 ? 'complete' : null;
  }
  // The frame that shows a change: after its requestAnimationFrame callbacks, the next task
  // runs once it is painted.
  function afterFrame(then) {
    requestAnimationFrame(function () {
      var channel = new MessageChannel();
      channel.port1.onmessage = function () { then(performance.now()); };
      channel.port2.postMessage(0);
    });
  }
  new MutationObserver(function () {
    var state = shown(), start = bench.start;
    if (!bench.resolve || !state) return;
    if (bench.first === null) {
      bench.first = -1;
      afterFrame(function (now) { bench.first = now - start; });
    }
    if (state !== 'complete') return;
    var resolve = bench.resolve;
    bench.resolve = null;
    afterFrame(function (now) {
      var api = window.adoptkitSearch;
      var loads = api.lastLoads || {};
      resolve({ total: now - start, first: bench.first > 0 ? Math.min(bench.first, now - start) : now - start,
                search: api.lastMilliseconds, decoded: api.lastDecoded || 0,
                terms: loads.terms || 0, sections: loads.sections || 0,
                found: popup.querySelectorAll('.search-results li').length });
    });
  }).observe(popup, { childList: true, subtree: true, characterData: true, attributes: true });
  return true;
})()
"""


class Lateness(threading.Thread):
    """Sleeps 2 ms at a time and keeps (time, how late it woke) for every wake-up over 5 ms late."""

    def __init__(self):
        super().__init__(daemon=True)
        self.late, self.running = [], True

    def run(self):
        while self.running:
            before = time.monotonic()
            time.sleep(0.002)
            late = time.monotonic() - before - 0.002
            if late > 0.005:
                self.late.append((time.monotonic(), late * 1000))

    def worst(self, start, end):
        return max([late for at, late in self.late if start <= at <= end + 0.001], default=0)


def main():
    args, queries, throttle, rounds, pause = sys.argv[1:], [], 1, 1, 0
    site = None
    while args:
        arg = args.pop(0)
        if arg == "--throttle":
            throttle = float(args.pop(0))
        elif arg == "--rounds":
            rounds = int(args.pop(0))
        elif arg == "--pause":
            pause = float(args.pop(0)) / 1000
        elif site is None:
            site = os.path.abspath(arg)
        else:
            queries.append(arg)
    if site is None:
        print(__doc__, file=sys.stderr)
        return 64
    queries = queries or DEFAULT_QUERIES
    load_before = os.getloadavg()[0]
    browser = Browser()
    lateness = Lateness()
    lateness.start()
    totals, firsts, searches, slowest = [], [], [], []
    try:
        for round_number in range(rounds):
            browser.new_tab("file://" + os.path.join(site, "index.html"))
            if throttle != 1:
                browser.call("Emulation.setCPUThrottlingRate", {"rate": throttle})
            browser.evaluate(HARNESS)
            box = browser.evaluate("(function () { var r = document.getElementById('site-search-input').getBoundingClientRect();"
                                   " return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()")
            for kind in ("mousePressed", "mouseReleased"):
                browser.call("Input.dispatchMouseEvent", {"type": kind, "x": box["x"], "y": box["y"], "button": "left", "clickCount": 1})
            time.sleep(pause)
            for query in queries:
                browser.evaluate("(function () { var i = document.getElementById('site-search-input'); i.value = '';"
                                 " i.dispatchEvent(new Event('input')); i.focus(); return true; })()")
                rows = []
                for character in query:
                    browser.evaluate("adoptkitBench.arm()")
                    began = time.monotonic()
                    browser.key(character)
                    typed = browser.evaluate("document.getElementById('site-search-input').value")
                    if not typed.strip():
                        continue
                    timing = browser.evaluate("adoptkitBench.next")
                    timing["typed"] = typed
                    timing["stall"] = lateness.worst(began, time.monotonic())
                    rows.append(timing)
                    totals.append(timing["total"])
                    firsts.append(timing["first"])
                    searches.append(timing["search"])
                slowest += rows
                print(f"round {round_number + 1}, {query!r}: " + ", ".join(f"{t['total']:.0f}/{t['search']:.1f}" for t in rows)
                      + f" ms; {rows[-1]['found']} shown")
    finally:
        browser.close()
    lateness.running = False
    print("slowest keystrokes (complete = waiting for index/terms files + search + sections files + showing and painting;"
          " first results painted; this script's worst wake-up lateness meanwhile):")
    for t in sorted(slowest, key=lambda t: -t["total"])[:8]:
        rest = t["total"] - t["terms"] - t["search"] - t["sections"]
        print(f"  {t['typed']!r}: {t['total']:.1f} ms = {t['terms']:.1f} + {t['search']:.1f} ({t['decoded']} entries decoded)"
              f" + {t['sections']:.1f} + {rest:.1f}; first {t['first']:.1f} ms; machine late {t['stall']:.0f} ms")
    def figures(values):
        return (f"median {statistics.median(values):.1f} ms, 95th percentile {sorted(values)[int(0.95 * (len(values) - 1))]:.1f} ms,"
                f" worst {max(values):.1f} ms")
    print(f"{len(totals)} keystrokes{f', CPU throttled {throttle:g}x' if throttle != 1 else ''}, {pause * 1000:g} ms from click to first key:"
          f" key to complete results painted"
          f" {figures(totals)}; to first results painted {figures(firsts)};"
          f" search alone median {statistics.median(searches):.2f} ms, worst {max(searches):.2f} ms;"
          f" load average {load_before:.2f} at the start, {os.getloadavg()[0]:.2f} at the end")
    return 0 if max(totals) < 100 else 1


sys.exit(main())
