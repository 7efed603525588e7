// Symmetric memory management (OpenSHMEM 1.5 section 9.3). Every routine here is collective over
// all PEs and returns the same offset in the symmetric heap on every PE. Exhaustion returns nullptr
// on every PE and leaves the heap usable.
#pragma once

#include <cstddef>
#include <span>

namespace oshmpi {

[[nodiscard]] void* malloc(std::size_t size);
[[nodiscard]] void* calloc(std::size_t count, std::size_t size);
[[nodiscard]] void* align(std::size_t alignment, std::size_t size);
[[nodiscard]] void* realloc(void* ptr, std::size_t size);
[[nodiscard]] void* malloc_with_hints(std::size_t size, long hints);
void free(void* ptr);

// The symmetric heap's size (the value of SHMEM_SYMMETRIC_SIZE) and the bytes still free.
[[nodiscard]] std::size_t heap_size();
[[nodiscard]] std::size_t heap_free_bytes();
// The size of the block at `ptr`, which must be the start of a live allocation (else throws).
[[nodiscard]] std::size_t allocation_size(const void* ptr);

// An RAII symmetric array: allocated collectively in the constructor, freed collectively in the
// destructor. Throws oshmpi::error(errc::out_of_memory) when the heap is exhausted.
template <class T>
class symmetric_array {
public:
    explicit symmetric_array(std::size_t count) : count_(count)
    {
        data_ = static_cast<T*>(oshmpi::calloc(count == 0 ? 1 : count, sizeof(T)));
        if (data_ == nullptr) throw_out_of_memory(count * sizeof(T));
    }
    ~symmetric_array() { oshmpi::free(data_); }
    symmetric_array(const symmetric_array&) = delete;
    symmetric_array& operator=(const symmetric_array&) = delete;

    [[nodiscard]] T* data() noexcept { return data_; }
    [[nodiscard]] const T* data() const noexcept { return data_; }
    [[nodiscard]] std::size_t size() const noexcept { return count_; }
    [[nodiscard]] std::span<T> span() noexcept { return {data_, count_}; }
    T& operator[](std::size_t i) noexcept { return data_[i]; }
    const T& operator[](std::size_t i) const noexcept { return data_[i]; }
    T* begin() noexcept { return data_; }
    T* end() noexcept { return data_ + count_; }

private:
    static void throw_out_of_memory(std::size_t bytes);
    T* data_;
    std::size_t count_;
};

namespace detail {
[[noreturn]] void throw_heap_exhausted(std::size_t bytes);
}

template <class T>
void symmetric_array<T>::throw_out_of_memory(std::size_t bytes)
{
    detail::throw_heap_exhausted(bytes);
}

} // namespace oshmpi
