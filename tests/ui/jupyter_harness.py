"""Start an isolated JupyterLab and Debian's Chromium, and drive a notebook in it.

No pytest in here: ``tests/ui/conftest.py`` wraps it in fixtures and scripts under
``benchmarks/`` can import it (run from the repo root, e.g. ``python -m benchmarks.latency``)
to measure against the very same server and browser setup::

    from tests.ui.jupyter_harness import (
        LabNotebook, chromium, isolated_jupyter_lab, make_notebook,
    )

    with isolated_jupyter_lab() as server, chromium(env=server.env.environ()) as browser:
        with LabNotebook.open(server, browser, make_notebook("x = 1")) as nb:
            nb.run_all()
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import nbformat

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Locator, Page, Playwright

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS_DIR = REPO_ROOT / "test-artifacts"

CHROMIUM_PATH = "/usr/bin/chromium"
# The background-networking flags stop Chromium from flooding a closed network with
# refused connections; headless/no-sandbox because we run as root without a display.
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

# Plugin ids checked against jupyterlab 4.6's share/jupyter/lab/schemas.
SETTING_OVERRIDES: dict[str, dict[str, Any]] = {
    # Without fetchNews="false" a news toast covers part of the page.
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    # "none" keeps every cell's DOM attached, so selectors see off-screen cells too.
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
    # Autosave would race with tests that rewrite or inspect the notebook file.
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
}

NODELAY_CONFIG = """\
# Written by tests/ui/jupyter_harness.py.
# jupyter_server leaves Nagle's algorithm on for the kernel websocket, so a small reply can
# wait ~40 ms for the browser's delayed ACK. That is noise in latency benchmarks; tests do
# not care either way.


def _nblabel_set_nodelay_on_kernel_websocket():
    from jupyter_server.services.kernels.websocket import KernelWebsocketHandler

    if getattr(KernelWebsocketHandler, "_nblabel_nodelay", False):
        return
    original_open = KernelWebsocketHandler.open

    async def open(self, *args, **kwargs):
        self.set_nodelay(True)
        self.log.info("nblabel harness: TCP_NODELAY set on kernel websocket")
        return await original_open(self, *args, **kwargs)

    KernelWebsocketHandler.open = open
    KernelWebsocketHandler._nblabel_nodelay = True


_nblabel_set_nodelay_on_kernel_websocket()
"""

PYTHON3_KERNELSPEC = {
    "name": "python3",
    "display_name": "Python 3 (ipykernel)",
    "language": "python",
}


class HarnessError(RuntimeError):
    """The server, the browser or the notebook did not get where a test needs it."""


class KernelExecutionError(HarnessError):
    """Code sent with :meth:`LabNotebook.eval_in_kernel` raised in the kernel."""

    def __init__(self, ename: str, evalue: str, traceback: str) -> None:
        super().__init__(f"{ename}: {evalue}\n{traceback}")
        self.ename = ename
        self.evalue = evalue
        self.traceback = traceback


# --------------------------------------------------------------------------------------------
# Isolated Jupyter environment
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class JupyterEnv:
    """A throwaway HOME with every Jupyter/IPython directory inside it."""

    base: Path

    @property
    def home(self) -> Path:
        return self.base / "home"

    @property
    def config_dir(self) -> Path:
        return self.base / "jupyter-config"

    @property
    def data_dir(self) -> Path:
        return self.base / "jupyter-data"

    @property
    def runtime_dir(self) -> Path:
        return self.base / "jupyter-runtime"

    @property
    def ipython_dir(self) -> Path:
        return self.base / "ipython"

    @property
    def tmp_dir(self) -> Path:
        return self.base / "tmp"

    @property
    def root_dir(self) -> Path:
        """The server's root_dir: notebooks opened in the browser live below it."""
        return self.base / "work"

    @classmethod
    def create(cls, base: Path | str | None = None, *, nodelay: bool = True) -> JupyterEnv:
        """Make the directories and write the lab setting overrides (and the nodelay config)."""
        if base is None:
            base = tempfile.mkdtemp(prefix="nblabel-jupyter-")
        env = cls(Path(base).resolve())
        for d in (
            env.home,
            env.config_dir,
            env.data_dir,
            env.runtime_dir,
            env.ipython_dir,
            env.tmp_dir,
            env.root_dir,
        ):
            d.mkdir(parents=True, exist_ok=True)
        write_setting_overrides(env.config_dir)
        if nodelay:
            write_nodelay_config(env.config_dir)
        return env

    def environ(self, base: dict[str, str] | None = None) -> dict[str, str]:
        """``os.environ`` (or ``base``) with every home/config/runtime path redirected here."""
        env = dict(os.environ if base is None else base)
        for var in (
            "JUPYTER_TOKEN",
            "JUPYTER_PATH",
            "JUPYTER_CONFIG_PATH",
            "JUPYTER_PREFER_ENV_PATH",
        ):
            env.pop(var, None)
        env.update(
            HOME=str(self.home),
            JUPYTER_CONFIG_DIR=str(self.config_dir),
            JUPYTER_DATA_DIR=str(self.data_dir),
            JUPYTER_RUNTIME_DIR=str(self.runtime_dir),
            IPYTHONDIR=str(self.ipython_dir),
            TMPDIR=str(self.tmp_dir),
            # debugpy warns about frozen modules on every kernel start otherwise.
            PYDEVD_DISABLE_FILE_VALIDATION="1",
        )
        return env

    def remove(self) -> None:
        shutil.rmtree(self.base, ignore_errors=True)


