/* The system's OpenSSL libcrypto (Debian libssl-dev): SHA-256 for digests (the one-call SHA256_* functions,
   which OpenSSL 3 marks deprecated but keeps: they skip the EVP layer's configuration and provider start-up,
   see SHA256Digest.swift), Ed25519 (EVP) and PEM for the archive package's signatures. */
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/sha.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/bio.h>
#include <openssl/err.h>
