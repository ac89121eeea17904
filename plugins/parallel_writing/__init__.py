"""Write the site's pages and feeds in several processes at once.

Rendering templates is about half of a Pelican build, and Pelican does it on
one core. After every post is read, this plugin forks one worker process per
extra core. Each process runs Pelican's own output code on the same data and
writes only its share of the files; the main process takes the rest, then
gathers the workers' log records, checks that every process saw the same
files in the same order, and fails the build plainly if a worker failed.
Output is byte-identical to a build on one core.

It stays on one core (and says why at debug level) where forking is unsafe or
pointless: no ``os.fork`` (Windows), macOS, other threads running, small
sites, and any plugin listening to the signals sent while writing
(``content_written``, ``feed_generated``, ``feed_written``,
``article_writer_finalized``, ``page_writer_finalized``), because its
receivers would run in a worker and what they remember would be lost.

Settings::

    PARALLEL_WRITING = {
        "PROCESSES": 0,     # processes that write, the main one included;
                            # 0 = one per usable core, 1 = off
        "MIN_CONTENT": 200, # fewer articles and pages than this: one process
    }
"""


def register():
    """Pelican's entry point."""
    from .plugin import register as register_signals

    register_signals()
