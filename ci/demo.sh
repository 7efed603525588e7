#!/usr/bin/env bash
# Installs everything (ci/setup.sh) and runs an OpenSHMEM program from Python on several PEs
# (4 by default; NP=2 ci/demo.sh for two).
set -euo pipefail
cd "$(dirname "$0")/.."
source ci/common.sh
ci/setup.sh
log "running python/examples/ring.py on ${NP:-4} PEs"
exec "$MPIEXEC" -n "${NP:-4}" "$VENV/bin/python" python/examples/ring.py
