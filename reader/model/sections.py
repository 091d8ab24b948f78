"""Chapters from headings: every heading opens a section, nested under the nearest shallower one.

Shared by every format reader: they produce blocks in reading order, this gives them structure.
Blocks before the first heading form an untitled leading section.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reader.model.nodes import Block, BlockKind, Section


@dataclass
class _Open:
    id: int
    title: str
    level: int
    heading_block: int | None
    block_ids: list[int] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    def freeze(self) -> Section:
        return Section(
            self.id, self.title, self.level, self.heading_block, tuple(self.block_ids), tuple(self.children)
        )


def build_sections(blocks: Sequence[Block], title_of: Callable[[Block], str]) -> tuple[Section, ...]:
    """Nest *blocks* into sections by heading level; ``title_of`` gives a heading's text."""
    top: list[Section] = []
    stack: list[_Open] = []
    next_id = 0

    def close_to(level: int) -> None:
        while stack and stack[-1].level >= level:
            done = stack.pop().freeze()
            (stack[-1].children if stack else top).append(done)

    for block in blocks:
        if block.kind is BlockKind.HEADING:
            level = max(block.level, 1)
            close_to(level)
            stack.append(_Open(next_id, title_of(block), level, block.id, [block.id]))
            next_id += 1
            continue
        if not stack:
            stack.append(_Open(next_id, "", 0, None))
            next_id += 1
        stack[-1].block_ids.append(block.id)
    close_to(0)
    return tuple(top)
