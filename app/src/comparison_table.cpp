#include "comparison_table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>

#include "number_format.h"

namespace wardsim::app {
namespace {

constexpr std::size_t kCellWidth = 20;

// Relative to |A|, so that the sign always follows the difference (gaps can be negative).
std::string percent_text(double a, double b) {
  if (b == a) return "0.0%";
  if (a == 0.0) return "n/a";
  char text[32];
  std::snprintf(text, sizeof text, "%+.1f%%", 100.0 * (b - a) / std::abs(a));
  return text;
}

// Whole numbers with separators; two decimals for small quantities such as shares.
std::string amount_text(double difference, double scale) {
  if (scale >= 100.0) {
    return (std::llround(difference) > 0 ? "+" : "") + thousands(difference);
  }
  char text[32];
  std::snprintf(text, sizeof text, "%+.2f", difference);
  return std::string(text) == "+0.00" || std::string(text) == "-0.00" ? "0" : text;
}

std::size_t index_of(const std::vector<int>& years, int year) {
  return static_cast<std::size_t>(std::find(years.begin(), years.end(), year) - years.begin());
}

void print_ward_table(const io::Comparison& comparison, const std::vector<int>& shown,
                      std::ostream& out) {
  std::size_t label_width = 24;
  for (const auto& indicator : comparison.indicators) {
    label_width = std::max(label_width, indicator.path.size() + 2);
  }
  out << left_padded("Ward, B - A (% of A)", label_width);
  for (const int year : shown) out << padded(std::to_string(year), kCellWidth);
  out << "\n";
  for (const auto& indicator : comparison.indicators) {
    out << left_padded(indicator.path, label_width);
    for (const int year : shown) {
      const auto y = static_cast<Eigen::Index>(index_of(comparison.years, year));
      out << padded(difference_text(indicator.a.row(y).sum(), indicator.b.row(y).sum()),
                    kCellWidth);
    }
    out << "\n";
  }
}

// The districts whose total population differs most in the shown year where the ward differs most.
void print_district_table(const io::Comparison& comparison, const std::vector<int>& shown,
                          std::size_t count, std::ostream& out) {
  const io::IndicatorPair& total = comparison.indicators.front();  // population/total
  const io::YearDistrictValues difference = total.difference();
  int year = shown.back();
  double largest = -1.0;
  for (const int candidate : shown) {
    const auto y = static_cast<Eigen::Index>(index_of(comparison.years, candidate));
    if (std::abs(difference.row(y).sum()) > largest) {
      largest = std::abs(difference.row(y).sum());
      year = candidate;
    }
  }
  const auto y = static_cast<Eigen::Index>(index_of(comparison.years, year));
  std::vector<Eigen::Index> order(comparison.districts.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index l, Eigen::Index r) {
    return std::abs(difference(y, l)) > std::abs(difference(y, r));
  });
  order.resize(std::min(count, order.size()));
  out << "\nDistricts with the largest difference in population/total, " << year << ":\n"
      << left_padded("district", 28) << padded("A", 12) << padded("B", 12)
      << padded("B - A (% of A)", kCellWidth) << "\n";
  for (const Eigen::Index d : order) {
    const auto& district = comparison.districts[static_cast<std::size_t>(d)];
    out << left_padded(district.id + " " + district.name_en, 28)
        << padded(thousands(total.a(y, d)), 12) << padded(thousands(total.b(y, d)), 12)
        << padded(difference_text(total.a(y, d), total.b(y, d)), kCellWidth) << "\n";
  }
}

}  // namespace

std::vector<int> comparison_years(const std::vector<int>& years) {
  std::vector<int> shown;
  for (std::size_t i = 0; i < years.size(); ++i) {
    if (i == 0 || i + 1 == years.size() || years[i] % 10 == 0) shown.push_back(years[i]);
  }
  return shown;
}

std::string difference_text(double a, double b) {
  return amount_text(b - a, std::max(std::abs(a), std::abs(b))) + " (" + percent_text(a, b) + ")";
}

void print_comparison(const io::Comparison& comparison, std::ostream& out,
                      std::size_t district_count) {
  out << "Comparison " << comparison.name() << " (B - A):\n"
      << "  A: scenario '" << comparison.a.scenario << "' of " << comparison.a.file.string() << "\n"
      << "  B: scenario '" << comparison.b.scenario << "' of " << comparison.b.file.string()
      << "\n\n";
  const std::vector<int> shown = comparison_years(comparison.years);
  print_ward_table(comparison, shown, out);
  print_district_table(comparison, shown, district_count, out);
}

}  // namespace wardsim::app
