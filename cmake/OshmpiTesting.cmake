# One helper launches every MPI test: explicit PE counts, a timeout so a hang fails instead of
# stalling CI, and labels to select suites (ctest -L cpp, -L c, -L python, -L mpi-transport).
include_guard(GLOBAL)

set(OSHMPI_TEST_TIMEOUT 120 CACHE STRING "Seconds before a hung MPI test is killed")
set(OSHMPI_TEST_HEAP_SIZE 64M CACHE STRING "SHMEM_SYMMETRIC_SIZE for tests (keeps start-up fast)")

# oshmpi_add_mpi_test(<name> PES <n>... COMMAND <cmd>... [LABELS <l>...] [ENVIRONMENT <k=v>...]
#                     [TRANSPORTS auto mpi])
# Registers <name>_np<n> for each PE count, and <name>_mpi_np<n> with OSHMPI_TRANSPORT=mpi when
# TRANSPORTS lists mpi (the multi-node path, forced on one machine).
function(oshmpi_add_mpi_test name)
  cmake_parse_arguments(T "" "" "PES;COMMAND;LABELS;ENVIRONMENT;TRANSPORTS" ${ARGN})
  if(NOT T_TRANSPORTS)
    set(T_TRANSPORTS auto)
  endif()
  foreach(transport IN LISTS T_TRANSPORTS)
    foreach(np IN LISTS T_PES)
      if(transport STREQUAL "auto")
        set(test_name ${name}_np${np})
        set(extra_labels "")
      else()
        set(test_name ${name}_${transport}_np${np})
        set(extra_labels "${transport}-transport")
      endif()
      add_test(NAME ${test_name}
        COMMAND ${MPIEXEC_EXECUTABLE} ${MPIEXEC_NUMPROC_FLAG} ${np} ${MPIEXEC_PREFLAGS} ${T_COMMAND})
      set_tests_properties(${test_name} PROPERTIES
        TIMEOUT ${OSHMPI_TEST_TIMEOUT}
        LABELS "${T_LABELS};${extra_labels}"
        ENVIRONMENT "SHMEM_SYMMETRIC_SIZE=${OSHMPI_TEST_HEAP_SIZE};OSHMPI_TRANSPORT=${transport};${T_ENVIRONMENT}")
    endforeach()
  endforeach()
endfunction()
