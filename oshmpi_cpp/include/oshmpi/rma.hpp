// Remote memory access (OpenSHMEM 1.5 section 9.6). Typed templates over byte-level operations:
// below this header everything is bytes, so each operation's body exists once in the runtime.
#pragma once

#include <cstddef>
#include <span>

#include <oshmpi/context.hpp>
#include <oshmpi/error.hpp>

namespace oshmpi {

namespace detail {
// Blocking put: returns once `source` may be reused. Remote completion comes with quiet.
void put_bytes(context& ctx, void* dest, const void* source, std::size_t nbytes, int pe);
void put_bytes_nbi(context& ctx, void* dest, const void* source, std::size_t nbytes, int pe);
// Blocking get: returns once `dest` holds the data.
void get_bytes(context& ctx, void* dest, const void* source, std::size_t nbytes, int pe);
void get_bytes_nbi(context& ctx, void* dest, const void* source, std::size_t nbytes, int pe);
[[noreturn]] void throw_size_mismatch(const char* routine, std::size_t dest, std::size_t source);
} // namespace detail

template <class T>
void put(context& ctx, T* dest, const T* source, std::size_t nelems, int pe)
{
    detail::put_bytes(ctx, dest, source, nelems * sizeof(T), pe);
}
template <class T>
void put(T* dest, const T* source, std::size_t nelems, int pe)
{
    put(default_context(), dest, source, nelems, pe);
}
template <class T>
void put_nbi(context& ctx, T* dest, const T* source, std::size_t nelems, int pe)
{
    detail::put_bytes_nbi(ctx, dest, source, nelems * sizeof(T), pe);
}
template <class T>
void put_nbi(T* dest, const T* source, std::size_t nelems, int pe)
{
    put_nbi(default_context(), dest, source, nelems, pe);
}
template <class T>
void get(context& ctx, T* dest, const T* source, std::size_t nelems, int pe)
{
    detail::get_bytes(ctx, dest, source, nelems * sizeof(T), pe);
}
template <class T>
void get(T* dest, const T* source, std::size_t nelems, int pe)
{
    get(default_context(), dest, source, nelems, pe);
}
template <class T>
void get_nbi(context& ctx, T* dest, const T* source, std::size_t nelems, int pe)
{
    detail::get_bytes_nbi(ctx, dest, source, nelems * sizeof(T), pe);
}
template <class T>
void get_nbi(T* dest, const T* source, std::size_t nelems, int pe)
{
    get_nbi(default_context(), dest, source, nelems, pe);
}

// Single elements.
template <class T>
void p(context& ctx, T* dest, T value, int pe)
{
    detail::put_bytes(ctx, dest, &value, sizeof(T), pe);
}
template <class T>
void p(T* dest, T value, int pe)
{
    p(default_context(), dest, value, pe);
}
template <class T>
[[nodiscard]] T g(context& ctx, const T* source, int pe)
{
    T value;
    detail::get_bytes(ctx, &value, source, sizeof(T), pe);
    return value;
}
template <class T>
[[nodiscard]] T g(const T* source, int pe)
{
    return g(default_context(), source, pe);
}

// std::span forms: the spans must have equal sizes.
template <class T>
void put(std::span<T> dest, std::span<const T> source, int pe)
{
    if (dest.size() != source.size()) detail::throw_size_mismatch("put", dest.size(), source.size());
    put(dest.data(), source.data(), source.size(), pe);
}
template <class T>
void get(std::span<T> dest, std::span<const T> source, int pe)
{
    if (dest.size() != source.size()) detail::throw_size_mismatch("get", dest.size(), source.size());
    get(dest.data(), source.data(), source.size(), pe);
}

} // namespace oshmpi
