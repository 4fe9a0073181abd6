#include "wardsim/scenarios/agent_tables.h"

#include <cmath>
#include <vector>

#include "number_text.h"
#include "table_rows.h"

namespace wardsim::scenarios {

namespace agent = engine::agent;

std::array<double, agent::kHouseholdTypes> read_household_types(const CsvTable& table,
                                                                ProblemList& problems) {
  std::array<double, agent::kHouseholdTypes> shares{};
  std::vector<int> first_line(agent::kHouseholdTypes, 0);
  double sum = 0.0;
  bool complete = true;
  for (const auto& row : table.rows()) {
    const auto type = table.choice(row, 0, agent::kHouseholdTypeNames, problems);
    const auto share = table.number(row, 1, 0, 1, "a share between 0 and 1", problems);
    if (!share) complete = false;
    if (!type) {
      complete = false;
      continue;
    }
    int& first = first_line[*type];
    if (first != 0) {
      report_duplicate_row(table, row, row.cells[0], first, problems);
      complete = false;
      continue;
    }
    first = row.line;
    if (share) {
      shares[*type] = *share;
      sum += *share;
    }
  }
  for (std::size_t t = 0; t < first_line.size(); ++t) {
    if (first_line[t] == 0) {
      problems.add(table.file() + ": missing row for household type '" +
                   std::string(agent::kHouseholdTypeNames[t]) + "'");
      complete = false;
    }
  }
  if (complete && std::abs(sum - 1.0) > 1e-6) {
    problems.add(table.file() + ": column 'share': the shares must sum to 1 (± 1e-6), found " +
                 number_text(sum));
  }
  return shares;
}

std::optional<AgentScenario> read_agent_scenario(const ScenarioSettings& settings,
                                                 InputReader& reader, ProblemList& problems) {
  if (!settings.agent) return std::nullopt;
  const AgentSettings& section = *settings.agent;
  AgentScenario scenario;
  scenario.replicates = section.replicates;
  scenario.seed = section.seed;
  scenario.mode = section.mode;
  scenario.parameters.leaving_home_rate = section.leaving_home_rate;
  scenario.parameters.union_rate = section.union_rate;
  scenario.parameters.in_migrant_couple_share = section.in_migrant_couple_share;
  if (const auto where = section.tables.find("household_types"); where != section.tables.end()) {
    const TableLocation& location = where->second;
    if (const auto bytes =
            reader.read(location.file, location.display, location.named_as, problems)) {
      if (const auto table =
              CsvTable::parse(*bytes, location.display, kHouseholdTypesColumns, problems)) {
        scenario.parameters.household_type_shares = read_household_types(*table, problems);
      }
    }
  }
  return scenario;
}

}  // namespace wardsim::scenarios
