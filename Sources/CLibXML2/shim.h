#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, and libxml/encoding.h then includes ICU's headers, whose UErrorCode
   clashes with the copy inside Foundation (_FoundationICU) in any Swift file importing both: a clean
   build fails ("'UErrorCode' has different definitions in different modules"). Nothing in Wenshu touches
   libxml2's ICU converter fields (xmlCharEncodingHandler's uconv_in/uconv_out), so leave them out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlstring.h>
#include <libxml/xinclude.h>
#include <libxml/xmlwriter.h>

/* xmlFree is a global function pointer, which Swift 6 sees as shared mutable state; call it through here. */
static inline void wenshu_xmlFree(void *p) { xmlFree(p); }

/* A generic-error handler that discards libxml2's printf-style messages (its structured errors are kept). */
static void wenshu_silentGenericError(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline xmlGenericErrorFunc wenshu_silentGenericErrorFunc(void) { return wenshu_silentGenericError; }
