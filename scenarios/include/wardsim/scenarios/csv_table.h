#pragma once
// A small, strict CSV reader (RFC 4180 quoting, UTF-8) that remembers where every record came
// from, so that each problem can name its file, line and column.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "wardsim/scenarios/problem_list.h"

namespace wardsim::scenarios {

struct CsvRow {
  int line = 0;  // 1-based line on which the record starts
  std::vector<std::string> cells;
};

class CsvTable {
 public:
  // Parses `text` (an optional UTF-8 BOM is skipped; "\r\n" line ends are accepted) and checks
  // that the header is exactly `expected_columns`. Returns nothing if the file is unusable (not
  // UTF-8, broken quoting, wrong header); records with the wrong number of fields are reported and
  // skipped. Every problem goes to `problems`, prefixed with `file`.
  static std::optional<CsvTable> parse(std::string_view text, std::string file,
                                       std::span<const std::string_view> expected_columns,
                                       ProblemList& problems);

  const std::string& file() const { return file_; }
  const std::vector<CsvRow>& rows() const { return rows_; }
  const std::string& column_name(std::size_t column) const { return columns_.at(column); }

  // Records "FILE:LINE: column 'NAME': MESSAGE".
  void add_problem(const CsvRow& row, std::size_t column, std::string_view message,
                   ProblemList& problems) const;

  // Typed cell access. On failure each records "expected EXPECTED, found 'CELL'" and returns
  // nothing; EXPECTED describes the whole rule, e.g. "a probability between 0 and 1".
  std::optional<double> number(const CsvRow& row, std::size_t column, double min, double max,
                               std::string_view expected, ProblemList& problems) const;
  std::optional<int> integer(const CsvRow& row, std::size_t column, int min, int max,
                             std::string_view expected, ProblemList& problems) const;
  // Index of the cell's value in `choices`.
  std::optional<std::size_t> choice(const CsvRow& row, std::size_t column,
                                    std::span<const std::string_view> choices,
                                    ProblemList& problems) const;
  // A cell that must not be empty.
  std::optional<std::string> text(const CsvRow& row, std::size_t column,
                                  ProblemList& problems) const;

 private:
  std::string file_;
  std::vector<std::string> columns_;
  std::vector<CsvRow> rows_;
};

// Parses a whole CSV number: finite, nothing before or after it.
std::optional<double> parse_csv_number(std::string_view cell);

}  // namespace wardsim::scenarios
