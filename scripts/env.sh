# Sourced by scripts/test and scripts/demo: the project's virtual environment and the
# Debian packages they need. The functions run inside `cmd || ...` (scripts/test's step),
# where bash ignores `set -e`: every command that can fail says `|| return` itself.
# Nothing here touches the system's Python: every pip install goes into the venv (Debian's
# python3 is "externally managed" and refuses them anyway).
#
#   NBLABEL_VENV   where the venv lives (default: .venv in the repo, ignored by git)
#   NBLABEL_PYTHON the interpreter that makes it (default: python3 on PATH; >= 3.10)

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${NBLABEL_VENV:-$REPO_ROOT/.venv}

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=""
# apt_install [--no-install-recommends] PACKAGE...
apt_install() {
  # One `apt-get update` per script run, only when something is missing.
  if [[ -z $APT_UPDATED ]]; then
    as_root apt-get update || return
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" || return
}

# ensure_venv: make $VENV with $NBLABEL_PYTHON (or python3) unless a working one is there.
# On Debian, `python3 -m venv` needs the python3-venv package (ensurepip): installed with
# apt when it is missing.
ensure_venv() {
  if [[ -x $VENV/bin/python ]] && "$VENV/bin/python" -c 'import pip' >/dev/null 2>&1; then
    echo "virtual environment: $VENV ($("$VENV/bin/python" --version))"
    return
  fi
  local python=${NBLABEL_PYTHON:-python3}
  if ! command -v "$python" >/dev/null 2>&1; then
    echo "no $python on PATH: installing Debian's python3"
    apt_install --no-install-recommends python3 python3-venv || return
  fi
  if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
    echo "nblabel needs Python >= 3.10; $python is $("$python" --version 2>&1)" >&2
    return 1
  fi
  if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    echo "$python cannot make a virtual environment (no ensurepip): installing python3-venv"
    apt_install --no-install-recommends python3-venv || return
  fi
  # A venv left half-made (or made by an interpreter that is gone) is made again.
  rm -rf "$VENV"
  "$python" -m venv "$VENV" || return
  echo "virtual environment: made $VENV with $(command -v "$python") ($("$VENV/bin/python" --version))"
}

# venv_install EXTRAS: `pip install -e .[EXTRAS]` into the venv, skipped when these extras
# (or more) were installed from the same pyproject.toml before: a stamp file in the venv
# names the extras and holds the file's hash.
venv_install() {
  local extras=$1 want stamp have extra covered
  want=$(sha256sum "$REPO_ROOT/pyproject.toml" | cut -d' ' -f1)
  for stamp in "$VENV"/.nblabel-installed-*; do
    [[ -f $stamp && $(cat "$stamp") == "$want" ]] || continue
    have=",${stamp##*/.nblabel-installed-},"
    covered=1
    for extra in ${extras//,/ }; do
      [[ $have == *",$extra,"* ]] || covered=""
    done
    if [[ -n $covered ]]; then
      echo "nblabel[$extras] already installed in $VENV (pyproject.toml unchanged)"
      return
    fi
  done
  "$VENV/bin/python" -m pip install --progress-bar off -e "$REPO_ROOT[$extras]" || return
  echo "$want" >"$VENV/.nblabel-installed-$extras"
}

# ensure_node: node >= 18 and npm, from Debian's packages when missing (Debian ships
# nodejs and npm as two packages; nodesource's nodejs bundles npm).
ensure_node() {
  local missing=()
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if [[ ${#missing[@]} -gt 0 ]]; then
    echo "installing ${missing[*]} from Debian's packages"
    # Without recommends: npm would pull in a C toolchain for native addons; esbuild needs none.
    apt_install --no-install-recommends "${missing[@]}" || return
  fi
  if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)'; then
    echo "the JS build needs node >= 18 (esbuild 0.28); this is node $(node --version)" >&2
    return 1
  fi
  echo "node $(node --version), npm $(npm --version)"
}
