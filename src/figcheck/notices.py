"""What a report tells the reader about how an input was read (Document.notices holds the keys)."""

from __future__ import annotations

NOTICES = {
    "tracked-changes": {
        "zh": "含修订，按接受全部修订后的文字检查",
        "en": "has tracked changes: checked as the text reads with all of them accepted",
    },
}


def notice_text(key: str, lang: str) -> str:
    words = NOTICES.get(key)
    return words.get(lang, words["zh"]) if words else key
