// Stage 1: the files a user writes (case, office profile, registers, work log). Loading, mapping YAML/JSON
// onto the tree, the schema: every kind of file. The domain rules: the kinds each rule reads.

extension InputID {
    // MARK: Loading (the file cannot be read; one finding, nothing else is checked)

    public static let unreadable = InputID(
        ["case.unreadable", "office.unreadable", "register.unreadable", "worklog.unreadable"],
        en: "cannot read the file: {reason}",
        zh: "无法读取文件：{reason}",
        means: "The file cannot be opened or read (missing, a folder, no permission).",
        fix: "Check the path and the file's permissions.")
    public static let unknownFormat = InputID(
        ["case.unknown-format", "office.unknown-format", "register.unknown-format", "worklog.unknown-format"],
        en: "Wenshu reads .xml, .yaml, .yml and .json files",
        zh: "文书只读取 .xml、.yaml、.yml 和 .json 文件",
        means: "The file name's extension is not one Wenshu reads.",
        fix: "Save the file as YAML, JSON or XML with the matching extension.")
    public static let tooLarge = InputID(
        ["case.too-large", "office.too-large", "register.too-large", "worklog.too-large"],
        en: "the file is {size} bytes, more than the {limit}-byte limit; a case file is a few KiB (scans belong in separate files named by `scan`)",
        zh: "文件有{size}字节，超过{limit}字节的上限；一个案件文件只有几KB（扫描件应另存为文件，用 `scan` 引用）",
        means: "The file is over 10 MiB and is refused unread.",
        fix: "Keep scans and pictures in files of their own and name them with `scan`.")
    public static let encoding = InputID(
        ["case.encoding", "office.encoding", "register.encoding", "worklog.encoding"],
        en: "the file is not UTF-8 text; save it as UTF-8 (not GBK or GB18030)",
        zh: "文件不是UTF-8文本；请另存为UTF-8编码（不要用GBK或GB18030）",
        means: "A YAML or JSON file is not UTF-8.",
        fix: "Save the file as UTF-8 in the editor.")
    public static let syntax = InputID(
        ["case.syntax", "office.syntax", "register.syntax", "worklog.syntax"],
        en: "{format} syntax error: {problem}",
        zh: "{format}语法错误：{problem}",
        variants: [InputWording.syntaxWithContext, InputWording.unreadableText, InputWording.xmlSyntax],
        means: "YAML, JSON or XML syntax error, at its line and column.",
        fix: "Correct the text at the line and column given (indentation, a missing colon or quote, an unclosed tag).")
    public static let duplicateKey = InputID(
        ["case.duplicate-key", "office.duplicate-key", "register.duplicate-key", "worklog.duplicate-key"],
        en: "a field is written twice in one mapping: {keys}",
        zh: "同一层中字段重复出现：{keys}",
        means: "A YAML or JSON key is written twice in one mapping.",
        fix: "Keep one of the two and delete the other.")
    public static let doctype = InputID(
        ["case.doctype", "office.doctype", "register.doctype", "worklog.doctype"],
        en: "{detail}",
        zh: "XML文件不得含有DOCTYPE声明（{detail}）",
        means: "An XML `<!DOCTYPE` (external entities, entity bombs) is refused before parsing.",
        fix: "Delete the DOCTYPE line: Wenshu files need none.")
    public static let empty = InputID(
        ["case.empty", "office.empty", "register.empty", "worklog.empty"],
        en: "the file is empty",
        zh: "文件是空的",
        variants: [InputWording.noElements],
        means: "There is nothing in the file.",
        fix: "Write the case's fields into the file (see docs/case-format.md).")
    public static let notAMapping = InputID(
        ["case.not-a-mapping", "office.not-a-mapping", "register.not-a-mapping", "worklog.not-a-mapping"],
        en: "the file must be a mapping of fields (`number: …`, `parties: …`), not a single value or a list",
        zh: "文件应由字段组成（`number: …`、`parties: …`），而不是单个值或列表",
        means: "A YAML or JSON file that is a list or a single value.",
        fix: "Write the file as `field: value` lines at its top level.")
    public static let wrongRoot = InputID(
        ["case.wrong-root", "office.wrong-root", "register.wrong-root", "worklog.wrong-root"],
        en: "the root element is <{root}>; a {kind} file starts with <{expected}> in no namespace",
        zh: "根元素是<{root}>；{kind}文件应以不带命名空间的<{expected}>开头",
        means: "An XML root element other than the kind's.",
        fix: "Use the kind's root element (`<case>`, `<office>` …), or name the file for what it is.")
    public static let tooManyNodes = InputID(
        ["case.too-many-nodes", "office.too-many-nodes", "register.too-many-nodes", "worklog.too-many-nodes"],
        en: "the file expands to more than {limit} values (YAML aliases referring to aliases?); a case has a few hundred",
        zh: "文件展开后超过{limit}个值（YAML别名层层引用？）；一个案件只有几百个值",
        means: "More than 100,000 values once aliases are expanded (a YAML alias bomb).",
        fix: "Write the values out instead of chaining aliases.")
    public static let tooDeep = InputID(
        ["case.too-deep", "office.too-deep", "register.too-deep", "worklog.too-deep"],
        en: "fields are nested more than {limit} levels deep; a case needs fewer than ten",
        zh: "字段嵌套超过{limit}层；一个案件不到十层",
        means: "Fields nested more than 64 levels.",
        fix: "Check the indentation: a case is a few levels deep.")

