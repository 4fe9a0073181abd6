#include "wardsim/io/xlsx_export.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <string>

#include "../atomic_file.h"
#include "wardsim/error.h"

namespace wardsim::io {
namespace {

namespace fs = std::filesystem;

constexpr lxw_row_t kTitleRow = 0;
constexpr lxw_row_t kNoteRow = 1;
constexpr lxw_row_t kHeaderRow = 2;
constexpr lxw_row_t kFirstDataRow = 3;  // rows above are frozen

// The workbook, closed (and so written) exactly once.
class Workbook {
 public:
  Workbook(const fs::path& temporary, const fs::path& target)
      : book_(workbook_new(temporary.c_str())), target_(target) {
    if (book_ == nullptr) throw IoError("cannot create Excel file '" + target.string() + "'");
    bold_ = workbook_add_format(book_);
    format_set_bold(bold_);
    title_ = workbook_add_format(book_);
    format_set_bold(title_);
    format_set_font_size(title_, 13);
    count_ = workbook_add_format(book_);
    format_set_num_format(count_, "#,##0.0");
    ratio_ = workbook_add_format(book_);
    format_set_num_format(ratio_, "0.000");
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  ~Workbook() {
    if (book_ != nullptr) workbook_close(book_);  // only on an error path; the file is removed
  }

  lxw_worksheet* sheet(const std::string& name) {
    lxw_worksheet* sheet = workbook_add_worksheet(book_, name.c_str());
    if (sheet == nullptr) {
      throw IoError("cannot add sheet '" + name + "' to Excel file '" + target_.string() + "'");
    }
    return sheet;
  }

  void close() {
    const lxw_error error = workbook_close(book_);
    book_ = nullptr;
    if (error != LXW_NO_ERROR) {
      throw IoError("cannot write Excel file '" + target_.string() + "': " + lxw_strerror(error));
    }
  }

  lxw_format* bold_ = nullptr;
  lxw_format* title_ = nullptr;
  lxw_format* count_ = nullptr;
  lxw_format* ratio_ = nullptr;

 private:
  lxw_workbook* book_;
  fs::path target_;
};

void text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& value,
          lxw_format* format = nullptr) {
  worksheet_write_string(sheet, row, col, value.c_str(), format);
}

std::string years_note(const ExportIndicator& indicator) {
  return indicator.flow ? "years: flow year t = during t (1 January t to 1 January t+1)"
                        : "years: 1 January of the year (or the school/fiscal year starting then)";
}

std::string values_note(const ExportIndicator& indicator) {
  switch (indicator.breakdown) {
    case Breakdown::kSexAge:
      return "district totals (sum over sex and age)";
    case Breakdown::kSex:
      return "district totals (sum over sex)";
    case Breakdown::kCategory:
      return indicator.additive
                 ? "one row per " + indicator.category_dim + ", and \"all\" = their sum"
                 : "one row per " + indicator.category_dim + " (a ratio: not summed)";
    case Breakdown::kNone:
      return indicator.additive ? "district values" : "district values (a ratio: not summed)";
  }
  return "";
}

// One sheet: scenario × district (× category) rows, one column per year, ward totals for counts.
void write_indicator_sheet(Workbook& book, const std::string& name, const ExportData& data,
                           const std::string& indicator_name) {
  lxw_worksheet* sheet = book.sheet(name);
  const ExportIndicator* first = nullptr;
  for (const auto& scenario : data.scenarios) {
    for (const auto& indicator : scenario.indicators) {
      if (indicator.name == indicator_name && first == nullptr) first = &indicator;
    }
  }
  const bool categories = first->breakdown == Breakdown::kCategory;
  text(sheet, kTitleRow, 0, first->name + " (" + first->units + ") — " + first->description,
       book.title_);
  text(sheet, kNoteRow, 0, values_note(*first) + "; " + years_note(*first));

  std::vector<std::string> labels = {"scenario", "district_id", "district_name_ja",
                                     "district_name_en", "region_en"};
  if (categories) labels.push_back(first->category_dim);
  const auto label_cols = static_cast<lxw_col_t>(labels.size());
  for (lxw_col_t c = 0; c < label_cols; ++c) text(sheet, kHeaderRow, c, labels[c], book.bold_);
  for (std::size_t y = 0; y < first->years.size(); ++y) {
    worksheet_write_number(sheet, kHeaderRow, static_cast<lxw_col_t>(label_cols + y),
                           first->years[y], book.bold_);
  }
  worksheet_freeze_panes(sheet, kFirstDataRow, label_cols);
  worksheet_set_column(sheet, 0, 0, 12, nullptr);
  worksheet_set_column(sheet, 1, 1, 11, nullptr);
  worksheet_set_column(sheet, 2, 4, 16, nullptr);
  if (categories) worksheet_set_column(sheet, 5, 5, 14, nullptr);
  worksheet_set_column(sheet, label_cols, static_cast<lxw_col_t>(label_cols + first->years.size()),
                       11, nullptr);

  const std::size_t districts = data.dims.districts.size();
  lxw_row_t row = kFirstDataRow;
  for (const auto& scenario : data.scenarios) {
    const auto it =
        std::find_if(scenario.indicators.begin(), scenario.indicators.end(),
                     [&](const ExportIndicator& i) { return i.name == indicator_name; });
    if (it == scenario.indicators.end()) continue;
    const ExportIndicator& indicator = *it;
    lxw_format* format = indicator.additive ? book.count_ : book.ratio_;
    // Rows of one district: per category (and "all" for counts), or one row.
    std::vector<std::string> row_categories;
    if (categories) {
      row_categories = indicator.category_labels;
      if (indicator.additive) row_categories.emplace_back("all");
    } else {
      row_categories.emplace_back("");
    }
    const auto value = [&](std::size_t y, std::size_t d, std::size_t c) {
      if (!categories || c == indicator.category_labels.size()) {
        return indicator.district_total(y, d, districts);
      }
      return indicator.at(y, d, c, districts);
    };
    const auto write_row = [&](const std::string& id, const std::string& ja, const std::string& en,
                               const std::string& region, std::size_t c, auto&& value_of) {
      text(sheet, row, 0, scenario.name);
      text(sheet, row, 1, id);
      text(sheet, row, 2, ja);
      text(sheet, row, 3, en);
      text(sheet, row, 4, region);
      if (categories) text(sheet, row, 5, row_categories[c]);
      for (std::size_t y = 0; y < indicator.years.size(); ++y) {
        worksheet_write_number(sheet, row, static_cast<lxw_col_t>(label_cols + y), value_of(y),
                               format);
      }
      ++row;
    };
    for (std::size_t d = 0; d < districts; ++d) {
      const auto& district = data.dims.districts[d];
      for (std::size_t c = 0; c < row_categories.size(); ++c) {
        write_row(district.id, district.name_ja, district.name_en, district.region_en, c,
                  [&](std::size_t y) { return value(y, d, c); });
      }
    }
    if (!indicator.additive) continue;
    for (std::size_t c = 0; c < row_categories.size(); ++c) {
      write_row("ward", "区合計", "Ward total", "", c, [&](std::size_t y) {
        double total = 0.0;
        for (std::size_t d = 0; d < districts; ++d) total += value(y, d, c);
        return total;
      });
    }
  }
}

void write_readme(Workbook& book, const ExportData& data, const std::vector<std::string>& order,
                  const std::vector<std::string>& sheets) {
  lxw_worksheet* sheet = book.sheet("README");
  worksheet_set_column(sheet, 0, 0, 30, nullptr);
  worksheet_set_column(sheet, 1, 1, 40, nullptr);
  worksheet_set_column(sheet, 2, 4, 24, nullptr);
  lxw_row_t row = 0;
  const auto line = [&](const std::string& a, const std::string& b = "",
                        lxw_format* format = nullptr) {
    text(sheet, row, 0, a, format);
    if (!b.empty()) text(sheet, row, 1, b);
    ++row;
  };
  line("wardsim results export", "", book.title_);
  line("source results file", data.source.filename().string());
  line("years", std::to_string(data.dims.base_year) + "–" + std::to_string(data.dims.end_year));
  line("districts", std::to_string(data.dims.districts.size()));
  line("numbers", "stored at full precision; the display format only rounds what is shown");
  line("district detail",
       "estimated where the scenario's estimates below say so: read them before using the numbers");
  ++row;
  line("Sheets", "", book.bold_);
  const char* headers[] = {"sheet", "indicator", "units", "years", "values"};
  for (lxw_col_t c = 0; c < 5; ++c) text(sheet, row, c, headers[c], book.bold_);
  ++row;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const ExportIndicator* indicator = nullptr;
    for (const auto& scenario : data.scenarios) {
      for (const auto& candidate : scenario.indicators) {
        if (candidate.name == order[i] && indicator == nullptr) indicator = &candidate;
      }
    }
    text(sheet, row, 0, sheets[i]);
    text(sheet, row, 1, indicator->name + ": " + indicator->description);
    text(sheet, row, 2, indicator->units);
    text(sheet, row, 3, indicator->flow ? "flow years" : "1 January");
    text(sheet, row, 4, values_note(*indicator));
    ++row;
  }
  for (const auto& scenario : data.scenarios) {
    const auto& p = scenario.provenance;
    ++row;
    line("Scenario " + scenario.name, p.scenario_title, book.bold_);
    line("wardsim version", p.wardsim_version);
    line("scenario file", p.scenario_file);
    line("created (UTC)", p.created);
    line("kernel",
         p.mode + ", threads " + std::to_string(p.threads) + ", seed " + std::to_string(p.seed));
    for (const auto& override_text : p.overrides) line("override", override_text);
    for (const auto& input : p.inputs) line("input " + input.path, "sha256 " + input.sha256);
    for (const auto& estimate : p.estimates) line("estimate", estimate);
  }
}

}  // namespace

