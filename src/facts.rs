//! The facts a household profile can state and eligibility rules can test.
//!
//! One table names every fact once: its key in the profile, whether it belongs to the household
//! or to a member, its allowed values with their Chinese words, its label, and the plain
//! question a clerk or the kiosk asks when it is missing. The profile parser, the rule compiler
//! and the explanations all read this table, so a new fact is one entry here.

/// Whether a fact describes the whole household or one member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Household,
    Member,
}

/// One allowed value of a choice or set fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub key: &'static str,
    pub zh: &'static str,
}

/// What kind of value a fact holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// Yes or no; `yes` and `no` are how a reason states each.
    Bool { yes: &'static str, no: &'static str },
    /// A number within an allowed range, in `unit`.
    Number {
        min: f64,
        max: f64,
        unit: &'static str,
    },
    /// Exactly one of the choices.
    Choice(&'static [Choice]),
    /// Zero or more of the choices.
    Set(&'static [Choice]),
    /// Free text, tested only for presence.
    Text,
}

/// A fact of the profile format.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fact {
    pub key: &'static str,
    pub scope: Scope,
    pub kind: Kind,
    /// How a reason names the fact: "家庭人均月收入", "年龄".
    pub label: &'static str,
    /// The plain question that settles the fact when it is missing.
    pub question: &'static str,
    /// The place of the fact in [`FACTS`], set when the table is built.
    index: usize,
}

impl Fact {
    /// The Chinese word for an allowed value, or the key itself when it has none.
    pub fn word(&self, key: &str) -> &'static str {
        self.choices()
            .iter()
            .find(|c| c.key == key)
            .map_or("", |c| c.zh)
    }

    /// The place of this fact in [`FACTS`], which is where a profile stores its value.
    pub fn index(&self) -> usize {
        self.index
    }

    /// The allowed values of a choice or set fact; empty for the others.
    pub fn choices(&self) -> &'static [Choice] {
        match self.kind {
            Kind::Choice(c) | Kind::Set(c) => c,
            _ => &[],
        }
    }
}

const fn c(key: &'static str, zh: &'static str) -> Choice {
    Choice { key, zh }
}

const fn yes_no(yes: &'static str, no: &'static str) -> Kind {
    Kind::Bool { yes, no }
}

pub const HUKOU: &[Choice] = &[c("local", "本区户籍"), c("outside", "外地户籍")];
pub const AREA: &[Choice] = &[c("urban", "城镇"), c("rural", "农村")];
pub const STATUS: &[Choice] = &[
    c("dibao", "低保"),
    c("dibao_edge", "低边"),
    c("tekun", "特困"),
    c("low_income_farmer", "低收入农户"),
    c("expenditure_poverty", "支出型困难家庭"),
    c("hardship_worker", "困难职工"),
];
pub const HOUSING: &[Choice] = &[
    c("owned", "自有住房"),
    c("rented", "租房"),
    c("public_rental", "公租房"),
    c("dilapidated", "危房"),
    c("none", "没有住房"),
];
pub const HARDSHIP: &[Choice] = &[
    c("illness", "突发重病"),
    c("disaster", "自然灾害"),
    c("accident", "意外事故"),
    c("pandemic", "疫情影响"),
    c("fire", "火灾"),
];
pub const RELATION: &[Choice] = &[
    c("self", "本人"),
    c("spouse", "配偶"),
    c("child", "子女"),
    c("parent", "父母"),
    c("grandparent", "祖父母"),
    c("grandchild", "孙子女"),
    c("sibling", "兄弟姐妹"),
    c("other", "其他家人"),
];
pub const SEX: &[Choice] = &[c("female", "女"), c("male", "男")];
pub const EMPLOYMENT: &[Choice] = &[
    c("employed", "在单位上班"),
    c("unemployed", "失业，正在找工作"),
    c("flexible", "灵活就业"),
    c("platform", "平台就业（外卖、网约车等）"),
    c("self_employed", "个体经营"),
    c("farmer", "务农"),
    c("retired", "退休"),
    c("none", "不工作"),
];
pub const DISABILITY_KIND: &[Choice] = &[
    c("physical", "肢体残疾"),
    c("visual", "视力残疾"),
    c("hearing", "听力残疾"),
    c("speech", "言语残疾"),
    c("intellectual", "智力残疾"),
    c("mental", "精神残疾"),
    c("multiple", "多重残疾"),
];
pub const ILLNESS: &[Choice] = &[
    c("serious", "重大疾病"),
    c("chronic", "慢性病"),
    c("none", "没有大病"),
];
pub const STUDENT: &[Choice] = &[
    c("preschool", "上幼儿园"),
    c("primary", "上小学"),
    c("junior", "上初中"),
    c("senior", "上高中"),
    c("vocational", "上中职或技工学校"),
    c("university", "上大学"),
    c("none", "不在上学"),
];

const fn household(key: &'static str, kind: Kind, label: &'static str, q: &'static str) -> Fact {
    Fact {
        key,
        scope: Scope::Household,
        kind,
        label,
        question: q,
        index: 0,
    }
}

const fn member(key: &'static str, kind: Kind, label: &'static str, q: &'static str) -> Fact {
    Fact {
        key,
        scope: Scope::Member,
        kind,
        label,
        question: q,
        index: 0,
    }
}

/// Number the facts of the table in order.
const fn numbered<const N: usize>(mut table: [Fact; N]) -> [Fact; N] {
    let mut i = 0;
    while i < N {
        table[i].index = i;
        i += 1;
    }
    table
}

