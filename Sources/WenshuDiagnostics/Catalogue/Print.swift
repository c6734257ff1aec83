extension PrintID {
    public static let noLibreOffice = PrintID(
        "print.no-libreoffice",
        en: "LibreOffice is needed to print PDFs and is not installed (no soffice on PATH or in {folders}): {install}",
        zh: "打印PDF需要LibreOffice，但本机未安装（PATH及{folders}中均无soffice）：{install}",
        variants: [PrintWording.namedProgramMissing],
        means: "`--to pdf` without LibreOffice on the machine; nothing is written.",
        fix: "apt-get install libreoffice-writer-nogui (or set WENSHU_SOFFICE to the soffice to use).")
    public static let conversionFailed = PrintID(
        "print.conversion-failed",
        en: "could not print to PDF: {reason}",
        zh: "无法打印为PDF：{reason}",
        means: "LibreOffice made no PDF of one document (it failed on it, hung, or was killed); the other documents of the batch are written, this case's are not.",
        fix: "Open the .odt in LibreOffice to see what it objects to; a hung conversion is retried on the next run.")
}

/// Other wordings of the print stage's ids, and the reasons a conversion fails.
package enum PrintWording {
    package static let namedProgramMissing = Phrase(
        en: "WENSHU_SOFFICE names no program here; install LibreOffice ({install}) or correct the variable",
        zh: "WENSHU_SOFFICE所指的程序不存在；请安装LibreOffice（{install}）或更正该变量")
    package static let idle = Phrase(en: "LibreOffice did nothing for {seconds} s and was stopped",
                                    zh: "LibreOffice在{seconds}秒内无任何进展，已被终止")
    package static let noPDF = Phrase(en: "LibreOffice made no PDF of it (exit status {status}{said})",
                                     zh: "LibreOffice未生成PDF（退出状态{status}{said}）")
    package static let killed = Phrase(en: "LibreOffice was killed by signal {signal}", zh: "LibreOffice被信号{signal}终止")
    package static let unstaged = Phrase(en: "could not stage the document for LibreOffice: {detail}",
                                        zh: "无法为LibreOffice准备文书：{detail}")
    package static let unreadablePDF = Phrase(en: "could not read the PDF LibreOffice made", zh: "无法读取LibreOffice生成的PDF")
}

/// `wenshu fonts`' text report.
package enum FontsWording {
    package static let fontsConf = Phrase(en: "fonts.conf: {path}", zh: "字体配置（fonts.conf）：{path}")
    package static let noFontsConf = Phrase(en: "none found (the system's fontconfig setup)", zh: "未找到（使用系统的fontconfig配置）")
    package static let face = Phrase(en: "{name} ({role}) → {face}  {file}{note}", zh: "{name}（{role}）→ {face}  {file}{note}")
    package static let japaneseFace = Phrase(en: "  ← a Japanese face: some characters print in Japanese forms",
                                             zh: "  ← 日文字体：部分汉字会印成日文字形")
    package static let officialFont = Phrase(en: "  (the official font)", zh: "  （即规定字体）")
    package static let document = Phrase(en: "{source}: {forms} forms, {characters} distinct non-ASCII characters{coverage}{fallback}",
                                         zh: "{source}：{forms}份文书，{characters}个不同的非ASCII字符{coverage}{fallback}")
    package static let everyCharacterHasAFace = Phrase(en: "; every one has a face", zh: "；每个字符都有字体可印")
    package static let noFaceHas = Phrase(en: "; no face has {characters}", zh: "；没有任何字体含有{characters}")
    package static let drawnByAnother = Phrase(en: "; not in the body face, drawn by another: {characters}",
                                               zh: "；正文字体中没有、由其他字体印出：{characters}")
    /// The roles of the official fonts (`FontCheck.officialNames`), in Chinese.
    package static let roles: [String: String] = [
        "body": "正文", "titles": "标题", "level-1 headings": "一级标题", "level-2 headings": "二级标题", "page numbers": "页码",
    ]
}

/// `wenshu forms`' text listing.
package enum FormsWording {
    package static let form = Phrase(en: "{id}  {title}  (version {version}, {page} page)  {file}",
                                     zh: "{id}  {title}  （第{version}版，{page}）  {file}")
    package static let formPage = Phrase(en: "form", zh: "表格页")
    package static let prosePage = Phrase(en: "prose", zh: "行文页")
    package static let landscapePage = Phrase(en: "landscape", zh: "横向页")
    package static let appliesWhen = Phrase(en: "  applies when: {condition}", zh: "  适用条件：{condition}")
    package static let onePerRecord = Phrase(en: "  one per record of: {records}", zh: "  每条记录一份：{records}")
    package static let reads = Phrase(en: "  reads: {paths}", zh: "  读取字段：{paths}")
}
