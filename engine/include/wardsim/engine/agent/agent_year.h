#pragma once
// One year of the agent kernel for one district, in two phases so that districts run in parallel:
//   depart(d)  — deaths, births, leaving home, out-migration, moves out (into per-destination
//   boxes) arrive(e)  — moves in (origins in district order), in-migration, then the year's end:
//   ageing,
//                partners who no longer live together, empty households dropped, household census.
// The order and the probabilities are in docs/agent_model.md.

#include <array>
#include <cstdint>
#include <vector>

#include "wardsim/engine/agent/agent_parameters.h"
#include "wardsim/engine/agent/district_agents.h"
#include "wardsim/engine/agent/random_streams.h"
#include "wardsim/engine/agent/year_tables.h"

namespace wardsim::engine::agent {

// A district's flows during one year, by cohort cell (births by sex of the child).
struct DistrictFlowCounts {
  std::array<std::int32_t, kSexes> births{};
  std::array<std::int32_t, kCells> deaths{};
  std::array<std::int32_t, kCells> out_migration{};
  std::array<std::int32_t, kCells> in_migration{};
  std::array<std::int32_t, kCells> moves_out{};
  std::array<std::int32_t, kCells> moves_in{};
};

// A district's state on 1 January: population by cell(sex, age) and the household indicators.
struct DistrictSnapshot {
  std::array<std::int32_t, kCells> population{};
  std::array<std::int32_t, kIndicators> indicators{};
};

struct Mover {
  std::uint32_t id;
  std::uint32_t origin_household;  // movers from one origin household form one household
  std::uint8_t age;
  std::uint8_t traits;
};

// What settle_households() gathers about one household from its members, packed into 64 bits so
// that each member updates it with one load and one store. Per-generation counts are nibbles that
// saturate at 15 (only 0, 1, 2 and "more" are ever read); per-generation facts are bit g of a
// nibble.
struct HouseholdCensus {
  static constexpr int kMembers = 16;     // nibble g: members of generation g
  static constexpr int kPartnered = 32;   // nibble g: partnered members of generation g
  static constexpr int kAged80Plus = 48;  // bit g: someone of generation g aged 80+
  static constexpr int kAged50s = 52;     // bit g: someone of generation g aged 50-59
  static constexpr int kMinors = 56;      // bit g: someone of generation g aged under 18

  static unsigned size(std::uint64_t w) { return static_cast<unsigned>(w & 0xFFFF); }
  static unsigned nibble(std::uint64_t w, int field, int g) {
    return static_cast<unsigned>(w >> (field + 4 * g)) & 0xFU;
  }
  // Bit g: someone of generation g (a non-zero members nibble).
  static unsigned generations(std::uint64_t w) {
    unsigned m = static_cast<unsigned>(w >> kMembers) & 0xFFFFU;
    m = (m | (m >> 1) | (m >> 2) | (m >> 3)) & 0x1111U;  // bit 4g: nibble g is not zero
    return ((m * 0x1248U) >> 12) & 0xFU;                 // bits 0, 4, 8, 12 → bits 0-3
  }
};

// What the person pass of settle_households() and depart() read of a household, 2 bytes.
struct HouseholdFacts {
  static constexpr int kCouples = 0;  // bit g: exactly two partnered members of generation g
  static constexpr int kLeaving = 4;  // bit g: unpartnered members of generation g may leave home
  static constexpr int kAlone = 8;    // one member
};

// Persons by cell(sex, age) and how they live, counted by settle_households().
struct LivingArrangements {
  std::array<std::int32_t, kCells> persons{};
  std::array<std::int32_t, kCells> partnered{};
  std::array<std::int32_t, kCells> alone_unpartnered{};
  std::array<std::int32_t, kCells> at_parents{};  // could leave home (see depart())
};

// The base year's living arrangements over the ward as shares of each cell's persons. The
// synthesis reproduces the census household types, so these are the household model's only
// calibration target: unions and leaving home keep each age close to them (docs/agent_model.md).
struct ArrangementShares {
  std::array<double, kCells> partnered{};
  std::array<double, kCells> at_parents{};
};
ArrangementShares arrangement_shares(const std::vector<LivingArrangements>& districts);

// Everything one district keeps between years and reuses within them.
struct DistrictState {
  DistrictAgents agents;
  std::vector<std::vector<Mover>> outbox;  // by destination district
  std::size_t first_new = 0;               // persons from here on may lack an id (see assign_ids)
  std::vector<std::uint32_t> household_words;  // scratch: screen words by household slot
  std::vector<std::uint32_t> slot_map;         // scratch
  std::vector<std::uint64_t> census;           // scratch: HouseholdCensus by household slot
  // The last census's HouseholdFacts by household slot (its person pass copies what depart() needs
  // into each person's traits).
  std::vector<std::uint16_t> household_facts;
  // The last census by cell(sex, age on 1 January): persons, partnered persons, unpartnered
  // persons living alone (who may seek a partner) and persons who may leave the parental home.
  LivingArrangements living;
};

// What depart() needs to know about the year.
struct YearContext {
  const RandomStreams* streams = nullptr;
  std::uint32_t year = 0;  // step index: 0 = base year → base year + 1
  const YearTables* tables = nullptr;
  const AgentParameters* parameters = nullptr;
  // The replicate's base-year living arrangements; without them only parameters' fixed rates apply.
  const ArrangementShares* base = nullptr;
};

// Fertility of a woman without a partner in the household relative to a partnered woman of the
// same age. Assumption: about 2 % of births in Japan are outside marriage (vital statistics,
// approximate); with roughly a third of women aged 25-39 unpartnered, 0.05 gives that share.
// Without it single women would give birth as often as partnered ones, and the single-parent
// households they form never re-partner (only people living alone seek partners).
inline constexpr double kUnpartneredRelativeFertility = 0.05;

// Σ over the district's women on 1 January of birth_weight(age) × relative fertility (1 if
// partnered, kUnpartneredRelativeFertility otherwise), from the last census (state.living).
double women_weight(const DistrictState& state, const DistrictThresholds& thresholds);

// `expected_births` is the cohort kernel's births of this district for this year computed from the
// replicate's own 1 January population; `women_weight` is women_weight(state, …). Each woman who
// survives gives birth with probability
// expected_births / women_weight × birth_weight × relative fertility / (1 − q), so that the
// expected births equal expected_births exactly.
void depart(DistrictState& state, int district, const YearContext& year, double expected_births,
            double women_weight, DistrictFlowCounts& flows);

// `states` are every district's states (outboxes are read for `district`).
void arrive(std::vector<DistrictState>& states, int district, const YearContext& year,
            DistrictFlowCounts& flows, DistrictSnapshot& snapshot);

// Ends a year's household bookkeeping in a district: partner flags of people whose partner left,
// empty households dropped (slots renumbered), each household classified, then the 1 January
// population and household indicators counted. Also used after the base-year synthesis.
void settle_households(DistrictState& state, DistrictSnapshot& snapshot);

// Gives every person without an id (newborns and in-migrants, from state.first_new on) the next
// id starting at `first_id`; returns the number given.
std::uint32_t assign_ids(DistrictState& state, std::uint32_t first_id);
std::uint32_t count_without_id(const DistrictState& state);

}  // namespace wardsim::engine::agent
