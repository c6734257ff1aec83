/* The system's OpenSSL libcrypto (Debian libssl-dev): SHA-256 for the archive package's digests, Ed25519
   (EVP) and PEM for its signatures. */
#include <openssl/sha.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/bio.h>
#include <openssl/err.h>
