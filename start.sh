#!/usr/bin/env bash
# Set up everything and run one task. Works on a fresh Debian machine with Python 3.11.
#   ./start.sh demo    build the warehouse and the decks from the bundled demo data
#   ./start.sh test    ruff, mypy and the whole test suite
#   ./start.sh ui      open the Dagster UI (dagster dev) on http://localhost:3000
set -euo pipefail
cd "$(dirname "$0")"
TAAK="${1:-demo}"
PYTHON="${PYTHON:-python3}"
VENV="${VAKWOORDEN_VENV:-.venv}"
export DAGSTER_HOME="${DAGSTER_HOME:-$PWD/dagster_home}"

# Debian packages: hunspell-nl (spelling check of the word lists), espeak-ng + lame (audio on
# the cards), python3-venv (a fresh Debian has no ensurepip).
debian_pakketten=()
command -v hunspell >/dev/null && [ -e /usr/share/hunspell/nl.dic ] || debian_pakketten+=(hunspell hunspell-nl)
command -v espeak-ng >/dev/null || debian_pakketten+=(espeak-ng)
command -v lame >/dev/null || debian_pakketten+=(lame)
"$PYTHON" -c 'import ensurepip' 2>/dev/null || debian_pakketten+=(python3-venv)
if [ ${#debian_pakketten[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else SUDO="none"; fi
  if [ "$SUDO" = none ]; then
    echo "Let op: installeer als beheerder: apt-get install ${debian_pakketten[*]}" >&2
  else
    echo "Debian-pakketten installeren: ${debian_pakketten[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${debian_pakketten[@]}" >/dev/null
  fi
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo "Virtuele omgeving maken in $VENV"
  "$PYTHON" -m venv "$VENV"
fi
# Reinstall only when pyproject.toml changed since the last install.
if [ ! -f "$VENV/.geinstalleerd" ] || [ pyproject.toml -nt "$VENV/.geinstalleerd" ]; then
  echo "Python-pakketten installeren (eenmalig, enkele minuten)"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e '.[test]'
  touch "$VENV/.geinstalleerd"
fi

case "$TAAK" in
  demo)
    "$VENV/bin/vakwoorden" demo
    ;;
  test)
    "$VENV/bin/ruff" check .
    "$VENV/bin/mypy"
    # On every core, each test module on one worker (its module fixtures are built once), the longest
    # modules first (tests/conftest.py; xdist would reorder them by test count). One process: pytest -q
    "$VENV/bin/pytest" -q -n auto --dist loadscope --no-loadscope-reorder
    ;;
  ui)
    "$VENV/bin/dagster" dev
    ;;
  *)
    echo "Onbekende taak '$TAAK'. Gebruik: ./start.sh demo | test | ui" >&2
    exit 2
    ;;
esac
