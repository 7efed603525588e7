// Distributed locks (spec 9.12) on the SymmetricWord objects made by shmem.new_lock().
#include <oshmpi/lock.hpp>

#include "common.hpp"

namespace shmem4py {

void bind_lock(py::module_& m)
{
    m.def("set_lock", [](py::handle lock) {
        long* word = static_cast<long*>(word_address("set_lock", "lock", lock.ptr(), false));
        py::gil_scoped_release release; // waiting must let other Python threads run
        oshmpi::set_lock(word);
    }, py::arg("lock"));
    // Upstream's meaning: False when this call acquired the lock, True when it was already set.
    m.def("test_lock", [](py::handle lock) {
        return !oshmpi::test_lock(static_cast<long*>(word_address("test_lock", "lock", lock.ptr(), false)));
    }, py::arg("lock"));
    m.def("clear_lock", [](py::handle lock) {
        oshmpi::clear_lock(static_cast<long*>(word_address("clear_lock", "lock", lock.ptr(), false)));
    }, py::arg("lock"));
}

} // namespace shmem4py
