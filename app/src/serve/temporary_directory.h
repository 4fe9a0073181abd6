#pragma once
// A fresh private directory under the system's temporary directory, removed with everything in
// it when the object goes out of scope: where the server makes files it hands out or reads once.

#include <stdlib.h>

#include <filesystem>
#include <string>
#include <system_error>

#include "wardsim/error.h"

namespace wardsim::app::serve {

class TemporaryDirectory {
 public:
  TemporaryDirectory() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "wardsim_serve_XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw IoError("cannot create a temporary directory");
    path_ = pattern;
  }
  ~TemporaryDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace wardsim::app::serve
