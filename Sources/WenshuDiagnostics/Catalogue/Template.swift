// Stage 2: form templates (docs/templates.md).

extension TemplateID {
    // MARK: Reading the file

    public static let xmlSyntax = TemplateID(
        "template.xml-syntax",
        en: "{detail}", zh: "XML语法错误：{detail}",
        means: "The template is not well-formed XML (libxml2's message, with its line).",
        fix: "Close the element or quote the attribute at that line.")
    public static let doctype = TemplateID(
        "template.doctype",
        en: "{detail}", zh: "模板不得含有DOCTYPE声明（{detail}）",
        means: "A `<!DOCTYPE` in a template; refused before parsing.",
        fix: "Delete the DOCTYPE.")
    public static let unreadable = TemplateID(
        "template.unreadable",
        en: "the template file cannot be read", zh: "无法读取模板文件",
        variants: [TemplateWording.unreadableBecause],
        means: "The template file cannot be opened, or is too large.",
        fix: "Check the file and its permissions.")

    // MARK: The template schema (wenshu-template.rng)

    public static let namespace = TemplateID(
        "template.namespace",
        en: "<{element}> is in no namespace: give the root element xmlns=\"{namespace}\"",
        zh: "<{element}>没有命名空间：请在根元素上写xmlns=\"{namespace}\"",
        variants: [TemplateWording.foreignNamespace],
        means: "An element outside the template language's namespace.",
        fix: "Give the root element `xmlns=\"urn:wenshu:template:1\"`.")
    public static let unknownElement = TemplateID(
        "template.unknown-element",
        en: "<{element}> is not an element of the template language{suggestion}",
        zh: "<{element}>不是模板语言的元素{suggestion}",
        means: "An element name the template language does not have.",
        fix: "Correct the name (the message suggests the nearest one).")
    public static let misplacedElement = TemplateID(
        "template.misplaced-element",
        en: "<{element}> cannot stand here", zh: "<{element}>不能出现在此处",
        variants: [TemplateWording.belongsInside, TemplateWording.mixedCell, TemplateWording.outOfOrder,
                   TemplateWording.includedNotFragment],
        means: "An element where the schema does not allow it.",
        fix: "Move it inside an element that takes it (docs/templates.md).")
    public static let missingElement = TemplateID(
        "template.missing-element",
        en: "<{element}> needs {what} inside it", zh: "<{element}>中需要{what}",
        variants: [TemplateWording.contentMissing, TemplateWording.needsBefore],
        means: "Required content is missing.",
        fix: "Add the element named.")
    public static let badAttribute = TemplateID(
        "template.bad-attribute",
        en: "<{element}> has no attribute {attribute}; it takes {takes}.{suggestion}",
        zh: "<{element}>没有属性{attribute}；可用的属性：{takes}。{suggestion}",
        variants: [TemplateWording.attributeValue, TemplateWording.attributeChoice, TemplateWording.libxml2Attribute,
                   TemplateWording.parameterBound],
        means: "An attribute the element does not take, or a value it does not accept.",
        fix: "Correct the attribute's name or value.")
    public static let missingAttribute = TemplateID(
        "template.missing-attribute",
        en: "<{element}> needs the attribute {attribute} ({expected})",
        zh: "<{element}>需要属性{attribute}（{expected}）",
        variants: [TemplateWording.attributeChoice],
        means: "A required attribute is missing.",
        fix: "Add it.")
    public static let unexpectedText = TemplateID(
        "template.unexpected-text",
        en: "<{element}> takes no text; remove the text or move it into a <p>",
        zh: "<{element}>中不能有文字；请删去文字或移入<p>",
        variants: [TemplateWording.cannotHoldText],
        means: "Text where the element takes none.",
        fix: "Put the text inside a `<p>`.")
    public static let badContent = TemplateID(
        "template.bad-content",
        en: "the text inside <{element}> is not allowed (is it empty?)",
        zh: "<{element}>中的文字不合要求（是否为空？）",
        means: "The element's text is not what it takes.",
        fix: "Write the text the element takes.")
    public static let schema = TemplateID(
        "template.schema",
        en: "{detail}", zh: "不符合模板格式要求：{detail}",
        means: "Anything the template schema refuses that none of the above explains; libxml2's text is kept.",
        fix: "Compare the place with docs/templates.md.")

    // MARK: XPath

