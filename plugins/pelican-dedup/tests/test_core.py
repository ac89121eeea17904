"""Rules of dedup.core, one case per test, on plain lists of blocks."""

import pytest

from pelican.plugins.dedup.core import (
    Block,
    Decision,
    Options,
    could_have_decisions,
    find_duplicates,
    is_long,
    normalize,
)


def P(text, context=()):
    return Block("p", tuple(context), text)


def LI(text, context=("ol",)):
    return Block("li", tuple(context), text)


def H(text, level=2):
    return Block(f"h{level}", (), text)


def CODE(text="print('hello')"):
    return Block("pre", ("div",), text, protected=True)


def removed(decisions):
    return [d.index for d in decisions if d.action == "remove"]


def reported(decisions):
    return [d.index for d in decisions if d.action == "report"]


def by_index(decisions):
    return {d.index: d for d in decisions}


PARAS = [
    "I finally sat down this weekend to sort out the mess of half-finished projects.",
    "Most of them started as a quick experiment on a Friday night and then stalled.",
    "The list below is what I decided to keep, in the order I intend to work on it.",
    "Everything else goes into an archive folder so it stops nagging me every morning.",
    "The hardest part was admitting that some ideas were simply not worth finishing.",
    "I also moved the build scripts into one place, which should make releases easier.",
    "Some of the older repositories still depend on libraries that no longer exist.",
    "For those I will write a short note explaining why they were abandoned instead.",
    "If you have used any of these tools, I would love to hear which ones you rely on.",
    "That is all for now; the next post will cover the new deployment setup in detail.",
]
KEEP_ITEMS = [
    "Convert the ones I've got going.",
    "Finish the static site generator theme.",
    "Rewrite the backup script in Python.",
]
DROP_ITEMS = [
    "Old chat bot.",
    "The photo tagging experiment from two years ago.",
    "Anything that needs Python 2.",
    "Half a keyboard firmware.",
]


def seed_post():
    """10 paragraphs and two ordered lists (3 and 4 items): 17 blocks."""
    return (
        [P(t) for t in PARAS[:3]]
        + [LI(t) for t in KEEP_ITEMS]
        + [P(t) for t in PARAS[3:6]]
        + [LI(t) for t in DROP_ITEMS]
        + [P(t) for t in PARAS[6:]]
    )


# --- normalisation ---------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ﬁne ｆｕｌｌｗｉｄｔｈ", "fine fullwidth"),  # NFKC
        ("Hello WORLD Straße", "hello world strasse"),  # casefold
        (
            "\u2018it\u2019s\u2019 \u201cquoted\u201d \u201equote\u201f",
            '\'it\'s\' "quoted" "quote"',
        ),
        ("a\u2010b\u2011c\u2012d\u2013e\u2014f\u2015g\u2212h", "a-b-c-d-e-f-g-h"),
        ("zero\u200bwidth\u200c\u200d\u2060\ufeff soft\u00adhyphen", "zerowidth softhyphen"),
        ("  lots\tof \n\n whitespace\u00a0here  ", "lots of whitespace here"),
    ],
)
def test_normalize_folds_presentation_differences(a, b):
    assert normalize(a) == normalize(b) == b.casefold()


def test_normalize_never_folds_digits():
    assert normalize("Step 3: add salt") != normalize("Step 4: add salt")
    assert normalize("Step ３") == "step 3"  # NFKC width folding is not digit folding


def test_is_long_needs_both_length_and_words():
    opts = Options()
    assert is_long(normalize(PARAS[0]), opts)
    assert not is_long("a" * 80, opts)  # one word
    assert not is_long("one two three four five six", opts)  # too short
    assert is_long("one two three four five six", Options(min_length=10))


# --- rule 1: repeated long blocks -----------------------------------------


def test_long_block_repeated_non_adjacently_is_removed():
    blocks = [P(PARAS[0]), P(PARAS[1]), H("Interlude"), P(PARAS[2]), P(PARAS[0])]
    decisions = find_duplicates(blocks)
    assert decisions == [Decision(4, "remove", "repeated-block", 0, 1.0)]


def test_long_block_repeated_with_cosmetic_differences_is_removed():
    blocks = [P("It\u2019s a “simple” fix \u2014 really, no more than TEN lines."), P(PARAS[1])]
    blocks.append(P('it\'s a "simple" fix - really, no more than ten\u200b lines.'))
    assert removed(find_duplicates(blocks)) == [2]


def test_three_copies_of_a_long_block_saved_in_a_row_keep_only_the_first():
    blocks = [P(PARAS[1]), P(PARAS[0]), P(PARAS[0]), P(PARAS[0]), P(PARAS[2])]
    decisions = find_duplicates(blocks)
    assert removed(decisions) == [2, 3]
    assert all(d.original == 1 and d.reason == "repeated-block" for d in decisions)


