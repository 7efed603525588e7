// The symmetric heap's allocator: first fit over offsets, with coalescing frees. It is
// deterministic, so the same sequence of calls gives the same offsets on every PE, which is what
// makes memory symmetric. It never grows and never falls back to private memory.
#pragma once

#include <cstddef>
#include <map>
#include <optional>

namespace oshmpi::detail {

class heap_allocator {
public:
    static constexpr std::size_t min_alignment = 64; // a cache line: no false sharing between blocks

    explicit heap_allocator(std::size_t capacity);

    // The offset of a new block of at least `size` bytes aligned to `alignment` (a power of two),
    // or nullopt when no free range fits.
    [[nodiscard]] std::optional<std::size_t> allocate(std::size_t size, std::size_t alignment);
    // Frees the block starting at `offset`; false if no block starts there.
    bool release(std::size_t offset);
    // Grows or shrinks the block in place if the space after it allows; false otherwise.
    [[nodiscard]] bool resize_in_place(std::size_t offset, std::size_t size);
    // The usable size of the block at `offset`, or nullopt if no block starts there.
    [[nodiscard]] std::optional<std::size_t> block_size(std::size_t offset) const;

    [[nodiscard]] std::size_t capacity() const noexcept { return capacity_; }
    [[nodiscard]] std::size_t free_bytes() const noexcept { return free_bytes_; }

private:
    void insert_free(std::size_t offset, std::size_t length);

    std::size_t capacity_;
    std::size_t free_bytes_;
    std::map<std::size_t, std::size_t> free_;  // offset -> length, never adjacent
    std::map<std::size_t, std::size_t> used_;  // offset -> length
};

} // namespace oshmpi::detail
