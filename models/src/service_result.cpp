#include "wardsim/models/service_result.h"

#include <stdexcept>

namespace wardsim::models {

const Indicator& ServiceResult::indicator(const std::string& indicator_name) const {
  for (const Indicator& candidate : indicators) {
    if (candidate.name == indicator_name) return candidate;
  }
  throw std::out_of_range("service '" + name + "' has no indicator '" + indicator_name + "'");
}

}  // namespace wardsim::models