    // MARK: Mapping YAML and JSON onto the tree (reported; the rest is loaded)

    public static let badKey = InputID(
        ["case.bad-key", "office.bad-key", "register.bad-key", "worklog.bad-key"],
        en: "`{key}` cannot be a field name: use letters, digits and _ as in docs/case-format.md",
        zh: "`{key}`不能作字段名：字段名只用字母、数字和_，见 docs/case-format.md",
        variants: [InputWording.badKeyValue],
        means: "A key that cannot be an element name; or a value of type key (a party's `id`) that is not a short name.",
        fix: "Use the field names of docs/case-format.md; write keys such as `p1`.")
    public static let listKey = InputID(
        ["case.list-key", "office.list-key", "register.list-key", "worklog.list-key"],
        en: "`{key}` holds a list, but only fields with a plural name (`parties`, `terms`) can be lists",
        zh: "`{key}`是一个列表，但只有复数名称的字段（`parties`、`terms`）才能是列表",
        means: "A list under a key without a plural ending.",
        fix: "Write a single value, or use the plural field the format defines.")
    public static let nestedList = InputID(
        ["case.nested-list", "office.nested-list", "register.nested-list", "worklog.nested-list"],
        en: "a list directly inside a list has no field name; make each item a mapping of fields",
        zh: "列表中直接套列表没有字段名；每一项应由字段组成",
        means: "A list directly inside a list.",
        fix: "Make each item a mapping of fields.")
    public static let badAlias = InputID(
        ["case.bad-alias", "office.bad-alias", "register.bad-alias", "worklog.bad-alias"],
        en: "this alias refers to nothing Wenshu can read",
        zh: "这个别名没有引用任何可读取的内容",
        means: "A YAML alias whose anchor could not be resolved.",
        fix: "Define the anchor (`&name`) before the alias (`*name`), or write the value out.")

    // MARK: Schema (libxml2's verdict, in a clerk's words)

