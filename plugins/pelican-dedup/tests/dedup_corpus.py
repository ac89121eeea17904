"""An adversarial corpus: posts with planted copies and legitimate repeats.

Each case is (name, format, source, once, stays); a text starting with "<" or
naming a file or address is counted in the HTML, any other in the visible text:
- ``once``: texts planted more than once; the repaired post must hold each
  exactly once (a copy kept is a miss);
- ``stays``: texts the author repeats on purpose; each must keep every
  occurrence.
Every case must also lose no word, image source or link target.
"""

A = "The second interview with the logistics firm was a panel of four, and it ran long."
B = "I prepared for a week and still felt nervous walking into the glass building downtown."
C = "They asked how I measured a partner program's return, which I had rehearsed twice."
D = "Afterwards I wrote a thank-you note to each of them that same evening, by hand."
E = "My friend at the agency says the market always picks up after the winter holidays."
F = "I rehearsed how I position my experience to be everything but the formal title."
UPDATE = "Update: they called back on Friday and offered me the job."
CJK1 = "我今天去了第二次面试，面试官问了很多关于合作伙伴计划的问题，我回答得还不错。"
CJK2 = "回家以后我给每一位面试官都写了一封感谢信，希望下周能收到好消息。"
JA1 = "今日は二回目の面接に行きました。面接官は四人で、とても長い時間がかかりました。"
JA2 = "帰宅してから、面接官のみなさんにお礼のメールを送りました。来週が楽しみです。"
REFRAIN = "And still I keep on knocking at the doors that will not open."
SHORT = "Thanks!"


def md(*blocks):
    return "\n\n".join(blocks) + "\n"


def html(*blocks):
    return "\n".join(blocks) + "\n"


def p(*texts):
    return [f"<p>{t}</p>" for t in texts]


def div(*texts):
    return [f"<div>{t}</div>" for t in texts]


