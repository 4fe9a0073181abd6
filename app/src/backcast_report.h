#pragma once
// The terminal report of `wardsim backcast`: per target, met or not, what is needed where and by
// when; then the least-cost plan and the surplus that could serve another service.

#include <ostream>

#include "wardsim/engine/dimensions.h"
#include "wardsim/models/backcast/backcast_report.h"

namespace wardsim::app {

void print_backcast_report(const models::backcast::BackcastReport& report,
                           const engine::Dimensions& dims, std::ostream& out);

}  // namespace wardsim::app
