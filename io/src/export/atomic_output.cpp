#include "atomic_output.h"

#include <unistd.h>

#include <system_error>

#include "wardsim/error.h"

namespace wardsim::io {

namespace fs = std::filesystem;

void write_atomically(const fs::path& target, const std::string& what,
                      const std::function<void(const fs::path&)>& write) {
  const auto quoted = [](const fs::path& path) { return "'" + path.string() + "'"; };
  const fs::path directory = target.parent_path();
  if (!directory.empty()) {
    std::error_code error;
    fs::create_directories(directory, error);
    if (error) {
      throw IoError("cannot create directory " + quoted(directory) + " for " + what + " " +
                    quoted(target) + ": " + error.message());
    }
  }
  fs::path temporary = target;
  temporary.replace_filename(target.stem().string() + ".tmp-" + std::to_string(getpid()) +
                             target.extension().string());
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
