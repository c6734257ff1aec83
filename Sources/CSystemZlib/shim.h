/* zlib from the system (Debian zlib1g-dev), for deflating ODF parts and their CRC-32.
   Our own module, not ZIPFoundation's internal `CZlib` (which exists only on Linux and is not its API);
   named apart from it because the tests still read zips back with ZIPFoundation, and two modules named
   CZlib in one build clash. */
#include <zlib.h>
