"""The assignment of files to processes, on plain names and costs."""

from pelican.settings import DEFAULT_CONFIG

from parallel_writing.shares import PAGE, SUMMARY, Shares, page_cost


def test_work_goes_to_the_least_loaded_process():
    shares = Shares(2)
    assert [shares.assign(name, cost) for name, cost in [("a", 5), ("b", 1), ("c", 1)]] == [0, 1, 1]
    assert shares.assign("d", 1) == 1  # 5 against 2
    assert shares.load == [5, 3]


def test_a_name_stays_with_its_first_process_and_a_pin_holds():
    shares = Shares(3)
    first = shares.assign("index.html", 1)
    assert [shares.assign("index.html", 1) for _ in range(3)] == [first] * 3
    assert shares.assign("feed.xml", 1, rank=0) == 0
    assert shares.assign("feed.xml", 1) == 0
    assert shares.seen == ["index.html"] * 4 + ["feed.xml"] * 2


def test_two_processes_given_the_same_calls_agree():
    calls = [(f"page-{n}", n % 7 + 0.5) for n in range(200)]
    a, b = Shares(2), Shares(2)
    assert [a.assign(*c) for c in calls] == [b.assign(*c) for c in calls]
    assert abs(a.load[0] - a.load[1]) <= max(cost for _name, cost in calls)


def test_a_paginated_list_costs_its_pages_and_summaries():
    settings = dict(DEFAULT_CONFIG, DEFAULT_PAGINATION=10)
    articles = list(range(95))
    cost = page_cost(settings, "index", None, {"articles": articles})
    assert cost == 10 * PAGE + 95 * SUMMARY
    assert page_cost(settings, "article", None, {"article": 1}) == PAGE
