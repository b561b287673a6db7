"""Run the real app on a loopback port and drive it in Debian's Chromium (tests, benchmarks, screenshots)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
APP_READY = "[data-testid=stApp][data-test-script-state=notRunning]"

# True once the script has stopped, the page has its title (or shows an error), no element is stale, and every
# chart (ours, drawn by a component, or Streamlit's on the floor page) has its SVG. Streamlit's first state is already
# "notRunning", hence the title.
DRAWN_JS = """
() => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const error = document.querySelector('[data-testid=stException], [data-testid=stAlertContentError]');
  if (!document.querySelector('[data-testid=stMain] h1') && !error) return false;
  if (document.querySelector('[data-stale=true], [data-testid=stSkeleton]')) return false;
  return [...document.querySelectorAll('[data-testid^=stBidiComponent], [data-testid=stPlotlyChart]')]
    .every(chart => chart.querySelector('.main-svg'));
}
"""

# Installed in a browser context before any page loads (watch_visible_changes): keeps the time of the page's last
# visible change from the start of each document, so that no change is missed however busy the page is when the
# benchmark starts waiting. A change inside a <canvas> is its fallback content, which is never drawn (the data grid
# keeps its screen-reader table there and rewrites it 200 ms after drawing); the canvas's own drawing is counted. A
# change to an aria-* attribute is for assistive technology and is not drawn (a multiselect rewrites its
# aria-describedby some 50 ms after a run ends); a change that is drawn along with it (a class, a node) still counts.
VISIBLE_CHANGES_JS = """
(() => {
  window.__lastVisibleChange = performance.now();
  const changed = () => { window.__lastVisibleChange = performance.now(); };
  const drawn = (record) => {
    if (record.type === 'attributes' && record.attributeName.startsWith('aria-')) return false;
    const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
    return !(node && node.closest('canvas'));
  };
  new MutationObserver((records) => { if (records.some(drawn)) changed(); })
    .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  const context = window.CanvasRenderingContext2D && CanvasRenderingContext2D.prototype;
  for (const name of context ? ['clearRect', 'fillRect', 'strokeRect', 'fillText', 'strokeText', 'drawImage', 'fill',
                                'stroke', 'putImageData'] : []) {
    const draw = context[name];
    context[name] = function (...args) { changed(); return draw.apply(this, args); };
  }
})();
"""

# Resolves once everything is drawn (DRAWN_JS: the script has stopped, the page has its title, each chart has its
# SVG) and the page has not changed for `quiet` ms. Returns the time of the last change, in ms since navigation
# start: from VISIBLE_CHANGES_JS where the context has it, else from a DOM observer started now.
VISUALLY_COMPLETE_JS = (
    """
async ({quiet, timeout}) => {
  const drawn = """
    + DRAWN_JS.strip()
    + """;
  const watched = typeof window.__lastVisibleChange === 'number';
  let seen = performance.now();
  const observer = watched ? null : new MutationObserver(() => { seen = performance.now(); });
  const everything = {subtree: true, childList: true, attributes: true, characterData: true};
  if (observer) observer.observe(document.body, everything);
  const last = () => watched ? window.__lastVisibleChange : seen;
  const started = performance.now();
  while (performance.now() - started < timeout) {
    if (drawn() && performance.now() - last() >= quiet) { if (observer) observer.disconnect(); return last(); }
    await new Promise(resolve => setTimeout(resolve, 25));
  }
  if (observer) observer.disconnect();
  throw new Error('page did not become visually complete');
}
"""
)


def chromium_path() -> str | None:
    """Debian's chromium, if installed."""
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_app(env: dict[str, str] | None = None, timeout: float = 60, log_path: Path | None = None) -> Iterator[str]:
    """Start `streamlit run dashboard.py` on a free loopback port; yield its base URL; stop it afterwards."""
    with app_server(env, timeout, log_path) as (url, _process):
        yield url


@contextmanager
def app_server(
    env: dict[str, str] | None = None, timeout: float = 60, log_path: Path | None = None
) -> Iterator[tuple[str, subprocess.Popen]]:
    """Like running_app, but also yield the server process (to read its memory). The server's output goes to
    log_path (a temporary file if none is given) and its tail is in any error."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / "dashboard.py"),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as scratch:
        log_path = log_path or Path(scratch) / "streamlit.log"
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                command,
                cwd=ROOT,
                env={**os.environ, **(env or {})},
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                deadline = time.monotonic() + timeout
                while not _healthy(url):
                    if process.poll() is not None:
                        raise RuntimeError(f"streamlit exited with code {process.returncode}:\n{_tail(log_path)}")
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"streamlit not healthy on {url} after {timeout:.0f} s:\n{_tail(log_path)}")
                    time.sleep(0.2)
                yield url, process
            finally:
                if process.poll() is None:
                    process.terminate()
                    try:
                        process.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        process.kill()
                        process.wait(timeout=10)


def _healthy(url: str) -> bool:
    """Whether the server answers its health check."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read().strip() == b"ok"
    except OSError:
        return False


def _tail(path: Path, lines: int = 40) -> str:
    """The last lines of a log file."""
    return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def rss_mib(pid: int) -> float:
    """Resident memory of a process in MiB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def launch_chromium(playwright: Any) -> Any:
    """Debian's chromium through Playwright."""
    path = chromium_path()
    if path is None:
        raise RuntimeError("chromium is not installed (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)


def watch_visible_changes(context: Any) -> None:
    """Have every page of a browser context keep the time of its last visible change from its first moment."""
    context.add_init_script(VISIBLE_CHANGES_JS)


def wait_visually_complete(page: Any, quiet_ms: int = 300, timeout_ms: int = 30000) -> float:
    """Wait until the page is drawn and still; return ms from navigation start to its last change."""
    page.wait_for_selector(APP_READY, timeout=timeout_ms)
    return float(page.evaluate(VISUALLY_COMPLETE_JS, {"quiet": quiet_ms, "timeout": timeout_ms}))
