/* The same header checks as test_headers.c, compiled as C++ (-pedantic -Werror, C++11/17/20):
 * one source, so the C and C++ views of the headers cannot drift apart. */
#include "test_headers.c"
