#pragma once
// A cache of input files' bytes and digests for a process that loads many scenarios over the same
// tables (`wardsim serve`): a file is read and hashed again only when its size or modification
// time changed. Thread-safe; entries are immutable once stored, so readers share them.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace wardsim::scenarios {

struct CachedFile {
  std::string bytes;
  std::string sha256;  // lowercase hex digest of `bytes`
};

class FileCache {
 public:
  // The file's bytes and digest, read from disk unless an entry with the same size and mtime is
  // cached. Nothing (and `error` set to the system's reason) if the file cannot be read.
  std::shared_ptr<const CachedFile> get(const std::filesystem::path& file, std::string& error);

  std::size_t size() const;

 private:
  struct Entry {
    std::uintmax_t size = 0;
    std::filesystem::file_time_type mtime;
    std::shared_ptr<const CachedFile> file;
  };
  mutable std::mutex mutex_;
  std::map<std::filesystem::path, Entry> entries_;
};

}  // namespace wardsim::scenarios
