#pragma once
// Private to wardsim::io: the small CSV tables the GIS tools read (a crosswalk, a districts
// table): a header and rows of fields, RFC 4180 quoting, UTF-8 with or without a byte order mark.

#include <filesystem>
#include <string>
#include <vector>

namespace wardsim::io {

struct CsvRows {
  std::filesystem::path file;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // data rows; row i is line i + 2 of the file
  std::vector<int> lines;                      // the line number of each row

  // Index of column `name`, or -1.
  int column(const std::string& name) const;
};

// Reads `file`; IoError if it cannot be read. Blank lines are skipped.
CsvRows read_csv_rows(const std::filesystem::path& file);

}  // namespace wardsim::io
