#include "moves_product.h"

#include <cstring>

namespace wardsim::engine {
namespace {

using Eigen::Index;

// A block of kBlock destinations × kChunk vectors of cells stays in registers while the origins
// stream past. This file keeps the compiler's default floating-point contraction: each product is
// fused into its sum where the processor has FMA. Lanes are exactly one register of the build's
// processor: a wider vector type would be split by the compiler, which then builds each broadcast
// share through the stack (7 times slower, measured on the SSE2 build).
#if defined(__AVX512F__)
constexpr int kLanes = 8;  // one AVX-512 register of doubles
constexpr int kChunk = 4;  // 16 sums + 4 loads of 32 registers
#elif defined(__AVX__)
constexpr int kLanes = 4;  // one AVX register
constexpr int kChunk = 2;  // 8 sums + 2 loads of 16 registers
#else
constexpr int kLanes = 2;  // one SSE2 register
constexpr int kChunk = 2;
#endif
constexpr int kBlock = 4;
using Lanes = double __attribute__((vector_size(kLanes * sizeof(double))));

}  // namespace

void gather_moves(const Eigen::MatrixXd& destination, const DistrictCube& moves_out,
                  DistrictCube& moves_in) {
  constexpr int kWide = kLanes * kChunk;
  constexpr int kBlockedCells = kCells / kWide * kWide;
  const Index districts = moves_out.rows();
  const double* out = moves_out.data();
  double* in = moves_in.data();
  // Column j of the (column-major) destination matrix: share(o) of origin o going to j.
  const auto share = [&](Index o, Index j) { return destination.data()[j * districts + o]; };
  const auto one_cell = [&](Index j, int c) {
    double sum = 0.0;
    for (Index o = 0; o < districts; ++o) sum += share(o, j) * out[o * kCells + c];
    in[j * kCells + c] = sum;
  };
  const Index blocked = districts / kBlock * kBlock;
  // Cells outer, destinations inner: the origins' rows of one chunk of cells (28 × 256 bytes
  // with AVX-512) stay in L1 while every block of destinations reads them.
  for (int c = 0; c < kBlockedCells; c += kWide) {
    for (Index j = 0; j < blocked; j += kBlock) {
      // Origin 0's products start the sums (0 + x is x, so this is the sum from 0).
      Lanes sum[kBlock][kChunk];
      for (int k = 0; k < kChunk; ++k) {
        Lanes movers;
        std::memcpy(&movers, out + c + k * kLanes, sizeof movers);
        for (int b = 0; b < kBlock; ++b) sum[b][k] = share(0, j + b) * movers;
      }
      for (Index o = 1; o < districts; ++o) {
        const double* row = out + o * kCells + c;
        for (int k = 0; k < kChunk; ++k) {
          Lanes movers;
          std::memcpy(&movers, row + k * kLanes, sizeof movers);
          for (int b = 0; b < kBlock; ++b) sum[b][k] += share(o, j + b) * movers;
        }
      }
      for (int b = 0; b < kBlock; ++b) {
        std::memcpy(in + (j + b) * kCells + c, &sum[b], sizeof sum[b]);
      }
    }
  }
  // The last cells, fewer than a register block: every (destination, cell) sum of a block at
  // once, so that the additions of different sums overlap.
  constexpr int kTail = kCells - kBlockedCells;
  for (Index j = 0; j < blocked; j += kBlock) {
    double tail[kBlock][kTail] = {};
    for (Index o = 0; o < districts; ++o) {
      const double* row = out + o * kCells + kBlockedCells;
      for (int b = 0; b < kBlock; ++b) {
        const double s = share(o, j + b);
        for (int t = 0; t < kTail; ++t) tail[b][t] += s * row[t];
      }
    }
    for (int b = 0; b < kBlock; ++b) {
      std::memcpy(in + (j + b) * kCells + kBlockedCells, tail[b], sizeof tail[b]);
    }
  }
  for (Index j = blocked; j < districts; ++j) {
    for (int c = 0; c < kCells; ++c) one_cell(j, c);
  }
}

}  // namespace wardsim::engine
