"""What a report tells the reader about how an input was read (Document.notices holds the keys)."""

from __future__ import annotations

NOTICES = {
    "tracked-changes": {
        "zh": "含修订，按接受全部修订后的文字检查",
        "en": "has tracked changes: checked as the text reads with all of them accepted",
    },
    "images": {
        "zh": "含图片 {n} 张，其中的文字和数字未读取",
        "en": "{n} image(s): their text and figures are not read",
    },
    "charts": {"zh": "含图表 {n} 个，其中的数字未读取", "en": "{n} chart(s): their figures are not read"},
    "objects": {
        "zh": "含嵌入对象（如电子表格）{n} 个，未读取",
        "en": "{n} embedded object(s) (a spreadsheet, for instance): not read",
    },
}


def notice_text(key: str, lang: str) -> str:
    """A notice in the report's language; `key` is a name, or a name and a count (「images=3」)."""
    name, _, count = key.partition("=")
    words = NOTICES.get(name)
    return (words.get(lang) or words["zh"]).format(n=count) if words else key
