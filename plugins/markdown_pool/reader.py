"""The Markdown reader that takes a file's rendering from the pool when there is one."""

from markdown_reuse import ReusingMarkdownReader, ready_markdown


class PooledMarkdownReader(ReusingMarkdownReader):
    """markdown_reuse's reader; uses a worker's HTML and Meta when the pool has them.

    Pelican's metadata processing (dates, Summary rendered as Markdown, ...)
    still runs here, in the build's own process, on the worker's raw Meta.
    Without a result (no pool, or the worker could not render the file) it
    reads the file itself, exactly as before.
    """

    session = None  # a pool.Session while this generator's files are read

    def read(self, source_path):
        prepared = self.session.take(source_path) if self.session is not None else None
        if prepared is None:
            return super().read(source_path)
        self._source_path = source_path
        # _parse_metadata converts formatted fields with self._md and first
        # deregisters "meta": it needs a reset instance with meta registered.
        self._md = ready_markdown(getattr(self, "_md", None), self.settings["MARKDOWN"])
        metadata = self._parse_metadata(prepared.meta) if prepared.meta is not None else {}
        return prepared.html, metadata
