#!/bin/sh
# check_symbols.sh <oshcc> <libshmem.so>: the library exports every routine shmem.h declares, under
# its shmem_* name (a weak alias a tool may replace) and its pshmem_* name, and the list holds what
# the OpenSHMEM 1.5 specification requires (the counts of shmem4py-api.md section 8.4).
oshcc=$1
library=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The declared names, from the same list the header expands, by the C preprocessor.
printf '#include <shmem.h>\n#define OSHMPI_C_ROUTINE(ret, name, params) OSHMPI_NAME shmem_##name\n#include <oshmpi/c_api.def>\n' >"$work/names.c"
"$oshcc" -E -P "$work/names.c" | tr ' ' '\n' | grep -A1 '^OSHMPI_NAME$' | grep '^shmem_' | sort -u >"$work/declared"
nm -D --defined-only "$library" | awk '{print $3}' | sort -u >"$work/exported"
missing=$(comm -23 "$work/declared" "$work/exported")
missing_p=$(sed 's/^/p/' "$work/declared" | comm -23 - "$work/exported")
count=$(wc -l <"$work/declared")
status=0
if [ -n "$missing$missing_p" ]; then
    echo "not exported:"; echo "$missing" "$missing_p" | tr ' ' '\n' | head -50
    status=1
fi
# Section 8.4: 1,465 generated routines and 45 hand-declared ones, all present.
for name in shmem_init shmem_finalize shmem_global_exit shmem_n_pes shmem_my_pe shmem_pe_accessible \
    shmem_addr_accessible shmem_ptr shmem_info_get_version shmem_info_get_name shmem_init_thread \
    shmem_query_thread shmem_malloc shmem_align shmem_realloc shmem_free shmem_malloc_with_hints \
    shmem_calloc shmem_team_my_pe shmem_team_n_pes shmem_team_translate_pe shmem_team_split_strided \
    shmem_team_split_2d shmem_team_get_config shmem_team_destroy shmem_ctx_create shmem_ctx_destroy \
    shmem_ctx_get_team shmem_team_create_ctx shmem_signal_fetch shmem_signal_wait_until \
    shmem_barrier_all shmem_sync_all shmem_team_sync shmem_ctx_fence shmem_ctx_quiet shmem_fence \
    shmem_quiet shmem_set_lock shmem_test_lock shmem_clear_lock shmem_pcontrol shmem_broadcastmem \
    shmem_collectmem shmem_fcollectmem shmem_alltoallmem shmem_alltoallsmem; do
    grep -qx "$name" "$work/exported" || { echo "missing $name"; status=1; }
done
generated=$(grep -Ec '^shmem_(ctx_)?[a-z0-9]+_(p|g|put|get|iput|iget|put_nbi|get_nbi|put_signal|put_signal_nbi|atomic_[a-z_]+|broadcast|collect|fcollect|alltoall|alltoalls|(and|or|xor|max|min|sum|prod)_reduce|wait_until(_all|_any|_some)?(_vector)?|test(_all|_any|_some)?(_vector)?)$|^shmem_(ctx_)?(put|get|iput|iget)(8|16|32|64|128)(_nbi|_signal|_signal_nbi)?$|^shmem_(ctx_)?(putmem|getmem)(_nbi|_signal|_signal_nbi)?$' "$work/declared")
echo "declared: $count routines; spec-generated families: $generated (1.5 requires 1465)"
[ "$generated" -ge 1465 ] || status=1
[ "$status" -eq 0 ] && echo "check_symbols: every routine is exported as shmem_* and pshmem_*"
exit $status