    public static let missingField = InputID(
        ["case.missing-field", "office.missing-field", "register.missing-field", "worklog.missing-field"],
        en: "missing required field `{field}`",
        zh: "缺少必填字段`{field}`",
        means: "A required field is missing (reported at the record that lacks it; the subject names the field).",
        fix: "Add the field.")
    public static let unknownField = InputID(
        ["case.unknown-field", "office.unknown-field", "register.unknown-field", "worklog.unknown-field"],
        en: "unknown field `{field}` {place}; did you mean `{suggestion}`?",
        zh: "{place}没有字段`{field}`；是否应为`{suggestion}`？",
        variants: [InputWording.unknownFieldList],
        means: "A field the schema does not have there (with \"did you mean\" for a near miss).",
        fix: "Correct the spelling, or move the field to the record it belongs to.")
    public static let duplicateField = InputID(
        ["case.duplicate-field", "office.duplicate-field", "register.duplicate-field", "worklog.duplicate-field"],
        en: "`{field}` is written more than once here; it holds one value",
        zh: "`{field}`在此重复出现；它只能有一个值",
        means: "A single-valued field written twice (XML).",
        fix: "Keep one.")
    public static let emptyList = InputID(
        ["case.empty-list", "office.empty-list", "register.empty-list", "worklog.empty-list"],
        en: "`{field}` needs at least one {item}",
        zh: "`{field}`至少要有一项{item}",
        means: "A list without items where one is required.",
        fix: "Add an item, or leave the list out if it is optional.")
    public static let expectedList = InputID(
        ["case.expected-list", "office.expected-list", "register.expected-list", "worklog.expected-list"],
        en: "`{field}` must be a list of {item} items (in YAML, each item starts with `- `)",
        zh: "`{field}`应为{item}的列表（YAML中每一项以`- `开头）",
        means: "A single value or a mapping where a list belongs.",
        fix: "Write the items as a list.")
    public static let expectedFields = InputID(
        ["case.expected-fields", "office.expected-fields", "register.expected-fields", "worklog.expected-fields"],
        en: "`{field}` holds fields ({fields}…), not a single value",
        zh: "`{field}`应由字段组成（{fields}…），而不是单个值",
        means: "A single value where a record of fields belongs.",
        fix: "Write the record's fields under it.")
    public static let expectedValue = InputID(
        ["case.expected-value", "office.expected-value", "register.expected-value", "worklog.expected-value"],
        en: "`{field}` holds one value, not fields (found `{found}`)",
        zh: "`{field}`只有一个值，不能含字段（发现`{found}`）",
        means: "Fields where a single value belongs.",
        fix: "Write the value itself.")
    public static let attribute = InputID(
        ["case.attribute", "office.attribute", "register.attribute", "worklog.attribute"],
        en: "attribute `{attribute}` is not used in Wenshu files; write it as a field",
        zh: "文书文件不使用属性`{attribute}`；请写成字段",
        means: "An XML attribute (Wenshu files have none).",
        fix: "Write it as a child element.")
    public static let emptyValue = InputID(
        ["case.empty-value", "office.empty-value", "register.empty-value", "worklog.empty-value"],
        en: "`{field}` is empty; write a value or leave the field out",
        zh: "`{field}`是空的；请填写，或删去该字段",
        means: "An empty value.",
        fix: "Write the value, or leave the field out.")
    public static let notInList = InputID(
        ["case.not-in-list", "office.not-in-list", "register.not-in-list", "worklog.not-in-list"],
        en: "`{field}` must be {options}, not `{value}`",
        zh: "`{field}`应为{options}，而不是`{value}`",
        means: "A value outside its list (`gender` must be 男 or 女).",
        fix: "Write one of the values listed.")
    public static let badDate = InputID(
        ["case.bad-date", "office.bad-date", "register.bad-date", "worklog.bad-date"],
        en: "`{field}` must be a real date written YYYY-MM-DD, e.g. 2026-03-10, not `{value}`",
        zh: "`{field}`应为真实日期，写作YYYY-MM-DD，如2026-03-10，而不是`{value}`",
        means: "A date that is not YYYY-MM-DD or not a real day.",
        fix: "Write the date as 2026-03-10.")
    public static let badTime = InputID(
        ["case.bad-time", "office.bad-time", "register.bad-time", "worklog.bad-time"],
        en: "`{field}` must be a time written HH:MM, e.g. 09:30, not `{value}`",
        zh: "`{field}`应为时间，写作HH:MM，如09:30，而不是`{value}`",
        means: "A time that is not HH:MM.",
        fix: "Write the time as 09:30.")
    public static let badYear = InputID(
        ["case.bad-year", "office.bad-year", "register.bad-year", "worklog.bad-year"],
        en: "`{field}` must be a year written with four digits, e.g. 2026, not `{value}`",
        zh: "`{field}`应为四位数字的年份，如2026，而不是`{value}`",
        means: "A year that is not four digits.",
        fix: "Write the year as 2026.")
    public static let badMoney = InputID(
        ["case.bad-money", "office.bad-money", "register.bad-money", "worklog.bad-money"],
        en: "`{field}` must be an amount in yuan such as 14020.00 or 10000: digits, at most two decimals, no sign, no separators, not `{value}`",
        zh: "`{field}`应为以元计的金额，如14020.00或10000：只写数字，最多两位小数，不带符号和分隔符，而不是`{value}`",
        means: "An amount that is not digits with at most two decimals.",
        fix: "Write the amount in yuan as 14020.00, without ¥, commas or 元.")
    public static let badCount = InputID(
        ["case.bad-count", "office.bad-count", "register.bad-count", "worklog.bad-count"],
        en: "`{field}` must be a whole number from 1, e.g. 3, not `{value}`",
        zh: "`{field}`应为从1起的整数，如3，而不是`{value}`",
        means: "A count that is not a whole number from 1.",
        fix: "Write a whole number such as 3.")
    public static let badTally = InputID(
        ["case.bad-tally", "office.bad-tally", "register.bad-tally", "worklog.bad-tally"],
        en: "`{field}` must be a whole number from 0, e.g. 0 or 12, not `{value}`",
        zh: "`{field}`应为从0起的整数，如0或12，而不是`{value}`",
        means: "A tally that is not a whole number from 0.",
        fix: "Write a whole number such as 12.")
    public static let badBoolean = InputID(
        ["case.bad-boolean", "office.bad-boolean", "register.bad-boolean", "worklog.bad-boolean"],
        en: "`{field}` must be true or false, not `{value}`",
        zh: "`{field}`应为true或false，而不是`{value}`",
        means: "A yes/no field that is not true or false.",
        fix: "Write true or false.")
    public static let badText = InputID(
        ["case.bad-text", "office.bad-text", "register.bad-text", "worklog.bad-text"],
        en: "`{field}` must be text, not empty, not `{value}`",
        zh: "`{field}`应为非空文字，而不是`{value}`",
        means: "A text field that holds no text.",
        fix: "Write the text.")
    public static let controlCharacter = InputID(
        ["case.control-character", "office.control-character", "register.control-character", "worklog.control-character"],
        en: "the value holds the control character {code} at character {position}; delete it (text may hold tabs, and line breaks where a field has several lines)",
        zh: "该值第{position}个字符是控制字符{code}；请删除（文字中可含制表符，多行字段中可含换行）",
        means: "A value holds NUL or another control character (C0 but tab and line break, DEL, C1), in any format: `\"\\0\"` in YAML and `\"\\u0000\"` in JSON do not cut a value short, they are refused here.",
        fix: "Delete the character; it usually comes from copying out of another program.")
    public static let lineBreak = InputID(
        ["case.line-break", "office.line-break", "register.line-break", "worklog.line-break"],
        en: "the value breaks the line at character {position}, but this field is one line; join the lines",
        zh: "该值在第{position}个字符处换行，但此字段只能写一行；请合并为一行",
        means: "A value of a one-line field breaks the line; only fields of type `lines` (summaries, facts, courses, notes …) may.",
        fix: "Join the lines.")
    public static let invisibleCharacter = InputID(
        ["case.invisible-character", "office.invisible-character", "register.invisible-character", "worklog.invisible-character"], .warning,
        en: "the value holds the invisible formatting character {code} at character {position}, which can make it print differently from what it holds; delete it unless it is wanted",
        zh: "该值第{position}个字符是不可见的格式字符{code}，可能使打印出的内容与实际不同；如非有意请删除",
        means: "A value holds a bidi override or isolate (U+202A–202E, U+2066–2069), a zero-width character (U+200B–200F, U+2060–2064) or U+FEFF.",
        fix: "Delete it unless it is wanted.")
    public static let badValue = InputID(
        ["case.bad-value", "office.bad-value", "register.bad-value", "worklog.bad-value"],
        en: "`{field}` must be {expected}, not `{value}`",
        zh: "`{field}`应为{expected}，而不是`{value}`",
        means: "A value of a type without a more particular id.",
        fix: "Write a value of the kind the message names.")
    public static let schema = InputID(
        ["case.schema", "office.schema", "register.schema", "worklog.schema"],
        en: "does not fit the schema here ({detail})",
        zh: "此处不符合格式要求（{detail}）",
        variants: [InputWording.schemaPlain],
        means: "Anything libxml2 refuses that none of the above explains; libxml2's own text is kept.",
        fix: "Compare the place with docs/case-format.md.")

