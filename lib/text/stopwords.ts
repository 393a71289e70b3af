// Stop words for English and Chinese. Words that mean something in technology (system, computer,
// performance, energy, network) are deliberately absent even where general lists carry them.

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** NLTK's English list plus common adverbs and connectives (≈300 words). */
const englishGeneral = `
a about above across after afterwards again against ago all almost alone along already also although
always am among amongst an and another any anybody anyhow anyone anything anyway anywhere are aren
around as at away be became because become becomes becoming been before beforehand behind being below
beside besides between beyond both but by can cannot could couldn did didn do does doesn doing don done
down due during each either else elsewhere enough especially etc even ever every everybody everyone
everything everywhere except far few fewer first for former formerly from further furthermore get gets
getting given gives go goes going got had hadn has hasn have haven having he hence her here hereafter
hereby herein hereupon hers herself him himself his how however i ie if in indeed instead into is isn
it its itself just last later latter latterly least less let like likely ltd made mainly make makes
making many may maybe me meanwhile might mightn mine more moreover most mostly much must mustn my
myself namely near nearly need needn needs neither never nevertheless next nine no nobody non none
noone nor not nothing now nowhere of off often on once one only onto or other others otherwise ought
our ours ourselves out over overall own per perhaps please quite rather really regarding same second
several shall shan she should shouldn since so some somehow someone something sometime sometimes
somewhat somewhere still such than that the their theirs them themselves then thence there thereafter
thereby therefore therein thereupon these they third this those though three through throughout thru
thus to together too toward towards two under unless until unlike up upon us very via was wasn we
well were weren what whatever when whence whenever where whereafter whereas whereby wherein whereupon
wherever whether which while whither who whoever whole whom whose why will with within without won
would wouldn yet you your yours yourself yourselves
`;

/** Words that every abstract uses and no topic is about, with their inflections (no stemming here). */
const englishAcademic = `
abstract aim aims approach approaches article articles author authors based conclude concluded
conclusion conclusions copyright demonstrate demonstrated demonstrates demonstrating describe described
describes different discuss discussed elsevier experiment experimental experiments finding findings
furthermore include included includes including introduce introduced introduces investigate
investigated investigates investigating method methods new novel obtain obtained paper papers present
presented presents propose proposed proposes proposing provide provided provides published reserved
respectively result resulted results rights show showed showing shown shows significant significantly
springer studied studies study studying use used uses using various work works
`;

export const englishStopWords: ReadonlySet<string> = words(englishGeneral + englishAcademic);

/** Common Chinese function words plus abstract boilerplate (本文, 研究, 方法, 提出 …). */
export const chineseStopWords: ReadonlySet<string> = words(`
的 了 和 是 在 有 与 及 或 等 也 都 就 而 并 但 对 从 以 为 于 将 把 被 让 向 由 其 之 这 那 该 此 各 每
某 本 已 可 能 会 要 得 地 着 过 所 即 则 若 如 很 最 更 又 再 还 较 个 种 些 们
我们 你们 他们 她们 它们 自己 这个 那个 这些 那些 这种 那种 这样 那样 一个 一种 一些 一定 一般 一直
本文 本研究 研究 方法 提出 基于 通过 进行 采用 利用 使用 以及 及其 并且 而且 或者 但是 然而 因此 所以
因为 由于 如果 虽然 尽管 即使 只要 只有 除了 此外 另外 同时 其中 其他 其它 以上 以下 之间 之后 之前
之中 当中 方面 问题 结果 表明 显示 具有 能够 可以 可能 应该 需要 已经 正在 仍然 还是 不是 没有 不仅
而是 非常 更加 十分 比较 相关 主要 重要 不同 各种 各个 每个 所有 一切 任何 某些 如何 什么 怎么 为什么
哪些 多少 这里 那里 目前 当前 近年来 随着 根据 按照 关于 对于 针对 作为 成为 得到 获得 发现 认为 给出
说明 介绍 讨论 探讨 综述 论文 文章 工作 分别 进一步 其次 首先 最后 从而 进而 以便 以免 对此 为此 并非
之一 一方面 另一方面 总之 例如 比如 包括 具体 有效 有关 存在 实现 提供 取得 开展 分析 表示 具备 达到
目的 背景 结论 意义 明显 旨在 有所 结果表明 研究表明 实验表明 试验表明 分析表明 结果显示 研究发现
`);