    public static let xpathSyntax = TemplateID(
        "template.xpath-syntax",
        en: "the {attribute} expression does not compile: {reason}",
        zh: "{attribute}表达式无法编译：{reason}",
        means: "An XPath expression with a syntax error.",
        fix: "Correct the expression (the message gives the character).")
    public static let unknownFunction = TemplateID(
        "template.unknown-function",
        en: "{name} is not a Wenshu function{hint}", zh: "{name}不是文书的函数{hint}",
        variants: [TemplateWording.notXPathFunction, TemplateWording.unboundPrefix],
        means: "A function that is neither XPath 1.0's nor Wenshu's, or a prefix that is not bound.",
        fix: "Use a function listed in docs/templates.md, called as w:name(…).")
    public static let functionArguments = TemplateID(
        "template.function-arguments",
        en: "{name} takes {arity}, not {count}{usage}", zh: "{name}需要{arity}，而不是{count}个{usage}",
        means: "A function called with the wrong number of arguments.",
        fix: "Call it as its synopsis shows.")
    public static let unknownVariable = TemplateID(
        "template.unknown-variable",
        en: "${variable} is not defined here (in scope: {known}); loops name their variables with as= and index=",
        zh: "此处没有定义${variable}（可用：{known}）；循环用as=和index=命名变量",
        means: "A variable no loop or parameter defines there.",
        fix: "Use a variable in scope, or name the loop's with as=.")

    // MARK: Structure

    public static let includeMissing = TemplateID(
        "template.include-missing",
        en: "there is no fragment {path}; include paths start at the templates folder",
        zh: "没有片段{path}；包含路径从模板文件夹算起",
        means: "An include names a fragment that does not exist.",
        fix: "Correct the path (relative to the templates folder).")
    public static let includeCycle = TemplateID(
        "template.include-cycle",
        en: "the include goes round in a circle: {chain}", zh: "包含关系形成循环：{chain}",
        means: "Fragments that include each other.",
        fix: "Break the circle.")
    public static let unknownParameter = TemplateID(
        "template.unknown-parameter",
        en: "the fragment {path} has no <parameter name=\"{name}\"/> to give a value to ({known})",
        zh: "片段{path}没有可赋值的<parameter name=\"{name}\"/>（{known}）",
        means: "An include gives a value to a parameter the fragment does not declare.",
        fix: "Use the fragment's parameter names.")
    public static let duplicateSection = TemplateID(
        "template.duplicate-section",
        en: "the section id {id} is already used at {first}", zh: "节编号{id}已在{first}使用",
        means: "Two sections with one id.",
        fix: "Give each section its own id.")
    public static let sectionInLoop = TemplateID(
        "template.section-in-loop",
        en: "a section cannot repeat inside a loop: its id {id} must name one place",
        zh: "节不能在循环中重复：其编号{id}只能指一处",
        means: "A section inside a loop.",
        fix: "Move the section outside the loop.")
    public static let tableColumns = TemplateID(
        "template.table-columns",
        en: "this row fills {columns} but the table has {count} (widths=\"{widths}\")",
        zh: "此行占{columns}，但表格有{count}列（widths=\"{widths}\"）",
        variants: [TemplateWording.overlap],
        means: "A table row whose cells (with their spans) do not fill the table's columns, or overlap a cell from above.",
        fix: "Correct the spans or the widths.")
    public static let emptyBrackets = TemplateID(
        "template.empty-brackets",
        en: "{open}<{element}>{close} prints an empty pair of brackets when there is nothing to show; put the brackets inside an <if>",
        zh: "无内容时{open}<{element}>{close}会印出一对空括号；请把括号放进<if>",
        means: "Brackets around a value that may print nothing.",
        fix: "Put the brackets inside an `<if>`.")
    public static let duplicateForm = TemplateID(
        "template.duplicate-form",
        en: "the form id {id} is already used by {first}; ids must be unique",
        zh: "表单编号{id}已被{first}使用；编号不能重复",
        means: "Two templates with one form id.",
        fix: "Give each form its own id.")
    public static let libraryNotFound = TemplateID(
        "template.library-not-found",
        en: "no templates folder found above the wenshu program or the current folder; give one with --templates DIR or WENSHU_TEMPLATES",
        zh: "在wenshu程序或当前文件夹之上找不到模板文件夹；请用--templates DIR或WENSHU_TEMPLATES指定",
        variants: [TemplateWording.schemaUnreadable, TemplateWording.notATemplatesFolder],
        means: "No templates folder, or one without the template schema.",
        fix: "Give the templates folder with --templates.")

