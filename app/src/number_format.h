#pragma once
// Number and column formatting shared by the summaries `wardsim run` prints.

#include <cstddef>
#include <string>

namespace wardsim::app {

// Rounded to a whole number with thousands separators: 1234567.4 → "1,234,567".
std::string thousands(double value);

// `text` right-aligned in `width` columns (never cut).
std::string padded(const std::string& text, std::size_t width);

// `text` left-aligned in `width` display columns (never cut); counts UTF-8 code points.
std::string left_padded(const std::string& text, std::size_t width);

// Display width of UTF-8 text, counted in code points (names here are Latin or single-width).
std::size_t text_width(const std::string& text);

}  // namespace wardsim::app
