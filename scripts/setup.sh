#!/usr/bin/env bash
# Creates .venv if missing and installs the project into it (CPU torch 2.13.0 where no GPU is present).
# Usage: scripts/setup.sh [run|dev]   — "dev" adds the test dependencies and Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-run}"
venv="${TARJAMA_VENV:-.venv}"
python="${PYTHON:-$(command -v python3.11 || command -v python3)}"

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
      "${pip[@]}" install -q "torch>=2.13.0,<2.15"
    else
      echo "[setup] no GPU: installing the CPU build of torch 2.13.0"
      "${pip[@]}" install -q "torch==2.13.0"
    fi
  fi
  echo "[setup] installing tarjama-studio$extras (a minute or two the first time)"
  "${pip[@]}" install -q -e ".$extras"
  touch "$stamp"
fi

if [ "$profile" = "dev" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    echo "[setup] installing Debian's chromium and Arabic fonts for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null
  else
    echo "[setup] chromium is missing and this is not root: the browser tests will be skipped" >&2
  fi
fi