    // MARK: Binding a case

    public static let missingField = TemplateID(
        "template.missing-field",
        en: "the case has no value for {field}, which the form needs ({attribute}=\"{source}\"); add it to the case, or write missing=\"blank\" on the field to print a blank",
        zh: "案件缺少表单所需的{field}（{attribute}=\"{source}\"）；请在案件中补上，或在该字段上写missing=\"blank\"以印出空白",
        means: "The case lacks a value the form prints.",
        fix: "Add the value to the case, or mark the field missing=\"blank\".")
    public static let partialBlank = TemplateID(
        "template.partial-blank", .note,
        en: "{form}: {field} is left blank for handwriting (partial print)",
        zh: "{form}：{field}留空待手写（部分填写打印）",
        means: "With --partial, a field the form needs and the case lacks prints as its blank instead of stopping the form.",
        fix: "Nothing, if the field is to be written by hand; else add it to the case.")
    public static let functionFailed = TemplateID(
        "template.function-failed",
        en: "{prefix}:{function}(): {reason}{where}", zh: "{prefix}:{function}()出错：{reason}{where}",
        means: "A Wenshu function refused its argument (a date that is no date, an amount that is no amount).",
        fix: "Correct the case value the message names.")
    public static let evaluation = TemplateID(
        "template.evaluation",
        en: "{reason}{where}", zh: "表达式求值失败：{reason}{where}",
        variants: [TemplateWording.emptyCase, TemplateWording.notNodes],
        means: "An expression failed while filling the form.",
        fix: "Correct the expression or the case value.")
    public static let notApplicable = TemplateID(
        "template.not-applicable", .warning,
        en: "the form does not apply to this case (applies-when is false); it is filled as asked",
        zh: "本表单不适用于此案件（applies-when为假）；仍按要求填写",
        means: "A form asked for by name whose applies-when is false for the case.",
        fix: "Check that the right form was asked for.")
    public static let noRecords = TemplateID(
        "template.no-records",
        en: "the case has no records for this form (for-each=\"{source}\" selects nothing)",
        zh: "案件没有本表单所需的记录（for-each=\"{source}\"未选中任何内容）",
        means: "A per-record form asked for by name when the case has no such records.",
        fix: "Add the records to the case, or leave the form out.")
    public static let missingParameter = TemplateID(
        "template.missing-parameter", .warning,
        en: "the form reads ${name}, which was not given, as empty; it is filled by the command that builds ${name} (wenshu dossier for $dossier)",
        zh: "表单读取的${name}未提供，按空值处理；它由生成${name}的命令填写（$dossier由wenshu dossier生成）",
        means: "A form parameter that only another command supplies.",
        fix: "Use the command that builds it (wenshu dossier for $dossier).")
}

/// Why a `w:` function refused its argument: the `{reason}` of `template.function-failed`.
package enum FunctionWording {
    package static let dateBeforeBirth = Phrase(en: "the date {date} is before the birth date {birth}",
                                               zh: "日期{date}早于出生日期{birth}")
    package static let wrongArgumentCount = Phrase(en: "takes {arity}, not {count}", zh: "需要{arity}，而不是{count}个")
    package static let notADate = Phrase(en: "“{text}” is not a date: write YYYY-MM-DD, e.g. 2026-03-10",
                                        zh: "“{text}”不是日期：请写作YYYY-MM-DD，如2026-03-10")
    package static let notAWholeNumber = Phrase(en: "“{text}” is not a whole number from 0 to {maximum}",
                                               zh: "“{text}”不是0至{maximum}的整数")
    package static let notAnAmount = Phrase(
        en: "“{text}” is not an amount: write digits with at most two decimals and no separators, e.g. 14020.00",
        zh: "“{text}”不是金额：请只写数字，最多两位小数，不带分隔符，如14020.00")
    package static let negativeAmount = Phrase(en: "{text} is negative: an amount to pay is written as a positive number",
                                              zh: "{text}是负数：应付金额写作正数")
    package static let tooManyDecimals = Phrase(en: "{text} has more than two decimals: amounts are kept to the 分 (0.01)",
                                               zh: "{text}超过两位小数：金额只记到分（0.01）")
    package static let amountTooLarge = Phrase(
        en: "{text} is more than 999999999999.99, the largest amount written in capitals",
        zh: "{text}超过999999999999.99，即大写金额能写的最大数")
    package static let identity = Phrase(en: "the ID number {id} {problem}", zh: "身份证号码{id}{problem}")
    package static let noBirthDate = Phrase(en: "holds no real birth date", zh: "中没有真实的出生日期")
    package static let notAnIDNumber = Phrase(
        en: "is not a resident ID number (17 digits and a digit or X, or 15 digits)",
        zh: "不是居民身份证号码（17位数字加一位数字或X，或15位数字）")
    package static let wrongCheckCharacter = Phrase(en: "has a wrong check character (it should be {expected})",
                                                   zh: "的校验位有误（应为{expected}）")
}

