#pragma once
// Counter-based random numbers (Random123's Philox4x32-10). Every draw is a pure function of
// (seed, replicate, entity, year, event, district): no generator state is carried from one draw to
// the next, so the numbers a person or household gets never depend on which thread handles it or
// in which order work is scheduled.

#include <Random123/philox.h>

#include <array>
#include <cstddef>
#include <cstdint>

#include "wardsim/engine/agent/philox_batch.h"

namespace wardsim::engine::agent {

// What a draw is for. One Philox call yields four 32-bit words (see docs/agent_model.md, "Random
// streams"). The yearly person and household events are screened (screened_draws.h): a 16-bit
// screen per person (or two per household) from a block shared by 8 persons (4 households), and a
// block of its own only for whoever the screen marks.
enum class Event : std::uint32_t {
  kPersonScreen = 1,  // entity id >> 3: 16-bit half (id & 1) of word (id & 7) >> 1 of person id
  // 2: no longer used (was a newborn's death; now word 2 of the mother's kPersonExact block).
  kHouseholdScreen = 3,  // entity slot >> 2: word slot & 3 = out-migration (low 16), move (high 16)
  kInMigration = 4,      // a sequence per district and year: number, cells, household formation
  kSynthesis = 5,        // a sequence per district: base-population household synthesis
  kPersonExact = 6,      // a marked person: word 0's low half completes the screen; a mother's
                         // word 1 decides the newborn's sex, word 2 its death before 1 January
  kHouseholdExact = 7,   // a marked person's household: word 0 halves complete out, move; word 1
                         // destination
};

// District field of person-keyed draws, so that they never meet a district-keyed counter.
inline constexpr std::uint32_t kAnyDistrict = 0xFFFFFFFFu;

class RandomStreams {
 public:
  using Words = std::array<std::uint32_t, 4>;

  RandomStreams(std::uint64_t seed, std::uint32_t replicate)
      : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}},
        replicate_(replicate) {}

  // Four independent uniform words for one entity (person id, household slot or sequence index).
  Words words(std::uint32_t entity, std::uint32_t year, Event event, std::uint32_t district) const {
    const r123::Philox4x32::ctr_type counter = {
        {entity, (year << 8) | static_cast<std::uint32_t>(event), replicate_, district}};
    const r123::Philox4x32::ctr_type out = r123::Philox4x32()(counter, key_);
    return {out.v[0], out.v[1], out.v[2], out.v[3]};
  }
  // The same words for n entities at once (word j of entity[k] in out.wj[k]), vectorised.
  void words(const std::uint32_t* entity, std::size_t n, std::uint32_t year, Event event,
             std::uint32_t district, const WordColumns& out) const {
    philox4x32_batch(entity, n, (year << 8) | static_cast<std::uint32_t>(event), replicate_,
                     district, key_.v[0], key_.v[1], out);
  }

 private:
  r123::Philox4x32::key_type key_;
  std::uint32_t replicate_;
};

// A numbered sequence of words for one (year, event, district): the n-th word is fixed whatever
// else happens, so a district's draws are reproducible on any thread.
class DrawSequence {
 public:
  DrawSequence(const RandomStreams& streams, std::uint32_t year, Event event,
               std::uint32_t district)
      : streams_(streams), year_(year), event_(event), district_(district) {}

  std::uint32_t next() {
    if (used_ == 4) {
      buffer_ = streams_.words(block_++, year_, event_, district_);
      used_ = 0;
    }
    return buffer_[used_++];
  }
  // A uniform number in (0, 1).
  double uniform() { return (static_cast<double>(next()) + 0.5) * 0x1p-32; }
  // An integer in [0, n) (n ≥ 1); the bias of the multiply-shift is below n / 2^32.
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>((static_cast<std::uint64_t>(next()) * n) >> 32);
  }

 private:
  const RandomStreams& streams_;
  std::uint32_t year_;
  Event event_;
  std::uint32_t district_;
  std::uint32_t block_ = 0;
  std::uint32_t used_ = 4;
  RandomStreams::Words buffer_{};
};

// A probability as a threshold on a 32-bit word: the event happens iff word < threshold, which
// has probability threshold / 2^32 (within 2^-32 of p; p = 1 is exact).
inline std::uint64_t threshold_of(double p) {
  if (!(p > 0.0)) return 0;
  if (p >= 1.0) return std::uint64_t{1} << 32;
  return static_cast<std::uint64_t>(p * 0x1p32);
}

}  // namespace wardsim::engine::agent
