"""The submissions app's models; everything is importable from `submissions.models`."""

from .pages import EventSubmissionPage
from .submission import EventSubmission

__all__ = ["EventSubmission", "EventSubmissionPage"]
