//! The Chinese desk's words for a generated archive: text with no spaces
//! between words (a sentence is one run of Han characters, with Latin
//! names and numbers among them now and then), Chinese names and a
//! `zh-CN` site.

use serde_json::json;

use super::{Random, Voice};

/// The newsroom's common words, the university's names among them.
const COMMON: &str = "大学 学生 研究 校园 国际 学院 工程 科学 技术 实验室 教授 校长 论坛 会议 \
    典礼 奖项 团队 项目 设计 能源 电力 光学 医疗 器械 图书馆 研究生 本科生 教师 师生 交流 合作 \
    伙伴 代表团 创新 发展 未来 上海 中国 欧洲 学术 课程 讲座 研讨会 比赛 全国 城市 产业 企业 制造 \
    智能 机器 数据 数字 网络 系统 健康 环境 绿色 低碳 水资源 气候 材料 物理 化学 数学 管理 经济 \
    语言 文化 历史 艺术 音乐 体育 志愿者 社区 校友 周年 中心 研究院 委员会 部门 领导 嘉宾 参观 \
    签署 协议 开幕 启动 举行 主办 欢迎 宣布 介绍 讨论 庆祝 完成 开发 发表 获得 加入 组织 表示 \
    首届 青年 全球 重要 成功 年度 现代 实践 公共 上海理工大学 上理工 沪江 军工路 长三角 高校 \
    人才 培养 服务 社会 国家 重点 平台 建设 成果 转化 推进 深化 提升 质量 特色 优势";

/// Latin words that Chinese text carries among its characters.
const LATIN: [&str; 6] = ["USST", "5G", "AI", "2020", "iGEM", "MBA"];

/// The characters made-up words and names are drawn from, commonest first.
const CHARACTERS: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主\
    发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起\
    小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表\
    间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情\
    者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图\
    山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研究队南给色光\
    门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更\
    单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空\
    元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深\
    难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标";

const SURNAMES: [&str; 20] = [
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
    "何", "郭", "马", "罗",
];

const SECTIONS: [&str; 8] = [
    "校园", "科研", "国际", "学生", "活动", "教学", "校友", "体育",
];

const ROLES: [&str; 8] = [
    "上海理工大学校长",
    "上海理工大学副校长",
    "光电信息与计算机工程学院院长",
    "国际交流处处长",
    "机械工程学院教授",
    "学生代表",
    "访问学者",
    "校党委书记",
];

/// Chinese: words run together, made-up words from common characters.
pub(super) struct Chinese {
    common: Vec<&'static str>,
    characters: Vec<char>,
}

impl Chinese {
    pub(super) fn new() -> Self {
        Self {
            common: COMMON.split_whitespace().collect(),
            characters: CHARACTERS.chars().filter(|c| !c.is_whitespace()).collect(),
        }
    }

    /// A made-up word of two or three characters from the rank (the same
    /// rank, the same word).
    fn term(&self, rank: usize) -> String {
        let n = self.characters.len();
        let at = |k: usize| self.characters[k % n];
        let mut word: String = [at(rank), at(rank * 31 + rank / n + 1)].iter().collect();
        if rank.is_multiple_of(5) {
            word.push(at(rank * 17 + 3));
        }
        word
    }
}

impl Voice for Chinese {
    fn word(&self, random: &mut Random) -> String {
        match random.below(12) {
            0..=3 => self.term(random.zipf(40_000)),
            4 => random.pick(&LATIN).to_owned(),
            _ => random.pick(&self.common).to_owned(),
        }
    }

    fn sentence(&self, random: &mut Random, words: usize) -> String {
        let mut text = String::new();
        for i in 0..words {
            let word = self.word(random);
            // Latin words stand apart from the characters, as editors
            // write them; a comma now and then.
            if word.is_ascii() && !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&word);
            if word.is_ascii() {
                text.push(' ');
            } else if i % 7 == 6 && i + 1 < words {
                text.push('，');
            }
        }
        text.trim_end().to_owned() + "。"
    }

    fn sentence_gap(&self) -> &'static str {
        ""
    }

    fn person(&self, rank: usize) -> String {
        let surname = SURNAMES[rank % SURNAMES.len()];
        let n = self.characters.len();
        let first = self.characters[(rank * 7 + 3) % n];
        if rank.is_multiple_of(3) {
            format!("{surname}{first}")
        } else {
            let second = self.characters[(rank * 13 + 5) % n];
            format!("{surname}{first}{second}")
        }
    }

    fn headline(&self, random: &mut Random, number: usize) -> String {
        let words: String = (0..4 + random.below(4))
            .map(|_| self.word(random))
            .collect();
        format!("上海理工大学{words}（第{number}期）")
    }

    fn sections(&self) -> &'static [&'static str] {
        &SECTIONS
    }

    fn roles(&self) -> &'static [&'static str] {
        &ROLES
    }

    fn alt(&self) -> &'static str {
        "校园风景图"
    }

    fn site(&self) -> String {
        json!({
            "name": "上海理工大学新闻网",
            "origin": "https://news.example.edu",
            "language": "zh-CN",
            "language_name": "中文",
            "description": "为在规模上测量阅读器而生成的中文新闻档案。",
            "list_title": "新闻动态",
            "nav": [
                {"label": "新闻动态", "href": "/"},
                {"label": "发言人", "href": "/speakers"},
                {"label": "搜索", "href": "/search"}
            ],
            "footer": {"heading": "联系我们", "links": [
                {"label": "新闻中心邮箱", "href": "mailto:news@example.edu"}
            ]}
        })
        .to_string()
    }
}
