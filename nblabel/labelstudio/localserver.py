"""A throwaway Label Studio server on 127.0.0.1, for tests, benchmarks and trying things out.

Label Studio lives in its own virtual environment (it pins its own numpy, pandas and SDK),
made once at ``$NBLABEL_LS_VENV`` (default ``~/.cache/nblabel/label-studio-venv``). Each
server gets a fresh SQLite data dir copied from a template made once with
``label-studio init``, a preset admin user and a random legacy API token, binds to loopback
only, and is stopped by its PID. Nothing here imports pytest.

    from nblabel.labelstudio.localserver import LocalServer
    with LocalServer.start() as server:
        server.url, server.api_key, server.username, server.password

A team's server keeps its database in PostgreSQL: ``LocalServer.start(database="postgresql")``
starts a throwaway PostgreSQL cluster (Debian's ``postgresql`` package, found under
``/usr/lib/postgresql/*/bin``) on a free loopback port first, from a template cluster that
already holds Label Studio's migrations, and stops it with the server.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LABEL_STUDIO_VERSION = "1.23.2"
_READY = ".nblabel-ready"  # written once pip finished, so a half-made venv is never trusted

# Label Studio falls back to these unprefixed variables: never let the caller's leak in.
_LEAKY_ENV = ("HOST", "PORT", "USERNAME", "PASSWORD", "DEBUG", "SENTRY_DSN", "LABEL_STUDIO_HOST")


def venv_dir() -> Path:
    """Where Label Studio's own virtual environment lives (``$NBLABEL_LS_VENV``)."""
    default = Path.home() / ".cache" / "nblabel" / "label-studio-venv"
    return Path(os.environ.get("NBLABEL_LS_VENV") or default)


def executable() -> Path:
    return venv_dir() / "bin" / "label-studio"


def is_installed() -> bool:
    return (venv_dir() / _READY).is_file() and executable().is_file()


def install(*, quiet: bool = True) -> Path:
    """Make the venv and ``pip install label-studio`` into it, unless already done.

    Takes about 1.5 min and ~1 GB the first time; returns the ``label-studio`` executable.
    """
    venv = venv_dir()
    if is_installed():
        return executable()
    if venv.exists():  # left half-made by an interrupted install
        shutil.rmtree(venv)
    venv.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--progress-bar", "off"]
    if quiet:
        pip.append("-q")
    version = os.environ.get("NBLABEL_LS_VERSION", LABEL_STUDIO_VERSION)
    subprocess.run([*pip, f"label-studio=={version}"], check=True)
    (venv / _READY).touch()
    return executable()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server_env(home: Path, data_dir: Path, extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _LEAKY_ENV}
    env = {k: v for k, v in env.items() if not k.startswith("LABEL_STUDIO_")}
    env.update(
        HOME=str(home),
        PYTHONUNBUFFERED="1",
        LABEL_STUDIO_BASE_DATA_DIR=str(data_dir),
        LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN="true",
        LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK="true",
        LABEL_STUDIO_LATEST_VERSION_CHECK="false",
        LABEL_STUDIO_COLLECT_ANALYTICS="false",
        SENTRY_DSN="",
        FRONTEND_SENTRY_DSN="",
        # A model backend on 127.0.0.1 (nblabel.labelstudio.serve) is refused otherwise.
        LABEL_STUDIO_ML_BLOCK_LOCAL_IP="false",
        LABEL_STUDIO_SSRF_PROTECTION_ENABLED="false",
        # Local Files storage under <home>/files (push(images="local-files")).
        LABEL_STUDIO_LOCAL_FILES_SERVING_ENABLED="true",
        LABEL_STUDIO_LOCAL_FILES_DOCUMENT_ROOT=str(home / "files"),
    )
    (home / "files").mkdir(exist_ok=True)
    env.update(extra)
    return env


