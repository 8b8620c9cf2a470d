//! Every string of the kiosk screens, in Chinese and English. Questions and answers live with
//! their claims in `questions`; catalog texts (item names, pages) are shown as written.

use crate::cli::Lang;
use crate::verdict::Status;

/// The strings of one language.
#[derive(Debug, PartialEq, Eq)]
pub struct Texts {
    pub app: &'static str,
    pub welcome_title: &'static str,
    pub welcome_lines: &'static [&'static str],
    pub start: &'static str,
    pub privacy: &'static str,
    pub question_of: &'static str,
    pub back: &'static str,
    pub restart: &'static str,
    pub hint_question: &'static str,
    pub results_title: &'static str,
    pub results_counts: &'static str,
    pub results_none: &'static str,
    pub hint_results: &'static str,
    pub open: &'static str,
    pub qr: &'static str,
    pub print: &'static str,
    pub printed: &'static str,
    pub print_failed: &'static str,
    pub page_up: &'static str,
    pub page_down: &'static str,
    pub hint_page: &'static str,
    pub your_status: &'static str,
    pub qr_title: &'static str,
    pub qr_scan: &'static str,
    pub qr_partial: &'static str,
    pub qr_none: &'static str,
    pub countdown_title: &'static str,
    pub countdown: &'static str,
    pub keep_going: &'static str,
    pub staff_title: &'static str,
    pub staff_prompt: &'static str,
    pub staff_wrong: &'static str,
    pub staff_locked: &'static str,
    pub staff_no_pin: &'static str,
    pub cancel: &'static str,
    pub too_small: &'static str,
    pub eligible: &'static str,
    pub maybe: &'static str,
}

impl Texts {
    /// The badge of a status.
    pub fn status(&self, s: Status) -> &'static str {
        match s {
            Status::Eligible => self.eligible,
            _ => self.maybe,
        }
    }
}

/// The strings for a language.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

static ZH: Texts = Texts {
    app: "帮扶政策 自助查询",
    welcome_title: "看看您家能享受哪些帮扶政策",
    welcome_lines: &[
        "回答几个简单的问题，一题一屏，大约两分钟。",
        "不知道的，选“不清楚”就行。",
    ],
    start: "开始",
    privacy: "本机不保存您的任何信息。一会儿没人用，就会自动清空，回到这一页。",
    question_of: "第 {n} 题（最多 {max} 题）",
    back: "上一步",
    restart: "重新开始",
    hint_question: "按数字键选答案，或直接点一下",
    results_title: "您家可能享受的帮扶",
    results_counts: "符合 {e} 项 · 可能符合 {m} 项",
    results_none: "目前没有找到符合或可能符合的帮扶。情况有变化时，欢迎再来查，或拨打 12345。",
    hint_results: "↑↓ 选一项，回车看详情；也可以直接点",
    open: "看详情",
    qr: "二维码",
    print: "打印",
    printed: "已经送去打印，请到打印机取清单。",
    print_failed: "打印没有成功，请找工作人员帮忙。",
    page_up: "上翻",
    page_down: "下翻",
    hint_page: "↑↓ 翻看",
    your_status: "【您家的情况】",
    qr_title: "用手机扫一扫，把清单带走",
    qr_scan: "打开微信或相机，对准二维码",
    qr_partial: "二维码里是前 {k} 项，完整清单请打印或拍照",
    qr_none: "屏幕太小，放不下清单的二维码。请打印清单，或拍下上一页。",
    countdown_title: "还在用吗？",
    countdown: "{s} 秒后清空您填的内容，回到首页。",
    keep_going: "继续使用",
    staff_title: "工作人员退出",
    staff_prompt: "请输入密码，按回车确认。",
    staff_wrong: "密码不对。",
    staff_locked: "输错太多次，请稍后再试。",
    staff_no_pin: "没有设置工作人员密码，不能从这里退出。请在配置文件里设置 kiosk_pin_sha256。",
    cancel: "取消",
    too_small: "窗口太小，请把窗口放大。",
    eligible: "符合",
    maybe: "可能符合",
};

static EN: Texts = Texts {
    app: "Support self-check",
    welcome_title: "Find the public support your household can get",
    welcome_lines: &[
        "Answer a few simple questions, one per screen. About two minutes.",
        "If you do not know an answer, choose \"Not sure\".",
    ],
    start: "Start",
    privacy: "Nothing you enter is kept. When nobody uses the kiosk for a while, \
              it is all cleared.",
    question_of: "Question {n} (at most {max})",
    back: "Back",
    restart: "Start over",
    hint_question: "Press a number key, or tap an answer",
    results_title: "Support your household may get",
    results_counts: "Eligible: {e} · Maybe: {m}",
    results_none: "No matching support was found. Come back when things change, or call 12345.",
    hint_results: "Up/Down to choose, Enter for details; or tap",
    open: "Details",
    qr: "QR code",
    print: "Print",
    printed: "Sent to the printer. Please take your list from the printer.",
    print_failed: "Printing did not work. Please ask a member of staff.",
    page_up: "Up",
    page_down: "Down",
    hint_page: "Up/Down to scroll",
    your_status: "[Your household]",
    qr_title: "Scan to take the list with you",
    qr_scan: "Point WeChat or the camera at the code",
    qr_partial: "The code holds the first {k} items; print the list for all",
    qr_none: "The screen is too small for the list's code. Print the list, or photograph it.",
    countdown_title: "Still there?",
    countdown: "In {s} seconds your answers are cleared and the start screen returns.",
    keep_going: "Keep going",
    staff_title: "Staff exit",
    staff_prompt: "Enter the PIN and press Enter.",
    staff_wrong: "Wrong PIN.",
    staff_locked: "Too many wrong tries. Try again later.",
    staff_no_pin: "No staff PIN is set, so the kiosk cannot be left here. \
                   Set kiosk_pin_sha256 in the config file.",
    cancel: "Cancel",
    too_small: "The window is too small. Please make it larger.",
    eligible: "Eligible",
    maybe: "Maybe",
};
