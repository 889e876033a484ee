#!/usr/bin/env python3
"""Drives `adoptkit serve` the way an author does, in a real browser, and loads it with wrk.

1. Copies the example kit to a temporary folder and serves it on a free loopback port.
2. Opens a page in headless Chromium (through a small harness page the kit serves itself, so
   it may look inside the page's frame), edits the page's Markdown, and measures how long the
   browser takes to show the change: the live-reload latency. Repeats a few times.
3. Runs wrk against the server and reports requests per second and errors.

Exits non-zero when a reload takes longer than a second or wrk sees any error.
Usage: scripts/serve-check.py PATH/TO/adoptkit   (make serve-check does this)
"""
import http.server, os, re, shutil, socket, subprocess, sys, tempfile, threading, time, urllib.parse

ADOPTKIT = sys.argv[1]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNS = int(os.environ.get("RUNS", "5"))

# The harness watches the page in a frame and reports each change it sees to the script's own
# little HTTP server (REPORT_PORT), the moment it sees it.
HARNESS = """<!DOCTYPE html><html><body>
<iframe id="f" src="/champions.html"></iframe>
<script>
// The harness must not reload itself (the preview injects its reload script into every page).
window.EventSource = function () { return { addEventListener: function () {} }; };
var frame = document.getElementById('f'), seen = {};
function poll() {
  try {
    var body = frame.contentDocument && frame.contentDocument.body ? frame.contentDocument.body.textContent : '';
    (body.match(/reload-mark-\\d+/g) || []).forEach(function (m) {
      if (!seen[m]) { seen[m] = true; new Image().src = 'http://127.0.0.1:REPORT_PORT/report?mark=' + m; }
    });
  } catch (e) {}
  setTimeout(poll, 10);
}
poll();
</script></body></html>"""

SEEN = {}


class Reports(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        mark = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query).get("mark", [""])[0]
        SEEN.setdefault(mark, time.time() * 1000)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    work = tempfile.mkdtemp(prefix="adoptkit-serve-check-")
    kit = os.path.join(work, "kit")
    os.makedirs(kit)
    for item in ["Content", "adoptkit.yml", "brand"]:
        src = os.path.join(ROOT, item)
        (shutil.copytree if os.path.isdir(src) else shutil.copy)(src, os.path.join(kit, item))
    reports = http.server.HTTPServer(("127.0.0.1", 0), Reports)
    threading.Thread(target=reports.serve_forever, daemon=True).start()
    with open(os.path.join(kit, "Content", "reload-harness.html"), "w") as f:
        f.write(HARNESS.replace("REPORT_PORT", str(reports.server_address[1])))
    page = os.path.join(kit, "Content", "champions.md")
    port = free_port()
    server = subprocess.Popen([ADOPTKIT, "serve", kit, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    browser = None
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        # The browser stays open (remote debugging keeps headless Chromium running) for the run.
        browser = subprocess.Popen(["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
                                    f"http://127.0.0.1:{port}/reload-harness.html"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(4)
        original = open(page).read()
        edits = {}
        for run in range(RUNS):
            mark = f"reload-mark-{run}"
            with open(page, "w") as f:
                f.write(original + f"\n{mark}\n")
            edits[mark] = time.time() * 1000
            time.sleep(1.8)
        with open(page, "w") as f:
            f.write(original)
        browser.terminate()
        browser.wait(timeout=10)
        browser = None
        reports.shutdown()
        latencies = [SEEN[m] - t for m, t in edits.items() if m in SEEN]
        missing = [m for m in edits if m not in SEEN]
        print(f"live reload: {len(latencies)}/{RUNS} edits seen in the browser; latency ms: "
              + ", ".join(f"{l:.0f}" for l in latencies))
        if latencies:
            print(f"live reload: median {sorted(latencies)[len(latencies) // 2]:.0f} ms, max {max(latencies):.0f} ms "
                  "(file saved → change visible; includes the 200 ms polling interval)")
        ok = not missing and all(l < 1000 for l in latencies)

        wrk = subprocess.run(["wrk", "-t2", "-c32", "-d10s", "--latency", f"http://127.0.0.1:{port}/index.html"],
                             capture_output=True, text=True)
        print(wrk.stdout.strip())
        errors = re.search(r"Socket errors: (.*)", wrk.stdout)
        non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk.stdout)
        if errors or non2xx or wrk.returncode != 0:
            print("wrk: errors found")
            ok = False
        else:
            print("wrk: 0 errors")
        return 0 if ok else 1
    finally:
        # Whatever went wrong, no browser or server outlives the check.
        if browser is not None:
            browser.kill()
            browser.wait(timeout=10)
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


sys.exit(main())
