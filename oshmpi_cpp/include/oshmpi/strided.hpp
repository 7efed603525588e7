// Strided RMA (OpenSHMEM 1.5 section 9.6: iput/iget) and the block-strided extensions ibput/ibget
// (as in Sandia OpenSHMEM's shmemx_ibput). Strides count elements, not bytes, and must be >= 1.
#pragma once

#include <cstddef>

#include <oshmpi/context.hpp>

namespace oshmpi {

namespace detail {
// Element i moves from source[i * sst] to dest[i * dst] (indices in units of `elem_size` bytes).
// Blocking: return when the data is delivered (iget) or `source` may be reused (iput).
void iput_bytes(context& ctx, void* dest, const void* source, std::ptrdiff_t dst, std::ptrdiff_t sst,
                std::size_t elem_size, std::size_t nelems, int pe);
void iget_bytes(context& ctx, void* dest, const void* source, std::ptrdiff_t dst, std::ptrdiff_t sst,
                std::size_t elem_size, std::size_t nelems, int pe);
// Block b (bsize contiguous elements) moves from source + b * sst to dest + b * dst elements.
void ibput_bytes(context& ctx, void* dest, const void* source, std::ptrdiff_t dst, std::ptrdiff_t sst,
                 std::size_t elem_size, std::size_t bsize, std::size_t nblocks, int pe);
void ibget_bytes(context& ctx, void* dest, const void* source, std::ptrdiff_t dst, std::ptrdiff_t sst,
                 std::size_t elem_size, std::size_t bsize, std::size_t nblocks, int pe);
} // namespace detail

template <class T>
void iput(context& ctx, T* dest, const T* source, std::ptrdiff_t dst, std::ptrdiff_t sst, std::size_t nelems,
          int pe)
{
    detail::iput_bytes(ctx, dest, source, dst, sst, sizeof(T), nelems, pe);
}
template <class T>
void iput(T* dest, const T* source, std::ptrdiff_t dst, std::ptrdiff_t sst, std::size_t nelems, int pe)
{
    iput(default_context(), dest, source, dst, sst, nelems, pe);
}
template <class T>
void iget(context& ctx, T* dest, const T* source, std::ptrdiff_t dst, std::ptrdiff_t sst, std::size_t nelems,
          int pe)
{
    detail::iget_bytes(ctx, dest, source, dst, sst, sizeof(T), nelems, pe);
}
template <class T>
void iget(T* dest, const T* source, std::ptrdiff_t dst, std::ptrdiff_t sst, std::size_t nelems, int pe)
{
    iget(default_context(), dest, source, dst, sst, nelems, pe);
}
template <class T>
void ibput(context& ctx, T* dest, const T* source, std::ptrdiff_t dst, std::ptrdiff_t sst, std::size_t bsize,
           std::size_t nblocks, int pe)
{
    detail::ibput_bytes(ctx, dest, source, dst, sst, sizeof(T), bsize, nblocks, pe);
}
template <class T>
void ibput(T* dest, const T* source, std::ptrdiff_t dst, std::ptrdiff_t sst, std::size_t bsize,
           std::size_t nblocks, int pe)
{
    ibput(default_context(), dest, source, dst, sst, bsize, nblocks, pe);
}
template <class T>
void ibget(context& ctx, T* dest, const T* source, std::ptrdiff_t dst, std::ptrdiff_t sst, std::size_t bsize,
           std::size_t nblocks, int pe)
{
    detail::ibget_bytes(ctx, dest, source, dst, sst, sizeof(T), bsize, nblocks, pe);
}
template <class T>
void ibget(T* dest, const T* source, std::ptrdiff_t dst, std::ptrdiff_t sst, std::size_t bsize,
           std::size_t nblocks, int pe)
{
    ibget(default_context(), dest, source, dst, sst, bsize, nblocks, pe);
}

} // namespace oshmpi
