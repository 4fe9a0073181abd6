#pragma once
// A progress line with an estimate of the time left, rewritten in place on a terminal.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>

namespace wardsim::batch {

class ProgressLine {
 public:
  // Reports `total` units of work named `unit` ("scenarios", "draws") to `out` (nothing if null).
  ProgressLine(std::ostream* out, std::string label, std::int64_t total, std::string unit);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Counts `count` more units done; safe from any thread. Prints at most every few tenths of a
  // second, so that a fast loop is not slowed by its own report.
  void advance(std::int64_t count = 1);
  // Prints the final line (elapsed time) and a newline.
  void finish();
  // Units done so far (for a caller that shows progress its own way).
  std::int64_t done() const { return done_.load(); }

  // "12/100 scenarios · 3.1 s · about 25 s left": the estimate assumes the rest goes at the
  // average pace so far.
  static std::string describe(std::int64_t done, std::int64_t total, const std::string& unit,
                              double seconds);

 private:
  void print(std::int64_t done, bool final);

  std::ostream* out_;
  std::string label_;
  std::int64_t total_;
  std::string unit_;
  std::chrono::steady_clock::time_point started_;
  std::atomic<std::int64_t> done_{0};
  std::atomic<std::int64_t> next_print_ns_{0};
  std::mutex print_mutex_;
  bool finished_ = false;
};

}  // namespace wardsim::batch
