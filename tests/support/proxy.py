"""Real network pieces a deployed Label Studio sits among, for tests: a private CA and a
server certificate made with ``openssl``, nginx as a TLS reverse proxy under a path prefix,
tinyproxy as a forward proxy. Each runs in the foreground with its own config in a temp
dir, listens on 127.0.0.1 only, and is stopped by its PID. Debian's ``nginx-light`` and
``tinyproxy`` packages provide the binaries (scripts/test installs them when missing)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
TINYPROXY = shutil.which("tinyproxy") or "/usr/bin/tinyproxy"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


@dataclass
class Certificates:
    """A CA, a server certificate it signed for 127.0.0.1 (not for ``localhost``: a URL
    naming that host is a name mismatch), and a second CA that signed nothing (a wrong
    ``ca_bundle``)."""

    ca: Path
    cert: Path
    key: Path
    other_ca: Path

    @classmethod
    def make(cls, where: Path) -> Certificates:
        where.mkdir(parents=True, exist_ok=True)
        for name in ("ca", "other-ca"):
            _openssl(
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", f"/CN=nblabel test {name}", "-keyout", f"{name}.key",
                "-out", f"{name}.pem", cwd=where,
            )  # fmt: skip
        (where / "server.ext").write_text(
            "subjectAltName=IP:127.0.0.1\n"
            "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
            "extendedKeyUsage=serverAuth\n"
        )
        _openssl(
            "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
            "-keyout", "server.key", "-out", "server.csr", cwd=where,
        )  # fmt: skip
        _openssl(
            "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
            "-CAcreateserial", "-days", "2", "-extfile", "server.ext", "-out", "server.pem",
            cwd=where,
        )  # fmt: skip
        return cls(
            ca=where / "ca.pem",
            cert=where / "server.pem",
            key=where / "server.key",
            other_ca=where / "other-ca.pem",
        )


def _wait_port(port: int, proc: subprocess.Popen[bytes], log: Path, timeout: float = 15) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"exited with {proc.returncode}: {log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port}: {log.read_text(errors='replace')}")


def _stop(proc: subprocess.Popen[bytes] | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    try:
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    except ProcessLookupError:
        pass


@dataclass
class Nginx:
    """nginx in the foreground (``daemon off``, one worker) with the ``server`` blocks
    given, its logs and temp files under ``root``."""

    root: Path
    servers: str
    ports: list[int]
    proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def access_log(self) -> Path:
        return self.root / "access.log"

    def start(self) -> Nginx:
        for sub in ("tmp", "logs"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        tmp = self.root / "tmp"
        conf = self.root / "nginx.conf"
        conf.write_text(f"""
daemon off;
master_process on;
worker_processes 1;
pid {self.root}/nginx.pid;
error_log {self.root}/error.log info;
events {{ worker_connections 256; }}
http {{
    log_format nblabel '$server_port $status "$request"';
    access_log {self.access_log} nblabel;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    client_max_body_size 200m;
    {self.servers}
}}
""")
        log = self.root / "stderr.log"
        with open(log, "wb") as out:
            self.proc = subprocess.Popen(
                [NGINX, "-p", str(self.root), "-c", str(conf), "-e", str(self.root / "error.log")],
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        try:
            for port in self.ports:
                _wait_port(port, self.proc, log)
        except BaseException:
            self.stop()
            raise
        return self

    def requests(self, needle: str = "", *, port: int | None = None) -> list[str]:
        """Access log lines (``PORT STATUS "METHOD PATH HTTP/1.1"``) that contain
        ``needle``, of requests to ``port`` (default: any)."""
        if not self.access_log.exists():
            return []
        lines = self.access_log.read_text().splitlines()
        if port is not None:
            lines = [line for line in lines if line.startswith(f"{port} ")]
        return [line for line in lines if needle in line]

    def stop(self) -> None:
        _stop(self.proc)
        self.proc = None


@dataclass
class TinyProxy:
    """tinyproxy in the foreground on 127.0.0.1: a forward proxy that tunnels HTTPS with
    CONNECT to any port, logging each request."""

    root: Path
    port: int = 0
    proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> Path:
        return self.root / "tinyproxy.log"

    def start(self) -> TinyProxy:
        self.root.mkdir(parents=True, exist_ok=True)
        self.port = self.port or free_port()
        conf = self.root / "tinyproxy.conf"
        # No ConnectPort line: CONNECT to every port (the test server's is random).
        conf.write_text(
            f"Port {self.port}\nListen 127.0.0.1\nTimeout 60\nLogLevel Connect\n"
            f'LogFile "{self.log}"\nPidFile "{self.root / "tinyproxy.pid"}"\n'
            "MaxClients 20\nAllow 127.0.0.1\n"
        )
        out = self.root / "stderr.log"
        with open(out, "wb") as f:
            self.proc = subprocess.Popen(
                [TINYPROXY, "-d", "-c", str(conf)],
                stdout=f,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        try:
            _wait_port(self.port, self.proc, out)
        except BaseException:
            self.stop()
            raise
        return self

    def requests(self) -> list[str]:
        """The requests it was asked to forward (``CONNECT host:port HTTP/1.1`` for a
        tunnel, ``GET http://... HTTP/1.1`` for plain HTTP), in order."""
        if not self.log.exists():
            return []
        lines = self.log.read_text().splitlines()
        return [line.split("): ", 1)[1] for line in lines if "Request (file descriptor" in line]

    def stop(self) -> None:
        _stop(self.proc)
        self.proc = None