def test_a_refrain_between_different_blocks_stays():
    blocks = [P(PARAS[0]), P(PARAS[1]), P(PARAS[0]), P(PARAS[2]), P(PARAS[0])]
    assert find_duplicates(blocks) == []


def test_a_doubled_poem_loses_its_copy_but_keeps_its_refrain():
    poem = [P(PARAS[1]), P(PARAS[0]), P(PARAS[2]), P(PARAS[0]), P(PARAS[3]), P(PARAS[0])]
    decisions = find_duplicates(poem + poem)
    assert removed(decisions) == list(range(6, 12))


# --- rule 2: repeated runs ------------------------------------------------


def test_seed_post_doubled_back_to_back_loses_the_whole_second_copy():
    post = seed_post()
    assert len(post) == 17
    decisions = find_duplicates(post + post)
    assert removed(decisions) == list(range(17, 34))
    assert all(d.reason == "repeated-run" and d.original == d.index - 17 for d in decisions)
    assert all(d.similarity == 1.0 for d in decisions)


def test_run_of_short_items_goes_with_its_long_anchor():
    blocks = [P(PARAS[0]), LI("Yes"), LI("No"), P(PARAS[1]), P(PARAS[0]), LI("Yes"), LI("No")]
    assert removed(find_duplicates(blocks)) == [4, 5, 6]


def test_run_with_a_changed_word_keeps_the_changed_paragraph_and_reports_it():
    post = seed_post()
    copy = list(post)
    copy[8] = P(PARAS[5].replace("releases", "deployments"))
    decisions = by_index(find_duplicates(post + copy))
    assert sorted(decisions) == list(range(17, 34))
    edited = decisions[17 + 8]
    assert edited.action == "report" and edited.reason == "near-duplicate"
    assert edited.original == 8 and 0.8 <= edited.similarity < 1.0
    assert all(d.action == "remove" for k, d in decisions.items() if k != 25)


def test_run_with_a_paragraph_cut_short_goes_whole():
    post = seed_post()
    copy = list(post)
    copy[8] = P(PARAS[5].replace(", which should make releases easier", ""))
    decisions = by_index(find_duplicates(post + copy))
    assert removed(decisions.values()) == list(range(17, 34))
    assert decisions[25].reason == "edited-copy-in-run" and decisions[25].original == 8


def test_a_newer_save_with_an_added_sentence_is_the_copy_kept():
    post = [P(t) for t in PARAS[:4]]
    copy = list(post)
    copy[2] = P(PARAS[2] + " Update: they called back on Friday and offered me the job.")
    decisions = by_index(find_duplicates(post + copy))
    assert removed(decisions.values()) == [0, 1, 2, 3]
    assert [decisions[k].original for k in range(4)] == [4, 5, 6, 7]
    assert {d.reason for d in decisions.values()} == {"older-copy"}


def test_run_whose_first_paragraph_was_edited_keeps_that_paragraph():
    post = [P(t) for t in PARAS[:4]]
    copy = [P(PARAS[0].replace("weekend", "evening"))] + post[1:]
    decisions = by_index(find_duplicates(post + copy))
    assert removed(decisions.values()) == [5, 6, 7]
    assert decisions[4].action == "report" and decisions[4].original == 0


def test_three_copies_of_a_run_keep_only_the_first():
    run = [P(PARAS[0]), LI("Short item."), P(PARAS[1])]
    decisions = find_duplicates(run * 3)
    assert removed(decisions) == [3, 4, 5, 6, 7, 8]
    assert [d.original for d in decisions] == [0, 1, 2, 0, 1, 2]


def test_run_of_short_blocks_only_is_kept():
    blocks = [P("Thanks!"), P("Yes"), P(PARAS[0]), P("Thanks!"), P("Yes")]
    assert removed(find_duplicates(blocks)) == []


# --- never removed -------------------------------------------------------------


def test_short_blocks_repeated_outside_a_run_are_kept():
    blocks = [P("Thanks!"), P(PARAS[0]), P("Yes"), P("* * *"), P(PARAS[1])]
    blocks += [P("* * *"), P("Yes"), P(PARAS[2]), P("Thanks!")]
    assert find_duplicates(blocks) == []


def test_repeated_heading_in_two_sections_is_kept():
    blocks = [H("Product A"), P(PARAS[0]), H("Pros", 3), LI("Cheap", ("ul",)), H("Cons", 3)]
    blocks += [H("Product B"), P(PARAS[1]), H("Pros", 3), LI("Fast", ("ul",)), H("Cons", 3)]
    assert find_duplicates(blocks) == []


