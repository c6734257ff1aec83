import ArgumentParser
import Foundation
import WenshuDiagnostics

/// `wenshu serve`: the mediator's desk, a local web page over a folder of cases — its words, options and
/// checks, written once for the two executables that parse them: `wenshu`, whose `serve` hands the process
/// over to `wenshu-desk` (`DeskProgram`), and `wenshu-desk`, which runs the server. Only `wenshu-desk` links
/// the desk and its HTTP server (docs/architecture.md).
package struct ServeOptions: ParsableArguments {
    /// The command's name, abstract and help page.
    package static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "serve",
            abstract: "Open the mediator's desk: enter, check and print cases in a web page.",
            zhAbstract: "打开调解员工作台：在网页上录入、检查和打印案件。",
            discussion: """
            Starts a small web server over a folder of case files and prints the address to open in a browser. \
            The page lists the cases with their next deadline, edits a case as a form in Chinese with the \
            findings of `wenshu check` beside each field as you type, and previews and downloads every form \
            that applies (with pictures of its pages when LibreOffice and pdftoppm are there), the 司法确认 packet \
            and the dossier, and the office's ledgers and statistics of a period. The case files stay the truth: a save writes \
            the file itself, atomically, keeping its comments when only values changed.

            It listens on 127.0.0.1 only, unless --listen names another address; then the profile must hold an \
            access password (desk.password_hash, made by --hash-password), and the page asks for it.

              wenshu serve examples/cases
              wenshu serve cases --profile office.yaml --port 8300
              echo 'a long passphrase' | wenshu serve --hash-password

            Stop it with Ctrl+C. Exit status: 1 when it cannot start; 64 usage.
            """,
            zhDiscussion: """
            在一个案件文件夹上启动一个小型网页服务器，并打印在浏览器中打开的地址。页面列出各案件及其下一个期限；把案件编辑成\
            中文表单，输入时在每个栏目旁显示`wenshu check`的检查结果；预览和下载适用的每种文书\
            （有LibreOffice和pdftoppm时附各页的图片）、司法确认申请材料和卷宗，以及本单位一个时期的台账和\
            统计。案件文件始终是唯一的依据：保存时以原子方式写入文件本身，只改了值时保留其中的注释。

            只在127.0.0.1上监听，除非--listen指定了别的地址；这时配置文件中必须有访问密码\
            （desk.password_hash，由--hash-password生成），页面会要求输入。

              wenshu serve examples/cases
              wenshu serve cases --profile office.yaml --port 8300
              echo 'a long passphrase' | wenshu serve --hash-password

            用Ctrl+C停止。退出状态：1无法启动；64命令行用法错误。
            """)
    }

    @Argument(help: help("The folder of case files (default: the current folder).",
                         zh: "案件文件所在的文件夹（默认：当前文件夹）。", valueName: "case-folder"))
    var givenFolder: String?

    /// The folder of case files: the one given, else the current folder. (An optional argument, so that
    /// argument-parser does not print "(default: .)" after the help's own words.)
    package var folder: String { givenFolder ?? "." }

    @OptionGroup package var office: ProfileOptions
    @OptionGroup package var library: TemplateLibraryOptions

    @Option(help: help("The port to listen on (0: any free port).",
                       zh: "监听的端口（0：任一空闲端口）。", valueName: "n"))
    package var port: Int = 8080

    @Option(help: help("The address to listen on. Anything but 127.0.0.1 needs an access password in the profile.",
                       zh: "监听的地址。127.0.0.1以外的地址需要配置文件中有访问密码。", valueName: "addr"))
    package var listen: String = "127.0.0.1"

    @Flag(help: help("Read a password from standard input and print the line to put in the profile as desk.password_hash.",
                     zh: "从标准输入读取密码，打印应写入配置文件作为desk.password_hash的一行。"))
    package var hashPassword = false

    package init() {}

    package func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError(CommandWording.portRange.render(in: .current)) }
        if !hashPassword {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError(CommandWording.noCaseFolder.render(in: .current, ["folder": "\(folder)"]))
            }
        }
    }
}
