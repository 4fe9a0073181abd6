#include "wardsim/scenarios/file_digest.h"

#include <openssl/evp.h>

#include <array>
#include <memory>

#include "wardsim/error.h"
#include "wardsim/scenarios/input_reader.h"

namespace wardsim::scenarios {

std::string sha256_hex(std::string_view bytes) {
  const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                        &EVP_MD_CTX_free);
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(context.get(), bytes.data(), bytes.size()) != 1 ||
      EVP_DigestFinal_ex(context.get(), digest.data(), &length) != 1) {
    throw Error("SHA-256 digest failed in OpenSSL");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0x0f];
  }
  return hex;
}

std::string file_sha256_hex(const std::filesystem::path& file) {
  FileBytes read = read_file_bytes(file);
  if (!read.bytes) throw IoError(file.string() + ": cannot read file (" + read.error + ")");
  return sha256_hex(*read.bytes);
}

}  // namespace wardsim::scenarios
