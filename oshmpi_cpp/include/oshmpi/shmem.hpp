// The C++ face of oshmpi-cpp: include this one header.
#pragma once

#include <oshmpi/amo.hpp>
#include <oshmpi/collectives.hpp>
#include <oshmpi/context.hpp>
#include <oshmpi/error.hpp>
#include <oshmpi/lock.hpp>
#include <oshmpi/memory.hpp>
#include <oshmpi/order.hpp>
#include <oshmpi/p2p.hpp>
#include <oshmpi/rma.hpp>
#include <oshmpi/setup.hpp>
#include <oshmpi/signal.hpp>
#include <oshmpi/strided.hpp>
#include <oshmpi/sync.hpp>
#include <oshmpi/team.hpp>
