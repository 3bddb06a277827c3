"""Background work that Wagtail and its search enqueue (search index, reference index) runs at
once, as django-tasks' immediate backend does, except inside `batched()`: there each distinct task
(the same task with the same arguments) runs once, when the block ends.

Bulk writers save the same row several times in one go (the demo loader saves, publishes and
translates each page; an import touches an event for each of its dates), and each save enqueues
the same index update. An update reads the row as it is when it runs, so once at the end gives
the same index as every time in between, for a fraction of the work.
"""

import contextlib
import threading

from django.db import transaction
from django_tasks.backends.immediate import ImmediateBackend

_batch = threading.local()


class BatchingImmediateBackend(ImmediateBackend):
    """django-tasks' immediate backend, which defers to the end of a `batched()` block."""

    def _execute_task(self, task_result):
        pending = getattr(_batch, "pending", None)
        if pending is None:
            return super()._execute_task(task_result)
        key = (task_result.task.module_path, repr(task_result.args), repr(task_result.kwargs))
        pending.setdefault(key, (self, task_result))
        return None


@contextlib.contextmanager
def batched():
    """Run each distinct task enqueued inside the block once, when it ends (nested blocks wait
    for the outermost). Tasks of a block that fails are dropped with it."""
    if getattr(_batch, "pending", None) is not None:
        yield
        return
    _batch.pending = {}
    try:
        yield
    finally:
        pending, _batch.pending = _batch.pending, None
    with transaction.atomic():  # one commit for all of them
        for backend, task_result in pending.values():
            backend._execute_task(task_result)
