#pragma once
// Private to wardsim::io: the /scenarios/<name>/backcast group of a results file.

#include <string>

#include "h5_util.h"
#include "wardsim/engine/dimensions.h"
#include "wardsim/models/backcast/backcast_report.h"

namespace wardsim::io {

void write_backcast_group(h5::File& h5, const std::string& scenario_group,
                          const engine::Dimensions& dims,
                          const models::backcast::BackcastReport& report);

}  // namespace wardsim::io
