#include "memory/allocator.hpp"

#include <iterator>

namespace oshmpi::detail {

namespace {
std::size_t round_up(std::size_t value, std::size_t alignment)
{
    return (value + alignment - 1) & ~(alignment - 1);
}
} // namespace

heap_allocator::heap_allocator(std::size_t capacity) : capacity_(capacity), free_bytes_(capacity)
{
    if (capacity > 0) free_.emplace(0, capacity);
}

std::optional<std::size_t> heap_allocator::allocate(std::size_t size, std::size_t alignment)
{
    if (alignment < min_alignment) alignment = min_alignment;
    if (size > capacity_) return std::nullopt;
    size = round_up(size == 0 ? 1 : size, min_alignment);
    for (auto it = free_.begin(); it != free_.end(); ++it) {
        auto [start, length] = *it;
        std::size_t aligned = round_up(start, alignment);
        if (aligned < start || aligned - start > length || length - (aligned - start) < size) continue;
        free_.erase(it);
        if (aligned > start) free_.emplace(start, aligned - start);
        std::size_t tail = start + length - (aligned + size);
        if (tail > 0) free_.emplace(aligned + size, tail);
        used_.emplace(aligned, size);
        free_bytes_ -= size;
        return aligned;
    }
    return std::nullopt;
}

void heap_allocator::insert_free(std::size_t offset, std::size_t length)
{
    auto next = free_.lower_bound(offset);
    if (next != free_.end() && offset + length == next->first) {
        length += next->second;
        next = free_.erase(next);
    }
    if (next != free_.begin()) {
        auto prev = std::prev(next);
        if (prev->first + prev->second == offset) {
            prev->second += length;
            return;
        }
    }
    free_.emplace_hint(next, offset, length);
}

bool heap_allocator::release(std::size_t offset)
{
    auto it = used_.find(offset);
    if (it == used_.end()) return false;
    std::size_t length = it->second;
    used_.erase(it);
    free_bytes_ += length;
    insert_free(offset, length);
    return true;
}

bool heap_allocator::resize_in_place(std::size_t offset, std::size_t size)
{
    auto it = used_.find(offset);
    if (it == used_.end()) return false;
    size = round_up(size == 0 ? 1 : size, min_alignment);
    std::size_t old = it->second;
    if (size <= old) {
        it->second = size;
        if (size < old) {
            free_bytes_ += old - size;
            insert_free(offset + size, old - size);
        }
        return true;
    }
    auto next = free_.find(offset + old);
    if (next == free_.end() || next->second < size - old) return false;
    std::size_t remaining = next->second - (size - old);
    free_.erase(next);
    if (remaining > 0) free_.emplace(offset + size, remaining);
    free_bytes_ -= size - old;
    it->second = size;
    return true;
}

std::optional<std::size_t> heap_allocator::block_size(std::size_t offset) const
{
    auto it = used_.find(offset);
    if (it == used_.end()) return std::nullopt;
    return it->second;
}

} // namespace oshmpi::detail
