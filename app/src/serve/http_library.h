#pragma once
// cpp-httplib, included through here everywhere: it pulls in glibc's <resolv.h>, whose `_res`
// macro breaks Eigen's headers (they use `_res` as a parameter name) when they come after it.

#include <httplib.h>

#undef _res
