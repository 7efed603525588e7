# Everything the build knows about the MPI it uses, in one place: which MPI (OSHMPI_MPI), the real
# paths of its compiler wrappers and launcher (recorded in oshcc, oshc++, oshrun, the pkg-config
# file and the CMake package), its C++ bindings, and how tests launch it. Included by the top-level
# CMakeLists.txt before anything else uses MPI; docs/cluster.md explains the choices to users.
#
# Sets: MPI_C_COMPILER, MPI_CXX_COMPILER, MPIEXEC_EXECUTABLE (real paths, never an alternatives
# link), OSHMPI_MPI_FAMILY (mpich or openmpi, from the mpi.h we compile against),
# OSHMPI_MPI_TEST_ENVIRONMENT (for tests), the MPI::MPI_C target and oshmpi_link_mpi().
include_guard(GLOBAL)

# ---- Which MPI --------------------------------------------------------------------------------
# OSHMPI_MPI=mpich|openmpi (cache or environment) names Debian's per-MPI tools: mpicc.mpich or
# mpicc.openmpi and their siblings. Explicit MPI_C_COMPILER / MPIEXEC_EXECUTABLE still win; with
# neither, CMake's FindMPI picks whatever MPI is on PATH (e.g. a cluster's module-loaded one).
set(OSHMPI_MPI "$ENV{OSHMPI_MPI}" CACHE STRING "MPI to build with: mpich, openmpi, or empty for FindMPI's choice")
set_property(CACHE OSHMPI_MPI PROPERTY STRINGS "" mpich openmpi)
if(OSHMPI_MPI AND NOT OSHMPI_MPI MATCHES "^(mpich|openmpi)$")
  message(FATAL_ERROR "OSHMPI_MPI is '${OSHMPI_MPI}': use mpich or openmpi")
endif()

# oshmpi_resolve_mpi_tool(<var> <path>): follows the alternatives system's links only
# (/usr/bin/mpicc -> /etc/alternatives/mpi -> /usr/bin/mpicc.mpich), so the result names one MPI
# whatever the alternatives say later. It stops at the first MPI-specific name: Open MPI's
# mpicc.openmpi -> opal_wrapper must keep its name, which tells opal_wrapper what to be.
function(oshmpi_resolve_mpi_tool var path)
  set(current "${path}")
  if(NOT IS_ABSOLUTE "${current}")
    find_program(_oshmpi_tool_path NAMES "${current}" NO_CACHE)
    if(_oshmpi_tool_path)
      set(current "${_oshmpi_tool_path}")
    endif()
  endif()
  foreach(hop RANGE 8)
    if(NOT IS_SYMLINK "${current}")
      break()
    endif()
    file(READ_SYMLINK "${current}" target)
    if(NOT IS_ABSOLUTE "${target}")
      get_filename_component(dir "${current}" DIRECTORY)
      set(target "${dir}/${target}")
    endif()
    if(NOT (current MATCHES "^/etc/alternatives/" OR target MATCHES "^/etc/alternatives/"))
      break()
    endif()
    set(current "${target}")
  endforeach()
  set(${var} "${current}" PARENT_SCOPE)
endfunction()

if(OSHMPI_MPI AND NOT MPI_C_COMPILER)
  find_program(MPI_C_COMPILER NAMES mpicc.${OSHMPI_MPI} REQUIRED DOC "C compiler wrapper of ${OSHMPI_MPI}")
endif()
if(OSHMPI_MPI AND NOT MPI_CXX_COMPILER)
  find_program(MPI_CXX_COMPILER NAMES mpicxx.${OSHMPI_MPI} DOC "C++ compiler wrapper of ${OSHMPI_MPI}")
endif()
foreach(var MPI_C_COMPILER MPI_CXX_COMPILER)
  set(value "${${var}}")
  if(value)
    oshmpi_resolve_mpi_tool(resolved "${value}")
    set(${var} "${resolved}" CACHE FILEPATH "MPI compiler wrapper (real path)" FORCE)
  endif()
endforeach()
# The launcher that goes with the wrapper (mpicc.mpich -> mpiexec.mpich): FindMPI would otherwise
# take the plain `mpiexec`, which the alternatives may point at another MPI.
if(NOT MPIEXEC_EXECUTABLE AND MPI_C_COMPILER MATCHES "/mpicc(\\.[^/]+)$")
  get_filename_component(dir "${MPI_C_COMPILER}" DIRECTORY)
  if(EXISTS "${dir}/mpiexec${CMAKE_MATCH_1}")
    set(MPIEXEC_EXECUTABLE "${dir}/mpiexec${CMAKE_MATCH_1}" CACHE FILEPATH "MPI launcher (real path)" FORCE)
  endif()
endif()
if(OSHMPI_MPI AND NOT MPIEXEC_EXECUTABLE)
  find_program(MPIEXEC_EXECUTABLE NAMES mpiexec.${OSHMPI_MPI} DOC "MPI launcher of ${OSHMPI_MPI}")
endif()

find_package(MPI 3.0 REQUIRED COMPONENTS C)

# Again after FindMPI, which may have picked the plain (alternatives) names itself.
if(NOT MPI_CXX_COMPILER)
  string(REGEX REPLACE "mpicc([^/]*)$" "mpicxx\\1" MPI_CXX_COMPILER "${MPI_C_COMPILER}")
