#include "atomic_file.h"

#include <unistd.h>

#include <atomic>
#include <system_error>

#include "file_messages.h"
#include "wardsim/error.h"

namespace wardsim::io {

namespace fs = std::filesystem;

namespace {

fs::path temporary_name(const fs::path& target) {
  static std::atomic<unsigned long> calls{0};
  fs::path temporary = target;
  temporary.replace_filename(target.stem().string() + ".tmp-" + std::to_string(getpid()) + "-" +
                             std::to_string(++calls) + target.extension().string());
  return temporary;
}

}  // namespace

void write_atomically(const fs::path& target, const std::string& what,
                      const std::function<void(const fs::path&)>& write) {
  const fs::path directory = target.parent_path();
  if (!directory.empty()) {
    std::error_code error;
    fs::create_directories(directory, error);
    if (error) {
      throw IoError("cannot create directory " + quoted(directory) + " for " + what + " " +
                    quoted(target) + ": " + error.message());
    }
  }
  const fs::path temporary = temporary_name(target);
  try {
    write(temporary);
    std::error_code error;
    fs::rename(temporary, target, error);
    if (error) {
      throw IoError("cannot rename " + quoted(temporary) + " to " + what + " " + quoted(target) +
                    ": " + error.message());
    }
  } catch (...) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw;
  }
}

}  // namespace wardsim::io
