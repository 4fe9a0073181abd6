// Writes the export tests' tiny results file (3 districts, scenarios "baseline" and "high", with
// services) to the path given, for the checks that read exports with other programs (openpyxl).
#include <iostream>

#include "io/export/export_fixture.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_export_fixture RESULTS.h5\n";
    return 2;
  }
  wardsim::io::testing::write_tiny_results(argv[1]);
  return 0;
}
