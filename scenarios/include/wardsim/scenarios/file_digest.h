#pragma once
// SHA-256 digests of input files, recorded so that a result can be traced to the exact bytes read.

#include <filesystem>
#include <string>
#include <string_view>

namespace wardsim::scenarios {

// Lowercase hex SHA-256 of `bytes` (64 characters).
std::string sha256_hex(std::string_view bytes);

// Lowercase hex SHA-256 of a file's bytes; throws IoError if the file cannot be read.
std::string file_sha256_hex(const std::filesystem::path& file);

}  // namespace wardsim::scenarios