def write_setting_overrides(config_dir: Path | str) -> Path:
    """Write ``labconfig/default_setting_overrides.json`` into a Jupyter config dir."""
    path = Path(config_dir) / "labconfig" / "default_setting_overrides.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(SETTING_OVERRIDES, indent=2) + "\n")
    return path


def write_nodelay_config(config_dir: Path | str) -> Path:
    """Write a ``jupyter_server_config.py`` that sets TCP_NODELAY on kernel websockets."""
    path = Path(config_dir) / "jupyter_server_config.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(NODELAY_CONFIG)
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --------------------------------------------------------------------------------------------
# JupyterLab server
# --------------------------------------------------------------------------------------------


# Front end -> (module run with ``python -m``, its own options).
FRONTENDS = {
    "lab": (
        "jupyterlab",
        (
            "--LabApp.news_url=None",
            "--LabApp.extension_manager=readonly",
            "--LabApp.check_for_updates_class=jupyterlab.handlers.announcements.NeverCheckForUpdate",
            "--LabApp.expose_app_in_browser=True",
        ),
    ),
    # Notebook 7 rejects the Lab-only options; its news and update checks follow the
    # setting overrides.
    "notebook": ("notebook", ("--expose-app-in-browser",)),
}


@dataclass
class JupyterServer:
    """A running ``jupyter lab`` / ``jupyter notebook`` process; start it with :meth:`start`."""

    env: JupyterEnv
    port: int
    token: str
    process: subprocess.Popen[bytes]
    log_path: Path
    start_seconds: float = 0.0
    _log_file: Any = field(default=None, repr=False)
    frontend: str = "lab"  # "lab" (JupyterLab) or "notebook" (Notebook 7)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def root_dir(self) -> Path:
        return self.env.root_dir

    @classmethod
    def start(
        cls,
        env: JupyterEnv,
        *,
        port: int | None = None,
        timeout: float = 60.0,
        extra_args: tuple[str, ...] = (),
        frontend: str = "lab",
    ) -> JupyterServer:
        """Start ``jupyter lab`` (or ``jupyter notebook`` for ``frontend="notebook"``) on
        127.0.0.1 and return once ``/api/status`` answers."""
        if frontend not in FRONTENDS:
            raise ValueError(f"frontend must be one of {sorted(FRONTENDS)}")
        attempts = 1 if port is not None else 3
        last_error: Exception | None = None
        for attempt in range(attempts):
            try:
                return cls._start_once(
                    env, port or free_port(), timeout, extra_args, attempt, frontend
                )
            except HarnessError as exc:  # e.g. the free port was taken in between
                last_error = exc
        assert last_error is not None
        raise last_error

    @classmethod
    def _start_once(
        cls,
        env: JupyterEnv,
        port: int,
        timeout: float,
        extra_args: tuple[str, ...],
        attempt: int,
        frontend: str = "lab",
    ) -> JupyterServer:
        token = secrets.token_hex(24)
        module, frontend_args = FRONTENDS[frontend]
        log_path = env.base / f"jupyter-server-{attempt}.log"
        cmd = [
            sys.executable,
            "-m",
            module,
            "--no-browser",
            "--allow-root",
            "--ip",
            "127.0.0.1",
            "--port",
            str(port),
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={env.root_dir}",
            "--ServerApp.terminals_enabled=False",
            *frontend_args,
            *extra_args,
        ]
        log_file = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        t0 = time.perf_counter()
        process = subprocess.Popen(
            cmd,
            env=env.environ(),
            cwd=env.root_dir,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        server = cls(env, port, token, process, log_path, _log_file=log_file, frontend=frontend)
        deadline = t0 + timeout
        while True:
            if process.poll() is not None:
                server.stop()
                raise HarnessError(
                    f"jupyter lab exited with {process.returncode}:\n{server.log_tail()}"
                )
            try:
                server.api("/api/status", timeout=2)
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if time.perf_counter() > deadline:
                server.stop()
                raise HarnessError(f"jupyter lab not ready after {timeout} s:\n{server.log_tail()}")
            time.sleep(0.1)
        server.start_seconds = time.perf_counter() - t0
        return server

    def api(self, path: str, *, method: str = "GET", body: Any = None, timeout: float = 10) -> Any:
        """Call the server's REST API with the token; return the decoded JSON (or None)."""
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method)
        req.add_header("Authorization", f"token {self.token}")
        if data is not None:
            req.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None

    def lab_url(self, notebook_path: str, *, workspace: str) -> str:
        """URL opening ``notebook_path`` (relative to root_dir) in its own workspace
        (Notebook 7 has no workspaces: one notebook per page)."""
        quoted = urllib.parse.quote(notebook_path)
        if self.frontend == "notebook":
            return f"{self.url}/notebooks/{quoted}?token={self.token}"
        return f"{self.url}/lab/workspaces/{workspace}/tree/{quoted}?token={self.token}"

    def connection_file(self, kernel_id: str) -> Path:
        return self.env.runtime_dir / f"kernel-{kernel_id}.json"

    def kernel_pid(self, kernel_id: str) -> int | None:
        """PID of the live kernel process started with this kernel's connection file."""
        needle = str(self.connection_file(kernel_id)).encode()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                cmdline = (entry / "cmdline").read_bytes()
                if needle in cmdline.split(b"\0") and not _is_zombie(int(entry.name)):
                    return int(entry.name)
            except OSError:
                continue
        return None

    def log_tail(self, n: int = 60) -> str:
        try:
            lines = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return ""
        return "\n".join(lines[-n:])

    def stop(self, *, timeout: float = 15.0) -> None:
        """SIGTERM the server (it shuts its kernels down); SIGKILL its group if it lingers."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None

    def __enter__(self) -> JupyterServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _is_zombie(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    # The state letter follows the parenthesised command name, which may contain spaces.
    return stat.rpartition(")")[2].split()[0] in ("Z", "X")


@contextlib.contextmanager
def isolated_jupyter_lab(
    base: Path | str | None = None,
    *,
    nodelay: bool = True,
    keep: bool = False,
    frontend: str = "lab",
) -> Iterator[JupyterServer]:
    """A fresh :class:`JupyterEnv` plus a running server; both cleaned up on exit."""
    env = JupyterEnv.create(base, nodelay=nodelay)
    try:
        with JupyterServer.start(env, frontend=frontend) as server:
            yield server
    finally:
        if not keep and base is None:
            env.remove()


# --------------------------------------------------------------------------------------------
# Chromium
# --------------------------------------------------------------------------------------------


def launch_chromium(
    playwright: Playwright, *, env: dict[str, str] | None = None, headless: bool = True
) -> Browser:
    """Launch Debian's Chromium through Playwright (never a downloaded browser)."""
    if not Path(CHROMIUM_PATH).exists():
        raise HarnessError(f"{CHROMIUM_PATH} is missing: apt-get install -y chromium")
    args = [a for a in CHROMIUM_ARGS if headless or a != "--headless"]
    return playwright.chromium.launch(
        executable_path=CHROMIUM_PATH, args=args, headless=headless, env=env
    )


