#pragma once
// Population years of a projection: 1 January of dims.base_year + index.

#include "wardsim/engine/dimensions.h"

namespace wardsim::models {

// Index of `year` among the projection's population years; InputError if it is not one of them.
int year_index(const engine::Dimensions& dims, int year);

}  // namespace wardsim::models
