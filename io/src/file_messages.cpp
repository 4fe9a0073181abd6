#include "file_messages.h"

namespace wardsim::io {

std::string quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

}  // namespace wardsim::io
