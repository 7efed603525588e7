# One helper launches every MPI test: explicit PE counts, a timeout so a hang fails instead of
# stalling CI, and labels to select suites (ctest -L cpp, -L c, -L python, -L mpi-transport) and PE
# counts (-L np4; ci/test.sh reruns the np3 and np4 tests on two nodes).
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
        LABELS "${T_LABELS};${extra_labels};np${np}"
        ENVIRONMENT "SHMEM_SYMMETRIC_SIZE=${OSHMPI_TEST_HEAP_SIZE};OSHMPI_TRANSPORT=${transport};${T_ENVIRONMENT}")
    endforeach()
  endforeach()
endfunction()

# oshmpi_apply_mpi_test_environment(): called at the end of each tests/ directory, so every test of
# it, however it launches MPI (CTest's mpiexec, oshrun, or a script's own mpiexec), gets the
# settings this MPI needs to launch tests here (OSHMPI_MPI_TEST_ENVIRONMENT, cmake/OshmpiMPI.cmake).
function(oshmpi_apply_mpi_test_environment)
  get_property(dir_tests DIRECTORY PROPERTY TESTS)
  if(dir_tests AND OSHMPI_MPI_TEST_ENVIRONMENT)
    set_property(TEST ${dir_tests} APPEND PROPERTY ENVIRONMENT ${OSHMPI_MPI_TEST_ENVIRONMENT})
  endif()
  # Open MPI 4.1's launchers share one session directory per user under /tmp, and one that exits
  # removes it while another is creating its own inside ("A call to mkdir was unable to create
  # the desired directory", seen about once in 700 launches with ctest -j2): each test gets a base
  # of its own.
  if(OSHMPI_MPI_FAMILY STREQUAL "openmpi")
    foreach(t IN LISTS dir_tests)
      set(base "${PROJECT_BINARY_DIR}/ompi-sessions/${t}")
      file(MAKE_DIRECTORY "${base}")
      set_property(TEST ${t} APPEND PROPERTY ENVIRONMENT "OMPI_MCA_orte_tmpdir_base=${base}")
    endforeach()
  endif()
endfunction()
