"""Section 2.8.5.3 of the Standard: the check of the complaints book of the organisation, "on
the recording of the complaints on the quality of the services in it".

The entries of the physical book, as typed in from it, are compared with the complaints
registered in Odoo in both directions. Plain Python, no database: an entry and a complaint are
the same complaint when the entry gives the complaint's number, or else when it was written the
day the complaint was filed by the same person (the name written with other cases or spaces is
the same name). Each complaint answers for one entry at most.
"""


def same_name(one, other):
    return (
        bool(one and other)
        and " ".join(one.split()).casefold() == " ".join(other.split()).casefold()
    )


def compare(entries, complaints):
    """Compare the book with the register.

    ``entries``: (key, date, applicant name, complaint number written in the book or None);
    ``complaints``: (key, date filed, applicant name, number). Returns
    ``(matches, missing_in_register, missing_in_book)``: the key of the complaint of each matched
    entry, the keys of the entries with no complaint in the register, the keys of the complaints
    with no entry in the book, each in the order given.
    """
    free = list(complaints)
    matches = {}
    # an entry that gives the number of the complaint is matched first, by that number
    for key, _day, _name, number in entries:
        if not number:
            continue
        for complaint in free:
            if complaint[3] and complaint[3].strip().casefold() == number.strip().casefold():
                matches[key] = complaint[0]
                free.remove(complaint)
                break
    for key, day, name, _number in entries:
        if key in matches:
            continue
        for complaint in free:
            if complaint[1] == day and same_name(complaint[2], name):
                matches[key] = complaint[0]
                free.remove(complaint)
                break
    missing_in_register = [entry[0] for entry in entries if entry[0] not in matches]
    missing_in_book = [complaint[0] for complaint in free]
    return matches, missing_in_register, missing_in_book
