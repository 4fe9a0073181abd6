#include "wardsim/scenarios/file_cache.h"

#include <system_error>

#include "wardsim/scenarios/file_digest.h"
#include "wardsim/scenarios/input_reader.h"

namespace wardsim::scenarios {

std::shared_ptr<const CachedFile> FileCache::get(const std::filesystem::path& file,
                                                 std::string& error) {
  std::error_code failed;
  const std::filesystem::path key = std::filesystem::absolute(file, failed).lexically_normal();
  const std::uintmax_t size = std::filesystem::file_size(key, failed);
  const std::filesystem::file_time_type mtime =
      failed ? std::filesystem::file_time_type{} : std::filesystem::last_write_time(key, failed);
  if (!failed) {
    const std::lock_guard lock(mutex_);
    const auto found = entries_.find(key);
    if (found != entries_.end() && found->second.size == size && found->second.mtime == mtime) {
      return found->second.file;
    }
  }
  // Read and hash outside the lock: another thread may do the same file at the same time, which
  // costs a second read but never blocks the other requests.
  FileBytes read = read_file_bytes(key);
  if (!read.bytes) {
    error = read.error;
    return nullptr;
  }
  auto entry = std::make_shared<CachedFile>();
  entry->sha256 = sha256_hex(*read.bytes);
  entry->bytes = std::move(*read.bytes);
  // A file that changed while it was read keeps no entry (its stat no longer matches its bytes).
  std::error_code restat_failed;
  const std::uintmax_t size_after = std::filesystem::file_size(key, restat_failed);
  const std::filesystem::file_time_type mtime_after =
      restat_failed ? std::filesystem::file_time_type{}
                    : std::filesystem::last_write_time(key, restat_failed);
  if (!failed && !restat_failed && size_after == size && mtime_after == mtime &&
      entry->bytes.size() == size) {
    const std::lock_guard lock(mutex_);
    entries_.insert_or_assign(key, Entry{size, mtime, entry});
  }
  return entry;
}

std::size_t FileCache::size() const {
  const std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace wardsim::scenarios
