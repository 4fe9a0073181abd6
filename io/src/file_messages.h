#pragma once
// Private to wardsim::io: how files are named in messages, the same in every reader and writer.

#include <filesystem>
#include <string>

namespace wardsim::io {

// 'path', quoted so that names with spaces read unambiguously.
std::string quoted(const std::filesystem::path& path);

}  // namespace wardsim::io
