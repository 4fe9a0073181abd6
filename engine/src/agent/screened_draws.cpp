#include "wardsim/engine/agent/screened_draws.h"

#include <algorithm>
#include <array>

namespace wardsim::engine::agent {

void person_screens(const RandomStreams& streams, const std::uint32_t* id, std::size_t n,
                    std::uint32_t year, std::uint16_t* screen) {
  // The distinct blocks of a run of persons: a district's persons are mostly runs of consecutive
  // ids (numbered in district order), so about one block per 8 persons, not per person.
  std::array<std::uint32_t, kMaxScreenRun + 1>
      group{};  // {}: GCC cannot see groups ≤ n + 1 are set
  std::array<std::uint16_t, kMaxScreenRun> position;
  std::uint32_t last = 0xFFFFFFFFu;  // no id >> 3 is this
  std::size_t groups = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const std::uint32_t g = id[k] >> 3;
    // Without a branch: whether a new block starts is unpredictable every few persons.
    group[groups] = g;
    groups += g != last ? 1U : 0U;
    position[k] = static_cast<std::uint16_t>(groups - 1);
    last = g;
  }
  std::array<std::uint32_t, 4 * kMaxScreenRun> words;
  streams.words(group.data(), groups, year, Event::kPersonScreen, kAnyDistrict,
                {words.data(), words.data() + kMaxScreenRun, words.data() + 2 * kMaxScreenRun,
                 words.data() + 3 * kMaxScreenRun});
  for (std::size_t k = 0; k < n; ++k) {
    const std::uint32_t lane = id[k] & 7U;
    const std::uint32_t word = words[(lane >> 1) * kMaxScreenRun + position[k]];
    screen[k] = static_cast<std::uint16_t>((lane & 1U) != 0 ? word >> 16 : word);
  }
}

void household_screens(const RandomStreams& streams, std::size_t slots, std::uint32_t year,
                       std::uint32_t district, std::uint32_t* screen) {
  constexpr std::size_t kChunk = 512;  // blocks per Philox call, 4 households each
  std::array<std::uint32_t, kChunk> entity;
  std::array<std::uint32_t, 4 * kChunk> words;
  const std::size_t blocks = (slots + 3) / 4;
  for (std::size_t from = 0; from < blocks; from += kChunk) {
    const std::size_t m = std::min(kChunk, blocks - from);
    for (std::size_t k = 0; k < m; ++k) entity[k] = static_cast<std::uint32_t>(from + k);
    streams.words(entity.data(), m, year, Event::kHouseholdScreen, district,
                  {words.data(), words.data() + kChunk, words.data() + 2 * kChunk,
                   words.data() + 3 * kChunk});
    const std::size_t first = 4 * from;
    const std::size_t end = std::min(slots, first + 4 * m);
    for (std::size_t h = first; h < end; ++h) {
      screen[h] = words[(h & 3U) * kChunk + (h - first) / 4];
    }
  }
}

}  // namespace wardsim::engine::agent
