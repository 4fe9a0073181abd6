#pragma once
// Writes a report directory: the report-data JSON, every chart as PNG and SVG, and a
// self-contained HTML report, rendered by viz/render_report.py.

#include <filesystem>
#include <vector>

#include "wardsim/viz/report_request.h"

namespace wardsim::viz {

struct RendererCommand {
  std::filesystem::path python;  // Debian's /usr/bin/python3 (sees python3-matplotlib)
  std::filesystem::path script;  // viz/render_report.py
};

struct WrittenReport {
  std::filesystem::path directory;
  std::vector<std::filesystem::path> files;  // relative to `directory`, sorted
};

// Checks the request (InputError listing every problem, before anything is written), renders into
// a temporary directory beside `out_dir` and renames it into place, replacing an older report
// there. Nothing is left behind on failure. IoError when the renderer fails or a file cannot be
// written.
WrittenReport write_report(const ReportRequest& request, const std::filesystem::path& out_dir,
                           const RendererCommand& renderer);

}  // namespace wardsim::viz
