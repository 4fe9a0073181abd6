#include "wardsim/batch/progress.h"

#include <cmath>
#include <cstdio>

namespace wardsim::batch {
namespace {

constexpr std::int64_t kPrintEveryNs = 250'000'000;

std::string duration_text(double seconds) {
  char text[32];
  if (seconds < 60) {
    std::snprintf(text, sizeof text, "%.1f s", seconds);
  } else if (seconds < 3600) {
    std::snprintf(text, sizeof text, "%d min %02d s", static_cast<int>(seconds) / 60,
                  static_cast<int>(seconds) % 60);
  } else {
    std::snprintf(text, sizeof text, "%d h %02d min", static_cast<int>(seconds) / 3600,
                  static_cast<int>(seconds) % 3600 / 60);
  }
  return text;
}

}  // namespace

ProgressLine::ProgressLine(std::ostream* out, std::string label, std::int64_t total,
                           std::string unit)
    : out_(out),
      label_(std::move(label)),
      total_(total),
      unit_(std::move(unit)),
      started_(std::chrono::steady_clock::now()) {}

ProgressLine::~ProgressLine() {
  if (!finished_ && out_ != nullptr) *out_ << "\n";
}

std::string ProgressLine::describe(std::int64_t done, std::int64_t total, const std::string& unit,
                                   double seconds) {
  std::string text = std::to_string(done) + "/" + std::to_string(total) + " " + unit + " · " +
                     duration_text(seconds);
  if (done > 0 && done < total) {
    const double left = seconds / static_cast<double>(done) * static_cast<double>(total - done);
    text += " · about " + duration_text(left) + " left";
  }
  return text;
}

void ProgressLine::advance(std::int64_t count) {
  const std::int64_t done = done_.fetch_add(count) + count;
  if (out_ == nullptr) return;
  const std::int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                               std::chrono::steady_clock::now() - started_)
                               .count();
  std::int64_t due = next_print_ns_.load();
  if (now < due || !next_print_ns_.compare_exchange_strong(due, now + kPrintEveryNs)) return;
  print(done, false);
}

void ProgressLine::finish() {
  if (finished_) return;
  finished_ = true;
  if (out_ != nullptr) print(done_.load(), true);
}

void ProgressLine::print(std::int64_t done, bool final) {
  const std::lock_guard lock(print_mutex_);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  *out_ << "\r" << label_ << ": " << describe(done, total_, unit_, seconds)
        << (final ? "\n" : "   ") << std::flush;
}

}  // namespace wardsim::batch