def test_siblings_differing_only_in_a_number_are_kept():
    steps = [LI(f"Step {n}: stir the mixture gently for two more minutes.") for n in (3, 4, 5)]
    assert find_duplicates(steps) == []


def test_number_change_inside_a_run_neighbourhood_is_kept():
    step3 = LI("Step 3: stir the mixture gently for two more minutes, then rest.")
    step4 = LI("Step 4: stir the mixture gently for two more minutes, then rest.")
    blocks = [P(PARAS[0]), P(PARAS[1]), step3, P(PARAS[0]), P(PARAS[1]), step4]
    decisions = find_duplicates(blocks)
    assert removed(decisions) == [3, 4]
    assert 5 not in by_index(decisions)


def test_same_text_in_blockquote_and_body_is_kept():
    blocks = [P(PARAS[0], ("blockquote",)), P(PARAS[1]), P(PARAS[0])]
    assert find_duplicates(blocks) == []


def test_same_text_at_different_list_depths_is_kept():
    blocks = [LI(PARAS[0], ("ul",)), LI(PARAS[0], ("ul", "li", "ul"))]
    assert find_duplicates(blocks) == []


def test_protected_blocks_are_never_removed():
    code = CODE("for x in range(10):\n    print(x, 'a long enough line of code')")
    blocks = [code, P(PARAS[0]), code, code]
    assert find_duplicates(blocks) == []


def test_protected_block_breaks_a_run():
    blocks = [P(PARAS[0]), LI("Short"), CODE(), P(PARAS[1]), P(PARAS[0]), LI("Short"), CODE()]
    blocks.append(P(PARAS[1]))
    decisions = find_duplicates(blocks)
    # Both halves still go (each is a run or a long repeat), the code stays.
    assert removed(decisions) == [4, 5, 7]
    assert 6 not in by_index(decisions)


def test_protected_block_breaks_a_run_so_short_items_beyond_it_stay():
    blocks = [P(PARAS[0]), P(PARAS[1]), CODE(), LI("Short")]
    blocks += [P(PARAS[0]), P(PARAS[1]), CODE(), LI("Short")]
    assert removed(find_duplicates(blocks)) == [4, 5]


def test_isolated_near_duplicate_is_reported_not_removed():
    edited = PARAS[3].replace("morning", "evening")
    blocks = [P(PARAS[3]), P(PARAS[0]), H("Later"), P(edited)]
    decisions = find_duplicates(blocks)
    assert len(decisions) == 1
    d = decisions[0]
    assert (d.index, d.action, d.reason, d.original) == (3, "report", "near-duplicate", 0)
    assert 0.8 <= d.similarity < 1.0


def test_one_changed_word_in_a_six_word_sentence_is_near():
    a = "Remember to water the plants daily."
    b = "Remember to water the flowers daily."
    decisions = find_duplicates([P(a), P(b)], Options(min_length=20))
    assert [(d.action, round(d.similarity, 2)) for d in decisions] == [("report", 0.83)]


def test_distinct_paragraphs_are_not_reported():
    assert find_duplicates([P(t) for t in PARAS]) == []


def test_empty_input():
    assert find_duplicates([]) == []


# --- guarantees -----------------------------------------------------------------


def test_second_pass_on_kept_blocks_removes_nothing():
    post = seed_post()
    copy = list(post)
    copy[0] = P(PARAS[0].replace("weekend", "evening"))
    blocks = post + [H("Pros")] + copy + post[:5] + [P(PARAS[4])]
    gone = set(removed(find_duplicates(blocks)))
    kept = [b for i, b in enumerate(blocks) if i not in gone]
    assert removed(find_duplicates(kept)) == []


def test_originals_are_always_kept():
    post = seed_post()
    blocks = post + post[3:9] + post + [P(PARAS[2])]
    decisions = find_duplicates(blocks)
    gone = set(removed(decisions))
    assert all(d.original not in gone and d.original < d.index for d in decisions)


# --- performance ---------------------------------------------------------------


def _big_post(n):
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    blocks = []
    for i in range(n):
        w = [words[(i * 7 + k * 3) % len(words)] for k in range(10)]
        blocks.append(P(f"Paragraph {i} says {' '.join(w)} and so on."))
    return blocks


def test_two_thousand_blocks_with_copies():
    # Its speed is measured by `make bench`; here, only the decisions.
    base = _big_post(1000)
    blocks = base[:500] + base[200:700] + base[700:] + [P("Thanks!")] * 50
    assert removed(find_duplicates(blocks)) == list(range(500, 800))


def test_screen_passes_documents_that_repeat_a_long_block():
    same = "The same long paragraph about interviews, twice."
    assert could_have_decisions(["An opening line.", same, "", same])


