#pragma once
// The processes a batch runs on: one (the default), or the ranks of an MPI job.

#include <memory>

namespace wardsim::batch {

class Communicator {
 public:
  virtual ~Communicator() = default;
  virtual int rank() const { return 0; }
  virtual int size() const { return 1; }
  // A barrier that also agrees on an outcome: true on every process iff `mine` is true on all.
  virtual bool all_true(bool mine) { return mine; }
};

// True when this process was started by Open MPI's mpirun (OMPI_COMM_WORLD_SIZE is set): only then
// is MPI initialised, so that `wardsim run` and the tests never touch MPI.
bool launched_by_mpirun();

// MPI_COMM_WORLD, initialised on construction and finalised on destruction (one per process).
std::unique_ptr<Communicator> open_mpi_world();

}  // namespace wardsim::batch
