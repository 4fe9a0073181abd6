#include "wardsim/scenarios/problem_list.h"

namespace wardsim::scenarios {

void ProblemList::add(std::string message) { messages_.push_back(std::move(message)); }

void ProblemList::add(std::string_view file, std::string_view kind, std::string message) {
  auto [it, inserted] = kinds_.try_emplace({std::string(file), std::string(kind)});
  KindCount& seen = it->second;
  ++seen.count;
  if (seen.count <= kMaxPerKind) {
    messages_.push_back(std::move(message));
  } else if (seen.count == kMaxPerKind + 1) {
    seen.summary_index = messages_.size();
    messages_.emplace_back();  // filled in by messages()
  }
}

void ProblemList::add_cell(std::string_view file, int line, std::string_view column,
                           std::string_view message) {
  std::string text = std::string(file) + ':' + std::to_string(line) + ": column '" +
                     std::string(column) + "': " + std::string(message);
  add(file, "problems in column '" + std::string(column) + "'", std::move(text));
}

std::vector<std::string> ProblemList::messages() const {
  std::vector<std::string> result = messages_;
  for (const auto& [key, seen] : kinds_) {
    if (seen.count > kMaxPerKind) {
      result[seen.summary_index] =
          key.first + ": … and " + std::to_string(seen.count - kMaxPerKind) + " more " + key.second;
    }
  }
  return result;
}

}  // namespace wardsim::scenarios
