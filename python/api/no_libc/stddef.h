/* Stands in for the C library's header while build_api.py preprocesses shmem.h into CFFI
 * declarations: CFFI knows size_t and ptrdiff_t itself and must not see the libc's definitions. */
