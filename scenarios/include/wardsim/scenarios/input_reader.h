#pragma once
// Reads every scenario file and table once, remembering each file's digest for provenance.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "wardsim/scenarios/file_cache.h"
#include "wardsim/scenarios/problem_list.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::scenarios {

class InputReader {
 public:
  InputReader() = default;
  // Reads files through `cache` (not owned; may be null = straight from disk).
  explicit InputReader(FileCache* cache) : cache_(cache) {}

  // Makes `file` read as `bytes` without touching the disk: a scenario that exists only in memory
  // (`wardsim serve` builds one from the page's levers).
  void provide(const std::filesystem::path& file, std::string bytes);

  // Returns the bytes of `file`, or records "DISPLAY: cannot read file (REASON)" and returns
  // nothing. `named_as` is the path as written where the file is named, kept for provenance.
  std::optional<std::string> read(const std::filesystem::path& file, const std::string& display,
                                  const std::string& named_as, ProblemList& problems);

  const std::vector<InputFile>& files_read() const { return files_read_; }

 private:
  std::vector<InputFile> files_read_;
  FileCache* cache_ = nullptr;
  std::map<std::filesystem::path, std::string> provided_;
};

// The bytes of `file`, or the system's reason it could not be read.
struct FileBytes {
  std::optional<std::string> bytes;
  std::string error;  // e.g. "No such file or directory"
};
FileBytes read_file_bytes(const std::filesystem::path& file);

}  // namespace wardsim::scenarios
