#include <mpi.h>

#include <cstdlib>

#include "wardsim/batch/communicator.h"
#include "wardsim/error.h"

namespace wardsim::batch {
namespace {

class MpiWorld final : public Communicator {
 public:
  MpiWorld() {
    int provided = 0;
    // The ranks' own threads (TBB) never call MPI: the main thread alone communicates.
    if (MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS) {
      throw Error("MPI_Init_thread failed");
    }
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
  }
  ~MpiWorld() override { MPI_Finalize(); }
  MpiWorld(const MpiWorld&) = delete;
  MpiWorld& operator=(const MpiWorld&) = delete;

  int rank() const override { return rank_; }
  int size() const override { return size_; }
  bool all_true(bool mine) override {
    int local = mine ? 1 : 0;
    int all = 0;
    MPI_Allreduce(&local, &all, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    return all != 0;
  }

 private:
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace

bool launched_by_mpirun() { return std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr; }

std::unique_ptr<Communicator> open_mpi_world() { return std::make_unique<MpiWorld>(); }

}  // namespace wardsim::batch
