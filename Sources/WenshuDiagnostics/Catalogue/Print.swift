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