CASES = [
    # --- a body saved twice ---------------------------------------------------
    ("md-doubled-body", "md", md(A, B, C, D, A, B, C, D), [A, B, C, D], []),
    ("md-doubled-newer-save", "md", md(A, B, C, D, A, B, C + " " + UPDATE, D), [A, B, D], [UPDATE]),
    (
        "md-doubled-older-save-shorter",
        "md",
        md(A, B, C + " " + UPDATE, D, A, B, C, D),
        [A, B, D],
        [],
    ),
    ("md-changed-number", "md", md(A, B, C, A, B, C.replace("twice", "three times")), [A, B], []),
    ("md-changed-word", "md", md(E, F, A, E, F.replace("formal", "official"), A), [E, A], []),
    ("md-tripled-body", "md", md(A, B, C, A, B, C, A, B, C), [A, B, C], []),
    ("md-run-with-heading", "md", md("## Monday", A, B, "## Monday", A, B), [A, B, "Monday"], []),
    (
        "md-dashes",
        "md",
        md(A.replace(",", " --"), B, C, A.replace(",", " \u2013"), B, C),
        [B, C],
        [],
    ),
    ("md-curly-quotes", "md", md(C, D, C.replace("'", "\u2019"), D), [D], []),
    ("md-single-long-repeat", "md", md(A, B, C, D, A), [A], []),
    ("md-saved-three-times-in-a-row", "md", md(E, A, A, A, F), [A], []),
    ("md-short-repeats-stay", "md", md(SHORT, A, SHORT, B), [], [SHORT]),
    ("md-refrain", "md", md(REFRAIN, A, REFRAIN, B, REFRAIN, C), [], [REFRAIN]),
    (
        "md-doubled-poem",
        "md",
        md(A, REFRAIN, B, REFRAIN, C, REFRAIN) * 1 + md(A, REFRAIN, B, REFRAIN, C, REFRAIN),
        [A, B, C],
        [],
    ),
    (
        "md-headings-in-sections",
        "md",
        md("## Pros", A, "## Cons", B, "## Pros", C, "## Cons", D),
        [],
        ["Pros", "Cons"],
    ),
    (
        "md-numbered-then-bulleted",
        "md",
        md(A, "1. " + B + "\n2. " + C, D, A, "- " + B + "\n- " + C, D),
        [A, B, C, D],
        [],
    ),
    (
        "md-nested-list",
        "md",
        md(
            A,
            "- " + B + "\n    - " + C + "\n    - " + D,
            A,
            "- " + B + "\n    - " + C + "\n    - " + D,
        ),
        [A, B, C, D],
        [],
    ),
    (
        "md-table-in-run",
        "md",
        md(A, "| a | b |\n|---|---|\n| 1 | 2 |", B, A, "| a | b |\n|---|---|\n| 1 | 2 |", B),
        [A, B, "<table"],
        [],
    ),
    (
        "md-table-alone",
        "md",
        md("| a | b |\n|---|---|\n| 1 | 2 |", A, "| a | b |\n|---|---|\n| 1 | 2 |"),
        [],
        ["<table"],
    ),
    (
        "md-footnote",
        "md",
        md(A + "[^n]", B, A + "[^n]", B, "[^n]: The panel was two hours."),
        [A, B],
        [],
    ),
    ("md-blockquote-vs-body", "md", md(A, "> " + A, B), [], [A]),
    (
        "md-code-repeated",
        "md",
        md(
            A,
            "    print('a long line of code that repeats itself')",
            B,
            "    print('a long line of code that repeats itself')",
        ),
        [],
        ["<pre"],
    ),
    (
        "md-image-credits",
        "md",
        md(
            "![one](one.jpg)",
            "Photo by the author, taken outside the office at noon.",
            "![two](two.jpg)",
            "Photo by the author, taken outside the office at noon.",
        ),
        [],
        ["one.jpg", "two.jpg", "Photo by the author"],
    ),
    (
        "md-images-in-run",
        "md",
        md(A, "![one](one.jpg)", B, A, "![one](one.jpg)", B),
        [A, B, "one.jpg"],
        [],
    ),
    (
        "md-links-differ",
        "md",
        md(f"[{A}](https://a.example/)", B, f"[{A}](https://b.example/)", B),
        [],
        ["https://a.example/", "https://b.example/"],
    ),
    ("md-cjk-doubled", "md", md(CJK1, CJK2, CJK1, CJK2), [CJK1, CJK2], []),
    (
        "md-japanese-newer-save",
        "md",
        md(JA1, JA2, JA1, JA2 + "追記：金曜日に内定の電話がありました。"),
        [JA1],
        ["追記"],
    ),
    ("md-cjk-distinct", "md", md(CJK1, JA1, CJK2, JA2), [], []),
    ("md-raw-html-doubled", "md", md(*div(A, B, C), *div(A, B, C)), [A, B, C], []),
    (
        "md-list-right-under-paragraph",
        "md",
        md(A + "\n- " + B + "\n- " + C, D, A + "\n- " + B + "\n- " + C),
        [A],
        [],
    ),
    # --- Blogger HTML -------------------------------------------------------------
    ("html-div-lines", "html", html(*div(A, B, C, D, A, B, C, D)), [A, B, C, D], []),
    ("html-br-pairs", "html", html("<br /><br />".join([A, B, C, A, B, C])), [A, B, C], []),
    (
        "html-br-triples",
        "html",
        html("<br><br><br>".join([A, B, C, D, A, B, C, D])),
        [A, B, C, D],
        [],
    ),
    (
        "html-wrapped-copy",
        "html",
        html(*div(A, B, C), "<div>" + "".join(div(A, B, C)) + "</div>"),
        [A, B, C],
        [],
    ),
    ("html-div-newer-save", "html", html(*div(A, B, C, A, B + " " + UPDATE, C)), [A, C], [UPDATE]),
    (
        "html-spacer-image",
        "html",
        html(*div(A, B), "<div>&nbsp;</div>", '<div><img src="x.jpg"></div>', *div(A, B)),
        [A, B],
        ["x.jpg"],
    ),
    (
        "html-two-images",
        "html",
        html('<div><img src="a.jpg"></div>', *div(E), '<div><img src="b.jpg"></div>', *div(E)),
        [],
        ["a.jpg", "b.jpg"],
    ),
    ("html-p-and-div-copies", "html", html(*p(A, B, C), *div(A, B, C)), [A, B, C], []),
    (
        "html-apostrophe-attribute",
        "html",
        html(*p("See <a href=https://example.org/it's>this</a>.", A, B, A, B)),
        [A, B],
        [],
    ),
    (
        "html-dash-copy",
        "html",
        html(*p(A.replace(",", " --"), B, D), *p(A.replace(",", " \u2014"), B, D)),
        [B, D],
        [],
    ),
    (
        "html-refrain-br",
        "html",
        html("<br><br>".join([REFRAIN, A, REFRAIN, B, REFRAIN, C])),
        [],
        [REFRAIN],
    ),
    (
        "html-table-in-run",
        "html",
        html(
            *p(A),
            "<table><tr><td>x</td><td>y</td></tr></table>",
            *p(B, A),
            "<table><tr><td>x</td><td>y</td></tr></table>",
            *p(B),
        ),
        [A, B, "<table"],
        [],
    ),
    (
        "html-nested-ol-ul",
        "html",
        html(
            f"<ol><li>{A}<ol><li>{B}</li></ol></li><li>{C}</li></ol>",
            *p(D),
            f"<ul><li>{A}<ul><li>{B}</li></ul></li><li>{C}</li></ul>",
        ),
        [A, B, C],
        [],
    ),
    # --- reStructuredText ---------------------------------------------------
    (
        "rst-doubled-section",
        "rst",
        "Monday\n------\n\n"
        + A
        + "\n\n"
        + B
        + "\n\nTuesday\n-------\n\n"
        + C
        + "\n\nMonday\n------\n\n"
        + A
        + "\n\n"
        + B
        + "\n",
        [A, B, "Monday"],
        [],
    ),
    ("rst-doubled-body", "rst", "\n\n".join([A, B, C, A, B, C]) + "\n", [A, B, C], []),
    # --- added after the first measurements ------------------------------------
    (
        "html-div-spacer-lines",
        "html",
        html(*[f"<div>{t}</div>\n<div><br /></div>" for t in (A, B, C, A, B, C)]),
        [A, B, C],
        [],
    ),
    (
        "html-figure-doubled",
        "html",
        html(
            *p(A),
            '<figure><img src="f.jpg"><figcaption>' + D + "</figcaption></figure>",
            *p(B, A),
            '<figure><img src="f.jpg"><figcaption>' + D + "</figcaption></figure>",
            *p(B),
        ),
        [A, B, D, "<figure"],
        [],
    ),
    ("md-copy-starts-mid-paragraph", "md", md(A, B, C, A[30:], B, C), [B, C], []),
    (
        "md-copy-lost-its-link",
        "md",
        md(f"[{E}](https://e.example/)", F, A, E, F, A),
        [E, F, A],
        ["https://e.example/"],
    ),
    (
        "md-copy-gained-a-link",
        "md",
        md(E, F, A, f"[{E}](https://e.example/)", F, A),
        [E, F, A],
        ["https://e.example/"],
    ),
]
