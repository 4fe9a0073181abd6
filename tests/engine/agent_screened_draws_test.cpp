#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "wardsim/engine/agent/event_marks.h"
#include "wardsim/engine/agent/random_streams.h"
#include "wardsim/engine/agent/screened_draws.h"

namespace wardsim::engine::agent {
namespace {

// Counts of an event over `trials`, against the closed-form probability p: within 5 standard
// deviations of the binomial count (about one false alarm in 1.7 million per comparison).
void expect_frequency(std::int64_t count, std::int64_t trials, double p, const char* what) {
  const double expected = static_cast<double>(trials) * p;
  const double sd = std::sqrt(static_cast<double>(trials) * p * (1.0 - p));
  EXPECT_LE(std::abs(static_cast<double>(count) - expected), 5.0 * sd + 1e-9)
      << what << ": " << count << " of " << trials << ", expected " << expected << " ± " << sd;
}

// mark_migrants' rule for one member: either half of the household's screen word at or below the
// bound of the member's threshold for that event.
bool either_half_marked(std::uint32_t screen, std::uint64_t out, std::uint64_t move) {
  return screen_marked(screen & 0xFFFFU, out) || screen_marked(screen >> 16, move);
}

// Person ids as a district has them: runs of consecutive ids with gaps (deaths), sparser runs
// (later years), a few repeated groups out of order (movers from elsewhere) and a run that crosses
// many blocks. Runs whose neighbours are in the same or the next block take the vector path's
// arithmetic branch, the others its general one.
std::vector<std::uint32_t> district_like_ids() {
  std::vector<std::uint32_t> ids;
  // Sparser runs (every third id, then every fifth): 32 persons over 8-16 blocks, and over more;
  // every 17th id skips a block between neighbours.
  for (std::uint32_t k = 0; k < 64; ++k) ids.push_back(20000 + 3 * k);
  for (std::uint32_t k = 0; k < 32; ++k) ids.push_back(30000 + 5 * k);
  for (std::uint32_t k = 0; k < 32; ++k) ids.push_back(40000 + 17 * k);
  for (std::uint32_t id = 1000; id < 1400; ++id) {
    if (id % 7 != 3) ids.push_back(id);
  }
  for (const std::uint32_t id : {5u, 900001u, 6u, 77u, 0xFFFFFFF0u, 0xFFFFFFFEu, 1401u, 1402u}) {
    ids.push_back(id);
  }
  for (std::uint32_t id = 70000; id < 70090; id += 3) ids.push_back(id);
  return ids;
}

// A person's screen is half (id & 1) of word (id & 7) >> 1 of the block (id >> 3, …), whatever
// the order and grouping of the ids around them.
TEST(ScreenedDraws, PersonScreensAreHalvesOfTheirGroupsBlock) {
  const RandomStreams streams(0xFEEDFACE12345678ull, 4);
  const std::vector<std::uint32_t> ids = district_like_ids();
  ASSERT_LE(ids.size(), kMaxScreenRun);
  std::vector<std::uint16_t> screen(ids.size());
  person_screens(streams, ids.data(), ids.size(), 17, screen.data());
  for (std::size_t k = 0; k < ids.size(); ++k) {
    const RandomStreams::Words block =
        streams.words(ids[k] >> 3, 17, Event::kPersonScreen, kAnyDistrict);
    const std::uint32_t word = block[(ids[k] & 7U) >> 1];
    EXPECT_EQ(screen[k], (ids[k] & 1U) != 0 ? word >> 16 : word & 0xFFFFU) << ids[k];
  }
}

// A household's screen word is word (slot & 3) of the block (slot >> 2, …, district); 2,051 slots
// cross the function's chunk of 2,048 and end in a partial block.
TEST(ScreenedDraws, HouseholdScreensAreWordsOfTheirGroupsBlock) {
  const RandomStreams streams(99, 0);
  const std::size_t slots = 2051;
  ASSERT_EQ(household_screen_words(slots), slots + 1);
  std::vector<std::uint32_t> screen(slots + 2, 0xABCDu);
  household_screens(streams, slots, 3, 11, screen.data());
  for (std::size_t h = 0; h < slots; ++h) {
    const auto block =
        streams.words(static_cast<std::uint32_t>(h >> 2), 3, Event::kHouseholdScreen, 11);
    EXPECT_EQ(screen[h], block[h & 3U]) << h;
  }
  EXPECT_EQ(screen[slots + 1], 0xABCDu);  // nothing written past the whole blocks
}

// The probabilities a person's year has by the model (docs/agent_model.md, "The year"): death q,
// then birth b of the survivors, then leaving home l, then seeking s of those who did not leave;
// events that do not apply to the person's state have probability 0.
struct Rates {
  double death, birth, leaving, seeking;
  bool may_leave, may_seek;  // the person's state
  double male;               // sex ratio at birth (share of boys)
};
struct Closed {
  double death, birth, leaving, seeking;
};
Closed closed_form(const Rates& r) {
  const double l = r.may_leave ? r.leaving : 0.0;
  const double s = r.may_seek ? r.seeking : 0.0;
  const double alive_no_birth = (1.0 - r.death) * (1.0 - r.birth);
  return {r.death, (1.0 - r.death) * r.birth, alive_no_birth * l, alive_no_birth * (1.0 - l) * s};
}

// Over 640,000 persons of eight kinds (rates as small as 10^-4 and as large as 0.3, states in
// which leaving home or seeking do not apply), the screened draws give each event its closed-form
// probability, the newborn's sex and death are independent of the birth, persons sharing a screen
// block have independent fates, and the screen marks every person who has an event.
TEST(ScreenedDraws, PersonEventsHaveTheSequentialProbabilitiesAndScreensMissNone) {
  const std::array<Rates, 8> kinds = {{
      {0.3, 0.3, 0.3, 0.3, true, false, 0.512},    // large rates, may leave home
      {1e-4, 1e-4, 0.3, 0.3, false, true, 0.512},  // small rates, lives alone
      {0.01, 0.05, 0.2, 0.1, true, true, 0.512},   // both apply (not in the model; general)
      {0.3, 0.0, 1e-4, 1e-4, true, false, 0.512},  // a man who may leave home
      {0.02, 0.1, 0.3, 0.3, false, false, 0.512},  // neither applies: death and birth only
      {0.0, 0.0, 0.0, 0.0, true, true, 0.512},     // no event at all
      {1.0, 0.3, 0.3, 0.3, true, true, 0.512},     // certain death
      {1e-4, 0.0, 1e-4, 0.3, false, true, 0.512},  // a man living alone
  }};
  const RandomStreams streams(20251127, 2);
  const std::uint32_t year = 9;
  const std::size_t persons = 640000;
  const auto kind_of = [&](std::uint32_t id) { return (id >> 3) % kinds.size(); };
  std::array<std::array<std::int64_t, 5>, kinds.size()> events{};  // by PersonEvent
  std::array<std::int64_t, kinds.size()> trials{}, boys{}, newborn_deaths{}, marked_persons{};
  // Pairs in one screen block: two halves of one word (ids 2j, 2j + 1) and two words (k, k + 2).
  std::array<std::int64_t, kinds.size()> pairs{}, deaths_same_word{}, deaths_other_word{};
  std::array<std::int64_t, kinds.size()> any_same_word{};
  const std::uint32_t male = static_cast<std::uint32_t>(threshold_of(0.512));
  const double infant_death = 0.01;
  const std::uint64_t newborn_dies = threshold_of(infant_death);
  std::vector<PersonEvent> fate(persons);
  std::vector<std::uint32_t> ids(kMaxScreenRun);
  std::vector<std::uint16_t> screen(kMaxScreenRun);
  for (std::size_t from = 0; from < persons; from += kMaxScreenRun) {
    const std::size_t m = std::min(kMaxScreenRun, persons - from);
    for (std::size_t k = 0; k < m; ++k) ids[k] = static_cast<std::uint32_t>(from + k);
    person_screens(streams, ids.data(), m, year, screen.data());
    for (std::size_t k = 0; k < m; ++k) {
      const std::uint32_t id = ids[k];
      const Rates& r = kinds[kind_of(id)];
      // The bound is the key's: every event that may apply to anyone of the key.
      const PersonThresholds key{threshold_of(r.death), threshold_of(r.birth),
                                 threshold_of(r.leaving), threshold_of(r.seeking)};
      const PersonThresholds own{key.death, key.birth, r.may_leave ? key.leaving : 0,
                                 r.may_seek ? key.seeking : 0};
      const auto exact = streams.words(id, year, Event::kPersonExact, kAnyDistrict);
      const PersonEvent event =
          person_event(person_uniform(screen[k], exact[0]), event_ranges(own));
      const bool marked = screen_marked(screen[k], event_ranges(key).seeking_end);
      EXPECT_TRUE(marked || event == PersonEvent::kNone) << "person " << id << " missed";
      const std::size_t c = kind_of(id);
      ++trials[c];
      ++events[c][static_cast<std::size_t>(event)];
      marked_persons[c] += marked ? 1 : 0;
      if (event == PersonEvent::kBirth && exact[1] < male) ++boys[c];
      if (event == PersonEvent::kBirth && exact[2] < newborn_dies) ++newborn_deaths[c];
      fate[id] = event;
    }
  }
  for (std::uint32_t id = 0; id + 2 < persons; id += 4) {  // ids 4j, 4j+1 and 4j, 4j+2
    const std::size_t c = kind_of(id);
    ++pairs[c];
    const bool dies = fate[id] == PersonEvent::kDeath;
    deaths_same_word[c] += dies && fate[id + 1] == PersonEvent::kDeath ? 1 : 0;
    deaths_other_word[c] += dies && fate[id + 2] == PersonEvent::kDeath ? 1 : 0;
    any_same_word[c] +=
        fate[id] != PersonEvent::kNone && fate[id + 1] != PersonEvent::kNone ? 1 : 0;
  }
  for (std::size_t c = 0; c < kinds.size(); ++c) {
    SCOPED_TRACE(testing::Message() << "kind " << c);
    const Closed p = closed_form(kinds[c]);
    const auto count = [&](PersonEvent e) { return events[c][static_cast<std::size_t>(e)]; };
    expect_frequency(count(PersonEvent::kDeath), trials[c], p.death, "deaths");
    expect_frequency(count(PersonEvent::kBirth), trials[c], p.birth, "births");
    expect_frequency(count(PersonEvent::kLeavingHome), trials[c], p.leaving, "leaving home");
    expect_frequency(count(PersonEvent::kSeeking), trials[c], p.seeking, "seeking");
    expect_frequency(boys[c], trials[c], p.birth * kinds[c].male, "births of boys");
    expect_frequency(newborn_deaths[c], trials[c], p.birth * infant_death, "newborn deaths");
    expect_frequency(deaths_same_word[c], pairs[c], p.death * p.death, "deaths, one word");
    expect_frequency(deaths_other_word[c], pairs[c], p.death * p.death, "deaths, two words");
    const double any = p.death + p.birth + p.leaving + p.seeking;
    expect_frequency(any_same_word[c], pairs[c], any * any, "events, one word");
    // Marks: about the key's any-event probability, plus at most 2^-8 (the mark bound's
    // resolution).
    const Closed key = closed_form(
        {kinds[c].death, kinds[c].birth, kinds[c].leaving, kinds[c].seeking, true, true, 0.5});
    const double marking = std::min(1.0, key.death + key.birth + key.leaving + key.seeking);
    expect_frequency(marked_persons[c], trials[c], std::min(1.0, marking + 0x1p-8), "marked");
  }
  // The kinds with small rates are not vacuous: some events of 10^-4 occurred.
  EXPECT_GT(events[1][static_cast<std::size_t>(PersonEvent::kDeath)] +
                events[7][static_cast<std::size_t>(PersonEvent::kDeath)],
            0);
}

// Two members of one household with their own out-migration and move rates (10^-4 to 0.3): each
// goes with exactly their own probability, both go together as often as the comonotone coupling
// says (min of the two), out-migration and moves are independent, the destination word is
// independent of the move, and the screen marks every member who goes.
TEST(ScreenedDraws, HouseholdMembersGoWithTheirOwnProbabilitiesAndTogether) {
  struct Member {
    double out, move;
  };
  const std::array<std::array<Member, 2>, 3> households = {{
      {{{0.05, 0.3}, {0.3, 1e-4}}},
      {{{1e-4, 0.1}, {0.02, 0.2}}},
      {{{0.3, 0.3}, {0.3, 0.3}}},
  }};
  const RandomStreams streams(7, 1);
  const std::uint32_t year = 21, district = 5;
  const std::size_t slots = 480000;
  std::vector<std::uint32_t> screen(slots);
  household_screens(streams, slots, year, district, screen.data());
  std::array<std::int64_t, 3> trials{}, both_out{}, both_move{}, first_out_second_moves{};
  std::array<std::array<std::int64_t, 2>, 3> out{}, moved{}, moved_to_low{};
  const std::uint32_t destination_cut = static_cast<std::uint32_t>(threshold_of(0.3));
  for (std::size_t h = 0; h < slots; ++h) {
    const std::size_t kind = h % households.size();
    const auto exact =
        streams.words(static_cast<std::uint32_t>(h), year, Event::kHouseholdExact, district);
    const HouseholdWords w = household_words(screen[h], exact[0], exact[1]);
    std::array<bool, 2> goes_out{}, moves{};
    for (std::size_t j = 0; j < 2; ++j) {
      const Member& member = households[kind][j];
      const std::uint64_t out_threshold = threshold_of(member.out);
      const std::uint64_t move_threshold = threshold_of(member.move);
      goes_out[j] = w.out_migration < out_threshold;
      moves[j] = !goes_out[j] && w.move < move_threshold;
      const bool marked = either_half_marked(screen[h], out_threshold, move_threshold);
      EXPECT_TRUE(marked || !(goes_out[j] || moves[j])) << "household " << h << " missed";
      out[kind][j] += goes_out[j] ? 1 : 0;
      moved[kind][j] += moves[j] ? 1 : 0;
      moved_to_low[kind][j] += moves[j] && w.destination < destination_cut ? 1 : 0;
    }
    ++trials[kind];
    both_out[kind] += goes_out[0] && goes_out[1] ? 1 : 0;
    both_move[kind] += moves[0] && moves[1] ? 1 : 0;
    first_out_second_moves[kind] += goes_out[0] && moves[1] ? 1 : 0;
  }
  for (std::size_t kind = 0; kind < households.size(); ++kind) {
    SCOPED_TRACE(testing::Message() << "household kind " << kind);
    const auto& m = households[kind];
    for (std::size_t j = 0; j < 2; ++j) {
      expect_frequency(out[kind][j], trials[kind], m[j].out, "out-migration");
      const double p_move = (1.0 - m[j].out) * m[j].move;
      expect_frequency(moved[kind][j], trials[kind], p_move, "moves");
      expect_frequency(moved_to_low[kind][j], trials[kind], p_move * 0.3, "moves to the low cut");
    }
    expect_frequency(both_out[kind], trials[kind], std::min(m[0].out, m[1].out), "both out");
    expect_frequency(both_move[kind], trials[kind],
                     (1.0 - std::max(m[0].out, m[1].out)) * std::min(m[0].move, m[1].move),
                     "both move");
    expect_frequency(first_out_second_moves[kind], trials[kind],
                     std::max(0.0, m[0].out - m[1].out) * m[1].move, "first out, second moves");
  }
}

}  // namespace
}  // namespace wardsim::engine::agent
