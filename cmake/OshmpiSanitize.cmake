# -DOSHMPI_SANITIZE=<list>: build the library, its tests, the benchmarks, shmem4py's extension and
# every program the staged oshcc/oshc++ compile with the named sanitizers (gcc's or clang's
# -fsanitize= names, comma-separated): `address,undefined` or `thread`. Empty (the default) is an
# ordinary build. The runtime options each sanitizer needs under mpiexec (suppressions,
# halt_on_error, detect_leaks) are set per test by oshmpi_add_mpi_test (cmake/OshmpiTesting.cmake),
# from the files in tests/sanitizers/. docs/sanitizers.md says what each CI leg covers.
include_guard(GLOBAL)

set(OSHMPI_SANITIZE "" CACHE STRING "Sanitizers to build with: address,undefined | thread | empty")
set(OSHMPI_SANITIZE_FLAGS "")
if(OSHMPI_SANITIZE)
  string(REPLACE "," ";" _oshmpi_sanitizers "${OSHMPI_SANITIZE}")
  foreach(s IN LISTS _oshmpi_sanitizers)
    if(NOT s MATCHES "^(address|undefined|thread|leak)$")
      message(FATAL_ERROR "OSHMPI_SANITIZE: unknown sanitizer '${s}' (use address,undefined or thread)")
    endif()
  endforeach()
  if("thread" IN_LIST _oshmpi_sanitizers AND ("address" IN_LIST _oshmpi_sanitizers OR "leak" IN_LIST _oshmpi_sanitizers))
    message(FATAL_ERROR "OSHMPI_SANITIZE: thread cannot be combined with address or leak")
  endif()
  # Frame pointers give whole stacks in reports at little cost; -fno-sanitize-recover would stop at
  # the first UBSan report at compile time, but halt_on_error (set by the test helper) does the
  # same at run time and leaves the choice to whoever runs the binary.
  set(OSHMPI_SANITIZE_FLAGS -fsanitize=${OSHMPI_SANITIZE} -fno-omit-frame-pointer)
  add_compile_options(${OSHMPI_SANITIZE_FLAGS})
  add_link_options(-fsanitize=${OSHMPI_SANITIZE})
  message(STATUS "oshmpi-cpp: building with -fsanitize=${OSHMPI_SANITIZE}")
endif()
# The same flags as one string, for the oshcc/oshc++ templates: a sanitized libshmem.so needs
# programs linked with the sanitizer runtime first, so the staged wrappers add them.
string(REPLACE ";" " " OSHMPI_SANITIZE_TOOL_FLAGS "${OSHMPI_SANITIZE_FLAGS}")

# oshmpi_sanitizer_environment(<out-var> [PYTHON]): the runtime options every test of a sanitized
# build runs with (empty otherwise). Reports end the test (halt_on_error) with a stack; the
# suppression files in tests/sanitizers/ list only MPI's (and its libraries') own internals, each
# entry with its why. PYTHON: for an uninstrumented interpreter loading the ASan-built extension,
# the ASan runtime is preloaded (it must come first) and leak checking is off, because CPython,
# NumPy and mpi4py keep their interned objects and arenas until the process ends by design.
# libstdc++ is preloaded right after it: ASan resolves the real function behind each interceptor
# once, at its start-up, and the interpreter does not link libstdc++ (only the extension loads it,
# later), so its __cxa_throw interceptor found nothing to call and the extension's first C++ throw
# (every Python exception raised from a binding) ended the process in an ASan CHECK with status 1.
# Reports that end the process must also reach the log: pytest's default capture points fd 2 at a
# temporary file during each test and shows it only for a test that fails, so a report from a PE
# that died was never shown; --capture=sys captures Python's sys.stdout/stderr as before and leaves
# the file descriptors, where the sanitizers write, alone.
function(oshmpi_sanitizer_environment out)
  cmake_parse_arguments(S "PYTHON" "" "" ${ARGN})
  set(env "")
  set(supp ${PROJECT_SOURCE_DIR}/tests/sanitizers)
  if(OSHMPI_SANITIZE MATCHES "address")
    set(leaks 1)
    if(S_PYTHON)
      set(leaks 0)
      execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libasan.so
                      OUTPUT_VARIABLE asan_runtime OUTPUT_STRIP_TRAILING_WHITESPACE)
      execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libstdc++.so.6
                      OUTPUT_VARIABLE cxx_runtime OUTPUT_STRIP_TRAILING_WHITESPACE)
      get_filename_component(cxx_runtime "${cxx_runtime}" REALPATH)
      list(APPEND env "LD_PRELOAD=${asan_runtime}:${cxx_runtime}" "PYTEST_ADDOPTS=--capture=sys")
    endif()
    list(APPEND env "ASAN_OPTIONS=halt_on_error=1:detect_leaks=${leaks}:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1")
    list(APPEND env "LSAN_OPTIONS=suppressions=${supp}/lsan.supp:print_suppressions=0")
    # hwloc's PCI plugin (dlopened by MPICH's topology discovery) leaks libpciaccess's device table
    # and is dlclosed before LeakSanitizer reports, so the report has no symbols a suppression could
    # match. MPICH does not need PCI locality on one node: leave that plugin out in these tests.
    list(APPEND env "HWLOC_PLUGINS_BLACKLIST=hwloc_pci")
  endif()
  if(OSHMPI_SANITIZE MATCHES "undefined")
    list(APPEND env "UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:suppressions=${supp}/ubsan.supp")
  endif()
  if(OSHMPI_SANITIZE MATCHES "thread")
    list(APPEND env "TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1:suppressions=${supp}/tsan.supp")
    # UCX (MPICH's network layer) patches mmap/munmap to watch memory for its registration cache;
    # under ThreadSanitizer, which intercepts the same calls, MPI_Init then dies of SIGSEGV. Without
    # memory events UCX simply does not cache registrations.
    list(APPEND env "UCX_MEM_EVENTS=no")
  endif()
  set(${out} "${env}" PARENT_SCOPE)
endfunction()
