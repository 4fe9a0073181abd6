#include "wardsim/engine/projection.h"

namespace wardsim::engine {

YearFlows::YearFlows(int districts)
    : births(DistrictSexTable::Zero(districts, kSexes)),
      deaths(DistrictCube::Zero(districts, kCells)),
      out_migration(DistrictCube::Zero(districts, kCells)),
      in_migration(DistrictCube::Zero(districts, kCells)),
      moves_out(DistrictCube::Zero(districts, kCells)),
      moves_in(DistrictCube::Zero(districts, kCells)) {}

}  // namespace wardsim::engine
