#pragma once
// Collects every problem found in a scenario's files so that they can be reported together.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wardsim::scenarios {

class ProblemList {
 public:
  // A problem not tied to a row, e.g. "baseline.toml: missing required key ...".
  void add(std::string message);

  // A problem of a repeatable kind in `file`: after kMaxPerKind of the same kind in the same file
  // the rest are only counted, so that one systematic error does not bury all the others.
  void add(std::string_view file, std::string_view kind, std::string message);

  // "FILE:LINE: column 'NAME': MESSAGE", capped per file and column.
  void add_cell(std::string_view file, int line, std::string_view column, std::string_view message);

  bool empty() const { return messages_.empty(); }
  std::size_t size() const { return messages_.size(); }

  // The messages in the order found, with "FILE: … and N more KIND" after each capped kind.
  std::vector<std::string> messages() const;

  static constexpr int kMaxPerKind = 20;

 private:
  struct KindCount {
    int count = 0;
    std::size_t summary_index = 0;  // where the "… and N more" line goes
  };
  std::vector<std::string> messages_;
  std::map<std::pair<std::string, std::string>, KindCount, std::less<>> kinds_;
};

}  // namespace wardsim::scenarios
