#include "csv_rows.h"

#include <algorithm>
#include <fstream>

#include "wardsim/error.h"

namespace wardsim::io {
namespace {

// Splits one record; a quoted field may hold commas and doubled quotes.
std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

}  // namespace

int CsvRows::column(const std::string& name) const {
  const auto it = std::find(header.begin(), header.end(), name);
  return it == header.end() ? -1 : static_cast<int>(it - header.begin());
}

CsvRows read_csv_rows(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw IoError("cannot open '" + file.string() + "'");
  CsvRows table;
  table.file = file;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    if (line.empty()) continue;
    auto fields = split(line);
    if (table.header.empty()) {
      table.header = std::move(fields);
      continue;
    }
    table.rows.push_back(std::move(fields));
    table.lines.push_back(number);
  }
  if (in.bad()) throw IoError("cannot read '" + file.string() + "'");
  return table;
}

}  // namespace wardsim::io
