"""Formulas out of the search index: search results show ``长度为 M 的输入``, not ``长度为 \\(M\\) 的输入``.

Material's search plugin indexes a page's HTML before hooks/katex.py typesets its formulas, so the index,
and with it every result preview, would hold TeX source. This Python-Markdown extension marks every
formula box of pymdownx.arithmatex (``.arithmatex``) with ``data-search-exclude``, which the search plugin
honours and then removes from the page. An inline formula simple enough to read as text (letters, digits,
operators, Greek letters, sub- and superscripts, fractions) is followed by its plain-text reading in a
``<template>``: inert, not shown, not read by screen readers, but indexed, so the preview reads
``M-K+1`` or ``⌊(M+2P-K)/S⌋+1`` where the formula stood. Display formulas are left out of the index.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

GREEK = {name: chr(code) for name, code in {
    "alpha": 0x3B1, "beta": 0x3B2, "gamma": 0x3B3, "delta": 0x3B4, "epsilon": 0x3B5, "varepsilon": 0x3B5,
    "zeta": 0x3B6, "eta": 0x3B7, "theta": 0x3B8, "vartheta": 0x3D1, "iota": 0x3B9, "kappa": 0x3BA,
    "lambda": 0x3BB, "mu": 0x3BC, "nu": 0x3BD, "xi": 0x3BE, "pi": 0x3C0, "rho": 0x3C1, "sigma": 0x3C3,
    "tau": 0x3C4, "upsilon": 0x3C5, "phi": 0x3D5, "varphi": 0x3C6, "chi": 0x3C7, "psi": 0x3C8,
    "omega": 0x3C9, "Gamma": 0x393, "Delta": 0x394, "Theta": 0x398, "Lambda": 0x39B, "Xi": 0x39E,
    "Pi": 0x3A0, "Sigma": 0x3A3, "Phi": 0x3A6, "Psi": 0x3A8, "Omega": 0x3A9}.items()}
SYMBOLS = {
    "times": "×", "cdot": "·", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠",
    "pm": "±", "approx": "≈", "infty": "∞", "in": "∈", "notin": "∉", "to": "→", "rightarrow": "→",
    "leftarrow": "←", "Rightarrow": "⇒", "Longrightarrow": "⇒", "dots": "…", "ldots": "…", "cdots": "⋯",
    "sum": "∑", "prod": "∏", "partial": "∂", "nabla": "∇", "odot": "⊙", "lfloor": "⌊", "rfloor": "⌋",
    "lceil": "⌈", "rceil": "⌉", "{": "{", "}": "}", "|": "‖", "lVert": "‖", "rVert": "‖", "Vert": "‖",
    "lvert": "|", "rvert": "|", "mid": "|", "star": "⋆", "prime": "′", "triangleq": "≜", "sim": "∼",
    "circ": "∘", "ell": "ℓ", "forall": "∀", "exists": "∃", "%": "%", "#": "#", "_": "_", "&": "&",
    "top": "ᵀ", "ll": "≪", "gg": "≫", "gtrsim": "≳", "lesssim": "≲", "equiv": "≡", "propto": "∝",
    "cap": "∩", "cup": "∪", "subset": "⊂", "emptyset": "∅",
    ",": " ", ";": " ", ":": " ", "!": "", " ": " ", "quad": " ", "qquad": " "}
NAMES = {"max", "min", "log", "ln", "exp", "sin", "cos", "tan", "tanh", "arg", "det", "lim", "sup", "inf"}
STYLES = {"boldsymbol", "mathbf", "bm", "mathrm", "mathit", "mathsf", "text", "textrm", "operatorname",
          "mathcal"}
BLACKBOARD = {"R": "ℝ", "E": "𝔼", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ"}
SIZES = {"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl",
         "biggr", "displaystyle", "textstyle", "limits"}
SUPERSCRIPT = dict(zip("0123456789+-=()nilT", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱˡᵀ", strict=True))
SUBSCRIPT = dict(zip("0123456789+-=()aeijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ", strict=True))
TOKEN = re.compile(r"\\[A-Za-z]+|\\.|[{}^_]|\s+|[^\\{}^_\s]")


class Unreadable(ValueError):
    """The formula uses something the plain-text reading does not cover (matrices, \\underbrace...)."""


def plain_text(tex: str) -> str:
    """A plain-text reading of a simple TeX formula; raises ``Unreadable`` for anything else."""
    tokens = TOKEN.findall(tex)
    text, rest = _sequence(tokens, 0)
    if rest != len(tokens):
        raise Unreadable(tex)
    # TeX's spaces mean nothing: keep one only between two letters or digits (log 2, 2π x), and space
    # the relations and commas as a reader writes them
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"(?<=(.)) (?=(.))", lambda m: " " if m[1].isalnum() and m[2].isalnum() else "", text)
    text = re.sub(r"\s*([=≈≤≥≠<>∈→⇒])\s*", r" \1 ", text)
    return re.sub(r",\s*", ", ", text).strip()


def _sequence(tokens: list[str], i: int) -> tuple[str, int]:
    out = []
    while i < len(tokens) and tokens[i] != "}":
        piece, i = _atom(tokens, i)
        out.append(piece)
    return "".join(out), i


def _group(tokens: list[str], i: int) -> tuple[str, int]:
    """One argument: a {...} group or a single token."""
    if i >= len(tokens):
        raise Unreadable("missing argument")
    if tokens[i] == "{":
        text, i = _sequence(tokens, i + 1)
        if i >= len(tokens):
            raise Unreadable("unclosed group")
        return text, i + 1
    return _atom(tokens, i)


def _atom(tokens: list[str], i: int) -> tuple[str, int]:
    token = tokens[i]
    if token == "{":
        return _group(tokens, i)
    if token in "^_":
        arg, i = _group(tokens, i + 1)
        table = SUPERSCRIPT if token == "^" else SUBSCRIPT
        if arg and all(c in table or c in table.values() for c in arg):
            return "".join(table.get(c, c) for c in arg), i
        return token + (arg if len(arg) == 1 or arg.startswith("(") and arg.endswith(")") else f"({arg})"), i
    if token.isspace():
        return " ", i + 1
    if not token.startswith("\\"):
        return token, i + 1
    name = token[1:]
    if name in SIZES:
        return "", i + 1
    if name in GREEK:
        return GREEK[name], i + 1
    if name in SYMBOLS:
        return SYMBOLS[name], i + 1
    if name in NAMES:
        return name, i + 1
    if name in STYLES:
        return _group(tokens, i + 1)
    if name == "mathbb":
        arg, i = _group(tokens, i + 1)
        return "".join(BLACKBOARD.get(c, c) for c in arg), i
    if name == "hat":
        arg, i = _group(tokens, i + 1)
        return arg + "\u0302", i
    if name in ("frac", "tfrac", "dfrac"):
        top, i = _group(tokens, i + 1)
        bottom, i = _group(tokens, i)
        wrap = [s if len(s) == 1 or s.isalnum() else f"({s})" for s in (top, bottom)]
        return "/".join(wrap), i
    if name == "sqrt":
        arg, i = _group(tokens, i + 1)
        return "√" + (arg if len(arg) == 1 else f"({arg})"), i
    raise Unreadable(name)


class FormulasOutOfSearch(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for index, el in reversed(list(enumerate(parent))):
                if "arithmatex" not in (el.get("class") or "").split():
                    continue
                # set after class: the search plugin strips it, leaving `<span class="arithmatex">`,
                # which is what hooks/katex.py looks for
                el.set("data-search-exclude", "formula")
                if el.tag != "span":
                    continue  # display formulas stay out of the index
                tex = (el.text or "").strip()
                if not (tex.startswith("\\(") and tex.endswith("\\)")):
                    continue
                try:
                    reading = plain_text(tex[2:-2])
                except Unreadable:
                    continue
                twin = etree.Element("template", {"class": "search-text"})
                twin.text, twin.tail, el.tail = reading, el.tail, None
                parent.insert(index + 1, twin)


class SearchTextExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.registerExtension(self)
        # after the inline patterns (20) that make inline formulas
        md.treeprocessors.register(FormulasOutOfSearch(md), "search_text", 3)


def makeExtension(**kwargs) -> SearchTextExtension:  # noqa: N802 (Python-Markdown's name)
    return SearchTextExtension(**kwargs)