/// Why an XPath expression does not parse: the `{message}` of `template.xpath-syntax`'s reason.
package enum XPathWording {
    package static let trailing = Phrase(en: "unexpected {token} after a complete expression", zh: "完整的表达式之后多出{token}")
    package static let expectedSymbol = Phrase(en: "expected “{symbol}” but found {token}", zh: "此处应为“{symbol}”，却是{token}")
    package static let expectedName = Phrase(en: "expected a name but found {token}", zh: "此处应为名称，却是{token}")
    package static let expectedOperand = Phrase(en: "expected a value, a path or a function call but found {token}",
                                               zh: "此处应为值、路径或函数调用，却是{token}")
    package static let unclosedString = Phrase(en: "the string starting here is not closed with {quote}",
                                              zh: "从此处开始的字符串没有用{quote}结束")
    package static let variableName = Phrase(en: "a variable name must follow $", zh: "$之后应为变量名")
    package static let bang = Phrase(en: "“!” must be followed by “=”", zh: "“!”之后应为“=”")
    package static let cannotStand = Phrase(en: "“{character}” cannot stand here", zh: "“{character}”不能出现在此处")
    package static let expectedOperator = Phrase(
        en: "“{word}” follows a value where an operator (and, or, =, +, …) was expected",
        zh: "“{word}”跟在值之后，而此处应为运算符（and、or、=、+……）")
    package static let theString = Phrase(en: "the string “{text}”", zh: "字符串“{text}”")
    package static let theNumber = Phrase(en: "the number {number}", zh: "数字{number}")
    package static let theEnd = Phrase(en: "the end of the expression", zh: "表达式的结尾")
}

