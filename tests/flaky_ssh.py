"""A stand-in for ssh whose connection drops part-way, to test failed uploads.

rsync runs it as ``flaky_ssh.py HOST COMMAND...``; it runs COMMAND (the rsync
server) on this machine and passes it what the client sends. With
FLAKY_SSH_BYTES set, it kills the server after that many bytes and exits 255,
as ssh does when the connection is lost.
"""

import os
import subprocess
import sys
import threading


def forward(server, limit, dropped):
    """Copy our stdin to the server's until EOF, or until ``limit`` bytes."""
    sent = 0
    while limit < 0 or sent < limit:
        chunk = os.read(0, 65536 if limit < 0 else min(65536, limit - sent))
        if not chunk:
            break
        try:
            server.stdin.write(chunk)
            server.stdin.flush()
        except (BrokenPipeError, ValueError):
            return
        sent += len(chunk)
    if limit >= 0 and sent >= limit:
        dropped.set()
        server.kill()
        return
    server.stdin.close()


def main():
    limit = int(os.environ.get("FLAKY_SSH_BYTES", "-1"))
    server = subprocess.Popen(sys.argv[2:], stdin=subprocess.PIPE)
    dropped = threading.Event()
    threading.Thread(target=forward, args=(server, limit, dropped), daemon=True).start()
    status = server.wait()
    if dropped.is_set():
        sys.stderr.write("flaky_ssh: connection dropped\n")
        return 255
    return status


if __name__ == "__main__":
    sys.exit(main())
