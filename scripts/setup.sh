#!/usr/bin/env bash
# Creates .venv if missing and installs the project into it (CPU torch 2.13.0 where no GPU is present).
# Usage: scripts/setup.sh [run|dev]   — "dev" adds the test dependencies and Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-run}"
venv="${TARJAMA_VENV:-.venv}"
python="${PYTHON:-$(command -v python3.11 || command -v python3)}"

# Debian's chromium (browser tests) installs from apt beside pip, in the background: apt mostly waits on the network
# and the disk while pip mostly computes, so neither waits for the other; the script waits for it at the end.
apt_job=""
if [ "$profile" = "dev" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    echo "[setup] installing Debian's chromium and Arabic fonts for the browser tests (beside pip)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null) &
    apt_job=$!
  else
    echo "[setup] chromium is missing and this is not root: the browser tests will be skipped" >&2
  fi
fi

if [ ! -x "$venv/bin/python" ]; then
  echo "[setup] creating $venv with $python"
  "$python" -m venv "$venv"
fi
pip=("$venv/bin/python" -m pip --disable-pip-version-check)

extras=""
[ "$profile" = "dev" ] && extras="[dev]"
stamp="$venv/.tarjama-installed-$(cat pyproject.toml | sha1sum | cut -c1-12)-$profile"
if [ ! -f "$stamp" ]; then
  if ! "$venv/bin/python" -c "import torch" 2>/dev/null; then
    if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi >/dev/null 2>&1; then
      echo "[setup] GPU found: installing torch with CUDA"
      "${pip[@]}" install -q --no-compile "torch>=2.13.0,<2.15"
    else
      echo "[setup] no GPU: installing the CPU build of torch 2.13.0"
      # PyPI's Linux torch is the CUDA build (gigabytes of nvidia-* wheels); the CPU build is "+cpu", from a wheel
      # folder pip already knows (PIP_FIND_LINKS) or else from PyTorch's own CPU index
      "${pip[@]}" install -q --no-compile "torch==2.13.0+cpu" 2>/dev/null ||
        "${pip[@]}" install -q --no-compile --index-url https://download.pytorch.org/whl/cpu "torch==2.13.0+cpu"
    fi
  fi
  echo "[setup] installing tarjama-studio$extras (a minute or two the first time)"
  "${pip[@]}" install -q --no-compile -e ".$extras"
  # pip byte-compiles one file at a time (hence --no-compile above); compileall does the libraries and the project on
  # every core instead (a machine with PYTHONDONTWRITEBYTECODE=1 would otherwise compile them again in every
  # process). Like pip, it does not stop on a file that does not compile (some packages ship such files); -qq keeps
  # them quiet.
  echo "[setup] byte-compiling the libraries and the project"
  site="$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
  "$venv/bin/python" -m compileall -qq -j 0 "$site" engine studio pages bench tests scripts || true
  touch "$stamp"
fi

if [ -n "$apt_job" ]; then
  wait "$apt_job" || { echo "[setup] installing chromium failed (apt-get above)" >&2; exit 1; }
fi
