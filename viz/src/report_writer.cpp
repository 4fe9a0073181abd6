#include "wardsim/viz/report_writer.h"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <system_error>

#include "renderer_process.h"
#include "wardsim/error.h"
#include "wardsim/viz/report_data.h"

namespace wardsim::viz {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDataFile = "report_data.json";
constexpr const char* kLogFile = "render.log";

// Removes a directory tree when it goes out of scope, unless released.
class TreeGuard {
 public:
  explicit TreeGuard(fs::path path) : path_(std::move(path)) {}
  TreeGuard(const TreeGuard&) = delete;
  TreeGuard& operator=(const TreeGuard&) = delete;
  ~TreeGuard() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  void release() { path_.clear(); }

 private:
  fs::path path_;
};

fs::path sibling(const fs::path& dir, const std::string& suffix) {
  return dir.parent_path() / (dir.filename().string() + suffix + std::to_string(getpid()));
}

[[noreturn]] void cannot_write(const fs::path& dir, const std::string& why) {
  throw IoError("cannot write report '" + dir.string() + "': " + why);
}

}  // namespace

WrittenReport write_report(const ReportRequest& request, const fs::path& out_dir,
                           const RendererCommand& renderer) {
  const auto data = build_report_data(request);  // every check happens before any write
  const fs::path target = fs::absolute(out_dir).lexically_normal();
  const fs::path dir = target.filename().empty() ? target.parent_path() : target;
  std::error_code error;
  if (fs::exists(dir, error) && !fs::is_directory(dir, error)) {
    cannot_write(dir, "it exists and is not a directory");
  }
  fs::create_directories(dir.parent_path(), error);
  if (error) cannot_write(dir, error.message());

  const fs::path temporary = sibling(dir, ".tmp-");
  fs::remove_all(temporary, error);
  TreeGuard temporary_guard(temporary);
  if (!fs::create_directory(temporary, error)) cannot_write(dir, error.message());
  {
    std::ofstream out(temporary / kDataFile, std::ios::binary);
    out << data.dump(1) << "\n";
    if (!out.good()) cannot_write(dir, std::string("cannot write ") + kDataFile);
  }
  run_renderer(renderer, temporary / kDataFile, temporary, temporary / kLogFile);
  fs::remove(temporary / kLogFile, error);

  // Swap the finished report in; an older report is kept until the new one is in place.
  const fs::path old = sibling(dir, ".old-");
  TreeGuard old_guard(old);
  if (fs::exists(dir)) {
    fs::rename(dir, old, error);
    if (error) cannot_write(dir, error.message());
  }
  fs::rename(temporary, dir, error);
  if (error) {
    std::error_code ignored;
    if (fs::exists(old)) fs::rename(old, dir, ignored);
    cannot_write(dir, error.message());
  }
  temporary_guard.release();

  WrittenReport written{dir, {}};
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) written.files.push_back(fs::relative(entry.path(), dir));
  }
  std::sort(written.files.begin(), written.files.end());
  return written;
}

}  // namespace wardsim::viz
