"""Which process writes which file: a pure, deterministic assignment.

Every process sees the same calls in the same order and so computes the same
answer without talking to the others. A name keeps the process it was first
given, so Pelican's rules for a file written twice (override or error) still
play out inside one process. Otherwise a call goes to the process with the
least estimated work so far; estimates are rough weights measured on this
site's theme, enough to keep two processes busy until about the same time.
"""

# Relative cost of one call, in "article pages" (timed on 1,000 posts).
PAGE = 1.0  # any page rendered from a template
SUMMARY = 0.04  # each post summary on a paginated list (index, tag, category)
LISTED = 0.02  # each post named on an unpaginated list (archives)
FEED_ENTRY = 0.3  # each entry of a feed


class Shares:
    """Hands out calls to ``processes`` processes; remembers what it saw."""

    def __init__(self, processes):
        self.load = [0.0] * processes
        self.owner = {}
        self.seen = []

    def assign(self, name, cost, rank=None):
        """The rank (0 = main process) that writes ``name``; ``rank`` pins it."""
        rank = self.owner.get(name, rank)
        if rank is None:
            rank = min(range(len(self.load)), key=self.load.__getitem__)
        self.owner.setdefault(name, rank)
        self.load[rank] += cost
        self.seen.append(name)
        return rank


def page_cost(settings, template_name, paginated, kwargs):
    """Estimated cost of one ``Writer.write_file`` call."""
    if paginated is None:
        paginated = {key: kwargs[key] for key in ("articles", "dates") if key in kwargs}
    listed = max((len(items) for items in paginated.values()), default=0)
    if paginated and template_name in settings["PAGINATED_TEMPLATES"]:
        per_page = settings["PAGINATED_TEMPLATES"][template_name] or settings["DEFAULT_PAGINATION"]
        if per_page:
            pages = max(1, -(-listed // per_page))
            return pages * PAGE + listed * SUMMARY
    return PAGE + listed * LISTED


def feed_cost(settings, elements):
    """Estimated cost of one ``Writer.write_feed`` call."""
    entries = len(elements[: settings.get("FEED_MAX_ITEMS")])
    return PAGE + entries * FEED_ENTRY
