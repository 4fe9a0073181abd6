#pragma once
// A console reporter that, after the usual table, prints for each pair of benchmarks named
// "<work>/engine" and "<work>/naive" how many times faster the engine is than the reference.

#include <benchmark/benchmark.h>

#include <map>
#include <string>

namespace wardsim::benchmarks {

class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override;
  void Finalize() override;

 private:
  std::map<std::string, std::map<std::string, double>> times_;  // work → variant → µs/iteration
};

}  // namespace wardsim::benchmarks
