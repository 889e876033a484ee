#!/usr/bin/env python3
"""Times the offline search of a built site in headless Chromium, as a reader types.

Opens SITE/index.html from file:// (so the index loads by <script> tags, as it does for readers),
types each query one character at a time into the header's search box, and reports per
keystroke the time from the input event to the results shown, and the time the search itself
took (adoptkitSearch.lastMilliseconds: scoring, without loading index files). The first
keystroke of a query may load a terms file; that load is in the first figure.

Usage: scripts/search-bench.py SITE [QUERY ...]      (needs Debian's chromium)
Exits non-zero when a keystroke's search takes 100 ms or more.
"""
import json, os, subprocess, sys, tempfile, time

SITE = os.path.abspath(sys.argv[1])
QUERIES = sys.argv[2:] or ["configure group policies", "retention", "connector", "sign in", "ubersicht"]
TIMEOUT = 60


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
        target = self.call("Target.createTarget", {"url": "about:blank"})
        self.session = self.call("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True})["sessionId"]
        self.call("Page.enable")

    def call(self, method, params=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if self.session:
            message["sessionId"] = self.session
        os.write(self.down, json.dumps(message).encode() + b"\0")
        deadline = time.time() + TIMEOUT
        while True:
            while b"\0" not in self.buffer:
                if time.time() > deadline:
                    raise TimeoutError(method)
                import select
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

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def close(self):
        self.process.kill()
        self.process.wait(timeout=10)


KEYSTROKE = """
new Promise(function (resolve) {
  var input = document.getElementById('site-search-input'), popup = document.getElementById('site-search-results');
  var started = performance.now();
  input.value = %s;
  window.adoptkitSearch.query(input.value, 8, function (results) {
    resolve({ total: performance.now() - started, search: window.adoptkitSearch.lastMilliseconds, found: results.total || results.length });
  });
})
"""


def main():
    browser = Browser()
    worst = 0.0
    try:
        browser.call("Page.navigate", {"url": "file://" + os.path.join(SITE, "index.html")})
        time.sleep(2)
        for query in QUERIES:
            rows = []
            for end in range(1, len(query) + 1):
                typed = query[:end]
                if not typed.strip():
                    continue
                timing = browser.evaluate(KEYSTROKE % json.dumps(typed))
                rows.append((typed, timing))
                worst = max(worst, timing["search"])
            print(f"query {query!r}: " + ", ".join(f"{t['total']:.0f}/{t['search']:.0f} ms" for _, t in rows)
                  + f"; {rows[-1][1]['found']} results")
        print(f"worst search time per keystroke: {worst:.1f} ms (first figure: keystroke to results, loads included; second: search alone)")
    finally:
        browser.close()
    return 0 if worst < 100 else 1


sys.exit(main())
