#pragma once
// Random123's Philox4x32-10 for many counters at once. The agent kernel draws one Philox block per
// person (or household) and year; computing the blocks of a whole run of persons in one loop lets
// the compiler use vector instructions (16 counters per AVX-512 instruction, chosen at run time)
// instead of one counter at a time. The words are exactly r123::Philox4x32's (tested).

#include <cstddef>
#include <cstdint>

namespace wardsim::engine::agent {

// The four output words of n blocks, one array per word.
struct WordColumns {
  std::uint32_t* w0;
  std::uint32_t* w1;
  std::uint32_t* w2;
  std::uint32_t* w3;
};

// out.wj[k] = word j of Philox4x32-10({entity[k], c1, c2, c3}, {key0, key1}) for k < n.
void philox4x32_batch(const std::uint32_t* entity, std::size_t n, std::uint32_t c1,
                      std::uint32_t c2, std::uint32_t c3, std::uint32_t key0, std::uint32_t key1,
                      const WordColumns& out);
// The same by the portable loop alone: what processors without AVX-512 run (exposed so that tests
// cover it on any processor).
void philox4x32_batch_portable(const std::uint32_t* entity, std::size_t n, std::uint32_t c1,
                               std::uint32_t c2, std::uint32_t c3, std::uint32_t key0,
                               std::uint32_t key1, const WordColumns& out);

}  // namespace wardsim::engine::agent
