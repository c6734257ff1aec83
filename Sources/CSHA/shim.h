/* SHA-256 from the system's OpenSSL libcrypto (Debian libssl-dev), for archive digests. */
#include <openssl/sha.h>
