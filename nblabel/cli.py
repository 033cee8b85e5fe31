"""The ``nblabel`` command.

    nblabel ml-backend --model my_module:model --config config.xml --port 9090 \\
                       [--conf 0.5] [--tile 1024 1024 --overlap 150] [--basic-auth user:pass]
                       [--label-studio-url http://localhost:8080] [--document-root DIR]
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
import threading
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def _load_model(spec: str, flag: str = "--model") -> Any:
    """``module:attribute`` (``module.sub:obj.attr`` too) -> the object; the working
    directory is importable, as it is for ``python -m``."""
    module_name, sep, attr = spec.partition(":")
    if not sep or not module_name or not attr:
        raise SystemExit(f"{flag} {spec!r}: write module:name, e.g. my_module:model")
    if os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        obj: Any = importlib.import_module(module_name)
    except ImportError as exc:
        raise SystemExit(f"{flag} {spec!r}: cannot import {module_name!r}: {exc}") from None
    for part in attr.split("."):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            raise SystemExit(f"{flag} {spec!r}: {module_name} has no {attr!r}") from None
    return obj


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nblabel", description="nblabel command line tools")
    sub = parser.add_subparsers(dest="command", required=True)
    ml = sub.add_parser(
        "ml-backend",
        help="serve a model to Label Studio as an ML backend",
        description="Serve a model to Label Studio (predictions, training on new annotations). "
        "Connect it in Label Studio (Settings > Model) or with Connection.attach_model.",
    )
    ml.add_argument("--model", default=None, help="module:name of the model (or predict callable)")
    ml.add_argument(
        "--assist",
        default=None,
        help="module:name of an assist(item, prompt) callable, or 'default': answers Label "
        "Studio's smart tools (clicks, boxes, spans)",
    )
    ml.add_argument("--config", required=True, type=Path, help="the labeling config XML file")
    ml.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (127.0.0.1); any other needs --basic-auth or --allow-no-auth",
    )
    ml.add_argument("--port", type=int, default=9090, help="port (9090; 0 picks a free one)")
    ml.add_argument("--conf", type=float, default=None, help="drop predictions scoring below")
    ml.add_argument("--tile", type=int, nargs=2, metavar=("W", "H"), help="predict tile by tile")
    ml.add_argument("--overlap", type=int, default=0, help="pixels neighbouring tiles share")
    ml.add_argument(
        "--basic-auth",
        default=None,
        metavar="USER:PASS",
        help="require HTTP basic auth (or set NBLABEL_BASIC_AUTH, kept out of the process list)",
    )
    ml.add_argument(
        "--allow-no-auth",
        action="store_true",
        help="serve on an address other than loopback without basic auth (anyone who can "
        "reach it can use the model, train it and have it read images)",
    )
    ml.add_argument(
        "--label-studio-url",
        default=None,
        metavar="URL",
        help="the Label Studio server to read uploads and annotations from (or set "
        "LABEL_STUDIO_URL); its token: LABEL_STUDIO_API_KEY, else the one Label Studio sends",
    )
    ml.add_argument(
        "--trust-setup-url",
        action="store_true",
        help="let Label Studio's /setup set the server URL and token (only when nothing but "
        "Label Studio can reach the backend: /setup could send the token anywhere)",
    )
    ml.add_argument(
        "--document-root",
        default=None,
        metavar="DIR",
        help="read local image files (paths, file://, /data/local-files/?d=) under DIR only "
        "(or set LABEL_STUDIO_LOCAL_FILES_DOCUMENT_ROOT); without it none are read",
    )
    ml.add_argument("--control", default=None, help="the Choices control probabilities are for")
    ml.add_argument("--name", default=None, help="model name in model_version")
    return parser


def ml_backend(args: argparse.Namespace) -> int:
    from .core.errors import NblabelError
    from .labelstudio.mlbackend import is_loopback, serve

    try:
        xml = args.config.read_text(encoding="utf-8")
    except OSError as exc:
        raise SystemExit(f"--config {str(args.config)!r}: {exc.strerror}") from None
    if args.model is None and args.assist is None:
        raise SystemExit("nblabel ml-backend: pass --model, --assist, or both")
    model = None if args.model is None else _load_model(args.model)
    assist = args.assist
    if assist is not None and assist != "default":
        assist = _load_model(assist, "--assist")
    auth = args.basic_auth or os.environ.get("NBLABEL_BASIC_AUTH") or None
    try:
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always")
            srv = serve(
                model, schema=xml, host=args.host, port=args.port, conf=args.conf,
                tile=tuple(args.tile) if args.tile else None, overlap=args.overlap,
                basic_auth=auth, control=args.control, name=args.name,
                label_studio_url=args.label_studio_url, trust_setup_url=args.trust_setup_url,
                document_root=args.document_root, allow_no_auth=args.allow_no_auth,
                log_level="info", assist=assist,
            )  # fmt: skip
    except (NblabelError, OSError, ValueError) as exc:
        raise SystemExit(f"nblabel ml-backend: {exc}") from None
    for w in said:
        print(f"nblabel ml-backend: WARNING: {w.message}", file=sys.stderr)
    if auth is not None and not is_loopback(args.host):
        print(
            "nblabel ml-backend: basic auth travels in the clear over HTTP: put a TLS proxy "
            "in front of this address",
            file=sys.stderr,
        )
    if args.trust_setup_url:
        print(
            "nblabel ml-backend: WARNING: /setup may set the Label Studio URL and token: "
            "anyone who can reach this backend can have it send requests (and tokens Label "
            "Studio gave it) to a server of their choosing",
            file=sys.stderr,
        )
    sys.stderr.flush()
    done = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: done.set())
    print(f"nblabel ML backend {srv.model_version} serving on {srv.url} (Ctrl+C stops it)")
    sys.stdout.flush()
    try:
        done.wait()
    finally:
        srv.stop()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "ml-backend":
        return ml_backend(args)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
