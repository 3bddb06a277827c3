"""gunicorn's settings for Wijkinfo, read from the working directory: `gunicorn config.wsgi`.

Sync workers, as many as gunicorn's own advice for a machine (two per core and one more, or
WEB_CONCURRENCY): a page is work for the processor, so threads would not serve more of them, but
spare workers keep the queue moving while one is busy with a slow page, is restarted, or was
killed. `make loadtest` runs with these settings.
"""

import multiprocessing
import os

workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
# A request still running after this long is stuck (the database has its own, shorter, limits):
# the worker is replaced rather than left holding a resident's connection.
timeout = 30
graceful_timeout = 30
# A worker is replaced after this many requests (spread out, so not all at once): memory that
# creeps up in a long-running process is given back.
max_requests = 5000
max_requests_jitter = 500
