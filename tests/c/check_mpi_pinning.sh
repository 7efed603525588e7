#!/bin/sh
# check_mpi_pinning.sh <stage prefix> <mpich|openmpi> <the other MPI's mpicc> <the other's mpiexec>
# With the plain mpicc and mpiexec names pointing at the other MPI (as Debian's alternatives do once
# a second MPI is installed; here through a PATH of our own), the installed tools still use the MPI
# libshmem was built with: `oshcc -show` names that MPI's wrapper by its real name (never a plain or
# alternatives name), the pkg-config file names the same, a program oshcc builds loads that MPI
# only, and oshrun runs it on 2 PEs.
set -e
stage=$1
family=$2
other_cc=$3
other_run=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
ln -s "$other_cc" "$work/bin/mpicc"
ln -s "$other_run" "$work/bin/mpiexec"
ln -s "$other_run" "$work/bin/mpirun"
PATH="$work/bin:$PATH"
export PATH
fail() { echo "check_mpi_pinning: $*"; exit 1; }

compiler=$("$stage/bin/oshcc" -show | cut -d' ' -f1)
echo "oshcc -show: $("$stage/bin/oshcc" -show)"
case "$compiler" in
*/mpicc.$family) ;;
*) fail "oshcc calls $compiler, not the mpicc.$family libshmem was built with" ;;
esac
pc=$(PKG_CONFIG_PATH="$stage/lib/pkgconfig" pkg-config --variable=mpicc oshmpi_cpp 2>/dev/null || echo "$compiler")
[ "$pc" = "$compiler" ] || fail "the pkg-config file names $pc, oshcc $compiler"
launcher=$(sed -n 's/^exec "${OSHMPI_MPIEXEC:-\(.*\)}" "\$@"$/\1/p' "$stage/bin/oshrun")
case "$launcher" in
*/mpiexec.$family) ;;
*) fail "oshrun runs '$launcher', not mpiexec.$family" ;;
esac

cat >"$work/hello.c" <<'C'
#include <shmem.h>
#include <stdio.h>
int main(void)
{
    shmem_init();
    printf("hello from PE %d of %d\n", shmem_my_pe(), shmem_n_pes());
    shmem_finalize();
    return 0;
}
C
"$stage/bin/oshcc" -o "$work/hello" "$work/hello.c"
# What the program loads (through libshmem too), as the dynamic loader resolves it.
needed=$(ldd "$work/hello" | awk '{print $1}' | tr '\n' ' ')
echo "hello loads: $needed"
case "$family" in
mpich) ours=libmpich.so; theirs=libmpi.so.4 ;;
openmpi) ours=libmpi.so.4; theirs=libmpich.so ;;
esac
case " $needed" in *" $ours"*) ;; *) fail "the program does not load $ours" ;; esac
case " $needed" in *" $theirs"*) fail "the program loads the other MPI ($theirs)" ;; esac

lines=$(SHMEM_SYMMETRIC_SIZE=16M "$stage/bin/oshrun" -n 2 "$work/hello" | grep -c '^hello from PE')
[ "$lines" -eq 2 ] || fail "oshrun -n 2 printed $lines greetings"
echo "check_mpi_pinning: passed"