    // MARK: Rules that several kinds share

    public static let phone = InputID(
        ["case.phone", "office.phone", "register.phone"],
        en: "`phone` {phone} is neither a mobile number (11 digits starting with 1) nor a landline with its area code (0571-87654321, extension after -)",
        zh: "`phone` {phone}既不是手机号码（以1开头的11位数字），也不是带区号的固定电话（0571-87654321，分机号写在-之后）",
        means: "A `phone` that is neither a mobile number nor a landline with its area code (`0571-87654321`, `(0571)87654321`, extension after `-` or `转`).",
        fix: "Write the 11-digit mobile number, or the landline with its area code.")
    public static let idMalformed = InputID(
        ["case.id-malformed", "register.id-malformed"],
        en: "`id_number` is not a resident ID number (17 digits and a check digit 0–9 or X){hint}",
        zh: "`id_number`不是居民身份证号码（17位数字加一位校验码0–9或X）{hint}",
        variants: [InputWording.idBirthDigits],
        means: "A resident ID number that is not 17 digits and a check character, or whose birth-date digits are not a date (only `id_type` 居民身份证 or absent is checked).",
        fix: "Copy the number again from the ID card; for another document give its `id_type`.")
    public static let idCheckDigit = InputID(
        ["case.id-check-digit", "register.id-check-digit"],
        en: "check digit of {id} should be {expected}: a digit is mistyped",
        zh: "身份证号码{id}的校验位应为{expected}：有数字录入错误",
        means: "The check character of a resident ID number does not match (GB 11643).",
        fix: "Compare the number digit by digit with the ID card.")
    public static let idBirthDate = InputID(
        ["case.id-birth-date", "register.id-birth-date"],
        en: "`birth_date` {stated} does not agree with the ID number {id}, which says {fromID}",
        zh: "`birth_date` {stated}与身份证号码{id}不符，号码中的出生日期为{fromID}",
        means: "`birth_date` differs from the one in the ID number.",
        fix: "Correct the birth date or the ID number, whichever is wrong.")
    public static let idGender = InputID(
        ["case.id-gender", "register.id-gender"],
        en: "`gender` {stated} does not agree with the ID number {id}, which is {whose}",
        zh: "`gender` {stated}与身份证号码{id}不符，该号码{whose}",
        means: "`gender` differs from the ID number's 17th digit (odd 男, even 女).",
        fix: "Correct the gender or the ID number, whichever is wrong.")
    public static let idFirstGeneration = InputID(
        ["case.id-first-generation", "register.id-first-generation"], .warning,
        en: "{id} is a 15-digit first-generation ID number, invalid since 2013; ask for the 18-digit number",
        zh: "{id}是15位的第一代身份证号码，2013年起已停止使用；请索取18位号码",
        means: "A 15-digit first-generation number (invalid since 2013).",
        fix: "Ask the person for the 18-digit number.")
}
