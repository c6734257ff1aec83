"""The static parts of the peers' ODT templates (ODF 1.3): styles for GB/T 9704 (A4, margins 37/26/35/28 mm,
22-line grid, 仿宋_GB2312 16 pt body, 方正小标宋简体 22 pt title, 黑体 headings), meta, manifest, and the
content.xml shell around a body written by a wbench.layout dialect, and the flat .fodt holding all of them."""

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'office:version="1.3"'
)

FONTS = (("仿宋_GB2312", "roman"), ("方正小标宋简体", "roman"), ("黑体", "swiss"), ("楷体_GB2312", "script"))


def _font_decls():
    return "<office:font-face-decls>%s</office:font-face-decls>" % "".join(
        '<style:font-face style:name="%s" svg:font-family="&apos;%s&apos;" style:font-family-generic="%s" '
        'style:font-pitch="variable"/>' % (name, name, generic) for name, generic in FONTS)


def _paragraph_style(name, font, size, align="justify", indent="0mm", before="0mm", after="0mm"):
    return (
        '<style:style style:name="%s" style:family="paragraph" style:parent-style-name="Standard">'
        '<style:paragraph-properties fo:text-align="%s" fo:text-indent="%s" fo:margin-top="%s" '
        'fo:margin-bottom="%s" style:snap-to-layout-grid="true"/>'
        '<style:text-properties style:font-name="%s" fo:font-size="%s" style:font-name-asian="%s" '
        'style:font-size-asian="%s" style:font-name-complex="%s" style:font-size-complex="%s"/>'
        '</style:style>' % (name, align, indent, before, after, font, size, font, size, font, size))


def _styles():
    """The inside of office:styles: the default style, Standard and the layout's paragraph styles."""
    body = "仿宋_GB2312"
    return (
        '<style:default-style style:family="paragraph">'
        '<style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:line-break="strict" '
        'style:punctuation-wrap="hanging" style:writing-mode="lr-tb"/>'
        '<style:text-properties style:font-name="%s" fo:font-size="16pt" fo:language="zh" fo:country="CN" '
        'style:font-name-asian="%s" style:font-size-asian="16pt" style:language-asian="zh" '
        'style:country-asian="CN" fo:letter-spacing="-0.08mm"/>'
        '</style:default-style>'
        '<style:style style:name="Standard" style:family="paragraph" style:class="text"/>'
        '%s%s%s%s%s%s%s%s' % (
            body, body,
            _paragraph_style("Title", "方正小标宋简体", "22pt", align="center", after="10.227mm"),
            _paragraph_style("Number", body, "16pt", align="end"),
            _paragraph_style("Party", body, "16pt", indent="11.2mm"),
            _paragraph_style("Heading", "黑体", "16pt", indent="11.2mm"),
            _paragraph_style("Body", body, "16pt", indent="11.2mm"),
            _paragraph_style("Signature", body, "16pt", align="start"),
            _paragraph_style("Seal", body, "16pt", align="end", before="10.227mm"),
            _paragraph_style("Date", body, "16pt", align="end")))


PAGE_LAYOUT = (
    '<style:page-layout style:name="A4GB9704">'
    '<style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" '
    'style:print-orientation="portrait" fo:margin-top="37mm" fo:margin-bottom="35mm" fo:margin-left="28mm" '
    'fo:margin-right="26mm" style:writing-mode="lr-tb" style:layout-grid-mode="line" '
    'style:layout-grid-lines="22" style:layout-grid-base-height="10.227mm" '
    'style:layout-grid-ruby-height="0mm" style:layout-grid-color="#c0c0c0" '
    'style:layout-grid-print="false" style:layout-grid-display="false"/>'
    '</style:page-layout>')

MASTER_STYLES = ('<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4GB9704"/>'
                 '</office:master-styles>')


def styles_xml():
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<office:document-styles %s>%s<office:styles>%s</office:styles>'
            '<office:automatic-styles>%s</office:automatic-styles>%s</office:document-styles>' % (
                NAMESPACES, _font_decls(), _styles(), PAGE_LAYOUT, MASTER_STYLES))


META = ('<office:meta><meta:generator>wenshu-bench</meta:generator>'
        '<dc:title>人民调解协议书</dc:title><dc:language>zh-CN</dc:language></office:meta>')


def meta_xml():
    return '<?xml version="1.0" encoding="UTF-8"?><office:document-meta %s>%s</office:document-meta>' % (
        NAMESPACES, META)


def manifest_xml():
    entries = ("content.xml", "styles.xml", "meta.xml")
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
            'manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
            'manifest:media-type="application/vnd.oasis.opendocument.text"/>%s</manifest:manifest>' % "".join(
                '<manifest:file-entry manifest:full-path="%s" manifest:media-type="text/xml"/>' % e for e in entries))


def content_xml(body):
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<office:document-content %s>%s<office:automatic-styles/>'
            '<office:body><office:text>%s</office:text></office:body></office:document-content>'
            % (NAMESPACES, _font_decls(), body))


def fodt_xml(body):
    """The flat ODF text document (.fodt) whose office:text holds `body`: the same meta, fonts, styles and
    page as the package's parts, in one file."""
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<office:document %s office:mimetype="application/vnd.oasis.opendocument.text">%s%s'
            '<office:styles>%s</office:styles><office:automatic-styles>%s</office:automatic-styles>%s'
            '<office:body><office:text>%s</office:text></office:body></office:document>' % (
                NAMESPACES, META, _font_decls(), _styles(), PAGE_LAYOUT, MASTER_STYLES, body))


MIMETYPE = b"application/vnd.oasis.opendocument.text"


def odt_parts(body):
    """(name, bytes) for an ODT whose office:text holds `body`, in package order."""
    return [("mimetype", MIMETYPE),
            ("content.xml", content_xml(body).encode()),
            ("styles.xml", styles_xml().encode()),
            ("meta.xml", meta_xml().encode()),
            ("META-INF/manifest.xml", manifest_xml().encode())]
