#include "table_rows.h"

namespace wardsim::scenarios {

std::string line_prefix(const CsvTable& table, const CsvRow& row) {
  return table.file() + ':' + std::to_string(row.line) + ": ";
}

void report_duplicate_row(const CsvTable& table, const CsvRow& row, const std::string& what,
                          int first_line, ProblemList& problems) {
  problems.add(table.file(), "duplicate rows",
               line_prefix(table, row) + "duplicate row for " + what + " (first on line " +
                   std::to_string(first_line) + ")");
}

}  // namespace wardsim::scenarios
