#include "wardsim/error.h"

#include <utility>

namespace wardsim {
namespace {

std::string join_problems(const std::vector<std::string>& problems) {
  std::string text;
  for (const auto& problem : problems) {
    if (!text.empty()) text += '\n';
    text += problem;
  }
  return text;
}

}  // namespace

InputError::InputError(std::vector<std::string> problems)
    : Error(join_problems(problems)), problems_(std::move(problems)) {}

}  // namespace wardsim
