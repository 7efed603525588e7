// The shared-memory transport: the target's copy is mapped here, so RMA is memcpy and AMOs are
// CPU atomics on the mapped word.
#pragma once

#include <cstddef>

#include <oshmpi/amo.hpp>

namespace oshmpi::detail::node_local {

void atomic(amo_op op, scalar_type type, void* target, const void* operand, const void* compare,
            void* fetched);

} // namespace oshmpi::detail::node_local
