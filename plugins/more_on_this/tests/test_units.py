"""The ranking on its own, with stand-in posts."""

import random
from datetime import datetime

import pytest

from more_on_this.plugin import index_by_tags, related
from more_on_this.settings import SettingsError, read_settings


class Post:
    """What the plugin reads of a Pelican article (hashable, like one)."""

    def __init__(self, slug, day, tags, metadata):
        self.slug, self.date, self.tags, self.metadata = (
            slug,
            datetime(2013, 5, day),
            tags,
            metadata,
        )


def post(slug, day, *tags, **metadata):
    return Post(slug, day, list(tags), metadata)


A, B, C, D = post("a", 1, "x", "y"), post("b", 2, "x"), post("c", 3, "y"), post("d", 4, "w")
PUBLISHED = {post: place for place, post in enumerate([D, C, B, A])}  # newest first
BY_TAG = index_by_tags([D, C, B, A], 3)


def test_most_shared_tags_first_then_newest():
    both = post("e", 5, "x", "y")
    assert related(both, PUBLISHED, BY_TAG, 3) == [A, C, B]
    assert related(both, PUBLISHED, BY_TAG, 1) == [A]
    assert related(A, PUBLISHED, BY_TAG, 3) == [C, B], "a post is not related to itself"
    assert related(post("f", 6), PUBLISHED, BY_TAG, 3) == []


def test_a_draft_tag_is_not_added_to_the_table():
    draft = post("draft", 7, "secret")
    assert related(draft, PUBLISHED, BY_TAG, 3) == []
    assert "secret" not in BY_TAG


def test_named_slugs_win_in_their_order():
    chosen = post("g", 8, "x", related_posts="d, nope, a")
    assert related(chosen, PUBLISHED, BY_TAG, 3) == [D, A]


def test_max_defaults_to_3_and_may_be_0():
    assert read_settings({}) == read_settings({"MORE_ON_THIS": None}) == 3
    assert read_settings({"MORE_ON_THIS": {"MAX": 0}}) == 0


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (-1, "Expected `int` >= 0"),
        ("3", "Expected `int`, got `str`"),
        (True, "Expected `int`, got `bool`"),
        (2.0, "Expected `int`, got `float`"),
    ],
)
def test_a_bad_max_is_named_with_the_reason(value, reason):
    with pytest.raises(SettingsError) as raised:
        read_settings({"MORE_ON_THIS": {"MAX": value}})
    assert str(raised.value) == f"MORE_ON_THIS: {reason} - at `$.MAX`"


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({"MOST": 3}, "Object contains unknown field `MOST`"),
        ([3], "Expected `object`, got `array`"),
    ],
)
def test_an_unknown_key_or_a_non_dict_is_named(given, said):
    with pytest.raises(SettingsError) as raised:
        read_settings({"MORE_ON_THIS": given})
    assert str(raised.value) == f"MORE_ON_THIS: {said}"


def test_the_index_ranks_as_comparing_every_pair_would():
    rng = random.Random(13)
    tags = [rng.sample("abcdef", rng.randint(0, 3)) for _ in range(300)]
    posts = [post(f"p{n}", 1 + n % 28, *chosen) for n, chosen in enumerate(tags)]
    newest_first = sorted(posts, key=lambda p: (p.date, p.slug), reverse=True)
    published = {p: place for place, p in enumerate(newest_first)}
    by_tag = index_by_tags(newest_first, 3)
    for article in posts:
        every_pair = sorted(
            (p for p in newest_first if p is not article and set(p.tags) & set(article.tags)),
            key=lambda p: (-len(set(p.tags) & set(article.tags)), published[p]),
        )
        assert related(article, published, by_tag, 3) == every_pair[:3], article.slug
