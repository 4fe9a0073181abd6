#include <iostream>
#include <string>
#include <vector>

#include "wardsim/app/cli.h"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  return wardsim::app::run_cli(args, std::cout, std::cerr);
}
