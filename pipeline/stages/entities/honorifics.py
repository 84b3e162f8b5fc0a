"""Honorifics of address at a name's start are no part of the name, and tell a person (entities round 41, issue 18).

Malaysian and Indian news write a person's honorific before the name, after the office: "Defence Minister Datuk Seri
Mohamed Khaled Nordin" (dev10 1507; "Deputy Prime Minister Datuk Seri Fadillah Yusof", "Communication Minister Datuk
Fahmi Fadzil", The Sun Malaysia, 2025), "Agriculture Secretary Shri Devesh Chaturvedi", "Shri Chouhan announced" (dev10
1512; "Raksha Mantri Shri Rajnath Singh", "Shri Pravin Srivastava, Former Secretary", PIB, April 2025). The model keeps
the honorific inside the span ("Shri Devesh Chaturvedi") or takes it alone as a person ("Datuk Seri").

An honorific of ``address_honorifics`` (entities.toml; several words first: "Datuk Seri" before "Datuk") opening a
mention, then a capitalised word, is cut from the span (detector ``rule:honorific_edge``), and the rest is a person's
name (PERSON, evidence ``honorific``) unless a gazetteer entry names it; in a name the model calls a person, an
honorific after other capitalised words (an office's: "Raksha Mantri Shri Rajnath Singh") is cut with them; in any
other name, an honorific after a comma parts an office the model took for an organisation from its holder ("Union
Minister for Agriculture & Farmers' Welfare and Rural Development, Shri Shivraj Singh Chouhan", dev10 1512), the
holder taking in a person's mention right after it. A mention made of honorifics alone gives way to the capitalised
words right after it (up to four), a person's name (detector ``rule:honorific_name``: "Deputy Prime Minister Datuk
Seri Fadillah Yusof said", where the model took "Datuk Seri" alone), or is dropped when another mention holds them or
none follow. Honorifics that are also family or given names ("Sheikh Hasina", "Haji") are not in the list.
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.stages.entities.context import ArticleContext, Mention
from pipeline.stages.entities.trimming import trim
from pipeline.stages.reconcile import GazetteerEntry, fold_whitespace

#: the capitalised words after an honorific taken alone: the person's name
_NAME_AFTER = re.compile(r"[^\S\n]+([A-Z][\w’'-]+(?:[^\S\n]+[A-Z][\w’'-]+){0,3})")
#: labels a name opened by an honorific may have had from the model
_GUESSED = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"})


class Honorifics:
    """Cut honorifics of address from a name's start and label the rest a person (see the module docstring)."""

    def __init__(self, cfg: dict, by_surface: dict[str, GazetteerEntry]) -> None:
        words = sorted(cfg.get("address_honorifics", []), key=len, reverse=True)
        self.by_surface = by_surface
        alternatives = "|".join(re.escape(w).replace(r"\ ", r"[^\S\n]+") for w in words)
        self._lead = re.compile(r"(?:" + alternatives + r")(?![\w’'])[^\S\n]*") if words else None
        #: an honorific inside a span, after a space (group 0 ends where the name starts)
        self._inner = re.compile(r"(?<=[^\S\n])(?:" + alternatives + r")[^\S\n]+(?=[A-Z])") if words else None

    def __call__(self, ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
        if self._lead is None:
            return mentions
        out: list[Mention] = []
        skip: set[int] = set()
        for i, m in enumerate(mentions):
            if i in skip:
                continue
            if m.entry is not None or m.label not in _GUESSED:
                out.append(m)
                continue
            if m.label != "PERSON" and (parts := self._split(ctx, mentions, i)) is not None:
                out.extend(parts[0])
                skip.update(parts[1])
                continue
            pos = m.start
            while (g := self._lead.match(ctx.text, pos, m.end)) is not None and g.end() > pos:
                pos = g.end()
            if pos == m.start and m.label == "PERSON":
                inner = list(self._inner.finditer(ctx.text, m.start, m.end))
                pos = inner[-1].end() if inner else pos
            if pos == m.start:
                out.append(m)
            elif pos >= m.end or not ctx.text[pos:m.end].strip():
                # "Datuk Seri" alone: the name right after it, unless another mention holds it
                name = _NAME_AFTER.match(ctx.text, m.end)
                nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(ctx.text)
                if name is not None and name.end(1) <= nxt:
                    start, end = trim(ctx.text, name.start(1), name.end(1))
                    if start < end:
                        out.append(Mention(start, end, "PERSON", "rule:honorific_name", evidence="honorific"))
            elif ctx.text[pos:pos + 1].isupper():
                start, end = trim(ctx.text, pos, m.end)
                rest = fold_whitespace(ctx.text[start:end])
                entry = self.by_surface.get(rest)
                label = entry.label if entry is not None else "PERSON"
                evidence = m.evidence if entry is not None else "honorific"
                out.append(replace(m, start=start, end=end, label=label, entry=entry, evidence=evidence,
                                   detector="rule:honorific_edge"))
            else:
                out.append(m)
        return out

    def _split(self, ctx: ArticleContext, mentions: list[Mention], i: int) -> tuple[list[Mention], set[int]] | None:
        """An office and its holder the model read as one organisation ("Minister for Agriculture & Farmers' Welfare
        and Rural Development, Shri Shivraj" + "Singh Chouhan", dev10 1512): the part before the comma keeps its label,
        the name after the honorific is a person's, taking in a person's mention right after it (one space)."""
        m, text = mentions[i], ctx.text
        inner = [g for g in self._inner.finditer(text, m.start, m.end) if text[m.start:g.start()].rstrip().endswith(",")]
        if not inner:
            return None
        g = inner[-1]
        left_start, left_end = trim(text, m.start, text.rindex(",", m.start, g.start()))
        end, used = m.end, set()
        if i + 1 < len(mentions):
            n = mentions[i + 1]
            if n.label == "PERSON" and n.entry is None and text[m.end:n.start] == " ":
                end, used = n.end, {i + 1}
        start, end = trim(text, g.end(), end)
        if start >= end or left_start >= left_end:
            return None
        parts = [replace(m, start=left_start, end=left_end, detector="rule:honorific_edge"),
                 Mention(start, end, "PERSON", "rule:honorific_edge", evidence="honorific")]
        return parts, used
