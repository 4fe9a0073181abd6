#include "wardsim/scenarios/csv_table.h"

#include <charconv>
#include <cmath>

namespace wardsim::scenarios {
namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 if it is not one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  unsigned int code = 0;
  if (lead < 0x80) return 1;
  if ((lead & 0xe0) == 0xc0) {
    length = 2;
    code = lead & 0x1fu;
  } else if ((lead & 0xf0) == 0xe0) {
    length = 3;
    code = lead & 0x0fu;
  } else if ((lead & 0xf8) == 0xf0) {
    length = 4;
    code = lead & 0x07u;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3fu);
  }
  static constexpr unsigned int kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code < kMinimum[length] || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return 0;
  return length;
}

// 1-based line of the first byte that is not valid UTF-8, or 0 if all of it is.
int first_invalid_utf8_line(std::string_view text) {
  int line = 1;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) return line;
    if (text[i] == '\n') ++line;
    i += length;
  }
  return 0;
}

std::string join(std::span<const std::string> cells) {
  std::string text;
  for (const auto& cell : cells) {
    if (!text.empty()) text += ',';
    text += cell;
  }
  return text;
}

// Splits RFC 4180 records. Returns false (after recording the problem) on broken quoting.
bool split_records(std::string_view text, const std::string& file, std::vector<CsvRow>& records,
                   ProblemList& problems) {
  int line = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    CsvRow record;
    record.line = line;
    std::string cell;
    bool record_done = false;
    while (!record_done) {
      cell.clear();
      if (i < text.size() && text[i] == '"') {
        const int quote_line = line;
        ++i;
        for (;;) {
          if (i >= text.size()) {
            problems.add(file + ':' + std::to_string(quote_line) +
                         ": a quoted field is not closed before the end of the file");
            return false;
          }
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              cell += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (text[i] == '\n') ++line;
          cell += text[i++];
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' &&
            !(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
          problems.add(file + ':' + std::to_string(line) +
                       ": unexpected character after a closing quote (a quote inside a quoted "
                       "field must be doubled)");
          return false;
        }
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\n' &&
               !(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
          if (text[i] == '"') {
            problems.add(file + ':' + std::to_string(line) +
                         ": a quote inside an unquoted field (quote the whole field and double "
                         "the quote)");
            return false;
          }
          cell += text[i++];
        }
      }
      record.cells.push_back(cell);
      if (i >= text.size()) {
        record_done = true;
      } else if (text[i] == ',') {
        ++i;
      } else {
        i += text[i] == '\r' ? 2u : 1u;
        ++line;
        record_done = true;
      }
    }
    records.push_back(std::move(record));
  }
  return true;
}

}  // namespace

std::optional<double> parse_csv_number(std::string_view cell) {
  double value = 0.0;
  const char* end = cell.data() + cell.size();
  const auto [stop, error] = std::from_chars(cell.data(), end, value);
  if (cell.empty() || error != std::errc() || stop != end || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<CsvTable> CsvTable::parse(std::string_view text, std::string file,
                                        std::span<const std::string_view> expected_columns,
                                        ProblemList& problems) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (const int line = first_invalid_utf8_line(text); line != 0) {
    problems.add(file + ':' + std::to_string(line) + ": not valid UTF-8 text");
    return std::nullopt;
  }
  std::vector<CsvRow> records;
  if (!split_records(text, file, records, problems)) return std::nullopt;

  CsvTable table;
  table.file_ = std::move(file);
  for (const auto column : expected_columns) table.columns_.emplace_back(column);
  const std::string expected_header = join(table.columns_);
  if (records.empty()) {
    problems.add(table.file_ + ": the file is empty (expected the header '" + expected_header +
                 "')");
    return std::nullopt;
  }
  if (records.front().cells != table.columns_) {
    problems.add(table.file_ + ":1: header must be '" + expected_header + "', found '" +
                 join(records.front().cells) + "'");
    return std::nullopt;
  }
  for (std::size_t r = 1; r < records.size(); ++r) {
    CsvRow& record = records[r];
    if (record.cells.size() == 1 && record.cells.front().empty()) {
      problems.add(table.file_, "empty lines",
                   table.file_ + ':' + std::to_string(record.line) + ": empty line");
    } else if (record.cells.size() != table.columns_.size()) {
      problems.add(table.file_, "records with the wrong number of fields",
                   table.file_ + ':' + std::to_string(record.line) + ": expected " +
                       std::to_string(table.columns_.size()) + " fields, found " +
                       std::to_string(record.cells.size()));
    } else {
      table.rows_.push_back(std::move(record));
    }
  }
  return table;
}

void CsvTable::add_problem(const CsvRow& row, std::size_t column, std::string_view message,
                           ProblemList& problems) const {
  problems.add_cell(file_, row.line, columns_.at(column), message);
}

std::optional<double> CsvTable::number(const CsvRow& row, std::size_t column, double min,
                                       double max, std::string_view expected,
                                       ProblemList& problems) const {
  const std::string& cell = row.cells.at(column);
  const std::optional<double> value = parse_csv_number(cell);
  if (!value || *value < min || *value > max) {
    add_problem(row, column, "expected " + std::string(expected) + ", found '" + cell + "'",
                problems);
    return std::nullopt;
  }
  return value;
}

std::optional<int> CsvTable::integer(const CsvRow& row, std::size_t column, int min, int max,
                                     std::string_view expected, ProblemList& problems) const {
  const std::string& cell = row.cells.at(column);
  int value = 0;
  const char* end = cell.data() + cell.size();
  const auto [stop, error] = std::from_chars(cell.data(), end, value);
  if (cell.empty() || error != std::errc() || stop != end || value < min || value > max) {
    add_problem(row, column, "expected " + std::string(expected) + ", found '" + cell + "'",
                problems);
    return std::nullopt;
  }
  return value;
}

std::optional<std::size_t> CsvTable::choice(const CsvRow& row, std::size_t column,
                                            std::span<const std::string_view> choices,
                                            ProblemList& problems) const {
  const std::string& cell = row.cells.at(column);
  std::string expected;
  for (std::size_t k = 0; k < choices.size(); ++k) {
    if (cell == choices[k]) return k;
    if (k > 0) expected += k + 1 == choices.size() ? " or " : ", ";
    expected += '\'' + std::string(choices[k]) + '\'';
  }
  add_problem(row, column, "expected " + expected + ", found '" + cell + "'", problems);
  return std::nullopt;
}

std::optional<std::string> CsvTable::text(const CsvRow& row, std::size_t column,
                                          ProblemList& problems) const {
  const std::string& cell = row.cells.at(column);
  if (cell.empty()) {
    add_problem(row, column, "expected a non-empty value, found ''", problems);
    return std::nullopt;
  }
  return cell;
}

}  // namespace wardsim::scenarios
