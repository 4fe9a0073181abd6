#pragma once
// Numbers as they appear in messages: short, and exact for the values people type.

#include <string>

namespace wardsim::scenarios {

// Up to 10 significant digits without trailing zeros: 0.97, 2025, 0.9999999999.
std::string number_text(double value);

}  // namespace wardsim::scenarios
