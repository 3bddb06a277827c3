# Django's "M" capitalises the month's abbreviation in every language ("di 1 Dec"); Dutch writes
# abbreviations of days and months in lower case: "di 1 dec". "b" is the month's abbreviation
# as the language writes it.
SHORT_DAY_MONTH_FORMAT = "D j b"
