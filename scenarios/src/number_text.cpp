#include "number_text.h"

#include <charconv>

namespace wardsim::scenarios {

std::string number_text(double value) {
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 10);
  return std::string(buffer, result.ptr);
}

}  // namespace wardsim::scenarios
