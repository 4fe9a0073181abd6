#pragma once
// Row-level helpers shared by the table readers: how a problem names its row, duplicate rows,
// and the sex labels of every sex × age table.

#include <string>
#include <string_view>

#include "wardsim/scenarios/csv_table.h"
#include "wardsim/scenarios/problem_list.h"

namespace wardsim::scenarios {

inline constexpr std::string_view kSexNames[] = {"male", "female"};  // engine sex order

// "FILE:LINE: ", the start of every problem about one row.
std::string line_prefix(const CsvTable& table, const CsvRow& row);

// Reports `row` as a repeat of the row for `what` first seen on `first_line`.
void report_duplicate_row(const CsvTable& table, const CsvRow& row, const std::string& what,
                          int first_line, ProblemList& problems);

}  // namespace wardsim::scenarios