/// Every fact, household facts first.
pub static FACTS: &[Fact] = &numbered([
    household("hukou", Kind::Choice(HUKOU), "户籍", "户口在本区吗？"),
    household("area", Kind::Choice(AREA), "居住地", "住在城镇还是农村？"),
    household("town", Kind::Text, "所在镇街", "住在哪个镇街？"),
    household(
        "status",
        Kind::Set(STATUS),
        "已有的困难认定",
        "家里现在有低保、低边、特困等认定吗？",
    ),
    household(
        "income_per_capita_monthly",
        Kind::Number {
            min: 0.0,
            max: 10_000_000.0,
            unit: "元",
        },
        "家庭人均月收入",
        "家里每人每月平均有多少收入？",
    ),
    household(
        "housing",
        Kind::Choice(HOUSING),
        "住房",
        "现在住的房子是自己的、租的，还是危房？",
    ),
    household(
        "hardship",
        Kind::Set(HARDSHIP),
        "最近遇到的困难",
        "最近有没有遇到重病、灾害、意外或火灾？",
    ),
    household(
        "assets_within_limit",
        yes_no("家庭财产在低保规定的限额以内", "家庭财产超过低保规定的限额"),
        "家庭财产",
        "家里的存款、房子、车子在低保规定的限额以内吗？",
    ),
    household(
        "has_able_supporter",
        yes_no("有能养活他的子女或亲属", "没有能养活他的子女或亲属"),
        "赡养人",
        "有没有子女或亲属有能力养活他？",
    ),
    household(
        "high_necessary_spending",
        yes_no(
            "看病、上学等必需开支让家里入不敷出",
            "必需开支没有让家里入不敷出",
        ),
        "必需开支",
        "过去一年看病、上学、康复的花费，有没有让家里入不敷出？",
    ),
    member(
        "relation",
        Kind::Choice(RELATION),
        "与本人关系",
        "这位家人是本人的什么人？",
    ),
    member(
        "age",
        Kind::Number {
            min: 0.0,
            max: 130.0,
            unit: "岁",
        },
        "年龄",
        "家里每个人多大年纪？",
    ),
    member("sex", Kind::Choice(SEX), "性别", "家里每个人是男是女？"),
    member(
        "employment",
        Kind::Choice(EMPLOYMENT),
        "工作情况",
        "家里大人现在有工作吗？是什么样的工作？",
    ),
    member(
        "social_insurance",
        yes_no("在交社保", "没有交社保"),
        "社保",
        "家里上班的人有没有交社保？",
    ),
    member(
        "graduate",
        yes_no("是两年内毕业的大学生", "不是两年内毕业的大学生"),
        "毕业情况",
        "家里有没有两年内刚毕业的大学生？",
    ),
    member(
        "disabled",
        yes_no("有残疾证", "没有残疾证"),
        "残疾",
        "家里有人持有残疾证吗？",
    ),
    member(
        "disability_grade",
        Kind::Number {
            min: 1.0,
            max: 4.0,
            unit: "级",
        },
        "残疾等级",
        "残疾证上写的是几级？",
    ),
    member(
        "disability_kind",
        Kind::Choice(DISABILITY_KIND),
        "残疾类别",
        "残疾证上写的是哪一类残疾？",
    ),
    member(
        "illness",
        Kind::Choice(ILLNESS),
        "疾病",
        "家里有人得了重病或慢性病吗？",
    ),
    member(
        "care_needs",
        yes_no("需要有人日常照料", "不需要日常照料"),
        "照料需要",
        "家里有人吃饭、穿衣、走路需要别人照顾吗？",
    ),
    member(
        "student",
        Kind::Choice(STUDENT),
        "上学情况",
        "家里有孩子在上学吗？上几年级？",
    ),
    member(
        "veteran",
        yes_no("是退役军人", "不是退役军人"),
        "退役军人",
        "家里有退役军人吗？",
    ),
    member(
        "pregnant",
        yes_no("正在怀孕", "没有怀孕"),
        "怀孕",
        "家里有人正在怀孕吗？",
    ),
    member(
        "orphan",
        yes_no("是孤儿或没人实际抚养的孩子", "有父母或他人抚养"),
        "抚养情况",
        "孩子的父母是否都去世、失踪，或都没有能力抚养？",
    ),
    member(
        "autism",
        yes_no("有孤独症诊断", "没有孤独症诊断"),
        "孤独症",
        "家里有孩子被医院诊断为孤独症吗？",
    ),
    member(
        "lives_alone",
        yes_no("一个人住", "不是一个人住"),
        "独居",
        "家里老人是一个人住吗？",
    ),
    member(
        "skill_certificate",
        yes_no("有职业技能等级证书", "没有职业技能等级证书"),
        "技能证书",
        "有没有职业技能等级证书或职业资格证书？",
    ),
    member(
        "left_behind",
        yes_no("家人长期在外地，留守在家", "不是留守"),
        "留守",
        "孩子或老人的家人是不是长期在外地打工？",
    ),
]);

/// The household's recognised statuses, which many rules and implications consult.
pub fn status() -> &'static Fact {
    static STATUS: std::sync::LazyLock<&'static Fact> = std::sync::LazyLock::new(|| {
        find(Scope::Household, "status").expect("the fact table has `status`")
    });
    &STATUS
}

/// The fact with this key in this scope.
pub fn find(scope: Scope, key: &str) -> Option<&'static Fact> {
    FACTS.iter().find(|f| f.scope == scope && f.key == key)
}

/// The keys of every fact in a scope, for suggestions.
pub fn keys(scope: Scope) -> Vec<&'static str> {
    FACTS
        .iter()
        .filter(|f| f.scope == scope)
        .map(|f| f.key)
        .collect()
}
