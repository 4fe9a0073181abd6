#include "number_format.h"

#include <cmath>

namespace wardsim::app {

std::string thousands(double value) {
  std::string digits = std::to_string(std::llround(value));
  const std::size_t first = digits.front() == '-' ? 1 : 0;
  for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3;
       i > static_cast<std::ptrdiff_t>(first); i -= 3) {
    digits.insert(static_cast<std::size_t>(i), ",");
  }
  return digits;
}

std::string padded(const std::string& text, std::size_t width) {
  const std::size_t used = text_width(text);
  return std::string(width > used ? width - used : 0, ' ') + text;
}

std::string left_padded(const std::string& text, std::size_t width) {
  const std::size_t used = text_width(text);
  return text + std::string(width > used ? width - used : 0, ' ');
}

std::size_t text_width(const std::string& text) {
  std::size_t width = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++width;  // not a continuation byte
  }
  return width;
}

}  // namespace wardsim::app
