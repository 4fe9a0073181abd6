#include "ratio_reporter.h"

#include <cstdio>

namespace wardsim::benchmarks {

void RatioReporter::ReportRuns(const std::vector<Run>& runs) {
  ConsoleReporter::ReportRuns(runs);
  for (const Run& run : runs) {
    if (run.run_type != Run::RT_Iteration || run.error_occurred) continue;
    const std::string name = run.benchmark_name();
    const auto slash = name.find('/');
    if (slash == std::string::npos) continue;
    const double seconds_per_iteration =
        run.real_accumulated_time / static_cast<double>(run.iterations);
    times_[name.substr(0, slash)][name.substr(slash + 1)] = seconds_per_iteration * 1e6;
  }
}

void RatioReporter::Finalize() {
  ConsoleReporter::Finalize();
  std::printf("\nSpeed-up of the engine over the naive reference (same work, same run):\n");
  for (const auto& [work, variants] : times_) {
    const auto engine = variants.find("engine");
    const auto naive = variants.find("naive");
    if (engine == variants.end() || naive == variants.end()) continue;
    std::printf("  %-24s engine %12.2f us   naive %12.2f us   ratio %6.1fx\n", work.c_str(),
                engine->second, naive->second, naive->second / engine->second);
  }
}

}  // namespace wardsim::benchmarks