@contextlib.contextmanager
def _environ_patched(values: dict[str, str]) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def start_playwright(env: dict[str, str] | None = None) -> Playwright:
    """Start the Playwright driver; with ``env`` its TMPDIR/HOME (browser profiles) go there."""
    from playwright.sync_api import sync_playwright

    patch = {k: env[k] for k in ("TMPDIR", "HOME") if k in env} if env else {}
    with _environ_patched(patch):
        return sync_playwright().start()


@contextlib.contextmanager
def chromium(env: dict[str, str] | None = None, *, headless: bool = True) -> Iterator[Browser]:
    """Playwright + Chromium for a ``with`` block (benchmarks); tests use the fixtures."""
    pw = start_playwright(env)
    try:
        browser = launch_chromium(pw, env=env, headless=headless)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        pw.stop()


# --------------------------------------------------------------------------------------------
# Notebooks
# --------------------------------------------------------------------------------------------


def make_notebook(*sources: str) -> nbformat.NotebookNode:
    """A Python 3 notebook with one code cell per source string."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = dict(PYTHON3_KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = [nbformat.v4.new_code_cell(src) for src in sources]
    return nb


_counter = itertools.count(1)


def _slug(text: str, limit: int = 40) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")[:limit] or "test"


# In-page helpers. Every call looks the panel up by path instead of trusting
# shell.currentWidget, which a dialog or a second tab can change.
_JS_PANEL = """
const __panel = (path) => {
  const app = window.jupyterapp;
  if (!app) return null;
  for (const w of app.shell.widgets('main')) {
    if (w.context && w.context.path === path && w.sessionContext) return w;
  }
  return null;
};
const __withTimeout = (promise, ms, what) => Promise.race([
  promise,
  new Promise((_, reject) => setTimeout(
    () => reject(new Error(what + ' timed out after ' + ms + ' ms')), ms)),
]);
"""

_JS_KERNEL_IDLE = (
    "(path) => {"
    + _JS_PANEL
    + """
  const p = __panel(path);
  if (!p) return false;
  const sc = p.sessionContext;
  const k = sc.session && sc.session.kernel;
  return !!k && sc.isReady && !sc.isRestarting
    && k.connectionStatus === 'connected' && k.status === 'idle';
}"""
)

_JS_RUN_ALL = (
    "async ([path, ms]) => {"
    + _JS_PANEL
    + """
  const p = __panel(path);
  if (!p) throw new Error('notebook panel not found: ' + path);
  window.jupyterapp.shell.activateById(p.id);
  const ok = await __withTimeout(
    window.jupyterapp.commands.execute('notebook:run-all-cells'), ms, 'run-all-cells');
  return ok !== false;
}"""
)

_JS_RESTART = (
    "async ([path, ms]) => {"
    + _JS_PANEL
    + """
  const p = __panel(path);
  if (!p) throw new Error('notebook panel not found: ' + path);
  await __withTimeout(p.sessionContext.restartKernel(), ms, 'kernel restart');
}"""
)

_JS_EXECUTE = (
    "async ([path, code, ms]) => {"
    + _JS_PANEL
    + """
  const p = __panel(path);
  if (!p) throw new Error('notebook panel not found: ' + path);
  const kernel = p.sessionContext.session.kernel;
  const out = [];
  let error = null;
  const future = kernel.requestExecute({code, silent: false, store_history: false});
  future.onIOPub = (msg) => {
    const t = msg.header.msg_type;
    const c = msg.content;
    if (t === 'stream' && c.name === 'stdout') out.push(c.text);
    else if (t === 'execute_result') out.push(c.data['text/plain'] || '');
    else if (t === 'error') {
      error = {ename: c.ename, evalue: c.evalue, traceback: c.traceback.join('\\n')};
    }
  };
  const reply = await __withTimeout(future.done, ms, 'kernel execute');
  if (!error && reply.content.status === 'error') {
    const c = reply.content;
    error = {ename: c.ename, evalue: c.evalue, traceback: (c.traceback || []).join('\\n')};
  }
  return {text: out.join(''), error};
}"""
)

_JS_KERNEL_ID = (
    "(path) => {"
    + _JS_PANEL
    + """
  const p = __panel(path);
  const k = p && p.sessionContext.session && p.sessionContext.session.kernel;
  return k ? k.id : null;
}"""
)

_JS_WATCH_STATUS = (
    "(path) => {"
    + _JS_PANEL
    + """
  const p = __panel(path);
  window.__nblabelStatuses = [];
  if (!window.__nblabelWatched) {
    window.__nblabelWatched = true;
    p.sessionContext.statusChanged.connect((_, s) => window.__nblabelStatuses.push(s));
  }
}"""
)

_JS_NOTEBOOK_JSON = (
    "(path) => {"
    + _JS_PANEL
    + """
  const p = __panel(path);
  if (!p) throw new Error('notebook panel not found: ' + path);
  return p.content.model.toJSON();
}"""
)

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class LabNotebook:
    """One notebook opened in JupyterLab in its own browser context and workspace.

    Build it with :meth:`open`. ``page`` is the Playwright page for UI actions; the methods
    below cover what goes through the kernel.
    """

    def __init__(
        self,
        server: JupyterServer,
        context: BrowserContext,
        page: Page,
        path: str,
        workdir: Path,
        workspace: str,
    ) -> None:
        self.server = server
        self.context = context
        self.page = page
        self.path = path
        """Notebook path relative to the server's root_dir (what ``context.path`` is in JS)."""
        self.workdir = workdir
        """Directory holding the notebook copy: the kernel's working directory."""
        self.workspace = workspace
        self.load_seconds = 0.0
        """Seconds from ``page.goto`` to a connected, idle kernel."""
        self.console_messages: list[str] = []
        self.page_errors: list[str] = []
        page.on("console", lambda m: self.console_messages.append(f"[{m.type}] {m.text}"))
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))

    # -- lifecycle --------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        server: JupyterServer,
        browser: Browser,
        notebook: str | os.PathLike[str] | nbformat.NotebookNode | dict[str, Any],
        *,
        name: str | None = None,
        extra_files: tuple[str | os.PathLike[str], ...] = (),
        viewport: tuple[int, int] = (1280, 900),
        timeout: float = 60.0,
    ) -> LabNotebook:
        """Copy ``notebook`` into a fresh directory under root_dir and open it in Lab.

        Returns once the notebook's kernel is connected and idle.
        """
        stem = _slug(
            name or (Path(notebook).stem if isinstance(notebook, str | os.PathLike) else "nb")
        )
        unique = f"{next(_counter):03d}-{stem}-{uuid.uuid4().hex[:6]}"
        workdir = server.root_dir / unique
        workdir.mkdir(parents=True)
        if isinstance(notebook, str | os.PathLike):
            nb = nbformat.read(os.fspath(notebook), as_version=4)
            nb_name = Path(notebook).name
        else:
            nb = nbformat.from_dict(notebook)
            nb_name = f"{stem}.ipynb"
        # Without a kernelspec Lab asks which kernel to start, in a dialog.
        nb.metadata.setdefault("kernelspec", dict(PYTHON3_KERNELSPEC))
        nbformat.write(nb, workdir / nb_name)
        for extra in extra_files:
            src = Path(extra)
            dest = workdir / src.name
            if src.is_dir():
                shutil.copytree(src, dest)
            else:
                shutil.copy2(src, dest)

        path = f"{unique}/{nb_name}"
        context = browser.new_context(
            viewport={"width": viewport[0], "height": viewport[1]}, device_scale_factor=1
        )
        context.set_default_timeout(30_000)
        page = context.new_page()
        lab = cls(server, context, page, path, workdir, workspace=f"ws-{unique}")
        try:
            t0 = time.perf_counter()
            page.goto(server.lab_url(path, workspace=lab.workspace), wait_until="domcontentloaded")
            lab.wait_for_kernel_idle(timeout=timeout)
            lab.load_seconds = time.perf_counter() - t0
        except BaseException:
            lab.close(shutdown_kernel=True)
            raise
        return lab

    def close(self, *, shutdown_kernel: bool = True) -> None:
        """Close the browser context and shut the notebook's kernel down."""
        with contextlib.suppress(Exception):
            # Closing while the kernel is busy makes the server log a (harmless) 500.
            self.wait_for_kernel_idle(timeout=5)
        with contextlib.suppress(Exception):
            self.context.close()
        if shutdown_kernel:
            with contextlib.suppress(Exception):
                for session in self.server.api("/api/sessions"):
                    if session.get("path") == self.path:
                        self.server.api(f"/api/sessions/{session['id']}", method="DELETE")

    def __enter__(self) -> LabNotebook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- kernel ------------------------------------------------------------------------------

    def wait_for_kernel_idle(self, *, timeout: float = 60.0) -> None:
        """Wait until the notebook's kernel is connected, ready and idle."""
        try:
            self.page.wait_for_function(
                _JS_KERNEL_IDLE, arg=self.path, timeout=timeout * 1000, polling=50
            )
        except Exception as exc:
            raise HarnessError(
                f"kernel of {self.path} not idle after {timeout} s; "
                f"server log:\n{self.server.log_tail(20)}"
            ) from exc

    def run_all(self, *, timeout: float = 120.0, raise_on_error: bool = True) -> bool:
        """Run every cell (``notebook:run-all-cells``) and wait for the kernel to go idle.

        Returns False when a cell raised; with ``raise_on_error`` (the default) that raises
        :class:`HarnessError` with the error outputs instead.
        """
        ok = bool(self.page.evaluate(_JS_RUN_ALL, [self.path, int(timeout * 1000)]))
        self.wait_for_kernel_idle(timeout=timeout)
        if not ok and raise_on_error:
            raise HarnessError(f"a cell raised while running {self.path}:\n{self.error_outputs()}")
        return ok

    def restart_kernel(self, *, timeout: float = 60.0) -> None:
        """Restart the kernel without a confirmation dialog; wait until it is idle."""
        self.page.evaluate(_JS_RESTART, [self.path, int(timeout * 1000)])
        self.wait_for_kernel_idle(timeout=timeout)

    def restart_and_run_all(self, *, timeout: float = 120.0, raise_on_error: bool = True) -> bool:
        self.restart_kernel(timeout=timeout)
        return self.run_all(timeout=timeout, raise_on_error=raise_on_error)

    def kernel_id(self) -> str:
        kid = self.page.evaluate(_JS_KERNEL_ID, self.path)
        if not kid:
            raise HarnessError(f"no kernel attached to {self.path}")
        return str(kid)

    def kernel_pid(self) -> int:
        pid = self.server.kernel_pid(self.kernel_id())
        if pid is None:
            raise HarnessError(f"no process found for the kernel of {self.path}")
        return pid

    def kill_kernel_hard(self, *, timeout: float = 60.0) -> None:
        """SIGKILL the kernel process, as a crash would, and wait for the server's autorestart.

        Dismisses Lab's "Kernel Restarting" dialog and returns once the new kernel is idle.
        The kernel id stays the same; all Python state is gone.
        """
        kid = self.kernel_id()
        old_pid = self.kernel_pid()
        self.page.evaluate(_JS_WATCH_STATUS, self.path)
        os.kill(old_pid, signal.SIGKILL)
        deadline = time.monotonic() + timeout
        # The server polls its kernels every few seconds, notices the death, starts a new one.
        while True:
            new_pid = self.server.kernel_pid(kid)
            if new_pid is not None and new_pid != old_pid:
                break
            if time.monotonic() > deadline:
                raise HarnessError(f"kernel {kid} not restarted after SIGKILL in {timeout} s")
            time.sleep(0.1)
        self.page.wait_for_function(
            "() => (window.__nblabelStatuses || []).includes('autorestarting')",
            timeout=max(1.0, deadline - time.monotonic()) * 1000,
        )
        dialog = self.page.locator(".jp-Dialog")
        with contextlib.suppress(Exception):
            dialog.get_by_role("button", name="Ok").click(timeout=5_000)
        dialog.wait_for(state="detached", timeout=5_000)
        self.wait_for_kernel_idle(timeout=max(1.0, deadline - time.monotonic()))

    def eval_in_kernel(self, code: str, *, timeout: float = 30.0) -> str:
        """Run ``code`` in the notebook's kernel without touching the notebook; return its output.

        The result is everything written to stdout plus the ``repr`` of a trailing expression,
        with trailing newlines stripped (``eval_in_kernel("print(x)") == "42"``). stderr is
        ignored. Raises :class:`KernelExecutionError` if the code raises.
        """
        res = self.page.evaluate(_JS_EXECUTE, [self.path, code, int(timeout * 1000)])
        if res["error"]:
            err = res["error"]
            raise KernelExecutionError(err["ename"], err["evalue"], _ANSI.sub("", err["traceback"]))
        return str(res["text"]).rstrip("\n")

    def eval_json(self, expression: str, *, timeout: float = 30.0) -> Any:
        """Evaluate a Python expression in the kernel and return its value via JSON."""
        code = (
            "import json as __nbl_json\n"
            f"print(__nbl_json.dumps({expression}, default=str))\n"
            "del __nbl_json"
        )
        return json.loads(self.eval_in_kernel(code, timeout=timeout))

    # -- notebook / page --------------------------------------------------------------------

    def notebook_json(self) -> dict[str, Any]:
        """The notebook as Lab's model has it now (nbformat dict, outputs included)."""
        return dict(self.page.evaluate(_JS_NOTEBOOK_JSON, self.path))

    def error_outputs(self) -> str:
        lines = []
        for i, cell in enumerate(self.notebook_json().get("cells", [])):
            for out in cell.get("outputs", []) or []:
                if out.get("output_type") == "error":
                    tb = _ANSI.sub("", "\n".join(out.get("traceback", [])))
                    lines.append(f"cell {i}: {out.get('ename')}: {out.get('evalue')}\n{tb}")
        return "\n".join(lines) or "(no error output in the notebook model)"

    def cell(self, index: int) -> Locator:
        """The ``index``-th cell of this notebook (all cells stay in the DOM: windowing off)."""
        return self._notebook_node().locator(".jp-Cell").nth(index)

    def output(self, index: int) -> Locator:
        """Output area of the ``index``-th cell."""
        return self.cell(index).locator(".jp-OutputArea")

    def _notebook_node(self) -> Locator:
        return self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").first

    def screenshot(self, name: str, *, directory: Path | str | None = None) -> Path:
        """Save a full-page PNG as ``<directory or test-artifacts>/<name>.png``."""
        out_dir = Path(directory) if directory is not None else ARTIFACTS_DIR
        out_dir.mkdir(parents=True, exist_ok=True)
        path = out_dir / f"{_slug(name, 120)}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def save_debug_artifacts(self, name: str, *, directory: Path | str | None = None) -> list[Path]:
        """Screenshot plus browser console, page errors and the server log tail."""
        out_dir = Path(directory) if directory is not None else ARTIFACTS_DIR
        saved = []
        with contextlib.suppress(Exception):
            saved.append(self.screenshot(name, directory=out_dir))
        log = out_dir / f"{_slug(name, 120)}.log"
        out_dir.mkdir(parents=True, exist_ok=True)
        log.write_text(
            f"notebook: {self.path}\nworkdir: {self.workdir}\n\n"
            "== page errors ==\n" + "\n".join(self.page_errors) + "\n\n"
            "== browser console ==\n" + "\n".join(self.console_messages) + "\n\n"
            "== server log (tail) ==\n" + self.server.log_tail(200) + "\n"
        )
        saved.append(log)
        return saved
