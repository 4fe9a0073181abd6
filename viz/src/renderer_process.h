#pragma once
// Private to wardsim::viz: runs the Python renderer as a child process.

#include <filesystem>

#include "wardsim/viz/report_writer.h"

namespace wardsim::viz {

// Runs `python script data out_dir` with its output going to `log`; IoError quoting the end of
// the log if it cannot start or exits with a failure.
void run_renderer(const RendererCommand& renderer, const std::filesystem::path& data,
                  const std::filesystem::path& out_dir, const std::filesystem::path& log);

}  // namespace wardsim::viz
