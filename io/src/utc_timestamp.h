#pragma once
// Private to wardsim::io: the "created" attribute of results files.

#include <string>

namespace wardsim::io {

// The current time in UTC as ISO 8601, e.g. "2026-11-26T19:05:00Z".
std::string utc_timestamp();

}  // namespace wardsim::io