def test_screen_passes_near_duplicates_one_word_changed():
    a = "I finally sat down this weekend to sort out the mess of half-finished projects."
    b = a.replace("weekend", "evening")
    assert could_have_decisions([a, b])
    assert find_duplicates([P(a), P(b)])


def test_screen_rejects_blocks_that_share_no_three_words():
    a = "Every word here is different from the others, so nothing can repeat at all."
    b = "Another paragraph follows with its own vocabulary and a separate thought."
    assert not could_have_decisions([a, b])
    assert not find_duplicates([P(a), P(b)])


def test_screen_rejects_paragraphs_that_only_share_a_phrase():
    """Real prose: "one of the" in two paragraphs that are nothing alike."""
    a = "The recruiter said I was one of the strongest candidates they had seen this year."
    b = "Tomorrow I call one of the hiring managers from the list my old boss gave me."
    assert not could_have_decisions([a, b])
    assert not find_duplicates([P(a), P(b)])


def test_screen_rejects_steps_that_differ_only_in_their_numbers():
    a = "Step 3: stir the mixture gently for two more minutes, then let it rest."
    b = a.replace("Step 3", "Step 4")
    assert not could_have_decisions([a, b])
    assert not find_duplicates([P(a), P(b)])


def test_screen_respects_smaller_thresholds():
    chunks = ["Yes no.", "Yes no."]
    assert not could_have_decisions(chunks)  # not long by default: nothing can go
    assert not find_duplicates([P(c) for c in chunks])
    small = Options(min_length=1, min_words=2)
    assert could_have_decisions(chunks, small)
    assert find_duplicates([P(c) for c in chunks], small)


def test_screen_leaves_very_many_pairs_to_the_full_check():
    """40 notes sharing a phrase make 780 pairs: more than the screen tests."""
    note = "Note {}: one of the many small things I wrote down today, number {}."
    notes = [note.format(n, n) for n in range(40)]
    assert could_have_decisions(notes)
    assert not could_have_decisions(notes[:30])  # 435 pairs, none of them alike


def test_screen_gives_up_before_listing_the_pairs_of_a_huge_post():
    """20,000 paragraphs sharing a phrase would make 200 million pairs."""
    paragraph = "Paragraph {} of a very long imported post, one of many."
    assert could_have_decisions(paragraph.format(n) for n in range(20_000))


# --- issue 15: dashes, unspaced scripts --------------------------------------


def test_every_dash_and_the_double_hyphen_fold_alike():
    forms = ["a -- b", "a \u2013 b", "a \u2014 b", "a --- b", "a - b", "a \u2212 b"]
    assert {normalize(f) for f in forms} == {"a - b"}


def test_unspaced_scripts_are_measured_on_characters():
    from pelican.plugins.dedup.text import length, units

    chinese = "我今天去了第二次面试，面试官问了很多问题。"
    assert units(normalize(chinese).split()) == list(normalize(chinese))
    norm = normalize(chinese)
    assert "," in norm  # NFKC made the wide comma a narrow one
    assert length(norm) == len(norm) + len(norm.replace(",", ""))  # wide ones count twice
    assert is_long(normalize(chinese), Options())
    korean = "오늘 두 번째 면접을 봤습니다 면접관이 네 명이었습니다"
    assert units(korean.split()) == korean.split()  # Korean puts spaces between words


def test_a_chinese_paragraph_copied_with_one_character_changed_is_near():
    a = "我今天去了第二次面试，面试官问了很多关于合作伙伴计划的问题，我回答得还不错。"
    b = a.replace("不错", "可以")
    decisions = find_duplicates([P(a), P(PARAS[0]), P(b)])
    assert [(d.action, d.index) for d in decisions] == [("report", 2)]


def test_an_image_block_is_compared_by_its_source_never_as_empty_text():
    img = Block("p", (), "", media=("a.jpg",))
    other = Block("p", (), "", media=("b.jpg",))
    run = [P(PARAS[0]), img, P(PARAS[1])]
    assert removed(find_duplicates(run + run)) == [3, 4, 5]
    assert removed(find_duplicates(run + [P(PARAS[0]), other, P(PARAS[1])])) == [3, 5]
    assert find_duplicates([img, P(PARAS[2]), other, P(PARAS[3])]) == []


def test_a_nested_items_own_text_goes_only_with_everything_inside_it():
    outer = Block("li", ("ul",), PARAS[0], inner=1)
    inner_same = LI(PARAS[1], ("ul", "li", "ul"))
    inner_new = LI(PARAS[2], ("ul", "li", "ul"))
    assert removed(find_duplicates([outer, inner_same, P("x"), outer, inner_same])) == [3, 4]
    kept = find_duplicates([outer, inner_same, P("x"), outer, inner_new])
    assert removed(kept) == []
