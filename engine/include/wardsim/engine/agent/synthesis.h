#pragma once
// The base population as persons in households: every person of the district × sex × age table
// exactly once, grouped into households of the types in the household-type distribution.

#include <cstdint>
#include <vector>

#include "wardsim/engine/agent/agent_parameters.h"
#include "wardsim/engine/agent/district_agents.h"
#include "wardsim/engine/agent/random_streams.h"
#include "wardsim/engine/dimensions.h"

namespace wardsim::engine::agent {

// Whole persons by district (row) and cell(sex, age), row-major.
using IntegerCube = std::vector<std::int32_t>;

// The base table in whole persons. A table of whole numbers is taken exactly. Otherwise each
// district keeps its total rounded to the nearest whole number: every cell is rounded down and the
// units still missing go to the cells with the largest fractional parts (the lower cell first on a
// tie), so each cell differs from the table by less than 1.
IntegerCube integerise(const DistrictCube& population);

// Builds the persons and households of one district from its `counts` (kCells whole numbers),
// giving the persons ids first_id, first_id + 1, ... Households are drawn in the proportions of
// parameters.household_type_shares for family and other types (the members' ages drawn around
// typical ages and taken from what is left of the table); every person left over is a one-person
// household, or joins a family household as a child if under 18.
void synthesise_district(DistrictAgents& agents, const std::int32_t* counts,
                         const AgentParameters& parameters, const RandomStreams& streams,
                         int district, std::uint32_t first_id);

}  // namespace wardsim::engine::agent
