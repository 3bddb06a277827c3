"""Reading a CSV file someone saved from a spreadsheet, for the imports (venues, services).

Shared so every import reads files the same way and names every problem the same way, as
(line, column, message): UTF-8 with or without a byte-order mark, comma- or semicolon-separated
(Dutch spreadsheets save “CSV” with semicolons), a header row whose columns are checked first.
Nothing here knows what the columns mean; each import checks its own cells.
"""

import csv
import io

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def delimiter(first_line):
    """`;` when the header row is separated by semicolons (a Dutch Excel “CSV”), else `,`."""
    return ";" if first_line.count(";") > first_line.count(",") else ","


def decode(data):
    """The file as text, or None and the (line, column, message) of the first byte that is not
    UTF-8."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        before = data[line_start : error.start].decode("utf-8", "replace")
        first = data.split(b"\n", 1)[0].decode("utf-8", "replace")
        sep = delimiter(first)
        header = next(csv.reader([first], delimiter=sep), [])
        index = len(next(csv.reader([before], delimiter=sep), [""])) - 1 if before else 0
        column = header[index] if index < len(header) else f"#{index + 1}"
        return None, (
            line,
            column,
            _("the file is not UTF-8 encoded (save it as “CSV UTF-8” and import it again)."),
        )


def open_rows(data, columns, required):
    """A csv.DictReader over the file and the problems with its header (an unreadable file,
    a required column missing, a column nobody knows). Read rows only when there are none."""
    text, encoding_error = decode(data)
    if encoding_error:
        return None, [encoding_error]
    reader = csv.DictReader(
        io.StringIO(text, newline=""), delimiter=delimiter(text.split("\n", 1)[0])
    )
    header = reader.fieldnames or []
    errors = [(1, name, _("this column is required.")) for name in required if name not in header]
    errors += [(1, name, _("unknown column.")) for name in header if name not in columns]
    return reader, errors


def numbered(reader):
    """(line, row) for each row of a DictReader, the line being where the row starts in the
    file (a cell over several lines does not move the rows after it)."""
    start = reader.line_num + 1
    for raw in reader:
        yield start, raw
        start = reader.line_num + 1


def sorted_problems(errors):
    """Each problem once, by line, then column."""
    return sorted(set(errors), key=lambda e: (e[0], str(e[1])))


def problems_text(errors, file_name):
    """“Nothing was imported; N problems in FILE:” and a line per problem, for a command."""
    lines = [
        _("line %(line)s, column %(column)s: %(message)s")
        % {"line": line, "column": column, "message": message}
        for line, column, message in errors
    ]
    heading = ngettext(
        "Nothing was imported; %(count)s problem in %(file)s:",
        "Nothing was imported; %(count)s problems in %(file)s:",
        len(lines),
    ) % {"count": len(lines), "file": file_name}
    return "\n".join([heading, *lines])
