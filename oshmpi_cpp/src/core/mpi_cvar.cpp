#include "core/mpi_cvar.hpp"

namespace oshmpi::detail {

scoped_mpi_cvar::scoped_mpi_cvar(const char* name, int value) noexcept
{
    // Every failure below only means "leave MPI as it is": this is tuning, never correctness.
    int provided = 0;
    int level = MPI_THREAD_SINGLE;
    MPI_Query_thread(&level);
    if (MPI_T_init_thread(level, &provided) != MPI_SUCCESS) return;
    tools_initialized_ = true;
    int index = 0;
    if (MPI_T_cvar_get_index(name, &index) != MPI_SUCCESS) return;
    int name_len = 0, desc_len = 0; // zero lengths: the strings are not copied
    int verbosity = 0, bind = 0, scope = 0;
    MPI_Datatype type = MPI_DATATYPE_NULL;
    MPI_T_enum enumtype = MPI_T_ENUM_NULL;
    if (MPI_T_cvar_get_info(index, nullptr, &name_len, &verbosity, &type, &enumtype, nullptr, &desc_len, &bind,
                            &scope) != MPI_SUCCESS)
        return;
    if (type != MPI_INT || bind != MPI_T_BIND_NO_OBJECT || scope == MPI_T_SCOPE_CONSTANT ||
        scope == MPI_T_SCOPE_READONLY)
        return;
    int count = 0;
    if (MPI_T_cvar_handle_alloc(index, nullptr, &handle_, &count) != MPI_SUCCESS) return;
    if (count != 1 || MPI_T_cvar_read(handle_, &previous_) != MPI_SUCCESS ||
        MPI_T_cvar_write(handle_, &value) != MPI_SUCCESS) {
        MPI_T_cvar_handle_free(&handle_);
        return;
    }
    changed_ = true;
}

scoped_mpi_cvar::~scoped_mpi_cvar()
{
    if (changed_) {
        MPI_T_cvar_write(handle_, &previous_);
        MPI_T_cvar_handle_free(&handle_);
    }
    if (tools_initialized_) MPI_T_finalize();
}

} // namespace oshmpi::detail
