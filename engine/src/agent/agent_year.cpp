#include "wardsim/engine/agent/agent_year.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "cpu_features.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#include "wardsim/engine/agent/event_marks.h"
#include "wardsim/engine/agent/person_compaction.h"
#include "wardsim/engine/agent/screened_draws.h"

namespace wardsim::engine::agent {
namespace {

constexpr std::uint8_t kAdultAge = 18;
constexpr int kLeavingHomeFrom = 18;
constexpr int kLeavingHomeTo = 34;
constexpr int kUnionFrom = 25;
constexpr int kUnionTo = 49;
// Ages at which unions are also calibrated to the base year's partnered share.
constexpr int kCalibratedUnionFrom = 20;
constexpr int kCalibratedUnionTo = 59;
// In-migrant mothers: women whose cohort is 21..51 (aged 20..50 on 1 January), at least 18 years
// older than the child; a few draws are tried before the age gap is given up.
constexpr int kMotherCohortFrom = 21;
constexpr int kMotherCohortTo = 51;
constexpr int kMotherAgeGap = 18;
constexpr int kMotherTries = 4;

int sex_of(std::uint8_t traits) { return Traits::sex(traits); }

// An unpartnered person may leave the parental home if of a younger generation than the
// household's oldest, with nobody younger (no children of their own).
bool may_leave_home(std::uint8_t generations, int generation) {
  const unsigned present = generations;
  return generation > std::countr_zero(present) &&
         generation == static_cast<int>(std::bit_width(present)) - 1;
}

struct Arrival {
  int sex;
  int cohort;
  std::uint32_t slot = kGone;
  bool partnered = false;
  int generation = 0;  // 1 for a child who came with a parent
};

// In-migrants of one district and year: how many (the expected number, stochastically rounded),
// their cells (the year's profile) and their households (docs/agent_model.md, "In-migration").
void add_in_migrants(DistrictAgents& a, int district, const YearContext& year,
                     DistrictFlowCounts& flows) {
  DrawSequence draws(*year.streams, year.year, Event::kInMigration,
                     static_cast<std::uint32_t>(district));
  const double expected = year.tables->in_migrants[static_cast<std::size_t>(district)];
  const double whole = std::floor(expected);
  const auto count =
      static_cast<std::size_t>(whole) + (draws.uniform() < expected - whole ? 1U : 0U);
  if (count == 0) return;

  std::vector<Arrival> arrivals(count);
  for (Arrival& arrival : arrivals) {
    const int c = year.tables->in_migrant_cell(draws.next());
    arrival.sex = c / kAges;
    arrival.cohort = c % kAges;
    ++flows.in_migration[static_cast<std::size_t>(c)];
  }

  // Couples: adults who arrive as a couple are paired man to woman in arrival order.
  const std::uint64_t couple = threshold_of(year.parameters->in_migrant_couple_share);
  std::vector<std::size_t> men, women, mothers, adults;
  for (std::size_t k = 0; k < count; ++k) {
    const Arrival& arrival = arrivals[k];
    if (arrival.cohort <= kAdultAge) continue;
    adults.push_back(k);
    if (draws.next() < couple) (arrival.sex == kMale ? men : women).push_back(k);
    if (arrival.sex == kFemale && arrival.cohort >= kMotherCohortFrom &&
        arrival.cohort <= kMotherCohortTo) {
      mothers.push_back(k);
    }
  }
  const std::size_t pairs = std::min(men.size(), women.size());
  for (std::size_t j = 0; j < pairs; ++j) {
    const std::uint32_t slot = a.add_household();
    arrivals[men[j]].slot = arrivals[women[j]].slot = slot;
    arrivals[men[j]].partnered = arrivals[women[j]].partnered = true;
  }
  for (const std::size_t k : adults) {
    if (arrivals[k].slot == kGone) arrivals[k].slot = a.add_household();
  }
  // Children join a mother who came the same year (or any adult); alone only if no adult came.
  for (Arrival& child : arrivals) {
    if (child.cohort > kAdultAge) continue;
    std::size_t parent = count;
    if (!mothers.empty()) {
      for (int attempt = 0; attempt < kMotherTries; ++attempt) {
        parent = mothers[draws.below(static_cast<std::uint32_t>(mothers.size()))];
        if (arrivals[parent].cohort >= child.cohort + kMotherAgeGap) break;
      }
    } else if (!adults.empty()) {
      parent = adults.front();
    }
    child.slot = parent < count ? arrivals[parent].slot : a.add_household();
    child.generation = parent < count ? 1 : 0;
  }
  for (const Arrival& arrival : arrivals) {
    const std::uint8_t age = arrival.cohort == 0
                                 ? kBornThisYear
                                 : static_cast<std::uint8_t>(std::min(arrival.cohort - 1, 99));
    a.add_person(kNoId, arrival.slot, age,
                 Traits::make(arrival.sex, arrival.partnered, arrival.generation));
  }
}

}  // namespace

namespace {

// Persons are processed in blocks: the block's 16-bit screens are computed in one vectorised pass
// (screened_draws.h), then a branch-free pass marks the few persons to whom anything may happen
// (a screen at or below their bound), and only those draw their own words (one batched Philox
// call) and take the scalar path. A block's screens, marks and words stay in the L1 cache.
constexpr std::size_t kBlock = 512;

// Thresholds by person key (sex << 8 | age byte): no cohort arithmetic per person, and a newborn's
// age byte kBornThisYear maps to cohort 0 like cohort_of does.
constexpr std::size_t kKeys = 2 * 256;
using KeyThresholds = std::array<std::uint64_t, kKeys>;
inline std::size_t key_of(std::uint8_t traits, std::uint8_t age) {
  return (static_cast<std::size_t>(traits & Traits::kFemale) << 8) | age;
}
inline std::size_t birth_key(std::uint8_t traits, std::uint8_t age) {
  return (static_cast<std::size_t>(traits & Traits::kPartnered) << 8) | key_of(traits, age);
}
// Computed for the age bytes that occur (0-100 and kBornThisYear); the others get age 100's
// thresholds, which is what cohort_of and the rules' age ranges give them (and no person has them).
// Every district computes these tables each year, so they are not computed for 2 × 256 ages.
template <typename ByCohort>
void by_key(KeyThresholds& out, const ByCohort& threshold) {
  constexpr std::uint8_t kOldest = 100;
  for (int sex = 0; sex < kSexes; ++sex) {
    std::uint64_t* const row = out.data() + (static_cast<std::size_t>(sex) << 8);
    for (int age = 0; age <= kOldest; ++age) {
      row[age] = threshold(sex, static_cast<std::uint8_t>(age));
    }
    std::fill(row + kOldest + 1, row + kBornThisYear, row[kOldest]);
    row[kBornThisYear] = threshold(sex, kBornThisYear);
  }
}

// 1 if word < threshold (≤ 2^32), else 0: the sign of their difference.
inline std::uint32_t below(std::uint32_t word, std::uint64_t threshold) {
  return static_cast<std::uint32_t>((std::uint64_t{word} - threshold) >> 63);
}

}  // namespace

double women_weight(const DistrictState& state, const DistrictThresholds& thresholds) {
  double weight = 0.0;
  for (int age = 0; age < kAges; ++age) {
    const auto c = static_cast<std::size_t>(cell(kFemale, age));
    const double unpartnered = state.living.persons[c] - state.living.partnered[c];
    weight += thresholds.birth_weight[static_cast<std::size_t>(age)] *
              (state.living.partnered[c] + kUnpartneredRelativeFertility * unpartnered);
  }
  return weight;
}

void depart(DistrictState& state, int district, const YearContext& year, double expected_births,
            double women_weight, DistrictFlowCounts& flows) {
  DistrictAgents& a = state.agents;
  const DistrictThresholds& t = year.tables->districts[static_cast<std::size_t>(district)];
  const RandomStreams& streams = *year.streams;
  const std::size_t n = a.persons();
  for (auto& box : state.outbox) box.clear();

  // Birth probability by the mother's age on 1 January, given that she survived the year's deaths.
  const double scale = women_weight > 0.0 ? expected_births / women_weight : 0.0;
  const std::uint64_t leave = threshold_of(year.parameters->leaving_home_rate);
  const std::uint64_t union_seeking = threshold_of(year.parameters->union_rate);
  KeyThresholds death, leaving, seeking, out_migration, move;  // by_key fills every entry
  by_key(death, [&](int sex, std::uint8_t age) {
    return t.death[static_cast<std::size_t>(cell(sex, cohort_of(age)))];
  });
  // Birth thresholds by key | partnered bit (kPartnered << 8 = 512).
  std::array<std::uint64_t, 2 * kKeys> birth{};
  for (std::size_t key = 0; key < kKeys; ++key) {
    const auto age = static_cast<std::uint8_t>(key & 0xFF);
    if ((key >> 8) != kFemale || age >= kAges) continue;
    const double q = t.death_probability[static_cast<std::size_t>(cell(kFemale, cohort_of(age)))];
    const double p = q < 1.0 ? scale * t.birth_weight[age] / (1.0 - q) : 0.0;
    birth[key] = threshold_of(p * kUnpartneredRelativeFertility);
    birth[key + kKeys] = threshold_of(p);
  }
  // Leaving home and unions are calibrated to the base year (docs/agent_model.md, "Households"):
  // a cell leaves home only while more of it live with their parents than in the base year, and
  // seeks partners at the rate that would restore the base year's partnered share.
  const LivingArrangements& now = state.living;
  const auto excess_share = [](double excess, double among) {
    return among > 0.0 ? std::clamp(excess / among, 0.0, 1.0) : 0.0;
  };
  by_key(leaving, [&](int sex, std::uint8_t age) -> std::uint64_t {
    if (age < kLeavingHomeFrom || age > kLeavingHomeTo) return 0;
    if (year.base == nullptr) return leave;
    const auto c = static_cast<std::size_t>(cell(sex, age));
    const double excess = now.at_parents[c] - year.base->at_parents[c] * now.persons[c];
    return std::min(leave, threshold_of(excess_share(excess, now.at_parents[c])));
  });
  by_key(seeking, [&](int sex, std::uint8_t age) -> std::uint64_t {
    const bool fixed = age >= kUnionFrom && age <= kUnionTo;
    if (year.base == nullptr || age < kCalibratedUnionFrom || age > kCalibratedUnionTo) {
      return fixed ? union_seeking : 0;
    }
    const auto c = static_cast<std::size_t>(cell(sex, age));
    const double missing = year.base->partnered[c] * now.persons[c] - now.partnered[c];
    const std::uint64_t calibrated = threshold_of(excess_share(missing, now.alone_unpartnered[c]));
    return std::max(fixed ? union_seeking : 0, calibrated);
  });
  by_key(out_migration, [&](int sex, std::uint8_t age) {
    return t.out_migration[static_cast<std::size_t>(cell(sex, cohort_of(age)))];
  });
  by_key(move, [&](int sex, std::uint8_t age) {
    return t.move[static_cast<std::size_t>(cell(sex, cohort_of(age)))];
  });
  std::vector<std::size_t> seekers[kSexes];
  struct Newborn {
    std::size_t mother;
    std::uint8_t traits;
  };
  std::vector<Newborn> newborns;

  // A person's event ranges in their current state: leaving home only for an unpartnered member of
  // a generation that may leave, seeking only for an unpartnered person living alone (the last
  // census's facts, kept in the traits). Without branches: which applies is unpredictable.
  const auto ranges_of = [&](std::size_t i) {
    const std::uint8_t traits = a.traits[i];
    const std::size_t key = key_of(traits, a.age[i]);
    const std::uint64_t unpartnered = Traits::partnered(traits) ? 0 : ~std::uint64_t{0};
    const std::uint64_t may_leave = (traits & Traits::kMayLeaveHome) != 0 ? unpartnered : 0;
    const std::uint64_t alone = (traits & Traits::kLivesAlone) != 0 ? unpartnered : 0;
    return event_ranges({death[key], birth[birth_key(traits, a.age[i])], leaving[key] & may_leave,
                         seeking[key] & alone});
  };
  // Mark bounds for the vectorised passes (event_marks.h), by mark_age_index and, within an entry,
  // by sex and kind: the bound of the any-event range with every event that may apply, so that
  // marks are a superset. An unpartnered person with a census fact may leave home or seek a
  // partner (both are counted); any other person may only die or give birth (the partnered
  // fertility, the higher, is counted for both). Migrants by their out-migration and move
  // thresholds.
  std::array<std::uint64_t, kSexes> with_facts{}, plain{}, out{}, to_district{};
  std::array<std::uint32_t, kMarkAges> person_bounds{};
  std::array<std::uint32_t, kMarkAges> out_move{};
  // Index 0 is a newborn, index 1 + a the age a; the ages above 100 (index 101) have age 100's
  // thresholds (mark_age_index), so age 100 stands for them.
  for (std::size_t index = 0; index <= mark_age_index(100); ++index) {
    const std::uint8_t age = index == 0 ? kBornThisYear : static_cast<std::uint8_t>(index - 1);
    for (std::size_t sex = 0; sex < kSexes; ++sex) {
      const std::size_t key = (sex << 8) | age;
      with_facts[sex] =
          event_ranges({death[key], birth[key], leaving[key], seeking[key]}).seeking_end;
      plain[sex] = std::max(event_ranges({death[key], birth[key + kKeys], 0, 0}).birth_end,
                            event_ranges({death[key], birth[key], 0, 0}).birth_end);
      out[sex] = out_migration[key];
      to_district[sex] = move[key];
    }
    person_bounds[index] =
        mark_bytes(with_facts[kMale], with_facts[kFemale], plain[kMale], plain[kFemale]);
    out_move[index] =
        mark_bytes(out[kMale], out[kFemale], to_district[kMale], to_district[kFemale]);
  }
  std::array<std::uint16_t, kBlock> screen;
  // The marked persons' own blocks (and their entities and positions in the block).
  std::array<std::uint32_t, 4 * kBlock> words;
  const WordColumns columns{words.data(), words.data() + kBlock, words.data() + 2 * kBlock,
                            words.data() + 3 * kBlock};
  std::array<std::uint32_t, kBlock> entity;
  std::array<std::uint32_t, kBlock + 16> position;  // list_marks writes up to 16 past the count
  std::array<std::uint64_t, mark_words(kBlock)> marked;
  // The marked persons (their index among the marked) by event, kNone included.
  std::array<std::array<std::uint32_t, kBlock>, kPersonEvents> by_event;
  std::array<std::uint32_t, kBlock> mover;  // the marked members who move to another district
  // Lists the marked k < m in increasing order in `position`; returns how many.
  const auto list_marked = [&marked, &position](std::size_t m) {
    return list_marks(marked.data(), m, position.data());
  };
  static_assert(kBlock <= kMaxScreenRun);
  for (std::size_t from = 0; from < n; from += kBlock) {
    const std::size_t m = std::min(kBlock, n - from);
    person_screens(streams, a.id.data() + from, m, year.year, screen.data());
    mark_persons(screen.data(), a.traits.data() + from, a.age.data() + from, m,
                 person_bounds.data(), marked.data());
    const std::size_t count = list_marked(m);
    for (std::size_t j = 0; j < count; ++j) {
      entity[j] = a.id[from + position[j]];
      // Deaths, births and leavers read or write their household slot, which this pass has not
      // touched: its cache misses overlap with the Philox call below.
      __builtin_prefetch(&a.household[from + position[j]], 1);
    }
    streams.words(entity.data(), count, year.year, Event::kPersonExact, kAnyDistrict, columns);
    // 1-3. Deaths, births (the child joins the mother's household), leaving the parental home,
    // partnership: u decides which, if any (screened_draws.h). The marked persons are sorted by
    // their event (in block order within each), and each event's are then done in one loop: the
    // events of different persons touch different persons and households, so the order between
    // events does not matter, and no branch per person is mispredicted.
    std::array<std::size_t, kPersonEvents> events_count{};
    for (std::size_t j = 0; j < count; ++j) {
      const std::size_t k = position[j];
      const auto e = static_cast<std::size_t>(
          person_event(person_uniform(screen[k], columns.w0[j]), ranges_of(from + k)));
      by_event[e][events_count[e]] = static_cast<std::uint32_t>(j);
      ++events_count[e];
    }
    const auto each = [&](PersonEvent e, auto&& act) {
      const auto row = static_cast<std::size_t>(e);
      for (std::size_t r = 0; r < events_count[row]; ++r) {
        const std::uint32_t j = by_event[row][r];
        act(from + position[j], j);
      }
    };
    each(PersonEvent::kDeath, [&](std::size_t i, std::uint32_t) {
      ++flows.deaths[static_cast<std::size_t>(cell(sex_of(a.traits[i]), cohort_of(a.age[i])))];
      a.household[i] = kGone;
    });
    // The newborn's sex and death before 1 January are decided by two more words of the mother's
    // own block.
    each(PersonEvent::kBirth, [&](std::size_t i, std::uint32_t j) {
      const int baby = columns.w1[j] < year.tables->male_birth ? kMale : kFemale;
      ++flows.births[static_cast<std::size_t>(baby)];
      const auto baby_cell = static_cast<std::size_t>(cell(baby, 0));
      if (columns.w2[j] < t.death[baby_cell]) {
        ++flows.deaths[baby_cell];
      } else {
        const int generation =
            std::min(Traits::generation(a.traits[i]) + 1, Traits::kMaxGeneration);
        newborns.push_back({i, Traits::make(baby, false, generation)});
      }
    });
    each(PersonEvent::kLeavingHome, [&](std::size_t i, std::uint32_t) {
      a.household[i] = a.add_household();
      a.traits[i] = Traits::make(sex_of(a.traits[i]), false, 0);
    });
    each(PersonEvent::kSeeking,
         [&](std::size_t i, std::uint32_t) { seekers[sex_of(a.traits[i])].push_back(i); });
  }
  // The newborns join their mothers' households, appended at once after the pass (a mother has no
  // other event this year, so her slot is still the one she gave birth in).
  const std::size_t first_newborn = a.add_persons(newborns.size(), kNoId, kBornThisYear);
  for (std::size_t k = 0; k < newborns.size(); ++k) {
    a.household[first_newborn + k] = a.household[newborns[k].mother];
    a.traits[first_newborn + k] = newborns[k].traits;
  }
  // Seekers are paired man to woman in person order; the woman joins the man's household.
  const std::size_t unions = std::min(seekers[kMale].size(), seekers[kFemale].size());
  for (std::size_t k = 0; k < unions; ++k) {
    const std::size_t man = seekers[kMale][k];
    const std::size_t woman = seekers[kFemale][k];
    a.household[woman] = a.household[man];
    a.traits[man] = Traits::make(kMale, true, 0);
    a.traits[woman] = Traits::make(kFemale, true, 0);
  }

  // 4-5. Out-migration, then moves to another district. One word per household and event; a member
  // goes iff the household's word is below the member's own threshold, so each person goes with
  // exactly their own probability and members with similar rates go together. The words' top
  // halves are the households' screens; a household's own block completes them only for its marked
  // members.
  const std::size_t slots = a.households();
  auto& household_screen = state.household_words;
  // 32 words more than the slots: mark_migrants reads 32 slots' words at once (and the gone read
  // slot 0).
  household_screen.resize(household_screen_words(slots) + 32);
  household_screens(streams, slots, year.year, static_cast<std::uint32_t>(district),
                    household_screen.data());
  const std::size_t total = a.persons();
  for (std::size_t from = 0; from < total; from += kBlock) {
    const std::size_t m = std::min(kBlock, total - from);
    mark_migrants(a.household.data() + from, a.traits.data() + from, a.age.data() + from, m,
                  household_screen.data(), out_move.data(), marked.data());
    const std::size_t count = list_marked(m);
    for (std::size_t j = 0; j < count; ++j) entity[j] = a.household[from + position[j]];
    streams.words(entity.data(), count, year.year, Event::kHouseholdExact,
                  static_cast<std::uint32_t>(district), columns);
    // Without branches, which would be mispredicted for about one marked member in four; the
    // movers are listed and their destinations found after.
    std::size_t movers = 0;
    for (std::size_t j = 0; j < count; ++j) {
      const std::size_t i = from + position[j];
      const std::uint32_t h = entity[j];
      const HouseholdWords hw = household_words(household_screen[h], columns.w0[j], columns.w1[j]);
      const auto c = static_cast<std::size_t>(cell(sex_of(a.traits[i]), cohort_of(a.age[i])));
      // 1 iff the word is below the threshold, by arithmetic (GCC turns comparisons back into
      // branches here).
      const std::uint32_t leaves = below(hw.out_migration, t.out_migration[c]);
      const std::uint32_t moves = below(hw.move, t.move[c]) & (leaves ^ 1U);
      flows.out_migration[c] += static_cast<std::int32_t>(leaves);
      flows.moves_out[c] += static_cast<std::int32_t>(moves);
      mover[movers] = static_cast<std::uint32_t>(j);
      movers += moves;
      // Marked, but neither event happens: marks are a superset.
      static_assert(kGone == 0xFFFFFFFFu, "kGone is all ones");
      a.household[i] = h | (0U - (leaves | moves));
    }
    for (std::size_t r = 0; r < movers; ++r) {
      const std::uint32_t j = mover[r];
      const std::size_t i = from + position[j];
      const std::size_t destination = t.destination_of(columns.w1[j]);
      state.outbox[destination].push_back({a.id[i], entity[j], a.age[i], a.traits[i]});
    }
  }
  state.first_new = remove_gone(a, n);
}

void arrive(std::vector<DistrictState>& states, int district, const YearContext& year,
            DistrictFlowCounts& flows, DistrictSnapshot& snapshot) {
  DistrictState& state = states[static_cast<std::size_t>(district)];
  DistrictAgents& a = state.agents;

  // 5 (continued). Movers from each origin, origins in district order; the movers of one origin
  // household form one new household here.
  for (auto& origin : states) {
    auto& box = origin.outbox[static_cast<std::size_t>(district)];
    const auto by_household = [](const Mover& x, const Mover& y) {
      return x.origin_household < y.origin_household;
    };
    // Movers come in person order, which is mostly household order already: sort only if not
    // (a stable sort of sorted movers would still allocate and merge).
    if (!std::is_sorted(box.begin(), box.end(), by_household)) {
      std::stable_sort(box.begin(), box.end(), by_household);
    }
    std::uint32_t previous = kGone;
    std::uint32_t slot = 0;
    for (const Mover& mover : box) {
      if (mover.origin_household != previous) {
        slot = a.add_household();
        previous = mover.origin_household;
      }
      a.add_person(mover.id, slot, mover.age, mover.traits);
      ++flows.moves_in[static_cast<std::size_t>(cell(sex_of(mover.traits), cohort_of(mover.age)))];
    }
  }

  // 6. In-migration.
  add_in_migrants(a, district, year, flows);

  // 7. Ageing: everyone reaches their cohort age on 1 January.
  for (auto& age : a.age) age = static_cast<std::uint8_t>(cohort_of(age));

  settle_households(state, snapshot);
}

namespace {

// The age facts of the census, by age byte, as HouseholdCensus bits for generation 0.
std::array<std::uint64_t, 256> age_marks() {
  std::array<std::uint64_t, 256> marks{};
  for (int age = 0; age < 256; ++age) {
    std::uint64_t m = 0;
    if (age >= 80) m |= std::uint64_t{1} << HouseholdCensus::kAged80Plus;
    if (age >= 50 && age <= 59) m |= std::uint64_t{1} << HouseholdCensus::kAged50s;
    if (age < kAdultAge) m |= std::uint64_t{1} << HouseholdCensus::kMinors;
    marks[static_cast<std::size_t>(age)] = m;
  }
  return marks;
}

// The census below runs over every person and household each year, and the facts it tests are
// close to random from one to the next, so branches on them would be mispredicted about half the
// time (the profile showed this cost most). It looks the answers up in small tables and counts
// with arithmetic instead.

// By the generations present (bit g): bit g set if an unpartnered member of generation g may
// leave the parental home (may_leave_home).
std::array<std::uint8_t, 16> leaving_generations() {
  std::array<std::uint8_t, 16> table{};
  for (unsigned generations = 1; generations < 16; ++generations) {
    for (int g = 0; g <= Traits::kMaxGeneration; ++g) {
      if (may_leave_home(static_cast<std::uint8_t>(generations), g)) {
        table[generations] = static_cast<std::uint8_t>(table[generations] | (1U << g));
      }
    }
  }
  return table;
}

// The household type from what the census gathered: the generations present (4 bits), the size
// class (0: one member, 1: two, 2: more), the class of the oldest generation's number of members
// (0: one, 1: two, 2: another number) and whether exactly two of them are partnered (a couple at
// the top).
constexpr std::size_t type_index(unsigned generations, unsigned size_class, unsigned top_class,
                                 unsigned couple_at_top) {
  return generations | (size_class << 4) | (top_class << 6) | (couple_at_top << 8);
}
constexpr unsigned size_class_of(unsigned size) {
  return static_cast<unsigned>(size != 1) + static_cast<unsigned>(size > 2);
}
std::array<HouseholdType, 512> household_types() {
  std::array<HouseholdType, 512> table{};
  table.fill(HouseholdType::kOther);
  for (unsigned generations = 1; generations < 16; ++generations) {
    for (const unsigned size : {1U, 2U, 3U}) {
      for (const unsigned members_at_top : {1U, 2U, 3U}) {
        for (const bool couple_at_top : {false, true}) {
          const int oldest = std::countr_zero(generations);
          const int levels = std::popcount(generations);
          HouseholdType type = HouseholdType::kOther;
          if (size == 1) {
            type = HouseholdType::kSingle;
          } else if (levels >= 3) {
            type = HouseholdType::kThreeGenerations;
          } else if (levels == 1) {
            if (size == 2 && couple_at_top) type = HouseholdType::kCouple;
          } else if ((generations >> (oldest + 1)) & 1U) {  // two adjacent generations
            if (members_at_top == 2 && couple_at_top) type = HouseholdType::kCoupleWithChildren;
            if (members_at_top == 1) type = HouseholdType::kSingleParent;
          }
          const unsigned top_class = members_at_top == 1 ? 0 : members_at_top == 2 ? 1 : 2;
          table[type_index(generations, size_class_of(size), top_class, couple_at_top ? 1 : 0)] =
              type;
        }
      }
    }
  }
  return table;
}

// Per generation g, what the census adds and tests, so that the loops shift by constants only
// (a shift by a variable count is three micro-operations without BMI2, which a portable build
// cannot assume).
struct GenerationUnits {
  std::uint64_t member;          // one member in nibble g of kMembers
  std::uint64_t members_full;    // that nibble at 15
  std::uint64_t partnered;       // one partnered member in nibble g of kPartnered
  std::uint64_t partnered_full;  // that nibble at 15
  std::uint64_t marks;           // 2^g: the age marks of generation 0 times this are generation g's
  unsigned bit;                  // 2^g
};
std::array<GenerationUnits, Traits::kMaxGeneration + 1> generation_units() {
  std::array<GenerationUnits, Traits::kMaxGeneration + 1> units{};
  for (int g = 0; g <= Traits::kMaxGeneration; ++g) {
    auto& u = units[static_cast<std::size_t>(g)];
    u.member = std::uint64_t{1} << (HouseholdCensus::kMembers + 4 * g);
    u.members_full = std::uint64_t{0xF} << (HouseholdCensus::kMembers + 4 * g);
    u.partnered = std::uint64_t{1} << (HouseholdCensus::kPartnered + 4 * g);
    u.partnered_full = std::uint64_t{0xF} << (HouseholdCensus::kPartnered + 4 * g);
    u.marks = std::uint64_t{1} << g;
    u.bit = 1U << g;
  }
  return units;
}

// Bit g set iff nibble g of the 16-bit `nibbles` equals k (k < 16), without a loop or branch.
inline unsigned nibbles_equal(unsigned nibbles, unsigned k) {
  const unsigned y = nibbles ^ (k * 0x1111U);
  const unsigned zero = ~(((y & 0x7777U) + 0x7777U) | y) & 0x8888U;  // bit 4g + 3: nibble g is 0
  return (((zero >> 3) * 0x1248U) >> 12) & 0xFU;                     // bits 0, 4, 8, 12 → 0-3
}

// The counts the household pass adds to the indicators.
struct HouseholdCounts {
  std::array<std::int32_t, kHouseholdTypes> by_type{};
  std::int32_t single_parent_with_minor = 0;
  std::int32_t households_8050 = 0;
};

#if defined(__x86_64__) && defined(__GNUC__)
#define WARDSIM_CENSUS_AVX512 1
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"  // GCC bug 105593, see philox_batch.cpp
#define WARDSIM_AVX512_TARGET __attribute__((target("avx512f,popcnt")))

// By the generations present: 0 one generation, 1 two adjacent ones, 2 three or more, 3 two that
// are not adjacent (the branches of household_types()).
std::array<std::uint32_t, 16> generation_classes() {
  std::array<std::uint32_t, 16> classes{};
  for (unsigned generations = 1; generations < 16; ++generations) {
    const int levels = std::popcount(generations);
    const bool adjacent = ((generations >> (std::countr_zero(generations) + 1)) & 1U) != 0;
    classes[generations] = levels == 1 ? 0 : levels >= 3 ? 2 : adjacent ? 1 : 3;
  }
  return classes;
}

// nibbles_equal on the low 16 bits of each 64-bit lane.
WARDSIM_AVX512_TARGET inline __m512i nibbles_equal8(__m512i nibbles, unsigned k) {
  const __m512i y = _mm512_xor_si512(nibbles, _mm512_set1_epi64(k * 0x1111U));
  const __m512i low = _mm512_and_si512(y, _mm512_set1_epi64(0x7777));
  const __m512i zero =
      _mm512_andnot_si512(_mm512_or_si512(_mm512_add_epi64(low, _mm512_set1_epi64(0x7777)), y),
                          _mm512_set1_epi64(0x8888));
  const __m512i spread = _mm512_mul_epu32(_mm512_srli_epi64(zero, 3), _mm512_set1_epi64(0x1248));
  return _mm512_and_si512(_mm512_srli_epi64(spread, 12), _mm512_set1_epi64(0xF));
}

// 16-dword table looked up by the low dword of each 64-bit lane (index < 16).
WARDSIM_AVX512_TARGET inline __m512i look_up16(__m512i table, __m512i index) {
  return _mm512_and_si512(_mm512_permutexvar_epi32(index, table), _mm512_set1_epi64(0xFFFFFFFF));
}

// The household pass for eight households per step, exactly as the scalar loop in
// settle_households (the same rules, as masks: household_types() in vector form). Returns the
// number of households done.
WARDSIM_AVX512_TARGET std::size_t classify_avx512(const std::uint64_t* census, std::size_t n,
                                                  const std::uint32_t* leaving_generations,
                                                  const std::uint32_t* generation_classes,
                                                  std::uint16_t* size_out, HouseholdType* type_out,
                                                  std::uint16_t* facts_out,
                                                  HouseholdCounts& counts) {
  const __m512i leaving = _mm512_loadu_si512(leaving_generations);
  const __m512i classes = _mm512_loadu_si512(generation_classes);
  const __m512i low16 = _mm512_set1_epi64(0xFFFF);
  const __m512i nibble = _mm512_set1_epi64(0xF);
  std::size_t h = 0;
  for (; h + 8 <= n; h += 8) {
    const __m512i w = _mm512_loadu_si512(census + h);
    const __m512i size = _mm512_and_si512(w, low16);
    const __m512i members =
        _mm512_and_si512(_mm512_srli_epi64(w, HouseholdCensus::kMembers), low16);
    const __m512i partnered =
        _mm512_and_si512(_mm512_srli_epi64(w, HouseholdCensus::kPartnered), low16);
    // generations: bit g if nibble g of members is not zero (HouseholdCensus::generations)
    __m512i present = _mm512_or_si512(
        _mm512_or_si512(members, _mm512_srli_epi64(members, 1)),
        _mm512_or_si512(_mm512_srli_epi64(members, 2), _mm512_srli_epi64(members, 3)));
    present = _mm512_and_si512(present, _mm512_set1_epi64(0x1111));
    const __m512i generations = _mm512_and_si512(
        _mm512_srli_epi64(_mm512_mul_epu32(present, _mm512_set1_epi64(0x1248)), 12), nibble);
    const __m512i oldest =
        _mm512_and_si512(generations, _mm512_sub_epi64(_mm512_setzero_si512(), generations));
    const __mmask8 top_is_one = _mm512_test_epi64_mask(nibbles_equal8(members, 1), oldest);
    const __mmask8 top_is_two = _mm512_test_epi64_mask(nibbles_equal8(members, 2), oldest);
    const __m512i couples = nibbles_equal8(partnered, 2);
    const __mmask8 couple_at_top = _mm512_test_epi64_mask(couples, oldest);
    const __mmask8 one_member = _mm512_cmpeq_epi64_mask(size, _mm512_set1_epi64(1));
    const __mmask8 two_members = _mm512_cmpeq_epi64_mask(size, _mm512_set1_epi64(2));
    const __m512i generation_class = look_up16(classes, generations);
    const __mmask8 one_level = _mm512_cmpeq_epi64_mask(generation_class, _mm512_setzero_si512());
    const __mmask8 adjacent = _mm512_cmpeq_epi64_mask(generation_class, _mm512_set1_epi64(1));
    const __mmask8 three = _mm512_cmpeq_epi64_mask(generation_class, _mm512_set1_epi64(2));
    const auto several = static_cast<__mmask8>(~one_member);
    const auto masks = std::array<__mmask8, kHouseholdTypes>{
        one_member,
        static_cast<__mmask8>(several & one_level & two_members & couple_at_top),
        static_cast<__mmask8>(several & adjacent & top_is_two & couple_at_top),
        static_cast<__mmask8>(several & adjacent & top_is_one),
        static_cast<__mmask8>(several & three),
        0};
    __m512i type = _mm512_set1_epi64(static_cast<int>(HouseholdType::kOther));
    unsigned classified = 0;
    for (int k = 0; k + 1 < kHouseholdTypes; ++k) {
      type = _mm512_mask_mov_epi64(type, masks[static_cast<std::size_t>(k)], _mm512_set1_epi64(k));
      const auto count = __builtin_popcount(masks[static_cast<std::size_t>(k)]);
      counts.by_type[static_cast<std::size_t>(k)] += count;
      classified |= masks[static_cast<std::size_t>(k)];
    }
    counts.by_type[static_cast<std::size_t>(HouseholdType::kOther)] +=
        8 - __builtin_popcount(classified);
    const __m512i minors = _mm512_and_si512(_mm512_srli_epi64(w, HouseholdCensus::kMinors), nibble);
    counts.single_parent_with_minor +=
        __builtin_popcount(masks[static_cast<std::size_t>(HouseholdType::kSingleParent)] &
                           _mm512_test_epi64_mask(minors, _mm512_slli_epi64(oldest, 1)));
    const __m512i aged_80_plus =
        _mm512_and_si512(_mm512_srli_epi64(w, HouseholdCensus::kAged80Plus), nibble);
    const __m512i aged_50s =
        _mm512_and_si512(_mm512_srli_epi64(w, HouseholdCensus::kAged50s), nibble);
    counts.households_8050 +=
        __builtin_popcount(_mm512_test_epi64_mask(_mm512_slli_epi64(aged_80_plus, 1), aged_50s));
    const __m512i facts = _mm512_or_si512(
        _mm512_or_si512(
            _mm512_slli_epi64(couples, HouseholdFacts::kCouples),
            _mm512_slli_epi64(look_up16(leaving, generations), HouseholdFacts::kLeaving)),
        _mm512_maskz_mov_epi64(one_member, _mm512_set1_epi64(1 << HouseholdFacts::kAlone)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(size_out + h), _mm512_cvtepi64_epi16(size));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(facts_out + h), _mm512_cvtepi64_epi16(facts));
    _mm_storel_epi64(reinterpret_cast<__m128i*>(type_out + h), _mm512_cvtepi64_epi8(type));
  }
  return h;
}
#undef WARDSIM_AVX512_TARGET
#pragma GCC diagnostic pop
#endif

}  // namespace

void settle_households(DistrictState& state, DistrictSnapshot& snapshot) {
  static const std::array<std::uint64_t, 256> kAgeMarks = age_marks();
  static const std::array<std::uint8_t, 16> kLeavingGenerations = leaving_generations();
  static const std::array<HouseholdType, 512> kHouseholdTypeTable = household_types();
  static const std::array<GenerationUnits, Traits::kMaxGeneration + 1> kUnits = generation_units();
  DistrictAgents& a = state.agents;
  const std::size_t n = a.persons();
  auto& census = state.census;
  census.assign(a.households(), 0);
  const std::uint32_t* const household = a.household.data();
  const std::uint8_t* const age = a.age.data();
  std::uint8_t* const traits = a.traits.data();
  std::uint64_t* const words = census.data();
  const auto count = [&](std::size_t i) {
    const std::uint8_t t = traits[i];
    const GenerationUnits& u = kUnits[static_cast<std::size_t>(Traits::generation(t))];
    std::uint64_t w = words[household[i]] + 1;  // size
    // Counts saturate at 15: add only below.
    w += u.member & (0 - static_cast<std::uint64_t>((w & u.members_full) != u.members_full));
    const unsigned partnered = static_cast<unsigned>(Traits::partnered(t)) &
                               static_cast<unsigned>((w & u.partnered_full) != u.partnered_full);
    w += u.partnered & (0 - static_cast<std::uint64_t>(partnered));
    words[household[i]] = w | (kAgeMarks[age[i]] * u.marks);
  };
  // Members of a household are mostly neighbours, so counting them one after the other makes a
  // chain of dependent loads and stores of one word. Four interleaved quarters of the persons
  // give the processor four independent chains; the counts do not depend on the order (sums,
  // unions and counts saturating at 15).
  const std::size_t quarter = n / 4;
  for (std::size_t i = 0; i < quarter; ++i) {
    count(i);
    count(i + quarter);
    count(i + 2 * quarter);
    count(i + 3 * quarter);
  }
  for (std::size_t i = 4 * quarter; i < n; ++i) count(i);

  // Households that are not empty keep their order; slots are renumbered.
  state.slot_map.resize(census.size());
  std::uint32_t kept = 0;
  for (std::size_t h = 0; h < census.size(); ++h) {
    state.slot_map[h] = kept;
    census[kept] = census[h];
    kept += HouseholdCensus::size(census[h]) > 0 ? 1U : 0U;
  }
  census.resize(kept);
  a.household_size.resize(kept);
  a.household_type.resize(kept);
  auto& facts = state.household_facts;
  facts.resize(kept);

  snapshot = DistrictSnapshot{};
  auto& indicators = snapshot.indicators;
  HouseholdCounts counts;
  std::size_t h = 0;
#ifdef WARDSIM_CENSUS_AVX512
  if (cpu_features().avx512f) {
    static const std::array<std::uint32_t, 16> kGenerationClasses = generation_classes();
    static const std::array<std::uint32_t, 16> kLeaving = [] {
      std::array<std::uint32_t, 16> wide{};
      std::copy(kLeavingGenerations.begin(), kLeavingGenerations.end(), wide.begin());
      return wide;
    }();
    h = classify_avx512(census.data(), kept, kLeaving.data(), kGenerationClasses.data(),
                        a.household_size.data(), a.household_type.data(), facts.data(), counts);
  }
#endif
  for (; h < kept; ++h) {
    const std::uint64_t w = census[h];
    const unsigned size = HouseholdCensus::size(w);
    const unsigned generations = HouseholdCensus::generations(w);
    const unsigned oldest = generations & (0U - generations);  // its bit
    const auto members = static_cast<unsigned>(w >> HouseholdCensus::kMembers) & 0xFFFFU;
    const auto partnered = static_cast<unsigned>(w >> HouseholdCensus::kPartnered) & 0xFFFFU;
    const unsigned top_is_one = (nibbles_equal(members, 1) & oldest) != 0 ? 1U : 0U;
    const unsigned top_is_two = (nibbles_equal(members, 2) & oldest) != 0 ? 1U : 0U;
    // A partner is counted only if exactly two partnered people of one generation live together.
    const unsigned couples = nibbles_equal(partnered, 2);
    const unsigned couple_at_top = (couples & oldest) != 0 ? 1U : 0U;
    const HouseholdType type = kHouseholdTypeTable[type_index(
        generations, size_class_of(size), 2U - 2U * top_is_one - top_is_two, couple_at_top)];
    a.household_size[h] = static_cast<std::uint16_t>(size);
    a.household_type[h] = type;
    facts[h] = static_cast<std::uint16_t>(
        (couples << HouseholdFacts::kCouples) |
        (static_cast<unsigned>(kLeavingGenerations[generations]) << HouseholdFacts::kLeaving) |
        (static_cast<unsigned>(size == 1) << HouseholdFacts::kAlone));
    ++counts.by_type[static_cast<std::size_t>(type)];
    const auto minors = static_cast<unsigned>(w >> HouseholdCensus::kMinors) & 0xFU;
    counts.single_parent_with_minor +=
        static_cast<std::int32_t>(static_cast<unsigned>(type == HouseholdType::kSingleParent) &
                                  static_cast<unsigned>((minors & (oldest << 1)) != 0));
    const auto aged_80_plus = static_cast<unsigned>(w >> HouseholdCensus::kAged80Plus) & 0xFU;
    const auto aged_50s = static_cast<unsigned>(w >> HouseholdCensus::kAged50s) & 0xFU;
    counts.households_8050 += static_cast<std::int32_t>(((aged_80_plus << 1) & aged_50s) != 0);
  }
  for (int type = 0; type < kHouseholdTypes; ++type) {
    indicators[static_cast<std::size_t>(indicator_of(static_cast<HouseholdType>(type)))] =
        counts.by_type[static_cast<std::size_t>(type)];
  }
  indicators[static_cast<std::size_t>(Indicator::kHouseholds)] = static_cast<std::int32_t>(kept);
  indicators[static_cast<std::size_t>(Indicator::kSingleParentWithMinor)] =
      counts.single_parent_with_minor;
  indicators[static_cast<std::size_t>(Indicator::kHouseholds8050)] = counts.households_8050;

  // Each person counts in one of: partnered, alone and unpartnered, at the parents' (may leave
  // home), or none of these (the last row is discarded).
  enum Arrangement : std::size_t { kPartneredRow, kAloneRow, kAtParentsRow, kOtherRow, kRows };
  std::array<std::array<std::int32_t, kCells>, kRows> arrangement{};
  const std::uint32_t* const slot_map = state.slot_map.data();
  const std::uint16_t* const household_facts = facts.data();
  std::uint32_t* const slots = a.household.data();
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t slot = slot_map[slots[i]];
    slots[i] = slot;
    const unsigned f = household_facts[slot];
    const std::uint8_t t = traits[i];
    const unsigned bit = kUnits[static_cast<std::size_t>(Traits::generation(t))].bit;
    const unsigned couple = f & (bit << HouseholdFacts::kCouples);
    // A partner whose partner no longer lives here is no longer partnered.
    const auto now = static_cast<std::uint8_t>(
        t & ~((couple == 0 ? Traits::kPartnered : 0) | Traits::kCensusFacts));
    const unsigned alone = (f >> HouseholdFacts::kAlone) & 1U;
    const unsigned may_leave = (f & (bit << HouseholdFacts::kLeaving)) != 0 ? 1U : 0U;
    traits[i] = static_cast<std::uint8_t>(now | (may_leave * Traits::kMayLeaveHome) |
                                          (alone * Traits::kLivesAlone));
    const unsigned partnered = Traits::partnered(now) ? 1U : 0U;
    // kPartneredRow if partnered, else kAloneRow if alone, else kAtParentsRow if they may leave
    // home, else kOtherRow; as arithmetic, since these facts are unpredictable from person to
    // person.
    const std::size_t row =
        (1U - partnered) * (kOtherRow - may_leave - 2U * alone + alone * may_leave);
    ++arrangement[row][static_cast<std::size_t>(cell(sex_of(t), age[i]))];
  }
  // Whoever lives alone is unpartnered (a partner is counted only if both live together), so the
  // alone row holds everyone living alone, and the rows together everyone.
  std::int32_t aged_75_plus_alone = 0;
  for (int sex = 0; sex < kSexes; ++sex) {
    for (int years = 75; years < kAges; ++years) {
      aged_75_plus_alone += arrangement[kAloneRow][static_cast<std::size_t>(cell(sex, years))];
    }
  }
  indicators[static_cast<std::size_t>(Indicator::kPersons75PlusAlone)] = aged_75_plus_alone;
  for (std::size_t c = 0; c < kCells; ++c) {
    snapshot.population[c] = arrangement[kPartneredRow][c] + arrangement[kAloneRow][c] +
                             arrangement[kAtParentsRow][c] + arrangement[kOtherRow][c];
  }
  state.living.persons = snapshot.population;
  state.living.partnered = arrangement[kPartneredRow];
  state.living.alone_unpartnered = arrangement[kAloneRow];
  state.living.at_parents = arrangement[kAtParentsRow];
}

ArrangementShares arrangement_shares(const std::vector<LivingArrangements>& districts) {
  ArrangementShares shares;
  for (std::size_t c = 0; c < kCells; ++c) {
    double persons = 0.0, partnered = 0.0, at_parents = 0.0;
    for (const LivingArrangements& d : districts) {
      persons += d.persons[c];
      partnered += d.partnered[c];
      at_parents += d.at_parents[c];
    }
    shares.partnered[c] = persons > 0.0 ? partnered / persons : 0.0;
    shares.at_parents[c] = persons > 0.0 ? at_parents / persons : 0.0;
  }
  return shares;
}

std::uint32_t count_without_id(const DistrictState& state) {
  const auto& id = state.agents.id;
  return static_cast<std::uint32_t>(
      std::count(id.begin() + static_cast<std::ptrdiff_t>(state.first_new), id.end(), kNoId));
}

std::uint32_t assign_ids(DistrictState& state, std::uint32_t first_id) {
  auto& id = state.agents.id;
  std::uint32_t next = first_id;
  for (std::size_t i = state.first_new; i < id.size(); ++i) {
    if (id[i] == kNoId) id[i] = next++;
  }
  state.first_new = id.size();
  return next - first_id;
}

}  // namespace wardsim::engine::agent
