#!/bin/sh
# upstream_api_demos.sh <python> <mpiexec>: runs upstream shmem4py 1.0.0's demo/api/*.py scripts
# (the raw CFFI layer: `from shmem4py.api.lib import *`), unchanged, on OUR shmem4py.api (the
# package <python> imports), at 1, 2, 3 and 4 PEs and at 4 PEs with OSHMPI_TRANSPORT=mpi. The
# scripts come from the PyPI sdist (so the test needs PyPI), of which only demo/api is unpacked.
set -e
python=$1
mpiexec=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$python" -m pip download --quiet --disable-pip-version-check --no-deps --no-binary :all: \
    --dest "$work" "shmem4py==1.0.0"
tar -xzf "$work/shmem4py-1.0.0.tar.gz" -C "$work" shmem4py-1.0.0/demo/api
demos=$(ls "$work"/shmem4py-1.0.0/demo/api/*.py)
[ -n "$demos" ] || { echo "no demo/api scripts in the sdist"; exit 1; }
passed=0
failed=0
for layout in 1 2 3 4 4:mpi; do
    np=${layout%%:*}
    transport=auto
    [ "$layout" = "${layout#*:}" ] || transport=${layout#*:}
    for demo in $demos; do
        name="demo/api/$(basename "$demo") np$np $transport"
        if OSHMPI_TRANSPORT=$transport timeout 120 "$mpiexec" -n "$np" "$python" -u "$demo" >"$work/out" 2>&1; then
            echo "PASS $name"
            passed=$((passed + 1))
        else
            echo "FAIL $name:"
            sed 's/^/    /' "$work/out"
            failed=$((failed + 1))
        fi
    done
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
