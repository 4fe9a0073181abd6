#pragma once
// Hand-made projections for the model tests: populations set cell by cell so that every expected
// number can be worked out on paper.

#include <functional>

#include "wardsim/engine/projection.h"

namespace wardsim::models::testing {

// Population of (year index, district, sex, age) on 1 January.
using CellValue = std::function<double(int year, int district, int sex, int age)>;

// `districts` districts, population years 2025 .. 2025 + years − 1, no flows.
engine::Projection make_projection(int districts, int years, const CellValue& value);

// Three districts over 2025-2027: district 0 has 100 people in every (sex, age) cell every year,
// district 1 nobody, district 2 only 40 people of each sex aged 5 on 1 January.
engine::Projection three_districts();

}  // namespace wardsim::models::testing
