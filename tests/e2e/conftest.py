"""Fixtures for the browser tests: the real server, Debian's chromium, and pages to drive.

pytest-playwright is installed but its `page`/`browser` fixtures are not used: they would look for a browser
that `playwright install` downloads, which this machine cannot do. These fixtures launch Debian's chromium by
its executable path through playwright.sync_api instead.

Without chromium the tests are skipped, except under CI (CI=true), where a missing browser fails them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.e2e_support import DESKTOP, in_ci
from tests.harness import CHROMIUM_ARGS, running_app
from tests.harness import chromium_path as find_chromium


def _missing(reason: str) -> None:
    """Skip, or fail under CI, with the same reason."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: a missing browser dependency fails the browser tests)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    """Path to Debian's chromium; checked before any server is started."""
    path = find_chromium()
    if path is None:
        _missing("Debian's chromium not found (/usr/bin/chromium, or `chromium` on PATH): apt-get install chromium")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _missing("the playwright Python package is not installed (pip install -r requirements-test.txt)")
    return path  # type: ignore[return-value]


@pytest.fixture(scope="session")
def app_url(chromium_executable: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One real `streamlit run dashboard.py` for the whole session, on a free loopback port."""
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    with running_app(log_path=log) as base_url:
        yield base_url


@pytest.fixture
def fresh_app_url(chromium_executable: str, tmp_path: Path) -> Iterator[str]:
    """A server of its own for one test, so that the test's first request is the server's first request."""
    with running_app(log_path=tmp_path / "streamlit.log") as base_url:
        yield base_url


@pytest.fixture(scope="session")
def chromium_browser(chromium_executable: str) -> Iterator[Any]:
    """Debian's chromium, headless, launched once per session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def new_browser_page(chromium_browser: Any) -> Iterator[Callable[..., Any]]:
    """A factory: new_browser_page(**context_options) -> a page in a fresh context (own cookies and session).

    Every context it made is closed when the test ends.
    """
    contexts: list[Any] = []

    def make(**options: Any) -> Any:
        options.setdefault("viewport", DESKTOP)
        context = chromium_browser.new_context(**options)
        context.set_default_timeout(30_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def browser_page(new_browser_page: Callable[..., Any]) -> Any:
    """A desktop-sized (1280x900) page in a fresh browser context."""
    return new_browser_page()
