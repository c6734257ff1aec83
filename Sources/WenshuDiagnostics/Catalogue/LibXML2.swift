// libxml2's errors in Chinese: a Chinese sentence for each of libxml2's error codes a user meets (and one
// per module for the rest), with libxml2's English text after it as the detail. The codes are libxml2's
// `xmlParserErrors` values and its `xmlErrorDomain` modules (libxml/xmlerror.h), kept in `LibXML2Code`.

extension LibXML2Code {
    /// libxml2's modules (`XML_FROM_…`) as numbered in libxml/xmlerror.h.
    public enum Domain {
        public static let parser = 1, namespace = 3, io = 8, xinclude = 11, xpath = 12, regexp = 14,
                          relaxNGParser = 18, relaxNGValidator = 19
    }

    /// What the error is, in Chinese: the code's sentence, else its module's.
    public var chinese: String {
        if domain == Domain.parser || domain == Domain.namespace, let sentence = Self.parserErrors[code] { return sentence }
        switch domain {
        case Domain.parser, Domain.namespace: return "XML写法有误"
        case Domain.io: return "读写文件出错"
        case Domain.xinclude: return "XInclude出错"
        case Domain.xpath: return "XPath表达式有误"
        case Domain.regexp: return "正则表达式有误"
        case Domain.relaxNGParser: return "模式（RelaxNG）本身有误"
        case Domain.relaxNGValidator: return "不符合模式（RelaxNG）"
        default: return "libxml2报告错误"
        }
    }

    /// libxml2's text as a message argument: as it is in English; in Chinese, what the error is with
    /// libxml2's text after it.
    public func detail(_ english: String) -> DiagnosticArgument {
        .localized(en: english, zh: "\(chinese)（\(english)）")
    }

    /// `xmlParserErrors` codes (XML_ERR_…, XML_NS_ERR_…) in Chinese.
    static let parserErrors: [Int: String] = [
        3: "文件开头有误（XML声明之前不能有内容）",                   // DOCUMENT_START
        4: "文件是空的",                                           // DOCUMENT_EMPTY
        5: "根元素结束之后还有内容",                                 // DOCUMENT_END
        6: "字符引用（&#x…;）有误", 7: "字符引用（&#…;）有误", 8: "字符引用有误",
        9: "文件中有XML不允许的字符",                                // INVALID_CHAR
        23: "实体引用缺少分号（单独的“&”请写作“&amp;”）",            // ENTITYREF_SEMICOL_MISSING
        26: "未定义的实体（“&…;”）",                                // UNDECLARED_ENTITY
        31: "未知的字符编码", 32: "不支持的字符编码",
        33: "属性值缺少开头的引号", 34: "属性值缺少结尾的引号",
        38: "属性值中不能有“<”", 39: "属性写法有误", 40: "属性没有写完", 41: "属性缺少值",
        42: "同一元素中属性重复",                                    // ATTRIBUTE_REDEFINED
        45: "注释没有结束（缺少“-->”）", 47: "处理指令没有结束", 57: "XML声明没有结束",
        60: "外部子集没有结束", 61: "DOCTYPE没有结束", 62: "文字中有“]]>”", 63: "CDATA没有结束（缺少“]]>”）",
        64: "以“xml”开头的名称是保留的", 65: "此处应有空格",
        68: "此处缺少名称（“<”或“&”后应有名称；单独的“<”请写作“&lt;”）", // NAME_REQUIRED
        72: "此处应有“<”", 73: "标签缺少“>”", 74: "缺少结束标签（“</…>”）", 75: "属性名后缺少“=”",
        76: "开始标签与结束标签不一致",                              // TAG_NAME_MISMATCH
        77: "标签没有结束（缺少结束标签）",                           // TAG_NOT_FINISHED
        80: "注释中不能有“--”", 81: "字符编码有误（文件应为UTF-8）",
        85: "标签没有正确配对", 86: "根元素之后还有内容（一个文件只有一个根元素）",
        88: "参数实体用在了内部子集中", 89: "实体循环引用",
        110: "名称太长", 111: "读取被中止",
        201: "命名空间前缀未定义",                                   // XML_NS_ERR_UNDEFINED_NAMESPACE
    ]
}