/// The other wordings of stage 2's ids, and phrases its messages put in their parameters.
package enum TemplateWording {
    package static let unreadableBecause = Phrase(en: "{detail}", zh: "无法读取模板文件：{detail}")
    package static let foreignNamespace = Phrase(
        en: "<{element}> is in the namespace {given}, not the template language's {namespace}",
        zh: "<{element}>的命名空间是{given}，而不是模板语言的{namespace}")
    package static let didYouMeanElement = Phrase(en: "; did you mean <{name}>?", zh: "；是否应为<{name}>？")
    package static let belongsInside = Phrase(en: "<{element}> cannot stand {where}; it belongs inside {places}",
                                             zh: "<{element}>不能出现在{where}；它应放在{places}之内")
    package static let insideParent = Phrase(en: "inside <{parent}>", zh: "<{parent}>之内")
    package static let asRoot = Phrase(en: "as the root", zh: "根位置")
    package static let nowhere = Phrase(en: "nothing: it is a root", zh: "任何元素（它是根元素）")
    package static let mixedCell = Phrase(
        en: "a <cell> holds either text and inline elements, or paragraphs (<p>, <item>), not both",
        zh: "<cell>中要么写文字和行内元素，要么写段落（<p>、<item>），不能两者兼有")
    package static let outOfOrder = Phrase(
        en: "<{element}> is not allowed at this point of <{parent}>: check the order and the number of its parts (docs/templates.md)",
        zh: "<{parent}>的此处不能出现<{element}>：请检查其组成部分的顺序和数量（docs/templates.md）")
    package static let includedNotFragment = Phrase(en: "an included file must be a <fragment>, not a <{element}>",
                                                   zh: "被包含的文件应为<fragment>，而不是<{element}>")
    package static let contentMissing = Phrase(en: "required content is missing here", zh: "此处缺少必需的内容")
    package static let needsBefore = Phrase(en: "<{parent}> needs {what} before <{element}>",
                                           zh: "<{parent}>在<{element}>之前需要{what}")
    package static let anElement = Phrase(en: "a <{name}>", zh: "<{name}>")
    package static let atLeastOneOf = Phrase(en: "at least one of {names}", zh: "{names}中的至少一个")
    package static let oneOf = Phrase(en: "one of {names}", zh: "{names}之一")
    package static let moreContent = Phrase(en: "more content", zh: "更多内容")
    package static let none = Phrase(en: "none", zh: "无")
    package static let didYouMeanAttribute = Phrase(en: " Did you mean {name}?", zh: "是否应为{name}？")
    package static let attributeValue = Phrase(
        en: "{attribute}=\"{value}\" is not allowed on <{element}>: {attribute} must be {expected}",
        zh: "<{element}>上不允许{attribute}=\"{value}\"：{attribute}应为{expected}")
    package static let attributeChoice = Phrase(en: "<{element}> takes {quantity} one of the attributes {names}",
                                               zh: "<{element}>{quantity}属性{names}中的一个")
    package static let exactly = Phrase(en: "exactly", zh: "必须且只能有")
    package static let atMost = Phrase(en: "at most", zh: "最多只能有")
    package static let libxml2Attribute = Phrase(en: "{detail}", zh: "属性有误：{detail}")
    package static let parameterBound = Phrase(
        en: "${name} is already bound (by the form itself or earlier in the list); give the parameter another name",
        zh: "${name}已被绑定（由表单本身或列表中更早的参数）；请给参数另取一个名字")
    package static let cannotHoldText = Phrase(en: "<{element}> cannot hold text here; put the text inside a <p>",
                                              zh: "<{element}>此处不能有文字；请把文字放进<p>")
    package static let atCharacter = Phrase(en: "{message} (at character {position})", zh: "{message}（第{position}个字符处）")
    package static let didYouMeanFunction = Phrase(en: "; did you mean w:{name}?", zh: "；是否应为w:{name}？")
    package static let functionsListed = Phrase(en: "; docs/templates.md lists them", zh: "；函数列表见docs/templates.md")
    package static let notXPathFunction = Phrase(en: "{name}() is not an XPath 1.0 function{hint}",
                                                zh: "{name}()不是XPath 1.0函数{hint}")
    package static let calledWithPrefix = Phrase(en: "; the Wenshu function is called w:{name}", zh: "；文书函数应写作w:{name}")
    package static let unboundPrefix = Phrase(
        en: "the prefix {prefix}: is not bound; Wenshu functions are called as {w}:name(…)",
        zh: "前缀{prefix}:未绑定；文书函数写作{w}:name(…)")
    package static let parametersNone = Phrase(en: "it has none", zh: "它没有参数")
    package static let parametersSome = Phrase(en: "it has {names}", zh: "它有{names}")
    package static let argument = CountedNoun(one: "argument", many: "arguments", zh: "个参数")
    package static let atLeast = Phrase(en: "at least {count}", zh: "至少{count}")
    package static let eitherCount = Phrase(en: "{low} or {high} {noun}", zh: "{low}或{high}{noun}")
    package static let countRange = Phrase(en: "{low} to {high} {noun}", zh: "{low}至{high}{noun}")
    package static let overlap = Phrase(
        en: "a cell of this row covers column {column}, which a cell reaching down from above already covers (widths=\"{widths}\")",
        zh: "此行有一格占了第{column}列，而上方跨行的格已占该列（widths=\"{widths}\"）")
    package static let column = CountedNoun(one: "column", many: "columns", zh: "列")
    package static let schemaUnreadable = Phrase(en: "the template schema cannot be read: {detail}",
                                                zh: "无法读取模板格式文件：{detail}")
    package static let notATemplatesFolder = Phrase(en: "{source} names {given}, which holds no {schema}: is it a templates folder?",
                                                   zh: "{source}指定的{given}中没有{schema}：它是模板文件夹吗？")
    package static let forRecord = Phrase(en: " (for {path}, line {line} of {file})", zh: "（{path}，{file}第{line}行）")
    package static let emptyCase = Phrase(en: "the case is empty", zh: "案件是空的")
    package static let notNodes = Phrase(
        en: "{attribute}=\"{source}\" must select case elements to repeat over, not a {kind}",
        zh: "{attribute}=\"{source}\"应选取要重复的案件元素，而不是{kind}")
}
