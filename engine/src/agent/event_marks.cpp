#include "wardsim/engine/agent/event_marks.h"

#include "wardsim/engine/agent/district_agents.h"

namespace wardsim::engine::agent {
namespace {

// The loops take __restrict parameters: byte pointers may otherwise alias anything, and the
// vectoriser then refuses the gathers from the threshold tables.
inline void mark_persons_loop(
    const std::uint8_t* __restrict traits, const std::uint8_t* __restrict age, std::size_t n,
    const std::uint32_t* __restrict w0, const std::uint32_t* __restrict w1,
    const std::uint32_t* __restrict w2, const std::uint32_t* __restrict w3,
    const std::uint32_t* __restrict death, const std::uint32_t* __restrict birth,
    const std::uint32_t* __restrict leaving, const std::uint32_t* __restrict seeking,
    std::uint8_t* __restrict marks) {
  for (std::size_t k = 0; k < n; ++k) {
    const std::uint32_t t = traits[k];
    const std::uint32_t key = ((t & Traits::kFemale) << 8) | age[k];
    const std::uint32_t birth_key = key | ((t & Traits::kPartnered) << 8);
    const bool any = (w0[k] <= death[key]) | (w1[k] <= birth[birth_key]) | (w2[k] <= leaving[key]) |
                     (w3[k] <= seeking[key]);
    marks[k] = static_cast<std::uint8_t>(any);
  }
}

inline void mark_migrants_loop(
    const std::uint32_t* __restrict household, const std::uint8_t* __restrict traits,
    const std::uint8_t* __restrict age, std::size_t n, const std::uint32_t* __restrict household_w0,
    const std::uint32_t* __restrict household_w1, const std::uint32_t* __restrict out_bound,
    const std::uint32_t* __restrict move_bound, std::uint8_t* __restrict marks) {
  for (std::size_t k = 0; k < n; ++k) {
    const std::uint32_t slot = household[k];
    const bool present = slot != kGone;
    const std::uint32_t h = slot & (0U - static_cast<std::uint32_t>(present));  // gone: slot 0
    const std::uint32_t key = ((traits[k] & Traits::kFemale) << 8) | age[k];
    const bool any = (household_w0[h] <= out_bound[key]) | (household_w1[h] <= move_bound[key]);
    marks[k] = static_cast<std::uint8_t>(present & any);
  }
}

}  // namespace

// As in philox_batch.cpp: one portable build, the processor's vector units chosen at load time.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && \
    !defined(__SANITIZE_ADDRESS__)
#define WARDSIM_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define WARDSIM_VECTOR_CLONES
#endif

WARDSIM_VECTOR_CLONES
void mark_persons(const std::uint8_t* traits, const std::uint8_t* age, std::size_t n,
                  const WordColumns& words, const PersonMarkBounds& bounds, std::uint8_t* marks) {
  mark_persons_loop(traits, age, n, words.w0, words.w1, words.w2, words.w3, bounds.death,
                    bounds.birth, bounds.leaving, bounds.seeking, marks);
}

WARDSIM_VECTOR_CLONES
void mark_migrants(const std::uint32_t* household, const std::uint8_t* traits,
                   const std::uint8_t* age, std::size_t n, const std::uint32_t* household_w0,
                   const std::uint32_t* household_w1, const std::uint32_t* out_bound,
                   const std::uint32_t* move_bound, std::uint8_t* marks) {
  mark_migrants_loop(household, traits, age, n, household_w0, household_w1, out_bound, move_bound,
                     marks);
}

}  // namespace wardsim::engine::agent
