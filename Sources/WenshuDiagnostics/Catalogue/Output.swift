extension OutputID {
    public static let writeFailed = OutputID(
        "output.write-failed",
        en: "cannot {action} {path}: {reason}",
        zh: "不能{action}{path}：{reason}",
        variants: [OutputWording.unexpected],
        means: "A file, a case folder or the output folder could not be written; the message names the final path (never a staging path) and why.",
        fix: "Free space, make the folder writable, or choose another -o.")
    public static let notAFolder = OutputID(
        "output.not-a-folder",
        en: "cannot write into {path}: it is a file, not a folder",
        zh: "不能写入{path}：这是一个文件，不是文件夹",
        variants: [OutputWording.folderInTheWay],
        means: "`-o` names a file, or a case folder's name is taken by a file (or a file's by a folder).",
        fix: "Give -o a folder, or move the file out of the way.")
    public static let symlink = OutputID(
        "output.symlink",
        en: "cannot write {path}: it is a symbolic link, and Wenshu writes nothing outside the output folder; remove the link",
        zh: "不能写入{path}：这是一个符号链接，Wenshu不会写到输出文件夹之外；请删除该链接",
        means: "A case folder or a file inside `-o` is a symbolic link: Wenshu does not follow it out of `-o`.",
        fix: "Remove the link.")
    public static let staleEdited = OutputID(
        "output.stale-edited", .warning,
        en: "{path} was written by an earlier run and edited since; this run no longer writes it, so it is kept: delete it if it is not wanted",
        zh: "{path}由之前的运行写出，之后被修改过；本次运行不再写出它，因此保留：如不需要请删除",
        means: "A file an earlier run wrote and this one no longer writes was edited since (its digest differs from the manifest's): it is kept.",
        fix: "Delete it if it is not wanted.")
    public static let noCaseNumber = OutputID(
        "output.no-case-number",
        en: "the case has no number, so its documents have no folder to go to",
        zh: "案件没有案号，文书无处存放",
        means: "A case without `number`.",
        fix: "Give the case its number.")
}

/// Other wordings of the output ids, and the reasons and actions they name.
package enum OutputWording {
    package static let unexpected = Phrase(en: "{detail}", zh: "写出失败：{detail}")
    package static let folderInTheWay = Phrase(en: "cannot write {path}: a folder of that name is in the way",
                                              zh: "不能写入{path}：已有同名文件夹")
    package static let write = Phrase(en: "write", zh: "写入")
    package static let replace = Phrase(en: "replace", zh: "替换")
    package static let writeInto = Phrase(en: "write into", zh: "写入")
    package static let createFolder = Phrase(en: "create the folder", zh: "创建文件夹")
    package static let read = Phrase(en: "read", zh: "读取")
    package static let diskFull = Phrase(en: "the disk is full", zh: "磁盘已满")
    package static let readOnlyDisk = Phrase(en: "the disk is mounted read-only", zh: "磁盘为只读")
    package static let readOnlyFolder = Phrase(en: "the folder is read-only (no permission to write there)", zh: "文件夹为只读（无写入权限）")
    package static let notAFolder = Phrase(en: "a part of the path is a file, not a folder", zh: "路径中有一部分是文件而不是文件夹")
    package static let inTheWay = Phrase(en: "something else of that name is in the way", zh: "已有同名的文件或文件夹")
    package static let nameTooLong = Phrase(en: "the name is longer than the file system allows (255 bytes)", zh: "名称超过文件系统允许的长度（255字节）")
    package static let symbolicLink = Phrase(en: "it is a symbolic link, which Wenshu does not follow", zh: "这是符号链接，Wenshu不会跟随")
    package static let tooManyOpen = Phrase(en: "too many files are open", zh: "打开的文件过多")
    package static let ioError = Phrase(en: "the disk reported an input/output error", zh: "磁盘报告输入输出错误")
    package static let systemSays = Phrase(en: "{message}", zh: "系统提示：{message}")
}
