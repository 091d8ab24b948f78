"""Each source text is normalised and tokenised once, whatever asks for it."""

from __future__ import annotations

from reader.translate.marian_tokens import encode_source
from reader.translate.source_memo import SourceMemo


class CountingTokenizer:
    """Whitespace pieces, ids from a growing vocabulary; counts how often it tokenises."""

    eos_token_id = 0
    eos_token = "</s>"

    def __init__(self) -> None:
        self.tokenised = 0
        self.vocab = {"</s>": 0, "<unk>": 1}

    def normalize(self, text: str) -> str:
        return text.strip()

    def tokenize(self, text: str) -> list[str]:
        self.tokenised += 1
        return ["▁" + word for word in text.split()]

    def convert_tokens_to_ids(self, pieces: list[str]) -> list[int]:
        return [self.vocab.setdefault(p, len(self.vocab)) if "؟" not in p else 1 for p in pieces]

    def convert_ids_to_tokens(self, ids: list[int]) -> list[str]:
        names = {i: p for p, i in self.vocab.items()}
        return [names[i] for i in ids]


def test_an_encoding_is_what_encode_source_gives_and_is_made_once() -> None:
    tokenizer = CountingTokenizer()
    memo = SourceMemo(tokenizer)
    text = "قال الوزير ؟ اليوم"
    first = memo.get(text)
    assert memo.get(text) is first
    assert tokenizer.tokenised == 1
    assert first.ids == encode_source(CountingTokenizer(), text)
    assert first.count == 5  # the pieces and </s>, before truncation
    assert first.tokens == ["▁قال", "▁الوزير", "<unk>", "▁اليوم", "</s>"]  # unknown pieces read <unk>


def test_the_memo_forgets_its_oldest_text_at_capacity() -> None:
    tokenizer = CountingTokenizer()
    memo = SourceMemo(tokenizer, capacity=3)
    for text in ("أ", "ب", "ج", "د"):
        memo.get(text)
    assert len(memo) == 3
    memo.get("ب")
    assert tokenizer.tokenised == 4  # still kept
    memo.get("أ")
    assert tokenizer.tokenised == 5  # forgotten, so made again
