#include "describe_groups.h"

#include <string>
#include <vector>

#include "reader_support.h"

namespace wardsim::io {

namespace {

constexpr const char* kBatch = "/batch";
constexpr const char* kComparisons = "/comparisons";

// "name = value" for each of `names` the object has, in order; values of other types are skipped.
void print_string_attributes(const h5::File& h5, const std::string& object,
                             const std::vector<std::string>& names, std::ostream& out) {
  for (const auto& name : names) {
    const auto value = read_optional_string(h5, object, name);
    if (!value.empty()) out << "  " << name << ": " << value << "\n";
  }
}

}  // namespace

void describe_batch_group(const h5::File& h5, std::ostream& out) {
  if (!h5.is_group(kBatch)) return;
  out << "\nbatch (wardsim batch)\n";
  print_string_attributes(h5, kBatch, {"sweep_name", "sweep_title", "sweep_file", "design"}, out);
  if (h5.has_attribute(kBatch, "ranks") && h5.has_attribute(kBatch, "threads")) {
    out << "  computed by " << h5.read_int_attribute(kBatch, "ranks") << " process(es) × "
        << h5.read_int_attribute(kBatch, "threads") << " thread(s)\n";
  }
  if (h5.has_attribute(kBatch, "scenarios")) {
    out << "  scenarios: " << h5.read_strings_attribute(kBatch, "scenarios").size()
        << " (listed below)\n";
  }
}

void describe_comparisons(const h5::File& h5, std::ostream& out) {
  if (!h5.is_group(kComparisons)) return;
  const auto names = h5.children(kComparisons);
  out << "\ncomparisons: " << names.size() << "\n";
  for (const auto& name : names) {
    const auto group = h5::join(kComparisons, name);
    out << "\ncomparison " << name << "\n";
    const auto a = read_optional_string(h5, group, "a_scenario");
    const auto b = read_optional_string(h5, group, "b_scenario");
    out << "  a: " << a << " (" << read_optional_string(h5, group, "a_file") << ")\n";
    out << "  b: " << b << " (" << read_optional_string(h5, group, "b_file") << ")\n";
    print_string_attributes(h5, group, {"created", "note"}, out);
    const auto indicators = h5::join(group, "indicators");
    if (h5.is_dataset(indicators)) {
      out << "  indicators: " << h5.read_strings(indicators).size()
          << " (a, b, difference, percent by year and district)\n";
    }
  }
}

}  // namespace wardsim::io
