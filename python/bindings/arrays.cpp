// NumPy arrays as OpenSHMEM buffers, read straight from the array object (no attribute lookups),
// and the registry of live symmetric blocks that tells symmetric memory from everything else.
#include <algorithm>
#include <atomic>
#include <mutex>
#include <vector>

#include "common.hpp"

namespace shmem4py {

namespace {
constexpr int c_contiguous = 0x0001;  // NPY_ARRAY_C_CONTIGUOUS
constexpr int f_contiguous = 0x0002;  // NPY_ARRAY_F_CONTIGUOUS
constexpr int writeable = 0x0400;     // NPY_ARRAY_WRITEABLE

const char* describe(PyObject* obj)
{
    return Py_TYPE(obj)->tp_name;
}
} // namespace

array_ref as_array(const char* routine, const char* argname, PyObject* obj, access_mode mode)
{
    const auto& api = py::detail::npy_api::get();
    if (obj == nullptr || !api.PyArray_Check_(obj))
        raise(PyExc_TypeError, "%s: %s: object is not a NumPy array (got %s)", routine, argname,
              obj == nullptr ? "nothing" : describe(obj));
    auto* array = py::detail::array_proxy(obj);
    char code = py::detail::array_descriptor_proxy(array->descr)->type;
    const dtype_info* type = dtype_for_code(code);
    if (type == nullptr) raise_unsupported_dtype(routine, argname, code);
    if (mode == access_mode::write && (array->flags & writeable) == 0)
        raise(PyExc_ValueError, "%s: %s: array object is read-only", routine, argname);
    if ((array->flags & (c_contiguous | f_contiguous)) == 0)
        raise(PyExc_ValueError, "%s: %s: array object is not contiguous", routine, argname);
    std::size_t count = 1;
    for (int d = 0; d < array->nd; ++d) count *= static_cast<std::size_t>(array->dimensions[d]);
    return {obj, array->data, count, type};
}

void check_same_dtype(const char* routine, const array_ref& target, const array_ref& source)
{
    if (target.type != source.type)
        raise(exceptions().dtype_mismatch, "%s: target dtype '%c' (%s) differs from source dtype '%c' (%s)",
              routine, target.type->code, target.type->type_name, source.type->code, source.type->type_name);
}

std::size_t transfer_count(const char* routine, const array_ref& target, const array_ref& source, PyObject* size)
{
    check_same_dtype(routine, target, source);
    std::size_t limit = std::min(target.count, source.count);
    std::size_t n = to_size(routine, "size", size, limit);
    if (n > limit)
        raise(exceptions().size_error, "%s: size = %zu exceeds the arrays (target %zu, source %zu elements)",
              routine, n, target.count, source.count);
    return n;
}

// ---------------------------------------------------------------------------------------------

namespace {
struct block {
    std::uintptr_t begin;
    std::uintptr_t end;
};
// Sorted by begin. Allocation is collective and rare; lookups are on every RMA's path and see a
// handful of blocks, so a sorted vector and a binary search beat any node-based container.
std::vector<block> live_blocks;
std::mutex live_blocks_mutex; // frees may come from a GC in another thread
std::atomic<std::uint64_t> generation{0};
} // namespace

std::uint64_t heap_generation() noexcept
{
    return generation.load(std::memory_order_acquire);
}

void forget_all_blocks()
{
    std::lock_guard lock(live_blocks_mutex);
    live_blocks.clear();
    generation.fetch_add(1, std::memory_order_acq_rel);
}

void register_block(const void* begin, std::size_t nbytes)
{
    auto b = reinterpret_cast<std::uintptr_t>(begin);
    std::lock_guard lock(live_blocks_mutex);
    auto at = std::lower_bound(live_blocks.begin(), live_blocks.end(), b,
                               [](const block& x, std::uintptr_t v) { return x.begin < v; });
    live_blocks.insert(at, block{b, b + nbytes});
}

void unregister_block(const void* begin)
{
    auto b = reinterpret_cast<std::uintptr_t>(begin);
    std::lock_guard lock(live_blocks_mutex);
    auto at = std::lower_bound(live_blocks.begin(), live_blocks.end(), b,
                               [](const block& x, std::uintptr_t v) { return x.begin < v; });
    if (at != live_blocks.end() && at->begin == b) live_blocks.erase(at);
}

bool is_live_symmetric(const void* begin, std::size_t nbytes) noexcept
{
    auto b = reinterpret_cast<std::uintptr_t>(begin);
    // The last block that starts at or before `begin` is the only candidate.
    auto at = std::upper_bound(live_blocks.begin(), live_blocks.end(), b,
                               [](std::uintptr_t v, const block& x) { return v < x.begin; });
    if (at == live_blocks.begin()) return false;
    --at;
    return b >= at->begin && b + nbytes <= at->end && b + nbytes >= b;
}

void require_symmetric(const char* routine, const char* argname, const array_ref& a)
{
    if (a.count == 0) return; // nothing is accessed
    if (!is_live_symmetric(a.data, a.nbytes()))
        raise(PyExc_ValueError,
              "%s: %s is not in symmetric memory (a %s array of %zu elements at %p): allocate it with "
              "shmem.array/empty/zeros/ones/full/new_array, or it was already freed",
              routine, argname, a.type->type_name, a.count, static_cast<void*>(a.data));
}

} // namespace shmem4py