std::vector<std::string> sheet_names(const std::vector<std::string>& indicators) {
  std::vector<std::string> names;
  for (const auto& indicator : indicators) {
    // Excel forbids []:*?/\ in sheet names; indicator names are snake_case with one dot.
    const auto taken = [&](const std::string& name) {
      return std::find(names.begin(), names.end(), name) != names.end();
    };
    std::string name = indicator.size() <= kMaxSheetName ? indicator : "";
    for (int n = 1; name.empty() || taken(name); ++n) {
      const std::string suffix = "~" + std::to_string(n);
      name = indicator.substr(0, kMaxSheetName - suffix.size()) + suffix;
    }
    names.push_back(name);
  }
  return names;
}

void write_xlsx(const ExportData& data, const fs::path& file) {
  // Sheets in the order indicators were asked for, across scenarios.
  std::vector<std::string> order;
  for (const auto& scenario : data.scenarios) {
    for (const auto& indicator : scenario.indicators) {
      if (std::find(order.begin(), order.end(), indicator.name) == order.end()) {
        order.push_back(indicator.name);
      }
    }
  }
  const auto sheets = sheet_names(order);
  write_atomically(file, "Excel file", [&](const fs::path& temporary) {
    Workbook book(temporary, file);
    write_readme(book, data, order, sheets);
    for (std::size_t i = 0; i < order.size(); ++i) {
      write_indicator_sheet(book, sheets[i], data, order[i]);
    }
    book.close();
  });
}

}  // namespace wardsim::io
