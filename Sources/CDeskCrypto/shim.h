/* PBKDF2-HMAC-SHA256 and random bytes from the system's OpenSSL libcrypto, for the desk's access password. */
#include <openssl/evp.h>
#include <openssl/rand.h>
