#include "wardsim/scenarios/input_reader.h"

#include <cerrno>
#include <cstdio>
#include <memory>
#include <system_error>

#include "wardsim/scenarios/file_digest.h"

namespace wardsim::scenarios {

FileBytes read_file_bytes(const std::filesystem::path& file) {
  // C stdio rather than iostreams: it reports why a read failed through errno.
  const std::unique_ptr<std::FILE, decltype(&std::fclose)> stream(std::fopen(file.c_str(), "rb"),
                                                                  &std::fclose);
  if (!stream) return {std::nullopt, std::generic_category().message(errno)};
  std::string bytes;
  char buffer[1 << 16];
  std::size_t count = 0;
  while ((count = std::fread(buffer, 1, sizeof buffer, stream.get())) > 0) {
    bytes.append(buffer, count);
  }
  if (std::ferror(stream.get())) return {std::nullopt, std::generic_category().message(errno)};
  return {std::move(bytes), {}};
}

void InputReader::provide(const std::filesystem::path& file, std::string bytes) {
  provided_.insert_or_assign(file.lexically_normal(), std::move(bytes));
}

std::optional<std::string> InputReader::read(const std::filesystem::path& file,
                                             const std::string& display,
                                             const std::string& named_as, ProblemList& problems) {
  if (const auto found = provided_.find(file.lexically_normal()); found != provided_.end()) {
    files_read_.push_back({named_as, sha256_hex(found->second)});
    return found->second;
  }
  if (cache_ != nullptr) {
    std::string error;
    const std::shared_ptr<const CachedFile> cached = cache_->get(file, error);
    if (!cached) {
      problems.add(display + ": cannot read file (" + error + ")");
      return std::nullopt;
    }
    files_read_.push_back({named_as, cached->sha256});
    return cached->bytes;
  }
  FileBytes read = read_file_bytes(file);
  if (!read.bytes) {
    problems.add(display + ": cannot read file (" + read.error + ")");
    return std::nullopt;
  }
  files_read_.push_back({named_as, sha256_hex(*read.bytes)});
  return std::move(read.bytes);
}

}  // namespace wardsim::scenarios
