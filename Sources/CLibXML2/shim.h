/* Debian's libxml2 is built with ICU, so its encoding.h pulls in the system's <unicode/ucnv.h>, whose
   UErrorCode clashes with the ICU that Foundation links on Linux ("'UErrorCode' has different definitions").
   Wenshu never touches the ICU fields of xmlCharEncodingHandler (only pointers to it), so leave ICU out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlregexp.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlstring.h>
#include <libxml/xinclude.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlreader.h>

/* xmlFree is a global function pointer, which Swift 6 sees as shared mutable state; call it through here. */
static inline void wenshu_xmlFree(void *p) { xmlFree(p); }

/* A generic-error handler that discards libxml2's printf-style messages (its structured errors are kept). */
static void wenshu_silentGenericError(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline xmlGenericErrorFunc wenshu_silentGenericErrorFunc(void) { return wenshu_silentGenericError; }
