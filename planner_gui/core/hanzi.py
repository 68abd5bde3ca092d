"""Traditional characters read as simplified, for recognising words only.

A 范文 page converted to 繁體 writes 負責人, 長期, 時間, 內容, 計劃; the
importers and paste must read them as 负责人, 长期 … while keeping the text
as written. `fold` maps one character to one character, so an offset in the
folded text is the same offset in the original.

The table covers the characters of the words plans are read by (months,
headings, table headers, owners, banners), not the whole script.
"""

from __future__ import annotations

import re
from functools import cache

_PAIRS = (
    "會会 動动 組组 織织 開开 員员 職职 勞劳 節节 慶庆 發发 學学 習习 計计 劃划 調调 總总 結结 關关 愛爱 為为 "
    "體体 賽赛 崗岗 業业 務务 訓训 練练 讀读 書书 婦妇 個个 進进 長长 導导 紀纪 聞闻 園园 樂乐 藝艺 術术 聽听 "
    "講讲 檢检 報报 議议 審审 選选 舉举 預预 財财 經经 費费 產产 單单 時时 間间 內内 負负 責责 備备 東东 歲岁 "
    "團团 歡欢 聯联 誼谊 論论 壇坛 訪访 問问 題题 難难 視视 級级 標标 規规 範范 權权 維维 護护 宣宣 傳传 強强 "
    "設设 隊队 營营 現现 實实 滿满 積积 極极 態态 確确 認认 識识 領领 層层 換换 環环 場场 館馆 謝谢 衛卫 類类 "
    "項项 獻献 慣惯 輔辅 閒闲 績绩 優优 獎奖 評评 啟启 義义 廠厂 賬账 錄录 簡简 擴扩 邀邀 請请 屬属 華华 "
    "歷历 曆历 曆历 車车 於于 與与 這这 個个 們们 來来 對对 從从 過过 還还 後后 裡里 裏里 邊边 頭头 條条 "
    "説说 說说 話话 記记 語语 證证 詞词 該该 詳详 細细 務务 勵励 幫帮 貧贫 慰慰 溫温 暖暖 養养 療疗 醫医 "
    "藥药 雙双 減减 專专 門门 將将 爭争 創创 優优 質质 術术 氣气 風风 黨党 紅红 線线 網网 絡络 資资 訊讯 "
    "測测 驗验 嚴严 監监 督督 聽听 覺觉 參参 與与 並并 並并 幹干 員员 團团 區区 縣县 鄉乡 鎮镇 醫医 院院 "
    "齡龄 兒儿 離离 退退 休休 屆届 屆届 隨随 趣趣 搶抢 險险 災灾 濟济 錢钱 帳账 統统 籌筹 辦办 處处 據据 "
    "價价 値值 樹树 風风 貌貌 軍军 韓韩 歲岁 週周 誕诞 聖圣 陽阳 曆历 農农 "
    "準准 則则 畫画 攝摄 影影 書书 寫写 徵征 鬥斗 "
    "繼继 續续 細细 綱纲 彙汇 匯汇 滙汇 "
)
_MAP = {pair[0]: pair[1] for pair in _PAIRS.split() if len(pair) == 2 and pair[0] != pair[1]}
_TABLE = str.maketrans(_MAP)


@cache
def _any_traditional() -> re.Pattern[str]:
    """Finds one of the traditional characters above. Compiled on first use:
    the editor imports this module at start-up (through the month table) but
    folds no text until a paste or an import, and compiling a class of
    scattered ideographs costs about 1 ms."""
    return re.compile("[" + "".join(sorted(_MAP)) + "]")


def fold(text: str) -> str:
    """The text with the traditional characters above made simplified (same length)."""
    return text.translate(_TABLE) if _any_traditional().search(text) else text