endif()
if(NOT MPIEXEC_EXECUTABLE)
  message(FATAL_ERROR "no MPI launcher found for ${MPI_C_COMPILER}: set MPIEXEC_EXECUTABLE (or OSHMPI_MPI)")
endif()
foreach(var MPI_C_COMPILER MPI_CXX_COMPILER MPIEXEC_EXECUTABLE)
  oshmpi_resolve_mpi_tool(resolved "${${var}}")
  set(${var} "${resolved}" CACHE FILEPATH "MPI tool (real path, never an alternatives link)" FORCE)
endforeach()

# ---- Which family the headers are ---------------------------------------------------------------
# From the mpi.h we compile against, not from a tool's name: this is what libshmem is built for.
include(CheckSymbolExists)
set(CMAKE_REQUIRED_INCLUDES ${MPI_C_INCLUDE_DIRS})
set(CMAKE_REQUIRED_QUIET ON)
check_symbol_exists(OPEN_MPI mpi.h OSHMPI_MPI_IS_OPENMPI)
check_symbol_exists(MPICH_VERSION mpi.h OSHMPI_MPI_IS_MPICH)
unset(CMAKE_REQUIRED_INCLUDES)
unset(CMAKE_REQUIRED_QUIET)
if(OSHMPI_MPI_IS_OPENMPI)
  set(OSHMPI_MPI_FAMILY openmpi)
elseif(OSHMPI_MPI_IS_MPICH)
  set(OSHMPI_MPI_FAMILY mpich)
else()
  set(OSHMPI_MPI_FAMILY other)
endif()
if(OSHMPI_MPI AND NOT OSHMPI_MPI STREQUAL OSHMPI_MPI_FAMILY)
  message(FATAL_ERROR "OSHMPI_MPI=${OSHMPI_MPI} but ${MPI_C_COMPILER} compiles against ${OSHMPI_MPI_FAMILY}'s mpi.h")
endif()
message(STATUS "oshmpi-cpp MPI: ${OSHMPI_MPI_FAMILY} (${MPI_C_COMPILER}, ${MPIEXEC_EXECUTABLE})")

# ---- C++ bindings --------------------------------------------------------------------------------
# Open MPI's (and old MPICH's) mpi.h pulls in the deprecated MPI C++ bindings when compiled as C++,
# which then need libmpi_cxx at link time. We and our users' C++ code use the C API only.
# oshmpi_link_mpi(<target>) links MPI PUBLIC with those definitions, so the exported
# oshmpi_cpp::shmem target carries them to downstream C++ projects too.
function(oshmpi_link_mpi target)
  target_link_libraries(${target} PUBLIC MPI::MPI_C)
  target_compile_definitions(${target} PUBLIC OMPI_SKIP_MPICXX=1 MPICH_SKIP_MPICXX=1)
endfunction()

# ---- How tests launch it -------------------------------------------------------------------------
# Tests run up to 4 PEs on a 2-core machine, often as root in CI. MPICH needs nothing for that. Open
# MPI refuses to oversubscribe slots or to run as root unless told so; through the environment
# (rather than launcher flags) the same settings reach every launch: CTest's, oshrun's in the C
# tests, and the mpiexec that Python tests start themselves.
set(OSHMPI_MPI_TEST_ENVIRONMENT "")
if(OSHMPI_MPI_FAMILY STREQUAL "openmpi")
  list(APPEND OSHMPI_MPI_TEST_ENVIRONMENT
    OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1)
endif()

# ---- The other MPI, for the tests of mixing them ------------------------------------------------
# A program or a Python process that loads another MPI besides ours must get a clear error from
# shmem_init (core/mpi_library.cpp). Those tests need the other family's compiler wrapper and
# library; they are registered only where it is installed (.ci/run installs both).
set(OSHMPI_OTHER_MPI_C_COMPILER "")
set(OSHMPI_OTHER_MPI_LIBRARY "")
if(OSHMPI_MPI_FAMILY STREQUAL "mpich")
  set(other_family openmpi)
  set(other_show -showme)
  set(other_library mpi)
elseif(OSHMPI_MPI_FAMILY STREQUAL "openmpi")
  set(other_family mpich)
  set(other_show -show)
  set(other_library mpich)
endif()
if(other_family)
  find_program(OSHMPI_OTHER_MPI_C_COMPILER_PATH NAMES mpicc.${other_family} NO_CACHE)
  if(OSHMPI_OTHER_MPI_C_COMPILER_PATH)
    set(OSHMPI_OTHER_MPI_C_COMPILER "${OSHMPI_OTHER_MPI_C_COMPILER_PATH}")
    execute_process(COMMAND ${OSHMPI_OTHER_MPI_C_COMPILER} ${other_show}
                    OUTPUT_VARIABLE other_line OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    string(REGEX MATCHALL "-L[^ ]+" other_dirs "${other_line}")
    string(REPLACE "-L" "" other_dirs "${other_dirs}")
    find_library(OSHMPI_OTHER_MPI_LIBRARY_PATH NAMES ${other_library} PATHS ${other_dirs} NO_DEFAULT_PATH NO_CACHE)
    if(OSHMPI_OTHER_MPI_LIBRARY_PATH)
      # The versioned file, as a program loads it (libmpi.so.40..., not the development link).
      get_filename_component(OSHMPI_OTHER_MPI_LIBRARY "${OSHMPI_OTHER_MPI_LIBRARY_PATH}" REALPATH)
    endif()
  endif()
endif()