def _template_dir() -> Path:
    """A data dir initialised once (migrations done), copied for every server."""
    template = venv_dir().parent / f"label-studio-template-{LABEL_STUDIO_VERSION}"
    if (template / _READY).is_file():
        return template
    if template.exists():
        shutil.rmtree(template)
    with tempfile.TemporaryDirectory(prefix="nblabel-ls-init-") as tmp:
        home = Path(tmp)
        data = home / "data"
        subprocess.run(
            [
                str(executable()),
                "init",
                "--quiet",  # no user yet: each server makes its own at start
                "--data-dir",
                str(data),
                "--enable-legacy-api-token",
            ],
            env=_server_env(home, data, {}),
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=600,
        )
        shutil.copytree(data, template)
    (template / _READY).touch()
    return template


# -- PostgreSQL ----------------------------------------------------------------------------
def postgres_bin() -> Path | None:
    """The newest ``/usr/lib/postgresql/<major>/bin`` with ``initdb`` and ``postgres``
    (Debian's ``postgresql`` package), or ``$NBLABEL_PG_BIN``; None when there is none."""
    given = os.environ.get("NBLABEL_PG_BIN")
    found = [Path(given)] if given else []
    found += sorted(
        (Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin")),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    for where in found:
        if (where / "initdb").is_file() and (where / "postgres").is_file():
            return where
    return None


def _postgres_user() -> tuple[int, int] | None:
    """The (uid, gid) PostgreSQL runs as: it refuses to run as root, so a root caller runs
    it as the ``postgres`` user Debian's package makes; anyone else as themselves (None)."""
    if os.geteuid() != 0:
        return None
    try:
        entry = pwd.getpwnam(os.environ.get("NBLABEL_PG_USER", "postgres"))
    except KeyError:
        raise RuntimeError(
            "PostgreSQL refuses to run as root and there is no 'postgres' user to run it as: "
            "apt-get install postgresql (it makes one), or set NBLABEL_PG_USER"
        ) from None
    return entry.pw_uid, entry.pw_gid


def _give(path: Path, owner: tuple[int, int] | None) -> None:
    """Hand ``path`` (and everything under it) to ``owner``."""
    if owner is None:
        return
    os.chown(path, *owner)
    for top, dirs, files in os.walk(path):
        for name in dirs + files:
            os.chown(os.path.join(top, name), *owner, follow_symlinks=False)


def _as(owner: tuple[int, int] | None) -> dict[str, Any]:
    """Popen arguments that run the child as ``owner``."""
    if owner is None:
        return {}
    return {"user": owner[0], "group": owner[1], "extra_groups": []}


@dataclass
class LocalPostgres:
    """A throwaway PostgreSQL cluster on 127.0.0.1 (TCP only, password auth), stopped by
    its postmaster's PID. ``fsync`` is off (a test cluster: a killed process loses nothing
    with it off, only a crashed machine would); commits stay synchronous."""

    port: int
    root: Path
    user: str
    password: str = field(repr=False)
    name: str = "postgres"
    pid: int = 0
    startup_seconds: float = 0.0
    _proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def log(self) -> Path:
        return self.root / "postgres.log"

    def env(self) -> dict[str, str]:
        """The settings that point Label Studio at this cluster."""
        return {
            "DJANGO_DB": "default",
            "POSTGRE_NAME": self.name,
            "POSTGRE_USER": self.user,
            "POSTGRE_PASSWORD": self.password,
            "POSTGRE_HOST": "127.0.0.1",
            "POSTGRE_PORT": str(self.port),
        }

    @classmethod
    def create(cls, *, port: int | None = None, template: Path | None = None) -> LocalPostgres:
        """A new cluster in a temp dir (a copy of ``template``'s data dir, else ``initdb``),
        started."""
        binaries = postgres_bin()
        if binaries is None:
            raise RuntimeError(
                "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): "
                "apt-get install postgresql, or set NBLABEL_PG_BIN"
            )
        owner = _postgres_user()
        root = Path(tempfile.mkdtemp(prefix="nblabel-pg-"))
        if template is not None:
            shutil.copytree(template / "data", root / "data", symlinks=True)
            password = (template / "password").read_text().strip()
            _give(root, owner)
            os.chmod(root / "data", 0o700)
        else:
            password = secrets.token_urlsafe(16)
            pwfile = root / "pwfile"
            pwfile.write_text(password + "\n")
            _give(root, owner)
            subprocess.run(
                [str(binaries / "initdb"), "-D", str(root / "data"), "-U", "nblabel",
                 f"--pwfile={pwfile}", "--auth=scram-sha-256", "-E", "UTF8",
                 "--locale=C", "--no-sync"],
                check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **_as(owner),
            )  # fmt: skip
            pwfile.unlink()
        pg = cls(port=port or _free_port(), root=root, user="nblabel", password=password)
        try:
            pg.start()
        except BaseException:
            shutil.rmtree(root, ignore_errors=True)
            raise
        atexit.register(pg.stop)
        return pg

    def start(self, timeout: float = 60.0) -> None:
        """Start the postmaster (again) on the same port and data dir."""
        binaries = postgres_bin()
        assert binaries is not None
        started = time.monotonic()
        self.log.unlink(missing_ok=True)
        with open(self.log, "wb") as out:
            self._proc = subprocess.Popen(
                [str(binaries / "postgres"), "-D", str(self.data),
                 "-c", "listen_addresses=127.0.0.1", "-c", f"port={self.port}",
                 "-c", "unix_socket_directories=", "-c", "fsync=off",
                 "-c", "full_page_writes=off", "-c", "max_connections=200"],
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                cwd=self.root, start_new_session=True, **_as(_postgres_user()),
            )  # fmt: skip
        self.pid = self._proc.pid
        deadline = started + timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(f"PostgreSQL exited ({self._proc.returncode}):\n{self.tail()}")
            if "ready to accept connections" in self.tail(200):
                self.startup_seconds = time.monotonic() - started
                return
            time.sleep(0.1)
        self.stop()
        raise TimeoutError(f"PostgreSQL did not start on port {self.port}:\n{self.tail()}")

    def tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def kill(self) -> None:
        """SIGKILL the postmaster and its backends, as a crash would; the data stays."""
        proc = self._proc
        if proc is not None and proc.poll() is None:
            # Its backends too: each is a process group of its own (PostgreSQL makes them
            # group leaders), and one left behind holds the shared memory, which keeps a
            # restarted postmaster out ("pre-existing shared memory block is still in use").
            children = _children(proc.pid)
            os.kill(proc.pid, signal.SIGKILL)
            for child in children:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(child, signal.SIGKILL)
            proc.wait(timeout=15)
            deadline = time.monotonic() + 15
            while any(_alive(c) for c in children) and time.monotonic() < deadline:
                time.sleep(0.05)
        self._proc = None

    def restart(self, timeout: float = 60.0) -> None:
        """Kill (as a crash would) and start again: PostgreSQL recovers from its WAL."""
        self.kill()
        self.start(timeout)

    def shutdown(self, timeout: float = 30.0) -> None:
        """A clean, fast shutdown (SIGINT); the data stays."""
        proc = self._proc
        if proc is not None and proc.poll() is None:
            try:
                os.kill(proc.pid, signal.SIGINT)
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()
            except ProcessLookupError:
                pass
        self._proc = None

    def stop(self) -> None:
        """Shut down and remove the cluster."""
        self.shutdown()
        shutil.rmtree(self.root, ignore_errors=True)


def _children(pid: int) -> list[int]:
    """The PIDs whose parent is ``pid`` (Linux's /proc; none found elsewhere)."""
    out = []
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            text = Path(stat).read_text()
        except OSError:
            continue
        # "pid (comm) state ppid ...": comm may hold spaces and parentheses.
        fields = text[text.rfind(")") + 2 :].split()
        if len(fields) > 1 and fields[1] == str(pid):
            out.append(int(stat.split("/")[2]))
    return out


def _alive(pid: int) -> bool:
    """Whether ``pid`` still runs (a zombie, waiting to be reaped, does not)."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return text[text.rfind(")") + 2 :].split()[0] != "Z"


def _postgres_template() -> Path:
    """A cluster holding Label Studio's migrations (made once, ~1 min), copied for every
    PostgreSQL-backed server: a start then takes seconds, not a minute."""
    binaries = postgres_bin()
    major = binaries.parent.name if binaries is not None else "none"
    template = venv_dir().parent / f"label-studio-pg{major}-template-{LABEL_STUDIO_VERSION}"
    if (template / _READY).is_file():
        return template
    if template.exists():
        shutil.rmtree(template)
    pg = LocalPostgres.create()
    try:
        with tempfile.TemporaryDirectory(prefix="nblabel-ls-init-") as tmp:
            home = Path(tmp)
            data = home / "data"
            subprocess.run(
                [str(executable()), "init", "--quiet", "--data-dir", str(data),
                 "--enable-legacy-api-token"],
                env=_server_env(home, data, pg.env()), check=True,
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=900,
            )  # fmt: skip
        pg.shutdown()
        template.mkdir(parents=True)
        shutil.copytree(pg.data, template / "data", symlinks=True)
        (template / "password").write_text(pg.password)
        os.chmod(template / "password", 0o600)
    finally:
        pg.stop()
    (template / _READY).touch()
    return template


@dataclass
class LocalServer:
    """A running Label Studio; :meth:`start` makes one, :meth:`stop` ends it.

    ``api_key`` is the admin's legacy token, made at random for this server and kept only
    in memory; it is left out of ``repr``.
    """

    url: str
    username: str
    password: str = field(repr=False)
    api_key: str = field(repr=False)
    pid: int
    root: Path
    log: Path
    startup_seconds: float
    port: int = 0
    #: The PostgreSQL cluster holding the server's database (``database="postgresql"``).
    postgres: LocalPostgres | None = None
    _env: dict[str, str] = field(default_factory=dict, repr=False)
    _proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def files_root(self) -> Path:
        """The server's Local Files document root: files under a folder of it can be
        pushed with ``images="local-files"``."""
        return Path(self._env["LABEL_STUDIO_LOCAL_FILES_DOCUMENT_ROOT"])

    @classmethod
    def start(
        cls,
        *,
        port: int | None = None,
        timeout: float = 180.0,
        env: dict[str, str] | None = None,
        install_if_missing: bool = True,
        database: str = "sqlite",
    ) -> LocalServer:
        """Start a server with a fresh data dir; wait until ``/health`` answers ``UP``.

        ``database="postgresql"`` keeps its database in a :class:`LocalPostgres` cluster
        of its own (started first, stopped with the server) instead of SQLite.
        """
        if database not in ("sqlite", "postgresql"):
            raise ValueError(f"database= must be 'sqlite' or 'postgresql', got {database!r}")
        if not is_installed():
            if not install_if_missing:
                raise RuntimeError(f"Label Studio is not installed in {venv_dir()}")
            install()
        template = _template_dir() if database == "sqlite" else None
        postgres = None
        if database == "postgresql":
            postgres = LocalPostgres.create(template=_postgres_template())
            env = {**postgres.env(), **(env or {})}
        root = Path(tempfile.mkdtemp(prefix="nblabel-ls-"))
        data = root / "data"
        if template is not None:
            shutil.copytree(template, data)
            (data / _READY).unlink(missing_ok=True)
        else:
            data.mkdir()  # media only: the database is the cluster's
        port = port or _free_port()
        username = "admin@example.com"
        password = secrets.token_urlsafe(16)
        api_key = secrets.token_hex(20)
        extra = {
            "LABEL_STUDIO_USERNAME": username,
            "LABEL_STUDIO_PASSWORD": password,
            "LABEL_STUDIO_USER_TOKEN": api_key,
            **(env or {}),
        }
        server = cls(
            url=f"http://127.0.0.1:{port}",
            username=username,
            password=password,
            api_key=api_key,
            pid=0,
            root=root,
            log=root / "server.log",
            startup_seconds=0.0,
            port=port,
            postgres=postgres,
            _env=_server_env(root, data, extra),
        )
        try:
            server._launch(timeout)
        except BaseException:
            if postgres is not None:
                postgres.stop()
            raise
        # Started in its own session (a Ctrl+C meant for us does not reach it): make sure
        # it does not outlive this process.
        atexit.register(server.stop)
        return server

    def _launch(self, timeout: float) -> None:
        started = time.monotonic()
        with open(self.log, "wb") as out:
            self._proc = subprocess.Popen(
                [
                    str(executable()),
                    "start",
                    "--no-browser",
                    "--internal-host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                    "--data-dir",
                    self._env["LABEL_STUDIO_BASE_DATA_DIR"],
                    "--enable-legacy-api-token",
                ],
                env=self._env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                cwd=self.root,
                start_new_session=True,
            )
        self.pid = self._proc.pid
        try:
            self._wait(self.port, started + timeout)
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - started

    def kill(self) -> None:
        """SIGKILL the server, as a crash would; its data stays for :meth:`restart`."""
        if self._proc is not None and self._proc.poll() is None:
            os.kill(self._proc.pid, signal.SIGKILL)
            self._proc.wait(timeout=15)

    def restart(self, *, timeout: float = 180.0) -> None:
        """Start the server again on the same port, data dir, user and token."""
        self.kill()
        self._launch(timeout)

    def _wait(self, port: int, deadline: float) -> None:
        # Label Studio moves to PORT+1 silently when PORT is taken: trust /health only once
        # the log names the port we asked for.
        wanted = f"127.0.0.1:{port}/"
        while time.monotonic() < deadline:
            if self._proc is not None and self._proc.poll() is not None:
                raise RuntimeError(
                    f"Label Studio exited with code {self._proc.returncode}; log:\n{self.tail()}"
                )
            if wanted in self.log.read_text(errors="replace"):
                try:
                    with urllib.request.urlopen(f"{self.url}/health", timeout=2) as r:
                        if b'"UP"' in r.read():
                            return
                except OSError:
                    pass
            time.sleep(0.25)
        raise TimeoutError(f"Label Studio did not answer on {self.url}; log:\n{self.tail()}")

    def tail(self, lines: int = 40) -> str:
        try:
            text = self.log.read_text(errors="replace")
        except OSError:
            return ""
        # The token is passed by environment, never on the command line, but be sure.
        return "\n".join(text.splitlines()[-lines:]).replace(self.api_key, "***")

    def stop(self, *, timeout: float = 15.0) -> None:
        """SIGTERM the server's PID, then SIGKILL if it lingers; remove its data dir."""
        proc = self._proc
        if proc is not None and proc.poll() is None:
            try:
                os.kill(proc.pid, signal.SIGTERM)
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait(timeout=timeout)
            except ProcessLookupError:
                pass
        self._proc = None
        if self.postgres is not None:
            self.postgres.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> LocalServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main() -> None:
    """``python -m nblabel.labelstudio.localserver install``: make the venv if missing."""
    if sys.argv[1:] == ["install"]:
        if is_installed():
            print(f"Label Studio already installed in {venv_dir()}")
        else:
            print(f"installing label-studio=={LABEL_STUDIO_VERSION} into {venv_dir()}")
            install(quiet=True)
        # Migrations on an empty database take ~40 s: done once here, not in each start.
        print(f"data dir template: {_template_dir()}")
        if postgres_bin() is not None:
            print(f"PostgreSQL cluster template: {_postgres_template()}")
        return
    raise SystemExit("usage: python -m nblabel.labelstudio.localserver install")


if __name__ == "__main__":
    main()
