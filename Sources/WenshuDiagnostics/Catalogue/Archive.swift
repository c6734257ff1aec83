// `wenshu verify` and `wenshu keygen`: what an archive package check finds and what the key pair commands say.

/// The archive package's findings and the verify and keygen lines, in both languages.
package enum ArchiveWording {
    package static let unreadable = Phrase(en: "not a Wenshu archive package: {reason}", zh: "不是文书归档包：{reason}")
    package static let partChanged = Phrase(en: "part {name} was changed: its SHA-256 no longer matches",
                                           zh: "部件{name}已被改动：其SHA-256摘要不再相符")
    package static let sizeChanged = Phrase(en: "part {name} has a different size than recorded", zh: "部件{name}的大小与记录不符")
    package static let packageDigestChanged = Phrase(en: "the package digest does not match its parts",
                                                    zh: "归档包的总摘要与各部件不符")
    package static let layoutChanged = Phrase(en: "the package was changed outside its parts (first at byte {offset})",
                                             zh: "归档包在部件之外被改动（首处在第{offset}字节）")
    package static let paperMissing = Phrase(en: "part {name} is missing: the package's dossier index lists it",
                                            zh: "缺少部件{name}：卷内目录列有此件")
    package static let unsigned = Phrase(en: "the package is not signed, but a trusted key was given",
                                        zh: "归档包没有签名，但给出了信任的公钥")
    package static let signatureInvalid = Phrase(
        en: "the signature does not match: the package was not signed by the trusted key, or was changed after signing",
        zh: "签名不符：归档包不是用所信任的密钥签名的，或签名后被改动过")
    /// `verify`'s line for an intact package.
    package static let intact = Phrase(en: "{package}: intact, {parts} parts, SHA-256 {digest}{signed}",
                                      zh: "{package}：完好，共{parts}个部件，SHA-256 {digest}{signed}")
    package static let signedUnchecked = Phrase(en: ", signed by key {key}… (not checked: give --trust)",
                                               zh: "，有密钥{key}…的签名（未核对：请加--trust）")
    package static let signedTrusted = Phrase(en: ", signed by the trusted key", zh: "，有所信任密钥的签名")
    /// `keygen`'s lines.
    package static let privateKey = Phrase(en: "{path}: private key (keep it secret)", zh: "{path}：私钥（请妥善保密）")
    package static let publicKey = Phrase(en: "{path}: public key {key}", zh: "{path}：公钥{key}")
    package static let notAKey = Phrase(en: "{file}: not {expected} (a PEM file written by `wenshu keygen`)",
                                        zh: "{file}：不是{expected}（应为`wenshu keygen`写出的PEM文件）")
    package static let privateKeyKind = Phrase(en: "an Ed25519 private key", zh: "Ed25519私钥")
    package static let publicKeyKind = Phrase(en: "an Ed25519 public key", zh: "Ed25519公钥")
    package static let cryptoFailed = Phrase(en: "libcrypto could not {what}", zh: "libcrypto未能完成操作（{what}）")
}
